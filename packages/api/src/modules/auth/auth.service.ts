import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config/config.js';
import { Agent, type AgentRole } from '../agents/agent.entity.js';
import { hashPassword, verifyPassword } from '../agents/passwords.js';
import { DEMO_LOGINS } from './demo-logins.js';
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
/**
 * How long one process trusts what it read of an agent's row (active, session version, role):
 * deactivation, password change, role change and sign-out reach every process within this.
 */
export const STAFF_SESSION_CACHE_MS = 2_000;
const STAFF_SESSION_CACHE_MAX = 10_000;

/** An agent's row as far as sessions go. */
interface StaffSession {
  active: boolean;
  sessionVersion: number;
  role: AgentRole;
  username: string;
  demo: boolean;
}

/** Why a sign-in failed (for the audit log; the caller is told only "wrong username or password"). */
export type SignInFailure =
  'UNKNOWN_USERNAME' | 'WRONG_PASSWORD' | 'INACTIVE' | 'DEMO_IN_PRODUCTION';

/** A scrypt hash of nothing anyone types: verified for unknown usernames so both take as long. */
let decoyHash: Promise<string> | undefined;

export class AuthService {
  /**
   * Verified partner keys by the SHA-256 of the whole header value: a partner sends every
   * request with its key, and a database round trip per request was 1.4 ms of each
   * authorization. Only successes are cached; a revoked key stops working within API_KEY_CACHE_MS.
   */
  private readonly apiKeyCache = new Map<string, { viewer: Viewer; expires: number }>();

  /**
   * Verified staff token claims for up to a minute: HMAC verification through WebCrypto was
   * ~6 % of an agent's read. Only the signature check is cached; whether the session still
   * counts is checked against the agents row (staffSession). Failures are never cached.
   */
  private readonly tokenCache = new Map<
    string,
    { agentId: string; sessionVersion: number; expires: number }
  >();

  /** Agent rows by id, read at most every STAFF_SESSION_CACHE_MS (a pending read is shared). */
  private readonly sessionCache = new Map<
    string,
    { session: Promise<StaffSession | null>; expires: number }
  >();

  constructor(private readonly config: Config) {}

  /**
   * A token for an agent. `sv` is the agent's session version: raising it in the database
   * (sign-out, password or role change, deactivation) ends every token issued before.
   */
  async issueToken(
    agent: Pick<Agent, 'id' | 'username' | 'role'> & { sessionVersion?: number },
  ): Promise<string> {
    return new SignJWT({
      username: agent.username,
      role: agent.role,
      sv: agent.sessionVersion ?? 1,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(agent.id)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(TOKEN_TTL)
      .sign(this.config.secrets.jwt);
  }

  /**
   * Check a username and password. The reason of a failure is for the audit log only: the
   * caller is told "wrong username or password" whatever it was. In production the demo logins
   * never work, whether flagged in the database (`agents.demo`, set by the seed) or recognised
   * by their published password (a database seeded before the flag existed, or a copied row).
   */
  async signIn(
    em: EntityManager,
    username: string,
    password: string,
  ): Promise<{ ok: true; agent: Agent; token: string } | { ok: false; reason: SignInFailure }> {
    const agent = await em.findOne(Agent, { username }, { populate: ['passwordHash'] });
    if (!agent) {
      await verifyPassword(password, await (decoyHash ??= hashPassword(randomUUID())));
      return { ok: false, reason: 'UNKNOWN_USERNAME' };
    }
    if (!(await verifyPassword(password, agent.passwordHash)))
      return { ok: false, reason: 'WRONG_PASSWORD' };
    if (!agent.active) return { ok: false, reason: 'INACTIVE' };
    if (
      this.config.NODE_ENV === 'production' &&
      (agent.demo || DEMO_LOGINS.some((l) => l.password === password))
    )
      return { ok: false, reason: 'DEMO_IN_PRODUCTION' };
    return { ok: true, agent, token: await this.issueToken(agent) };
  }

  /** End every session of an agent on every process (within STAFF_SESSION_CACHE_MS). */
  async endSessions(em: EntityManager, agentId: string): Promise<void> {
    await em.execute('update agents set session_version = session_version + 1 where id = ?', [
      agentId,
    ]);
    this.sessionCache.delete(agentId);
  }

  /** The agent's row as sessions see it, from a cache of at most STAFF_SESSION_CACHE_MS. */
  private staffSession(em: EntityManager, agentId: string): Promise<StaffSession | null> {
    const now = Date.now();
    const hit = this.sessionCache.get(agentId);
    if (hit && hit.expires > now) return hit.session;
    const session = em
      .getConnection()
      .execute<
        {
          active: boolean;
          session_version: number;
          role: AgentRole;
          username: string;
          demo: boolean;
        }[]
      >('select active, session_version, role, username, demo from agents where id = ?', [agentId])
      .then(([r]) =>
        r
          ? {
              active: r.active,
              sessionVersion: r.session_version,
              role: r.role,
              username: r.username,
              demo: r.demo,
            }
          : null,
      );
    if (this.sessionCache.size >= STAFF_SESSION_CACHE_MAX) this.sessionCache.clear();
    this.sessionCache.set(agentId, { session, expires: now + STAFF_SESSION_CACHE_MS });
    // A failed read is not remembered: the next request asks again.
    session.catch(() => this.sessionCache.delete(agentId));
    return session;
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
    let claims = this.tokenCache.get(token);
    if (!claims || claims.expires <= now) {
      claims = undefined;
      try {
        const { payload } = await jwtVerify(token, this.config.secrets.jwt, {
          issuer: ISSUER,
          algorithms: ['HS256'],
        });
        if (
          typeof payload.sub !== 'string' ||
          !/^[0-9]{1,18}$/.test(payload.sub) ||
          typeof payload.sv !== 'number'
        )
          throw new Error('claims');
        claims = {
          agentId: payload.sub,
          sessionVersion: payload.sv,
          expires: Math.min(now + TOKEN_CACHE_MS, (payload.exp ?? 0) * 1000),
        };
        if (this.tokenCache.size >= TOKEN_CACHE_MAX) this.tokenCache.clear();
        this.tokenCache.set(token, claims);
      } catch {
        throw unauthenticated('Your session has expired or is invalid; sign in again.');
      }
    }
    // The signature proves who was given the token; the agents row says whether it still counts:
    // deactivated, deleted, signed out, password or role changed → refused.
    let session = await this.staffSession(em, claims.agentId);
    // A token newer than what this process remembers (signed in again after a sign-out or a
    // password change, maybe on another process): read the row again rather than refuse it.
    if (session && session.sessionVersion < claims.sessionVersion) {
      this.sessionCache.delete(claims.agentId);
      session = await this.staffSession(em, claims.agentId);
    }
    if (
      !session ||
      !session.active ||
      session.sessionVersion !== claims.sessionVersion ||
      (session.demo && this.config.NODE_ENV === 'production')
    )
      throw unauthenticated('Your session has ended; sign in again.');
    return { kind: 'agent', id: claims.agentId, username: session.username, role: session.role };
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
