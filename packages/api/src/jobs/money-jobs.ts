import type { JobCommand, JobContext } from './cli.js';
import { PurchaseService } from '../modules/purchases/purchase.service.js';
import { runOverdue } from '../modules/overdue/overdue.service.js';
import { reconcile } from '../modules/ledger/reconcile.js';
import { deleteExpiredIdempotencyRecords } from '../modules/idempotency/idempotency.service.js';
import { runRevolvingStatements } from '../modules/revolving/revolving.service.js';

/** Record a run in job_runs (RUNNING → DONE | FAILED with the count processed), for operators. */
async function tracked(
  orm: JobContext['orm'],
  job: string,
  asOf: Date,
  run: () => Promise<number>,
): Promise<number> {
  const em = orm.em.fork();
  const [row] = await em.execute<{ id: string }[]>(
    `insert into job_runs (job, status, as_of) values (?, 'RUNNING', ?) returning id`,
    [job, asOf],
  );
  try {
    const n = await run();
    await em.execute(
      `update job_runs set status = 'DONE', processed = ?, finished_at = now() where id = ?`,
      [n, row!.id],
    );
    return n;
  } catch (e) {
    await em.execute(`update job_runs set status = 'FAILED', finished_at = now() where id = ?`, [
      row!.id,
    ]);
    throw e;
  }
}

/** `--as-of 2026-12-01` (default now). */
function asOfArg(args: string[]): Date {
  const i = args.indexOf('--as-of');
  if (i < 0) return new Date();
  const d = new Date(args[i + 1] ?? '');
  if (Number.isNaN(d.getTime())) throw new Error('--as-of needs a date, e.g. 2026-12-01');
  return d;
}

/** Jobs of the money part (issue 5): hold expiry, overdue, idempotency cleanup, reconcile. */
export const moneyJobs: Record<string, JobCommand> = {
  'expire-holds': {
    describe: 'Expire holds past HOLD_EXPIRY_DAYS and give their amount back to the limit.',
    run: async ({ orm, config, out, args }) => {
      const asOf = asOfArg(args);
      const n = await tracked(orm, 'expire-holds', asOf, () =>
        new PurchaseService(config).expireHolds(orm.em.fork(), asOf),
      );
      out(`expired ${n} hold(s)`);
      return 0;
    },
  },
  overdue: {
    describe:
      'Days past due, late fees, buckets, notices, triggered reviews and freezes (as of --as-of).',
    run: async ({ orm, out, args }) => {
      const asOf = asOfArg(args);
      let r: Awaited<ReturnType<typeof runOverdue>> | undefined;
      await tracked(
        orm,
        'overdue',
        asOf,
        async () => (r = await runOverdue(orm.em.fork(), asOf)).linesOverdue,
      );
      out(`overdue: ${JSON.stringify(r)}`);
      return 0;
    },
  },
  'revolving-statements': {
    describe:
      'Revolving lines: accrue interest and late fees to the day, close statements whose date has come (daily).',
    run: async ({ orm, out, args }) => {
      const asOf = asOfArg(args);
      let r: Awaited<ReturnType<typeof runRevolvingStatements>> | undefined;
      await tracked(
        orm,
        'revolving-statements',
        asOf,
        async () => (r = await runRevolvingStatements(orm.em.fork(), asOf)).statements,
      );
      out(`revolving-statements: ${JSON.stringify(r)}`);
      return 0;
    },
  },
  'idempotency-cleanup': {
    describe: 'Delete idempotency records past their expiry (kept at least 48 hours).',
    run: async ({ orm, out, args }) => {
      const asOf = asOfArg(args);
      out(
        `deleted ${await tracked(orm, 'idempotency-cleanup', asOf, () => deleteExpiredIdempotencyRecords(orm.em.fork(), asOf))} idempotency record(s)`,
      );
      return 0;
    },
  },
  reconcile: {
    describe: 'Check balances against the ledger, holds and schedules; exit 1 on any mismatch.',
    run: async ({ orm, out }) => {
      const r = await reconcile(orm.em.fork());
      out(
        `reconcile: ${r.accounts} account(s), ${r.checks.length} check(s), ${r.mismatches.length} mismatch(es)`,
      );
      for (const m of r.mismatches)
        out(
          `  MISMATCH ${m.check}: account ${m.accountId ?? '-'} expected ${m.expected}, found ${m.actual}`,
        );
      return r.mismatches.length === 0 ? 0 : 1;
    },
  },
};
