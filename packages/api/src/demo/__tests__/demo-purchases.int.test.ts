import { describe, expect, it } from 'vitest';
import { useTestApi } from '../../../test/harness.js';
import { seedDatabase } from '../seed/load.js';
import { runPeriodicReview } from '../../modules/decisions/periodic-review.js';
import { reconcile } from '../../modules/ledger/reconcile.js';
import { createLogger } from '../../shared/logger.js';
import { ensureDemoPurchases } from '../demo-purchases.js';

const api = useTestApi();

describe('demo purchases', () => {
  it('leave plans, repayments, live holds and a review queue that reconcile, made once', async () => {
    await seedDatabase(api.orm.config.get('clientUrl')!, {
      customers: 300,
      piiKey: api.config.secrets.piiKey,
      blindIndexKey: api.config.secrets.blindIndexKey,
    });
    await runPeriodicReview(api.orm);
    const first = await ensureDemoPurchases(api.orm, api.config, createLogger('silent'));
    expect(first.plans).toBeGreaterThanOrEqual(20);
    expect(first.held).toBeGreaterThanOrEqual(5);
    expect(first.review).toBeGreaterThanOrEqual(1);
    const [plans] = await api.sql<{ n: string; lines: string }>(
      `select count(distinct p.id) as n, count(l.id) as lines from installment_plans p join schedule_lines l on l.plan_id = p.id
        join purchases pu on pu.id = p.purchase_id where pu.partner_app_id is not null`,
    );
    expect(Number(plans!.n)).toBe(first.plans);
    expect(Number(plans!.lines)).toBeGreaterThanOrEqual(first.plans * 3);
    const [repaid] = await api.sql<{ n: string }>(`select count(*) as n from repayments`);
    expect(Number(repaid!.n)).toBeGreaterThan(0);
    const [queue] = await api.sql<{ n: string }>(
      `select count(*) as n from purchases where status = 'PENDING_REVIEW'`,
    );
    expect(Number(queue!.n)).toBe(first.review);
    expect((await reconcile(api.orm.em.fork())).mismatches).toEqual([]);
    const count = async () =>
      Number(
        (
          await api.sql<{ n: string }>(
            `select count(*) as n from purchases where partner_app_id is not null`,
          )
        )[0]!.n,
      );
    const made = await count();
    expect(made).toBeGreaterThanOrEqual(first.plans + first.held + first.review);
    // a second run finds the demo partner's purchases and buys nothing
    expect(await ensureDemoPurchases(api.orm, api.config, createLogger('silent'))).toEqual({
      plans: 0,
      held: 0,
      review: 0,
    });
    const [again] = await api.sql<{ n: string }>(
      `select count(*) as n from installment_plans p join purchases pu on pu.id = p.purchase_id where pu.partner_app_id is not null`,
    );
    expect(Number(again!.n)).toBe(first.plans);
    expect(await count()).toBe(made);
  });
});
