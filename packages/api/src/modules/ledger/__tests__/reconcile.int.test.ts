import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../../../../test/harness.js';
import { insertCustomer } from '../../../../test/fixtures.js';
import type { Viewer } from '../../auth/viewer.js';
import { noFraudRules } from '../../purchases/purchase-rules.js';
import { authorize, partner } from '../../purchases/__tests__/money-helpers.js';
import { reconcile } from '../reconcile.js';
import { deleteExpiredIdempotencyRecords } from '../../idempotency/idempotency.service.js';

const api = useTestApi();
let p: Viewer;
const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

beforeAll(async () => {
  p = await partner(api);
  api.app.services.purchases.rules = noFraudRules;
});

function cli(...args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/jobs/cli.ts', ...args],
      {
        cwd: apiRoot,
        env: {
          ...process.env,
          DATABASE_URL: api.orm.config.get('clientUrl')!,
          LOG_LEVEL: 'silent',
          NODE_ENV: 'test',
        },
        timeout: 60_000,
      },
      (err, stdout) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout }),
    );
  });
}

describe('reconcile', () => {
  it('passes on a consistent database and names every mismatch otherwise (CLI exits 1)', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 100_000 });
    await authorize(api, p, c.accountId, '12.34');
    expect((await reconcile(api.orm.em.fork())).mismatches).toEqual([]);
    const good = await cli('reconcile');
    expect(good.stdout).toContain('0 mismatch(es)');
    expect(good.code).toBe(0);

    // Money that moved without a ledger row or a hold: caught twice over.
    await api.sql(`update credit_accounts set held_fen = held_fen + 1 where id = ?`, [c.accountId]);
    const r = await reconcile(api.orm.em.fork());
    expect(r.mismatches.map((m) => m.check).sort()).toEqual([
      'held = Σ ledger held deltas',
      'held = Σ live holds',
    ]);
    expect(r.mismatches[0]!.accountId).toBe(c.accountId);
    const bad = await cli('reconcile');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('MISMATCH');
    await api.sql(`update credit_accounts set held_fen = held_fen - 1 where id = ?`, [c.accountId]);

    // A hold whose copied customer is not its purchase's: the Citus-ready keys make the database
    // refuse it (holds (purchase_id, customer_id) → purchases (id, customer_id)).
    const [h] = await api.sql<{ id: string; customer_id: string; account_id: string }>(
      `select id, customer_id, account_id from holds where account_id = ? limit 1`,
      [c.accountId],
    );
    expect(h).toBeDefined();
    const other = await insertCustomer(api);
    await expect(
      api.sql(`update holds set customer_id = ? where id = ?`, [other.customerId, h!.id]),
    ).rejects.toThrow(/foreign key/);
    // A copied account id has no key of its own: reconcile names it.
    await api.sql(`update holds set account_id = ? where id = ?`, [other.accountId, h!.id]);
    const copy = await reconcile(api.orm.em.fork());
    expect(copy.mismatches.map((m) => m.check)).toContain(
      'copied owner ids agree with their owners (purchase, hold and ledger row)',
    );
    await api.sql(`update holds set account_id = ? where id = ?`, [h!.account_id, h!.id]);
    expect((await reconcile(api.orm.em.fork())).mismatches).toEqual([]);
  });

  it('expires holds from the jobs CLI', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 100_000 });
    await authorize(api, p, c.accountId, '50');
    await api.sql(
      `update holds set expires_at = now() - interval '1 second' where account_id = ?`,
      [c.accountId],
    );
    const run = await cli('expire-holds');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/expire-holds done .*"expired":[1-9]/);
    const [a] = await api.sql<any>(
      `select held_fen::int as held from credit_accounts where id = ?`,
      [c.accountId],
    );
    expect(a.held).toBe(0);
    expect((await reconcile(api.orm.em.fork())).mismatches).toEqual([]);
  });

  it('the ledger is append-only', async () => {
    await expect(api.sql(`update ledger_entries set amount_fen = 0`)).rejects.toThrow(
      /append-only/,
    );
    await expect(api.sql(`delete from ledger_entries`)).rejects.toThrow(/append-only/);
  });

  it('cleans up idempotency records only after they expire', async () => {
    await api.sql(
      `insert into idempotency_records (actor, operation, key, request_hash, expires_at) values ('partner:x', 'op', 'old', 'h', now() - interval '1 hour'), ('partner:x', 'op', 'new', 'h', now() + interval '47 hours')`,
    );
    expect(await deleteExpiredIdempotencyRecords(api.orm.em.fork())).toBe(1);
    const left = await api.sql<any>(
      `select key from idempotency_records where actor = 'partner:x'`,
    );
    expect(left.map((r: any) => r.key)).toEqual(['new']);
  });
});
