import type { IncomingHttpHeaders } from 'node:http';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Services } from '../../graphql/services.js';
import type { Viewer } from '../auth/viewer.js';

/**
 * The caller's address. Behind a proxy you run (TRUST_PROXY), the last X-Forwarded-For hop is
 * the one that proxy added; earlier hops are whatever the client wrote and are ignored.
 */
export function clientAddressOf(
  remoteAddress: string | undefined,
  headers: IncomingHttpHeaders | { get(name: string): string | undefined },
  trustProxy: boolean,
): string {
  if (trustProxy) {
    const raw =
      'get' in headers && typeof headers.get === 'function'
        ? headers.get('x-forwarded-for')
        : (headers as IncomingHttpHeaders)['x-forwarded-for'];
    const value = Array.isArray(raw) ? raw.join(',') : raw;
    const last = value?.split(',').pop()?.trim();
    if (last) return last.slice(0, 64);
  }
  return (remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
}

/**
 * Who is calling, and may they call now: the one step every HTTP layer runs before a GraphQL
 * request executes. A refused credential counts against the caller's address (so guessing
 * tokens or keys is rate-limited like anonymous traffic); an accepted one against its viewer.
 * Throws UNAUTHENTICATED or RATE_LIMITED (HTTP 401 / 429 with Retry-After).
 */
export async function admitRequest(opts: {
  services: Services;
  em: EntityManager;
  authorization: string | undefined;
  apiKey: string | undefined;
  clientAddress: string;
}): Promise<Viewer> {
  const { services, clientAddress } = opts;
  let viewer: Viewer;
  try {
    viewer = await services.auth.viewerFor(opts.em, {
      authorization: opts.authorization,
      apiKey: opts.apiKey,
    });
  } catch (e) {
    await services.abuse.refusedCredentials(clientAddress);
    throw e;
  }
  await services.abuse.admit(viewer, clientAddress);
  return viewer;
}
