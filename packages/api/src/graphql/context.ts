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
  /**
   * For a partner's operation: each root field's response key → the scopes its selection needs
   * (set before execution by the partner access plugin; the link must grant them).
   */
  partnerRootScopes?: Map<string, string[]>;
}

/**
 * A request's context. `em` is forked on first use: the hot reads run plain SQL through the
 * loaders and never touch the ORM, and a fork per request was ~2 % of a partner read.
 * `root` is the process-wide EntityManager, used only to reach the connection pool.
 */
export function createContext(
  base: Omit<GraphQLContext, 'loaders' | 'em'> & { root: EntityManager; em?: EntityManager },
): GraphQLContext {
  const { root, em: given, ...rest } = base;
  let em = given;
  const emFor = () => (em ??= root.fork());
  // The getter sits on the context's own prototype: Apollo copies the context's own properties
  // (`Object.assign` onto an object with the same prototype), which would call an own getter.
  const lazy = Object.defineProperty({}, 'em', { get: emFor });
  return Object.assign(Object.create(lazy) as object, rest, {
    loaders: new Loaders(emFor, root),
  }) as GraphQLContext;
}
