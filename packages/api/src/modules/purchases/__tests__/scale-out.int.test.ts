import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiProcess, type ApiProcess } from '../../../../test/api-process.js';
import { useTestApi } from '../../../../test/harness.js';
import { insertCustomer, insertPartner, type CustomerFixture } from '../../../../test/fixtures.js';
import { toGlobalId } from '../../../graphql/relay.js';
import { defaultFraudRules } from '../purchase-rules.js';
import { authorizeOverHttp, expectReconciled } from './money-helpers.js';

/**
 * Scale past one machine, measured here (issue 17 item 6; docs/scaling.md, docs/benchmarks.md):
 * 1, 2 and 4 real API processes (each its own pool, batcher and caches — `node --import tsx
 * src/main.ts`) and 2 job worker processes on one database. Authorizations for several
 * customers race across all the API processes at once, and every idempotency key is also sent to
 * every process at the same moment: no account is overspent, the limit and velocity rules hold
 * across processes, each key has exactly one effect, and the ledger reconciles.
 */
const api = useTestApi();
const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const procs: ApiProcess[] = [];
const workers: ChildProcess[] = [];
let apiKey: string;

function startWorkerProcess(databaseUrl: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/modules/jobs/worker-main.ts'], {
    cwd: apiRoot,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      WORKER_CONCURRENCY: '2',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  workers.push(child);
  return child;
}

beforeAll(async () => {
  const url = api.orm.config.get('clientUrl')!;
  apiKey = (await insertPartner(api, ['purchases:write'])).apiKey;
  // One API process first (on a loaded two-core machine, four cold starts at once can take
  // minutes), then three more together with the two workers; the 1- and 2-process rounds send
  // their traffic to the first one or two.
  procs.push(await startApiProcess(url));
  for (let i = 0; i < 2; i++) startWorkerProcess(url);
  procs.push(...(await Promise.all([1, 2, 3].map(() => startApiProcess(url)))));
  // Both workers are up: each registered its worker ids with a heartbeat.
  for (let t = 0; ; t++) {
    const [row] = await api.sql<{ n: number }>(
      `select count(distinct pid)::int as n from job_workers where pid = any(?::int[])`,
      [`{${workers.map((w) => w.pid).join(',')}}`],
    );
    if (row!.n === 2) break;
    if (t > 300) throw new Error('the two worker processes did not register within 150 s');
    await new Promise((r) => setTimeout(r, 500));
  }
}, 400_000);

afterAll(async () => {
  await Promise.all(procs.map((p) => p.stop()));
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((r) => {
          if (w.exitCode !== null || w.signalCode !== null) return r();
          w.once('exit', () => r());
          w.kill('SIGTERM');
        }),
    ),
  );
});

const authorize = (base: string, input: Record<string, unknown>) =>
  authorizeOverHttp(base, apiKey, input);

describe.each([1, 2, 4])('%i API process(es) and 2 workers on one database', (n) => {
  it(
    'authorizations racing across every process never overspend; each idempotency key has one effect',
    { timeout: 300_000 },
    async () => {
      const serving = procs.slice(0, n);
      const limitFen = 4_000; // ¥40: the velocity rule's ten purchases of ¥1–¥9.99 do not all fit
      const customers: CustomerFixture[] = [];
      for (let i = 0; i < 6; i++)
        customers.push(await insertCustomer(api, { baseLimitFen: limitFen }));
      const perAccount = 24;
      const requests = customers.flatMap((c, ci) =>
        Array.from({ length: perAccount }, (_, i) => ({
          customer: c,
          fen: 100 + (((ci * perAccount + i) * 7919) % 900),
          key: `scale-${n}-${ci}-${i}`,
        })),
      );
      // Every request is sent at once to every process (at least twice: with one process the
      // copies race inside it), the same key and body each time.
      const copies = Math.max(n, 2);
      const sent = requests.flatMap((r, i) =>
        Array.from({ length: copies }, (_, j) => ({ r, base: serving[(i + j) % n]!.url })),
      );
      const results = await Promise.all(
        sent.map(async (s) => ({
          ...s,
          out: await authorize(s.base, {
            accountId: toGlobalId('CreditAccount', s.r.customer.accountId),
            amount: (s.r.fen / 100).toFixed(2),
            category: 'DIGITAL',
            merchant: 'scale',
            idempotencyKey: s.r.key,
          }),
        })),
      );
      if (n > 1) expect(new Set(results.map((r) => r.base)).size).toBe(n);

      // One effect per key: every answer for a key names one purchase, exactly one of them is
      // the original (the others replayed it), and all give the same decision.
      const byKey = new Map<string, typeof results>();
      for (const r of results) byKey.set(r.r.key, [...(byKey.get(r.r.key) ?? []), r]);
      for (const [, answers] of byKey) {
        expect(new Set(answers.map((a) => a.out.purchase.id)).size).toBe(1);
        expect(answers.filter((a) => !a.out.replayed)).toHaveLength(1);
        expect(new Set(answers.map((a) => a.out.decision)).size).toBe(1);
      }

      for (const c of customers) {
        const mine = requests
          .filter((r) => r.customer === c)
          .map((r) => ({ ...r, out: byKey.get(r.key)![0]!.out }));
        const passedVelocity = mine.filter((r) => r.out.declineCode !== 'RISK_RULE_VELOCITY_COUNT');
        // The velocity rule counts across processes: exactly its count got past it.
        expect(passedVelocity).toHaveLength(defaultFraudRules.velocity.maxCount);
        const held = mine.filter((r) => r.out.decision === 'HELD');
        expect(held.length).toBeGreaterThan(0);
        expect(
          passedVelocity.every(
            (r) =>
              r.out.decision === 'HELD' ||
              (r.out.decision === 'DECLINED' && r.out.declineCode === 'OVER_LIMIT'),
          ),
        ).toBe(true);
        const heldFen = held.reduce((s, r) => s + r.fen, 0);
        expect(heldFen).toBeLessThanOrEqual(limitFen);
        const [a] = await api.sql<{ held: number; used: number; purchases: number }>(
          `select held_fen::int as held, used_fen::int as used,
                  (select count(*)::int from purchases p where p.account_id = a.id and p.customer_id = a.customer_id) as purchases
             from credit_accounts a where a.id = ?`,
          [c.accountId],
        );
        expect(a).toEqual({ held: heldFen, used: heldFen, purchases: perAccount });
      }
      await expectReconciled(api);
    },
  );
});
