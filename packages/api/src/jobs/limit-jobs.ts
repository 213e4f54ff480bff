import cliProgress from 'cli-progress';
import type { JobCommand, JobContext } from './cli.js';
import { runPeriodicReview } from '../modules/decisions/periodic-review.js';
import { expirePromotions, raiseEventNotices } from '../modules/decisions/notice-jobs.js';
import { POLICY } from '../modules/decisions/scoring-adapter.js';

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
}
function asOfArg(args: string[]): Date | undefined {
  const v = argValue(args, '--as-of');
  if (v === undefined) return undefined;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new Error('--as-of needs a date, e.g. 2026-12-01');
  return d;
}

/** Jobs of the limits part (issue 4): periodic review, promotion expiry, event notices. */
export const limitJobs: Record<string, JobCommand> = {
  review: {
    describe: `Periodic review of every ACTIVE account not reviewed in the last ${POLICY.periodicReviewIntervalDays} days (batched, resumable; --batch-size N, --workers N batches in flight (default 2), --as-of DATE).`,
    run: async ({ orm, out, args }: JobContext) => {
      const batchSize = Number(argValue(args, '--batch-size') ?? 2000);
      if (!Number.isInteger(batchSize) || batchSize < 1)
        throw new Error('--batch-size must be a positive integer');
      const workers = Number(argValue(args, '--workers') ?? 2);
      if (!Number.isInteger(workers) || workers < 1 || workers > 8)
        throw new Error('--workers must be an integer from 1 to 8');
      const bar = process.stdout.isTTY
        ? new cliProgress.SingleBar(
            {
              format:
                'review [{bar}] {percentage}% | {value}/{total} accounts | {changed} changed | ETA {eta}s',
            },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
      let started = false;
      const t0 = Date.now();
      const r = await runPeriodicReview(orm, {
        asOf: asOfArg(args),
        batchSize,
        workers,
        onProgress: (p) => {
          if (!bar) return;
          if (!started) {
            bar.start(p.total, p.processed, { changed: p.changed });
            started = true;
          }
          bar.update(p.processed, { changed: p.changed });
        },
      });
      bar?.stop();
      out(
        `review ${r.resumed ? 'resumed and ' : ''}done: ${r.processed} account(s) due, ${r.changed} limit(s) changed in ${((Date.now() - t0) / 1000).toFixed(1)} s (run ${r.runId}; an account reviewed within ${POLICY.periodicReviewIntervalDays} days before the as-of date is not due)`,
      );
      return 0;
    },
  },
  'expire-promotions': {
    describe:
      'End promotions past their window: temporary limits EXPIRED, promotions ENDED (and start due ones).',
    run: async ({ orm, out, args }: JobContext) => {
      const r = await expirePromotions(orm.em.fork(), asOfArg(args) ?? new Date());
      out(`promotions: ${JSON.stringify(r)}`);
      return 0;
    },
  },
  notices: {
    describe:
      'Raise notices for events (use > 80 %, due soon, overdue, promotion start/end), once per event.',
    run: async ({ orm, out, args }: JobContext) => {
      const r = await raiseEventNotices(orm.em.fork(), asOfArg(args) ?? new Date());
      out(`notices: ${JSON.stringify(r)}`);
      return 0;
    },
  },
};
