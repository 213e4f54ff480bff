import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Config } from '../../config/config.js';
import type { Viewer } from '../auth/viewer.js';

export const RATE_LIMITED = 'RATE_LIMITED';

/** The table made by Migration20261202100000_staff_sessions (rate-limiter-flexible's layout). */
const TABLE = 'rate_limits';

/**
 * A RATE_LIMITED error: HTTP 429 with `Retry-After` (whole seconds, at least 1), and the same
 * number in `extensions.retryAfterSeconds` for clients that only read the body.
 */
export function rateLimited(message: string, msBeforeNext: number): GraphQLError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new GraphQLError(`${message} Try again in ${seconds} s.`, {
    extensions: {
      code: RATE_LIMITED,
      retryAfterSeconds: seconds,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) },
    },
  });
}

/**
 * A request limit over the shared PostgreSQL store with a cheap in-memory first stage.
 *
 * Asking PostgreSQL on every request would add a round trip to every partner read, so each
 * process counts requests per key in memory and hands them to the shared counter in batches of
 * `batch` (1 % of the limit; 1 for small limits, so those are exact across processes). The request
 * that completes a batch waits for the shared answer; once the shared counter says "exceeded",
 * the process refuses that key from memory until the window ends. So the hot path is a Map
 * lookup, and N processes together overshoot a limit by at most N × batch requests.
 * If PostgreSQL is unreachable, an in-memory limiter of the same size decides (insurance).
 */
export class SharedRequestLimit {
  private readonly store: RateLimiterPostgres;
  private readonly batch: number;
  private readonly local = new Map<string, { pending: number; blockedUntil: number }>();

  constructor(
    storeClient: unknown,
    readonly name: string,
    readonly points: number,
    readonly windowSeconds: number,
    /** Delete rows expired an hour ago, every 5 minutes (one limiter per process does it for the table). */
    sweepTable = false,
  ) {
    this.store = new RateLimiterPostgres({
      storeClient,
      storeType: 'knex',
      tableName: TABLE,
      tableCreated: true,
      keyPrefix: `req:${name}`,
      points,
      duration: windowSeconds,
      clearExpiredByTimeout: sweepTable,
      insuranceLimiter: new RateLimiterMemory({ points, duration: windowSeconds }),
    });
    this.batch = Math.max(1, Math.floor(points / 100));
  }

  /** Count one request for `key`; throws RATE_LIMITED when the shared limit is used up. */
  async consume(key: string, message: string): Promise<void> {
    const now = Date.now();
    let entry = this.local.get(key);
    if (!entry) {
      if (this.local.size >= 100_000) this.local.clear(); // bounded: forget, never refuse wrongly
      this.local.set(key, (entry = { pending: 0, blockedUntil: 0 }));
    }
    if (entry.blockedUntil > now) throw rateLimited(message, entry.blockedUntil - now);
    entry.pending += 1;
    if (entry.pending < this.batch) return;
    const points = entry.pending;
    entry.pending = 0;
    try {
      await this.store.consume(key, points);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      entry.blockedUntil = Date.now() + e.msBeforeNext;
      throw rateLimited(message, e.msBeforeNext);
    }
  }
}

const FAILURE_WINDOW_SECONDS = 15 * 60;
const MAX_LOCKOUT_SECONDS = 24 * 3600;

/**
 * Sign-in failures per username and per client address. After `maxFailures` failures within 15
 * minutes the key is locked out; each further lockout of the same key within a day doubles the
 * lockout (60 s, 120 s, 240 s … up to 24 h). Stored in PostgreSQL so every process sees it.
 */
class SignInLockout {
  private readonly failures: RateLimiterAbstract;
  private readonly lockouts: RateLimiterAbstract;

  constructor(
    storeClient: unknown,
    name: string,
    private readonly maxFailures: number,
    private readonly lockoutSeconds: number,
  ) {
    const base = { storeClient, storeType: 'knex', tableName: TABLE, tableCreated: true };
    this.failures = new RateLimiterPostgres({
      ...base,
      clearExpiredByTimeout: false,
      keyPrefix: `signin-fail:${name}`,
      points: maxFailures,
      duration: FAILURE_WINDOW_SECONDS,
    });
    this.lockouts = new RateLimiterPostgres({
      ...base,
      clearExpiredByTimeout: false,
      keyPrefix: `signin-lockouts:${name}`,
      points: 1_000_000,
      duration: MAX_LOCKOUT_SECONDS,
    });
  }

