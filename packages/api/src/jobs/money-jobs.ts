import type { JobCommand } from './job-command.js';
import { reconcile } from '../modules/ledger/reconcile.js';

/** Commands that are not scheduled jobs: reconcile is a check an operator runs and reads. */
export const moneyJobs: Record<string, JobCommand> = {
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
