import { IsolationLevel, type EntityManager } from '@mikro-orm/postgresql';

export interface ReconcileMismatch {
  check: string;
  accountId: string | null;
  expected: string;
  actual: string;
}

export interface ReconcileReport {
  accounts: number;
  checks: string[];
  mismatches: ReconcileMismatch[];
}

/**
 * Each check is a query returning (account_id, expected, actual) for the rows that disagree.
 * Together they say: the balances on the account are the sum of the ledger; held money is
 * exactly the live holds; outstanding principal is exactly what the schedules (and opening
 * balances) still ask for; fees charged − waived − repaid is what the schedules still ask for;
 * credit is the sum of its ledger deltas and every use of it has its record (refund, payout,
 * repayment from credit); refunds, write-offs and revolving waivers agree with their ledger rows;
 * category pools are exactly their live holds and unpaid principal; ids copied onto purchases,
 * holds and ledger rows are their owners' (those copies have no foreign keys of their own).
 */
const CHECKS: Record<string, string> = {
  'held = Σ ledger held deltas': `
    select a.id as account_id, coalesce(l.s, 0) as expected, a.held_fen as actual from credit_accounts a
      left join (select account_id, sum(held_delta_fen) s from ledger_entries group by account_id) l on l.account_id = a.id
     where a.held_fen <> coalesce(l.s, 0)`,
  'outstanding principal = Σ ledger principal deltas': `
    select a.id as account_id, coalesce(l.s, 0) as expected, a.outstanding_principal_fen as actual from credit_accounts a
      left join (select account_id, sum(principal_delta_fen) s from ledger_entries group by account_id) l on l.account_id = a.id
     where a.outstanding_principal_fen <> coalesce(l.s, 0)`,
  'held = Σ live holds': `
    select a.id as account_id, coalesce(h.s, 0) as expected, a.held_fen as actual from credit_accounts a
      left join (select account_id, sum(amount_fen - captured_fen) s from holds where status = 'LIVE' group by account_id) h on h.account_id = a.id
     where a.held_fen <> coalesce(h.s, 0)`,
  'outstanding principal = unpaid schedule principal + unplanned captures (or revolving principal) + opening balance left': `
    select a.id as account_id, coalesce(s.s, 0) + coalesce(u.s, 0) + coalesce(o.s, 0) as expected, a.outstanding_principal_fen as actual from credit_accounts a
      left join (select sl.account_id, sum(sl.principal_fen - sl.paid_principal_fen) s from schedule_lines sl join installment_plans ip on ip.id = sl.plan_id
                  where ip.status = 'ACTIVE' group by sl.account_id) s on s.account_id = a.id
      left join (select c.account_id, sum(c.amount_fen - c.refunded_fen) s from captures c
                  where not exists (select 1 from installment_plans ip where ip.capture_id = c.id)
                    and not exists (select 1 from revolving_accounts ra where ra.account_id = c.account_id) group by c.account_id
                 union all select account_id, principal_fen from revolving_accounts) u on u.account_id = a.id
      left join (select account_id, sum(principal_delta_fen) s from ledger_entries
                  where kind = 'OPENING_BALANCE' or (kind in ('REPAY_PRINCIPAL', 'WRITE_OFF_PRINCIPAL') and ref_type = 'opening_balance') group by account_id) o on o.account_id = a.id
     where a.outstanding_principal_fen <> coalesce(s.s, 0) + coalesce(u.s, 0) + coalesce(o.s, 0)`,
  'fees charged − waived − repaid = unpaid schedule fees': `
    select a.id as account_id, coalesce(s.s, 0) as expected, coalesce(l.s, 0) as actual from credit_accounts a
      left join (select account_id, sum(fee_fen - paid_fee_fen) s from schedule_lines group by account_id) s on s.account_id = a.id
      left join (select account_id, sum(case kind when 'FEE_CHARGED' then amount_fen else -amount_fen end) s from ledger_entries
                  where kind in ('FEE_CHARGED', 'FEE_WAIVED', 'REPAY_FEE') group by account_id) l on l.account_id = a.id
     where coalesce(s.s, 0) <> coalesce(l.s, 0)`,
  'late fees charged − waived − repaid = unpaid late fees': `
    select a.id as account_id, coalesce(s.s, 0) as expected, coalesce(l.s, 0) as actual from credit_accounts a
      left join (select account_id, sum(late_fee_fen - paid_late_fee_fen) s from schedule_lines group by account_id) s on s.account_id = a.id
      left join (select account_id, sum(case kind when 'LATE_FEE_CHARGED' then amount_fen else -amount_fen end) s from ledger_entries
                  where kind in ('LATE_FEE_CHARGED', 'REPAY_LATE_FEE', 'LATE_FEE_WAIVED') group by account_id) l on l.account_id = a.id
     where coalesce(s.s, 0) <> coalesce(l.s, 0)`,
  'repayments add up (principal + fee + late fee + unapplied) and overpayments are in the ledger': `
    select r.account_id, coalesce(r.s, 0) as expected, coalesce(l.s, 0) as actual
      from (select account_id, sum(unapplied_fen) s from repayments group by account_id) r
      left join (select account_id, sum(amount_fen) s from ledger_entries where kind = 'OVERPAYMENT' group by account_id) l on l.account_id = r.account_id
     where coalesce(r.s, 0) <> coalesce(l.s, 0)`,
  'category used = live category holds + unpaid principal charged to the category': `
    select c.account_id, coalesce(h.s, 0) + coalesce(p.s, 0) + coalesce(u.s, 0) as expected, c.used_fen as actual from category_limits c
      left join (select account_id, category, sum(amount_fen - captured_fen) s from holds where status = 'LIVE' and category is not null group by account_id, category) h
        on h.account_id = c.account_id and h.category = c.category
      left join (select sl.account_id, h.category, sum(sl.principal_fen - sl.paid_principal_fen) s from schedule_lines sl
                   join installment_plans ip on ip.id = sl.plan_id join holds h on h.purchase_id = ip.purchase_id
                  where h.category is not null group by sl.account_id, h.category) p on p.account_id = c.account_id and p.category = c.category
      left join (select h.account_id, h.category, sum(cp.amount_fen - cp.refunded_fen) s from captures cp join holds h on h.purchase_id = cp.purchase_id
                  where h.category is not null and not exists (select 1 from installment_plans ip where ip.capture_id = cp.id)
                    and not exists (select 1 from revolving_accounts ra where ra.account_id = cp.account_id)
                  group by h.account_id, h.category) u on u.account_id = c.account_id and u.category = c.category
     where c.used_fen <> coalesce(h.s, 0) + coalesce(p.s, 0) + coalesce(u.s, 0)`,
  'copied owner ids agree with their owners (purchase, hold and ledger row)': `
    select p.account_id, a.customer_id::text as expected, p.customer_id::text as actual from purchases p join credit_accounts a on a.id = p.account_id
     where p.customer_id <> a.customer_id
    union all
    select h.account_id, pu.account_id || '/' || pu.customer_id, h.account_id || '/' || h.customer_id from holds h join purchases pu on pu.id = h.purchase_id
     where h.account_id <> pu.account_id or h.customer_id <> pu.customer_id
    union all
    select l.account_id, a.customer_id::text, l.customer_id::text from ledger_entries l join credit_accounts a on a.id = l.account_id
     where l.customer_id <> a.customer_id`,
  'credit balance = Σ ledger credit deltas': `
    select a.id as account_id, coalesce(l.s, 0) as expected, a.credit_balance_fen as actual from credit_accounts a
      left join (select account_id, sum(credit_delta_fen) s from ledger_entries group by account_id) l on l.account_id = a.id
     where a.credit_balance_fen <> coalesce(l.s, 0)`,
  'credit applied = repayments paid from credit; paid out = credit payouts; refund credit = refunds': `
    select a.id as account_id, coalesce(r.s, 0) || '/' || coalesce(p.s, 0) || '/' || coalesce(f.s, 0) as expected,
           coalesce(l.applied, 0) || '/' || coalesce(l.paid_out, 0) || '/' || coalesce(l.refund, 0) as actual from credit_accounts a
      left join (select account_id, sum(amount_fen) s from repayments where source = 'CREDIT' group by account_id) r on r.account_id = a.id
      left join (select account_id, sum(amount_fen) s from credit_payouts group by account_id) p on p.account_id = a.id
      left join (select account_id, sum(credit_fen) s from refunds group by account_id) f on f.account_id = a.id
      left join (select account_id, sum(amount_fen) filter (where kind = 'CREDIT_APPLIED') applied, sum(amount_fen) filter (where kind = 'CREDIT_PAYOUT') paid_out,
                        sum(amount_fen) filter (where kind = 'REFUND_CREDIT') refund from ledger_entries group by account_id) l on l.account_id = a.id
     where coalesce(r.s, 0) <> coalesce(l.applied, 0) or coalesce(p.s, 0) <> coalesce(l.paid_out, 0) or coalesce(f.s, 0) <> coalesce(l.refund, 0)`,
  'refunds: principal lowered = Σ REFUND_PRINCIPAL, and a purchase refunded = Σ its refunds = Σ its captures refunded': `
    select a.id as account_id, coalesce(f.s, 0)::text as expected, coalesce(l.s, 0)::text as actual from credit_accounts a
      left join (select account_id, sum(principal_reduced_fen) s from refunds group by account_id) f on f.account_id = a.id
      left join (select account_id, -sum(principal_delta_fen) s from ledger_entries where kind = 'REFUND_PRINCIPAL' group by account_id) l on l.account_id = a.id
     where coalesce(f.s, 0) <> coalesce(l.s, 0)
    union all
    select p.account_id, p.refunded_fen || '/' || p.captured_fen, coalesce(r.s, 0) || '/' || coalesce(c.s, 0) from purchases p
      left join (select purchase_id, sum(amount_fen) s from refunds group by purchase_id) r on r.purchase_id = p.id
      left join (select purchase_id, sum(amount_fen) s from captures group by purchase_id) c on c.purchase_id = p.id
     where p.captured_fen > 0 and (p.refunded_fen <> coalesce(r.s, 0) or p.captured_fen <> coalesce(c.s, 0)
        or p.refunded_fen <> (select coalesce(sum(refunded_fen), 0) from captures c2 where c2.purchase_id = p.id))`,
  'written off (installments and revolving) = Σ write-off ledger rows': `
    select a.id as account_id, coalesce(w.s, 0) as expected, coalesce(l.s, 0) as actual from credit_accounts a
      left join (select account_id, sum(principal_fen + fee_fen + late_fee_fen + revolving_principal_fen + revolving_interest_fen + revolving_fees_fen) s
                   from write_offs group by account_id) w on w.account_id = a.id
      left join (select account_id, sum(amount_fen) s from ledger_entries
                  where kind in ('WRITE_OFF_PRINCIPAL', 'REVOLVING_WRITE_OFF_PRINCIPAL')
                     or (kind in ('FEE_WAIVED', 'LATE_FEE_WAIVED', 'REVOLVING_INTEREST_WAIVED', 'REVOLVING_FEE_WAIVED') and ref_type = 'write_off') group by account_id) l on l.account_id = a.id
     where coalesce(w.s, 0) <> coalesce(l.s, 0)`,
  'written-off principal recovered by refunds: Σ refunds.recovered = Σ write_offs.recovered = Σ WRITE_OFF_RECOVERY': `
    select a.id as account_id, coalesce(f.s, 0) || '/' || coalesce(f.s, 0) as expected, coalesce(w.s, 0) || '/' || coalesce(l.s, 0) as actual from credit_accounts a
      left join (select account_id, sum(recovered_fen) s from refunds group by account_id) f on f.account_id = a.id
      left join (select account_id, sum(recovered_fen) s from write_offs group by account_id) w on w.account_id = a.id
      left join (select account_id, sum(amount_fen) s from ledger_entries where kind = 'WRITE_OFF_RECOVERY' group by account_id) l on l.account_id = a.id
     where coalesce(f.s, 0) <> coalesce(w.s, 0) or coalesce(f.s, 0) <> coalesce(l.s, 0)`,
  'revolving principal / interest / fees = Σ their ledger rows': `
    select ra.account_id, coalesce(l.p, 0) || '/' || coalesce(l.i, 0) || '/' || coalesce(l.f, 0) as expected,
           ra.principal_fen || '/' || ra.interest_fen || '/' || ra.fees_fen as actual from revolving_accounts ra
      left join (select account_id,
                        sum(case when kind in ('REVOLVING_OPENING', 'REVOLVING_PURCHASE') then amount_fen
                                 when kind in ('REVOLVING_REFUND', 'REVOLVING_PAY_PRINCIPAL', 'REVOLVING_WRITE_OFF_PRINCIPAL') then -amount_fen else 0 end) p,
                        sum(case when kind = 'REVOLVING_INTEREST' then amount_fen when kind in ('REVOLVING_PAY_INTEREST', 'REVOLVING_INTEREST_WAIVED') then -amount_fen else 0 end) i,
                        sum(case when kind = 'REVOLVING_FEE' then amount_fen when kind in ('REVOLVING_PAY_FEE', 'REVOLVING_FEE_WAIVED') then -amount_fen else 0 end) f
                   from ledger_entries where kind like 'REVOLVING%' group by account_id) l on l.account_id = ra.account_id
     where ra.principal_fen <> coalesce(l.p, 0) or ra.interest_fen <> coalesce(l.i, 0) or ra.fees_fen <> coalesce(l.f, 0)`,
  'revolving payments and points redemptions = their ledger rows': `
    select r.account_id, r.s::text as expected, coalesce(l.s, 0)::text as actual
      from (select account_id, 'repayment' as ref_type, sum(principal_fen + fee_fen + interest_fen) s from repayments where kind = 'REVOLVING' group by account_id
            union all select account_id, 'points_redemption', sum(amount_fen) from points_redemptions group by account_id) r
      left join (select account_id, ref_type, sum(amount_fen) s from ledger_entries where kind like 'REVOLVING\\_PAY\\_%' group by account_id, ref_type) l
        on l.account_id = r.account_id and l.ref_type = r.ref_type
     where r.s <> coalesce(l.s, 0)`,
  'revolving waivers = their ledger rows, and none above what was charged for its statement': `
    select w.account_id, w.s::text as expected, coalesce(l.s, 0)::text as actual
      from (select account_id, kind, sum(amount_fen) s from revolving_waivers group by account_id, kind) w
      left join (select account_id, case kind when 'REVOLVING_INTEREST_WAIVED' then 'INTEREST' else 'FEE' end as kind, sum(amount_fen) s from ledger_entries
                  where kind in ('REVOLVING_INTEREST_WAIVED', 'REVOLVING_FEE_WAIVED') and ref_type = 'revolving_waiver' group by 1, 2) l
        on l.account_id = w.account_id and l.kind = w.kind
     where w.s <> coalesce(l.s, 0)
    union all
    select w.account_id, 'at most ' || coalesce(c.s, 0), w.s::text
      from (select account_id, statement_id, kind, sum(amount_fen) s from revolving_waivers group by 1, 2, 3) w
      left join (select account_id, ref_id, case kind when 'REVOLVING_INTEREST' then 'INTEREST' else 'FEE' end as kind, sum(amount_fen) s from ledger_entries
                  where kind in ('REVOLVING_INTEREST', 'REVOLVING_FEE') and ref_type = 'statement' group by 1, 2, 3) c
        on c.account_id = w.account_id and c.ref_id = w.statement_id and c.kind = w.kind
     where w.s > coalesce(c.s, 0)`,
  'latest statement balance + revolving movements since = what the revolving line owes': `
    select ra.account_id, s.balance_fen + coalesce(l.s, 0) as expected, ra.principal_fen + ra.interest_fen + ra.fees_fen as actual from revolving_accounts ra
      join lateral (select balance_fen, ledger_to_id from statements st where st.account_id = ra.account_id order by seq desc limit 1) s on true
      left join lateral (select sum(case when kind in ('REVOLVING_OPENING', 'REVOLVING_PURCHASE', 'REVOLVING_INTEREST', 'REVOLVING_FEE') then amount_fen else -amount_fen end) s
                           from ledger_entries le where le.account_id = ra.account_id and le.id > s.ledger_to_id and le.kind like 'REVOLVING%') l on true
     where s.balance_fen + coalesce(l.s, 0) <> ra.principal_fen + ra.interest_fen + ra.fees_fen`,
  'points = earned on statements − redeemed': `
    select ra.account_id, coalesce(e.s, 0) - coalesce(r.s, 0) as expected, ra.points as actual from revolving_accounts ra
      left join (select account_id, sum(points_earned) s from statements group by account_id) e on e.account_id = ra.account_id
      left join (select account_id, sum(points) s from points_redemptions group by account_id) r on r.account_id = ra.account_id
     where ra.points <> coalesce(e.s, 0) - coalesce(r.s, 0)`,
  'a purchase is HELD exactly when its hold is LIVE': `
    select p.account_id, 'HELD with a LIVE hold' as expected, p.status || ' / ' || coalesce(h.status, 'no hold') as actual from purchases p
      left join holds h on h.purchase_id = p.id
     where (p.status = 'HELD') <> (h.status is not distinct from 'LIVE')`,
};

/** Check the whole database; a clean run has no mismatches. Read-only, one snapshot (repeatable read). */
export async function reconcile(em: EntityManager, limitPerCheck = 20): Promise<ReconcileReport> {
  return em.transactional(
    async (tem) => {
      const [n] = await tem.execute<{ n: string }[]>(
        `select count(*)::text as n from credit_accounts`,
      );
      const mismatches: ReconcileMismatch[] = [];
      for (const [check, sql] of Object.entries(CHECKS)) {
        const rows = await tem.execute<
          { account_id: string | null; expected: unknown; actual: unknown }[]
        >(`${sql} limit ${Number(limitPerCheck)}`);
        for (const r of rows)
          mismatches.push({
            check,
            accountId: r.account_id == null ? null : String(r.account_id),
            expected: String(r.expected),
            actual: String(r.actual),
          });
      }
      return { accounts: Number(n!.n), checks: Object.keys(CHECKS), mismatches };
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
}