  /** Milliseconds until `key` may try again, or 0. */
  async lockedFor(key: string): Promise<number> {
    const res = await this.failures.get(key);
    return res && res.consumedPoints > this.maxFailures ? res.msBeforeNext : 0;
  }

  /** Count a failure; the `maxFailures`-th starts a lockout. Returns its length in ms, or 0. */
  async fail(key: string): Promise<number> {
    let consumed: number;
    try {
      consumed = (await this.failures.consume(key)).consumedPoints;
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      consumed = e.consumedPoints; // a failure counted while already locked (a race): lock again
    }
    if (consumed < this.maxFailures) return 0;
    const n = (await this.lockouts.penalty(key, 1)).consumedPoints;
    const seconds = Math.min(this.lockoutSeconds * 2 ** (n - 1), MAX_LOCKOUT_SECONDS);
    await this.failures.block(key, seconds);
    return seconds * 1000;
  }

  async succeeded(key: string): Promise<void> {
    await this.failures.delete(key);
  }
}

/**
 * Every abuse limit of the API, built once per process over the shared PostgreSQL store.
 * The HTTP layer calls `admit` once per request after it knows the viewer; `signIn` calls the
 * lockout methods.
 */
export class AbuseLimits {
  private readonly partner: SharedRequestLimit;
  private readonly staff: SharedRequestLimit;
  private readonly address: SharedRequestLimit;
  private readonly usernames: SignInLockout;
  private readonly addresses: SignInLockout;

  constructor(orm: MikroORM, config: Config) {
    const knex = orm.em.getConnection().getKnex();
    const w = config.RATE_LIMIT_WINDOW_SECONDS;
    this.partner = new SharedRequestLimit(knex, 'partner', config.RATE_LIMIT_PARTNER, w);
    this.staff = new SharedRequestLimit(knex, 'staff', config.RATE_LIMIT_STAFF, w);
    // Keys by address and username come from callers: the sweep keeps the table small.
    this.address = new SharedRequestLimit(knex, 'address', config.RATE_LIMIT_ADDRESS, w, true);
    this.usernames = new SignInLockout(
      knex,
      'username',
      config.SIGNIN_MAX_FAILURES_PER_USERNAME,
      config.SIGNIN_LOCKOUT_SECONDS,
    );
    this.addresses = new SignInLockout(
      knex,
      'address',
      config.SIGNIN_MAX_FAILURES_PER_ADDRESS,
      config.SIGNIN_LOCKOUT_SECONDS,
    );
  }

  /**
   * One request: a partner app counts against its app, staff against themselves, and anonymous
   * callers against their address (so do requests whose credentials were refused: see
   * `refusedCredentials`).
   */
  async admit(viewer: Viewer, address: string): Promise<void> {
    if (viewer.kind === 'partner')
      return this.partner.consume(viewer.id, 'Too many requests for this partner app.');
    if (viewer.kind === 'agent')
      return this.staff.consume(viewer.id, 'Too many requests for this staff member.');
    return this.address.consume(address, 'Too many requests from this address.');
  }

  /** A request whose token or key was refused counts against its address (guessing costs). */
  async refusedCredentials(address: string): Promise<void> {
    await this.address.consume(address, 'Too many requests from this address.');
  }

  /** Before checking a password: refuse while the username or the address is locked out. */
  async signInAllowedOrThrow(username: string, address: string): Promise<void> {
    const [u, a] = await Promise.all([
      this.usernames.lockedFor(username.toLowerCase()),
      this.addresses.lockedFor(address),
    ]);
    const ms = Math.max(u, a);
    if (ms > 0) throw rateLimited('Too many failed sign-ins; sign-in is locked.', ms);
  }

  /** After a wrong password: count it; returns the lockout it started in ms (0 if none). */
  async signInFailed(username: string, address: string): Promise<number> {
    const [u, a] = await Promise.all([
      this.usernames.fail(username.toLowerCase()),
      this.addresses.fail(address),
    ]);
    return Math.max(u, a);
  }

  async signInSucceeded(username: string): Promise<void> {
    await this.usernames.succeeded(username.toLowerCase());
  }
}
