import { createHash, timingSafeEqual } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config/config.js';
import { Agent, type AgentRole } from '../agents/agent.entity.js';
import { verifyPassword } from '../agents/passwords.js';
import { ANONYMOUS, type Viewer } from './viewer.js';
import { invalidCredentials as unauthenticated } from '../../graphql/errors.js';

const ISSUER = 'creditline';
const TOKEN_TTL = '8h';

/** Sign-in for staff (JWT, HS256 via jose) and API keys for partner apps (stored as SHA-256). */
/**
 * How long a verified API key is trusted without asking the database again: a revoked or rotated
 * key stops working on every API process within this delay.
 */
export const API_KEY_CACHE_MS = 3_000;
const API_KEY_CACHE_MAX = 1_000;
const TOKEN_CACHE_MS = 60_000;
const TOKEN_CACHE_MAX = 10_000;

export class AuthService {
  /**
   * Verified partner keys by the SHA-256 of the whole header value: a partner sends every
   * request with its key, and a database round trip per request was 1.4 ms of each
   * authorization. Only successes are cached; a revoked key stops working within API_KEY_CACHE_MS.
   */
  private readonly apiKeyCache = new Map<string, { viewer: Viewer; expires: number }>();

  /**
   * Verified staff tokens until they expire (at most a minute): HMAC verification through
   * WebCrypto was ~6 % of an agent's read. A token is self-contained, so caching its verdict
   * changes nothing about who may do what; failures are never cached.
   */
  private readonly tokenCache = new Map<string, { viewer: Viewer; expires: number }>();

  constructor(private readonly config: Config) {}

  async issueToken(agent: Pick<Agent, 'id' | 'username' | 'role'>): Promise<string> {
    return new SignJWT({ username: agent.username, role: agent.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(agent.id)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(TOKEN_TTL)
      .sign(this.config.secrets.jwt);
  }

  /** Check a username and password; undefined when either is wrong (the caller says which is not revealed). */
  async signIn(
    em: EntityManager,
    username: string,
    password: string,
  ): Promise<{ agent: Agent; token: string } | undefined> {
    const agent = await em.findOne(
      Agent,
      { username, active: true },
      { populate: ['passwordHash'] },
    );
    if (!agent || !(await verifyPassword(password, agent.passwordHash))) return undefined;
    return { agent, token: await this.issueToken(agent) };
  }

  /**
   * The viewer for a request's headers. `Authorization: Bearer <jwt>` for staff;
   * `X-Api-Key: <keyId>.<secret>` for partner apps. A present but invalid credential is an
   * UNAUTHENTICATED error (not silently anonymous), so a client notices an expired token.
   * `em` may be the process-wide EntityManager: a key lookup forks its own.
   */
  async viewerFor(
    em: EntityManager,
    headers: { authorization?: string; apiKey?: string },
  ): Promise<Viewer> {
    if (headers.apiKey) return this.partnerFor(em, headers.apiKey);
    const auth = headers.authorization;
    if (!auth) return ANONYMOUS;
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!m) throw unauthenticated('Authorization must be "Bearer <token>".');
    const token = m[1]!;
    const now = Date.now();
    const hit = this.tokenCache.get(token);
    if (hit && hit.expires > now) return hit.viewer;
    try {
      const { payload } = await jwtVerify(token, this.config.secrets.jwt, {
        issuer: ISSUER,
        algorithms: ['HS256'],
      });
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.role !== 'string' ||
        typeof payload.username !== 'string'
      )
        throw new Error('claims');
      const viewer: Viewer = {
        kind: 'agent',
        id: payload.sub,
        username: payload.username,
        role: payload.role as AgentRole,
      };
      if (this.tokenCache.size >= TOKEN_CACHE_MAX) this.tokenCache.clear();
      this.tokenCache.set(token, {
        viewer,
        expires: Math.min(now + TOKEN_CACHE_MS, (payload.exp ?? 0) * 1000),
      });
      return viewer;
    } catch {
      throw unauthenticated('Your session has expired or is invalid; sign in again.');
    }
  }

  private async partnerFor(em: EntityManager, apiKey: string): Promise<Viewer> {
    const cacheKey = createHash('sha256').update(apiKey.trim()).digest('base64');
    const now = Date.now();
    const hit = this.apiKeyCache.get(cacheKey);
    if (hit && hit.expires > now) return hit.viewer;
    const viewer = await this.verifyApiKey(em, apiKey);
    if (this.apiKeyCache.size >= API_KEY_CACHE_MAX) this.apiKeyCache.clear();
    this.apiKeyCache.set(cacheKey, { viewer, expires: now + API_KEY_CACHE_MS });
    return viewer;
  }

  /** Keys whose last use was written lately: last_used_at is kept to the minute, off the hot path. */
  private readonly lastUsedWritten = new Map<string, number>();

  private async verifyApiKey(em: EntityManager, apiKey: string): Promise<Viewer> {
    const m = /^([A-Za-z0-9_]{3,64})\.([A-Za-z0-9_-]{16,128})$/.exec(apiKey.trim());
    if (!m) throw unauthenticated('X-Api-Key must be "<keyId>.<secret>".');
    const [row] = await em
      .getConnection()
      .execute<{ app_id: string; name: string; secret_hash: string; scopes: string[] }[]>(
        `select a.id::text as app_id, a.name, k.secret_hash,
              array(select unnest(k.scopes) intersect select unnest(a.scopes)) as scopes
         from partner_api_keys k join partner_apps a on a.id = k.partner_app_id
        where k.key_id = ? and k.revoked_at is null and (k.expires_at is null or k.expires_at > now())
          and a.active`,
        [m[1]!],
      );
    const given = createHash('sha256').update(m[2]!).digest();
    const stored = row ? Buffer.from(row.secret_hash, 'hex') : Buffer.alloc(32);
    if (!row || stored.length !== given.length || !timingSafeEqual(stored, given))
      throw unauthenticated('Unknown, expired or revoked API key.');
    const keyId = m[1]!;
    const last = this.lastUsedWritten.get(keyId) ?? 0;
    if (Date.now() - last > 60_000) {
      this.lastUsedWritten.set(keyId, Date.now());
      em.getConnection()
        .execute(`update partner_api_keys set last_used_at = now() where key_id = ?`, [keyId])
        .catch(() => undefined); // a last-used time is not worth failing a request for
    }
    return { kind: 'partner', id: row.app_id, name: row.name, scopes: row.scopes, keyId };
  }
}

export { hashApiSecret } from '../partners/partner-keys.service.js';
