import { describe, expect, it } from 'vitest';
import { useTestApi } from '../../../../test/harness.js';
import { insertCustomer, type CustomerFixture } from '../../../../test/fixtures.js';
import { runPeriodicReview } from '../periodic-review.js';
import { expirePromotions, raiseEventNotices } from '../notice-jobs.js';
import { POLICY } from '../scoring-adapter.js';

const api = useTestApi();

async function customers(n: number): Promise<CustomerFixture[]> {
  const out: CustomerFixture[] = [];
  while (out.length < n) {
    const c = await insertCustomer(api, {
      baseLimitFen: 500_000,
      outstandingFen: out.length % 3 === 0 ? 450_000 : 0,
    }).catch(() => undefined);
    if (c) out.push(c);
  }
  return out;
}

describe('periodic review', () => {
  it('reviews every ACTIVE account once, resumes after a crash, writes decisions and updates accounts', async () => {
    const cs = await customers(25);
    await api.sql(`update credit_accounts set status = 'FROZEN' where id = ?`, [cs[0]!.accountId]);
    // a "crash" after 2 batches of 5
    const first = await runPeriodicReview(api.orm, { batchSize: 5, stopAfterBatches: 2 });
    expect(first.processed).toBe(10);
    const [run] = await api.sql<{ status: string; processed: string }>(
      `select status, processed from job_runs where id = ?`,
      [first.runId],
    );
    expect(run).toEqual({ status: 'RUNNING', processed: '10' });
    const progress: number[] = [];
    const second = await runPeriodicReview(api.orm, {
      batchSize: 5,
      onProgress: (p) => progress.push(p.processed),
    });
    expect(second.resumed).toBe(true);
    expect(second.runId).toBe(first.runId);
    expect(second.processed).toBe(24);
    expect(progress.at(-1)).toBe(24);
    const perAccount = await api.sql<{ n: string }>(
      `select count(*) as n from limit_decisions where kind = 'PERIODIC_REVIEW' group by account_id`,
    );
    expect(perAccount).toHaveLength(24);
    expect(perAccount.every((r) => r.n === '1')).toBe(true);
    const frozen = await api.sql(`select 1 from limit_decisions where account_id = ?`, [
      cs[0]!.accountId,
    ]);
    expect(frozen).toHaveLength(0);
    const unscored = await api.sql(
      `select 1 from credit_accounts where status = 'ACTIVE' and (score is null or grade is null or last_reviewed_at is null)`,
    );
    expect(unscored).toHaveLength(0);
    const mismatched = await api.sql(
      `select 1 from credit_accounts a join lateral (select base_limit_after_fen from limit_decisions d where d.account_id = a.id order by id desc limit 1) d on true where d.base_limit_after_fen <> a.base_limit_fen`,
    );
    expect(mismatched).toHaveLength(0);
    const changedNotices = await api.sql<{ n: string }>(
      `select count(*) as n from notices where kind = 'LIMIT_CHANGED'`,
    );
    const changedDecisions = await api.sql<{ n: string }>(
      `select count(*) as n from limit_decisions where base_limit_after_fen <> base_limit_before_fen`,
    );
    expect(changedNotices[0]!.n).toBe(changedDecisions[0]!.n);
    const third = await runPeriodicReview(api.orm, { batchSize: 5 });
    expect(third.resumed).toBe(false);
    expect(third.runId).not.toBe(first.runId);
  });

  it('reviews an account at most once per policy interval: a second run in the period changes nothing', async () => {
    const cs = await customers(6);
    const mine = cs.map((c) => c.accountId);
    const decisionsOf = async () =>
      Number(
        (
          await api.sql<{ n: string }>(
            `select count(*) as n from limit_decisions where kind = 'PERIODIC_REVIEW' and account_id = any(?::bigint[])`,
            [`{${mine.join(',')}}`],
          )
        )[0]!.n,
      );
    const limitsOf = () =>
      api.sql<{ id: string; base: string }>(
        `select id::text, base_limit_fen::text as base from credit_accounts where id = any(?::bigint[]) order by id`,
        [`{${mine.join(',')}}`],
      );
    const now = new Date();
    await runPeriodicReview(api.orm, { batchSize: 4, asOf: now });
    expect(await decisionsOf()).toBe(6);
    const after = await limitsOf();

    // the same day, and a day short of the interval: nobody is due, no limit moves
    const interval = POLICY.periodicReviewIntervalDays;
    for (const days of [0, interval - 1]) {
      const again = await runPeriodicReview(api.orm, {
        batchSize: 4,
        asOf: new Date(now.getTime() + days * 86_400_000),
      });
      expect(again.processed).toBe(0);
      expect(again.changed).toBe(0);
    }
    expect(await decisionsOf()).toBe(6);
    expect(await limitsOf()).toEqual(after);

    // once the interval has passed, every one of them is due again
    await runPeriodicReview(api.orm, {
      batchSize: 4,
      asOf: new Date(now.getTime() + interval * 86_400_000),
    });
    expect(await decisionsOf()).toBe(12);
  });
});

