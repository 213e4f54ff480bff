import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Viewer } from '../shared/viewer.js';
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
  /** The caller's address (for per-address limits and the audit of refusals); 'in-process' otherwise. */
  clientAddress: string;
}

/**
 * A request's context. `em` is forked on first use: the hot reads run plain SQL through the
 * loaders and never touch the ORM, and a fork per request was ~2 % of a partner read. The getter
 * sits on the class's prototype, shared by every context (one hidden class: a prototype made per
 * request cost ~1.5 % of a partner read, issue 18). Apollo copies a context's own properties onto
 * an object with the same prototype; the copy shares `emFor`, so both see one fork.
 */
class RequestContext {
  declare readonly viewer: GraphQLContext['viewer'];
  declare readonly config: Config;
  declare readonly logger: Logger;
  declare readonly services: Services;
  declare readonly requestId: string;
  declare readonly clientAddress: string;
  declare readonly loaders: Loaders;
  declare readonly emFor: () => EntityManager;
  declare partnerRootScopes?: Map<string, string[]>;

  constructor(
    base: Omit<GraphQLContext, 'loaders' | 'em' | 'clientAddress'>,
    clientAddress: string,
    emFor: () => EntityManager,
    loaders: Loaders,
  ) {
    const self = this as { -readonly [K in keyof RequestContext]: RequestContext[K] };
    self.viewer = base.viewer;
    self.config = base.config;
    self.logger = base.logger;
    self.services = base.services;
    self.requestId = base.requestId;
    self.clientAddress = clientAddress;
    self.loaders = loaders;
    self.emFor = emFor;
    self.partnerRootScopes = base.partnerRootScopes;
  }

  get em(): EntityManager {
    return this.emFor();
  }
}

export function createContext(
  base: Omit<GraphQLContext, 'loaders' | 'em' | 'clientAddress'> & {
    root: EntityManager;
    em?: EntityManager;
    clientAddress?: string;
  },
): GraphQLContext {
  const { root, em: given, clientAddress = 'in-process' } = base;
  let em = given;
  const emFor = () => (em ??= root.fork());
  const partnerAppId = base.viewer.kind === 'partner' ? base.viewer.id : undefined;
  return new RequestContext(base, clientAddress, emFor, new Loaders(emFor, root, partnerAppId));
}
