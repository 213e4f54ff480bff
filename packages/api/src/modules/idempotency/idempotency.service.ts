import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, userError, type Outcome, type UserErrorCode } from '../../graphql/errors.js';
import type { Viewer } from '../auth/viewer.js';

/** Keys are kept at least this long (DESIGN: a retry within a day returns the first result). */
export const IDEMPOTENCY_TTL_HOURS = 48;

/** `partner:12` / `agent:3`: keys are scoped to who sent them, so two partners never collide. */
export function idempotencyActor(viewer: Viewer): string {
  return viewer.kind === 'anonymous' ? 'anonymous' : `${viewer.kind}:${viewer.id}`;
}

/** A stable hash of an input: keys sorted at every level, so field order does not matter. */
export function requestHash(input: unknown): string {
  const canon = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canon)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .filter(([, x]) => x !== undefined)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, x]) => [k, canon(x)]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canon(input)))
    .digest('hex');
}

export interface IdempotencyScope {
  actor: string;
  operation: string;
  key: string;
  input: unknown;
}

/**
 * The scope of an operation keyed by its input's `idempotencyKey`: who sent it, the operation,
 * the key, and what a retry must repeat — the rest of the input, or `repeated` where the
 * operation names it.
 */
export function idempotencyScope(
  viewer: Viewer,
  operation: string,
  input: { idempotencyKey: string },
  repeated: unknown = { ...input, idempotencyKey: undefined },
): IdempotencyScope {
  return { actor: idempotencyActor(viewer), operation, key: input.idempotencyKey, input: repeated };
}

/** The codes idempotency itself can answer, beside the step's own. */
export type IdempotencyCode = 'INVALID_IDEMPOTENCY_KEY' | 'IDEMPOTENCY_KEY_REUSED';

export const validIdempotencyKey = (key: string) => /^[\x21-\x7e]{1,128}$/.test(key);

/**
 * Run a money-moving step at most once per (actor, operation, key), inside ONE transaction with
 * the idempotency record: the record is inserted first (a concurrent twin blocks on the unique
 * key until the first commits, then sees it), the step runs, and its outcome is stored in the
 * same commit. A failed step (userErrors) is stored too: a retry gets the same answer.
 * Same key + different input → IDEMPOTENCY_KEY_REUSED. A thrown error rolls everything back,
 * the key included, so a retry after a fault runs again.
 */
export async function withIdempotency<T, C extends UserErrorCode = never>(
  em: EntityManager,
  scope: IdempotencyScope,
  step: (tem: EntityManager) => Promise<Outcome<T, C>>,
): Promise<Outcome<T, C | IdempotencyCode> & { replayed?: boolean }> {
  if (!validIdempotencyKey(scope.key))
    return fail(
      'INVALID_IDEMPOTENCY_KEY',
      'idempotencyKey must be 1 to 128 printable ASCII characters.',
      'idempotencyKey',
    );
  const hash = requestHash(scope.input);
  return em.transactional(async (tem) => {
    const inserted = await tem.execute<{ key: string }[]>(
      `insert into idempotency_records (actor, operation, key, request_hash, expires_at)
       values (?, ?, ?, ?, now() + make_interval(hours => ?)) on conflict do nothing returning key`,
      [scope.actor, scope.operation, scope.key, hash, IDEMPOTENCY_TTL_HOURS],
    );
    if (inserted.length === 0) return replay<T, C>(tem, scope, hash);
    const outcome = await step(tem);
    await tem.execute(
      `update idempotency_records set response = ?::jsonb where actor = ? and operation = ? and key = ?`,
      [JSON.stringify(outcome), scope.actor, scope.operation, scope.key],
    );
    return outcome;
  });
}

/** The stored first result for a key, or IDEMPOTENCY_KEY_REUSED when the input differs. */
export async function replay<T, C extends UserErrorCode = never>(
  em: EntityManager,
  scope: Omit<IdempotencyScope, 'input'>,
  hash: string,
): Promise<Outcome<T, C | IdempotencyCode> & { replayed?: boolean }> {
  const [rec] = await em.execute<{ request_hash: string; response: unknown }[]>(
    `select request_hash, response from idempotency_records where actor = ? and operation = ? and key = ?`,
    [scope.actor, scope.operation, scope.key],
  );
  if (!rec) throw new Error('idempotency record vanished between insert and read');
  if (rec.request_hash !== hash) {
    return fail(
      'IDEMPOTENCY_KEY_REUSED',
      'This idempotencyKey was already used with a different request; use a new key for a new request.',
      'idempotencyKey',
    );
  }
  const stored = (
    typeof rec.response === 'string' ? JSON.parse(rec.response) : rec.response
  ) as Outcome<T, C> | null;
  if (!stored) throw new Error('idempotency record has no response');
  // The stored result is this operation's own first answer, so its codes are the step's codes
  // (C). Results stored before `UserError.field` was a path hold it as a string: normalise.
  if (!stored.ok) {
    const errors = stored.errors.map((e) => userError(e.code, e.message, e.field));
    return { ok: false, errors, replayed: true };
  }
  return { ...stored, replayed: true };
}

/** Delete records past their expiry (a job). Returns how many. */
export async function deleteExpiredIdempotencyRecords(
  em: EntityManager,
  asOf = new Date(),
): Promise<number> {
  const rows = await em.execute<{ n: string }[]>(
    `with d as (delete from idempotency_records where expires_at < ? returning 1) select count(*)::text as n from d`,
    [asOf],
  );
  return Number(rows[0]?.n ?? 0);
}