describe('periodic review with batches in flight together', () => {
  it('a batch that fails rolls back the batches after it and keeps the cursor before it; a rerun reviews everyone once', async () => {
    const cs = await customers(30);
    // The review walks customer id ranges: the cursor is a customer id.
    const byCustomer = [...cs].sort((a, b) => Number(a.customerId) - Number(b.customerId));
    const poisoned = Number(byCustomer[12]!.accountId); // in the third batch of five
    const poisonedCustomer = Number(byCustomer[12]!.customerId);
    await api.sql(`create function test_fail_review() returns trigger language plpgsql as $$ begin
      if new.account_id = ${poisoned} and new.kind = 'PERIODIC_REVIEW' then raise exception 'injected failure'; end if; return new; end $$`);
    await api.sql(
      `create trigger test_fail_review before insert on limit_decisions for each row execute function test_fail_review()`,
    );
    // accounts reviewed by the tests above are not due again yet (policy interval)
    const [due] = await api.sql<{ n: string }>(
      `select count(*) as n from credit_accounts where status = 'ACTIVE' and last_reviewed_at is null`,
    );
    try {
      await expect(runPeriodicReview(api.orm, { batchSize: 5, workers: 3 })).rejects.toThrow(
        /injected failure/,
      );
    } finally {
      await api.sql(`drop trigger test_fail_review on limit_decisions`);
    }
    const [run] = await api.sql<{
      id: string;
      status: string;
      cursor_id: string;
      processed: string;
    }>(
      `select id, status, cursor_id, processed from job_runs where job = 'periodic-review' order by id desc limit 1`,
    );
    // this run's decisions carry its as-of time (earlier tests in this file ran reviews too)
    const ofThisRun = `kind = 'PERIODIC_REVIEW' and created_at = (select as_of from job_runs where id = ${Number(run!.id)})`;
    expect(run!.status).toBe('RUNNING');
    expect(Number(run!.cursor_id)).toBeLessThan(poisonedCustomer);
    const reviewed = await api.sql<{ customer_id: string }>(
      `select customer_id from limit_decisions where ${ofThisRun}`,
    );
    // everything reviewed lies at or below the cursor: nothing after the failed batch was kept
    expect(reviewed.every((r) => Number(r.customer_id) <= Number(run!.cursor_id))).toBe(true);
    expect(reviewed).toHaveLength(Number(run!.processed));
    const resumed = await runPeriodicReview(api.orm, { batchSize: 5, workers: 3 });
    expect(resumed.resumed).toBe(true);
    const perAccount = await api.sql<{ n: string }>(
      `select count(*) as n from limit_decisions where ${ofThisRun} group by account_id`,
    );
    expect(perAccount).toHaveLength(Number(due!.n));
    expect(Number(due!.n)).toBeGreaterThanOrEqual(30);
    expect(perAccount.every((r) => r.n === '1')).toBe(true);
  });
});

describe('notices and promotion expiry', () => {
  it('raises each event notice once, and expires promotions', async () => {
    const [c] = await customers(1);
    await api.sql(`update credit_accounts set outstanding_principal_fen = 450000 where id = ?`, [
      c!.accountId,
    ]);
    const [p] = await api.sql<{ id: string }>(
      `insert into promotions (name, starts_at, ends_at, eligible_grades, amount_fen, status) values ('双11', now() - interval '1 day', now() + interval '2 days', '{A}', 10000, 'SCHEDULED') returning id`,
    );
    await api.sql(
      `insert into temporary_limits (account_id, customer_id, promotion_id, amount_fen, starts_at, ends_at) values (?, ?, ?, 10000, now() - interval '1 day', now() + interval '2 days')`,
      [c!.accountId, c!.customerId, p!.id],
    );
    const r1 = await raiseEventNotices(api.orm.em.fork(), new Date());
    expect(r1.highUtilisation).toBeGreaterThanOrEqual(1);
    expect(r1.promotionStarted).toBe(1);
    expect(r1.promotionEnding).toBe(1);
    const r2 = await raiseEventNotices(api.orm.em.fork(), new Date());
    expect(r2).toEqual({
      highUtilisation: 0,
      dueSoon: 0,
      overdue: 0,
      promotionStarted: 0,
      promotionEnding: 0,
    });
    const s = await expirePromotions(api.orm.em.fork(), new Date());
    expect(s.started).toBe(1);
    const e = await expirePromotions(api.orm.em.fork(), new Date(Date.now() + 3 * 86_400_000));
    expect(e).toEqual({ started: 0, ended: 1, temporaryLimitsExpired: 1 });
  });
});
