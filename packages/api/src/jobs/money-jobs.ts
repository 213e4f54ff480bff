import type { JobCommand } from './cli.js';
import { PurchaseService } from '../modules/purchases/purchase.service.js';
import { runOverdue } from '../modules/overdue/overdue.service.js';
import { reconcile } from '../modules/ledger/reconcile.js';
import { deleteExpiredIdempotencyRecords } from '../modules/idempotency/idempotency.service.js';

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
      const n = await new PurchaseService(config).expireHolds(orm.em.fork(), asOfArg(args));
      out(`expired ${n} hold(s)`);
      return 0;
    },
  },
  overdue: {
    describe: 'Days past due, late fees, buckets, notices, triggered reviews and freezes (as of --as-of).',
    run: async ({ orm, out, args }) => {
      const r = await runOverdue(orm.em.fork(), asOfArg(args));
      out(`overdue: ${JSON.stringify(r)}`);
      return 0;
    },
  },
  'idempotency-cleanup': {
    describe: 'Delete idempotency records past their expiry (kept at least 48 hours).',
    run: async ({ orm, out, args }) => {
      out(`deleted ${await deleteExpiredIdempotencyRecords(orm.em.fork(), asOfArg(args))} idempotency record(s)`);
      return 0;
    },
  },
  reconcile: {
    describe: 'Check balances against the ledger, holds and schedules; exit 1 on any mismatch.',
    run: async ({ orm, out }) => {
      const r = await reconcile(orm.em.fork());
      out(`reconcile: ${r.accounts} account(s), ${r.checks.length} check(s), ${r.mismatches.length} mismatch(es)`);
      for (const m of r.mismatches) out(`  MISMATCH ${m.check}: account ${m.accountId ?? '-'} expected ${m.expected}, found ${m.actual}`);
      return r.mismatches.length === 0 ? 0 : 1;
    },
  },
};
