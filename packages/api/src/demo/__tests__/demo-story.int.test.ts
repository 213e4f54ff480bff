import { describe, expect, it } from 'vitest';
import { useTestApi } from '../../../test/harness.js';
import { ensureDemoData } from '../demo-data.js';
import { reconcile } from '../../modules/ledger/reconcile.js';
import { createLogger } from '../../shared/logger.js';
import { explainDecision } from '../../modules/decisions/scoring-adapter.js';
import { defaultPolicy, initialLimitBounds } from '@creditline/scoring';

const api = useTestApi();

/**
 * The demo population as the first start leaves it (seed, one periodic review, the demo
 * checkout's purchases) tells one story: what every account has used is backed by plans and
 * holds, its decisions are in time order and its latest decision explains its state.
 */
describe('the demo population', () => {
  it('backs every used amount with plans and holds, and every account state with its latest decision', async () => {
    await ensureDemoData(
      api.orm,
      api.orm.config.get('clientUrl')!,
      { ...api.config, DEMO_CUSTOMERS: 400 },
      createLogger('silent'),
    );
    expect((await reconcile(api.orm.em.fork())).mismatches).toEqual([]);

    // used = live holds + outstanding principal of its plans, for every account
    const unbacked = await api.sql<any>(
      `select a.id, a.used_fen::text as used, coalesce(h.s, 0)::text as holds, coalesce(p.s, 0)::text as plans from credit_accounts a
         left join (select account_id, sum(amount_fen) s from holds where status = 'LIVE' group by account_id) h on h.account_id = a.id
         left join (select sl.account_id, sum(sl.principal_fen - sl.paid_principal_fen) s from schedule_lines sl join installment_plans ip on ip.id = sl.plan_id
                     where ip.status = 'ACTIVE' group by sl.account_id) p on p.account_id = a.id
        where a.used_fen <> coalesce(h.s, 0) + coalesce(p.s, 0)`,
    );
    expect(unbacked).toEqual([]);
    const [used] = await api.sql<any>(
      `select count(*)::int as n from credit_accounts where used_fen > 0`,
    );
    expect(used.n).toBeGreaterThan(200);
    expect(await api.sql(`select 1 from ledger_entries where kind = 'OPENING_BALANCE'`)).toEqual(
      [],
    );

    // decisions in time order
    const disorder = await api.sql(
      `select 1 from (select account_id, created_at, lag(created_at) over (partition by account_id order by id) as prev from limit_decisions) d
        where d.prev > d.created_at`,
    );
    expect(disorder).toEqual([]);

    // new customers within the policy's initial bounds; INITIAL decisions too
    const { minFen, maxFen } = initialLimitBounds(defaultPolicy);
    const initials = await api.sql<any>(
      `select base_limit_after_fen::int as after from limit_decisions where kind = 'INITIAL'`,
    );
    expect(initials.length).toBe(400);
    for (const d of initials) {
      expect(d.after).toBeGreaterThanOrEqual(minFen);
      expect(d.after).toBeLessThanOrEqual(maxFen);
    }
    const newOver = await api.sql(
      `select 1 from credit_accounts where opened_at > now() - interval '90 days' and base_limit_fen > ?`,
      [maxFen],
    );
    expect(newOver).toEqual([]);

    // the latest decision explains the state; a frozen account's says why it is frozen
    const latest = await api.sql<any>(
      `select a.id, a.status, a.base_limit_fen::int as base, a.frozen_cause, d.kind, d.status_before, d.status_after,
              d.base_limit_before_fen::int as before, d.base_limit_after_fen::int as after, d.score, d.grade, d.reasons
         from credit_accounts a join lateral (select * from limit_decisions x where x.account_id = a.id order by x.id desc limit 1) d on true`,
    );
    expect(latest).toHaveLength(400);
    let frozen = 0;
    for (const d of latest) {
      expect(d.status_after, `account ${d.id}`).toBe(d.status);
      expect(d.after, `account ${d.id}`).toBe(d.base);
      if (d.status !== 'FROZEN') continue;
      frozen++;
      expect(d.frozen_cause, `account ${d.id}`).toMatch(/^(OVERDUE|RISK_ALERT)$/);
      const e = explainDecision(
        {
          kind: d.kind,
          baseLimitBeforeFen: d.before,
          baseLimitAfterFen: d.after,
          statusBefore: d.status_before,
          statusAfter: d.status_after,
          score: d.score,
          grade: d.grade,
          reasons: d.reasons,
        },
        'en',
      );
      expect(e.headline, `account ${d.id}`).toMatch(
        /frozen, mainly because (a repayment is long overdue|someone else may be using the account)/,
      );
    }
    expect(frozen).toBeGreaterThan(0);
    // an open UNFREEZE request belongs to a customer frozen for an overdue who repaid it all (the
    // rules would refuse one still overdue; a risk alert is lifted by a risk admin)
    const openUnfreeze = await api.sql<any>(
      `select r.account_id, a.status, a.frozen_cause, a.used_fen::int as used from recovery_requests r join credit_accounts a on a.id = r.account_id
        where r.type = 'UNFREEZE' and r.status in ('SUBMITTED', 'UNDER_REVIEW', 'NEEDS_DOCUMENTS')`,
    );
    expect(openUnfreeze.length).toBeGreaterThan(0);
    for (const r of openUnfreeze)
      expect(r, `account ${r.account_id}`).toMatchObject({
        status: 'FROZEN',
        frozen_cause: 'OVERDUE',
        used: 0,
      });
    const [cat] = await api.sql<any>(`select count(*)::int as n from category_limits`);
    expect(cat.n).toBeGreaterThan(0);
  });
});
