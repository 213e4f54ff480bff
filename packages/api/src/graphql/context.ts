import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Viewer } from '../modules/auth/viewer.js';
import type { Services } from './services.js';
import { Loaders } from './loaders.js';

/**
 * Everything a resolver gets: one EntityManager fork per request (its own identity map), the
 * viewer, per-request DataLoaders, and the process-wide services.
 */
export interface GraphQLContext {
  em: EntityManager;
  viewer: Viewer;
  config: Config;
  logger: Logger;
  services: Services;
  loaders: Loaders;
  requestId: string;
}

export function createContext(base: Omit<GraphQLContext, 'loaders'>): GraphQLContext {
  return { ...base, loaders: new Loaders(base.em) };
}
