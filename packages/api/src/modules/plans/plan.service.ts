import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import type { Viewer } from '../auth/viewer.js';
import { writeAudit } from '../audit/audit.service.js';
import { idempotencyActor, withIdempotency } from '../idempotency/idempotency.service.js';
import {
  COUPONS,
  TERMS,
  firstDueDateFor,
  quotePlans,
  type PlanQuote,
  type Term,
} from './pricing.js';

export interface PlanResult {
  planId: string;
  purchaseId: string;
}

/** Installment plans: created from a captured purchase, priced by the scoring package's policy. */
export class PlanService {
  /** Quotes for every term; `grade` from the account when known. */
  quote(
    principalFen: number,
    grade: string | null,
    couponCode: string | null,
    today = new Date(),
  ): Outcome<PlanQuote[]> {
    if (couponCode && !COUPONS[couponCode])
      return fail('UNKNOWN_COUPON', 'This coupon code is not known.', 'couponCode');
    return ok(
      TERMS.map((t) =>
        quotePlans(principalFen, grade, firstDueDateFor(t, today), couponCode).find(
          (q) => q.term === t,
        )!,
      ),
    );
  }

  /** `createInstallmentPlan`: idempotent, its own transaction. */
  async create(
    em: EntityManager,
    viewer: Viewer,
    input: { purchaseId: string; term: string; couponCode: string | null; idempotencyKey: string },
  ): Promise<Outcome<PlanResult>> {
    return withIdempotency(
      em,
      {
        actor: idempotencyActor(viewer),
        operation: 'createInstallmentPlan',
        key: input.idempotencyKey,
        input: { ...input, idempotencyKey: undefined },
      },
      (tem) => this.createForPurchase(tem, viewer, input),
    );
  }

  /**
   * Create the plan and its schedule for a CAPTURED purchase, inside the caller's transaction.
   * The schedule's principal parts add up exactly to the purchase (checked here, again).
   */
  async createForPurchase(
    tem: EntityManager,
    viewer: Viewer,
    input: { purchaseId: string; term: string; couponCode: string | null },
  ): Promise<Outcome<PlanResult>> {
    if (!(TERMS as readonly string[]).includes(input.term))
      return fail('UNKNOWN_TERM', `term must be one of ${TERMS.join(', ')}.`, 'term');
    const term = input.term as Term;
    if (input.couponCode && !COUPONS[input.couponCode])
      return fail('UNKNOWN_COUPON', 'This coupon code is not known.', 'couponCode');
    if (input.couponCode && !COUPONS[input.couponCode]!.terms.includes(term))
      return fail('COUPON_NOT_APPLICABLE', `This coupon does not apply to ${term}.`, 'couponCode');
    const [p] = await tem.execute<
      {
        id: string;
        account_id: string;
        customer_id: string;
        amount_fen: string;
        status: string;
        partner_app_id: string | null;
        grade: string | null;
        has_plan: boolean;
      }[]
    >(
      `select p.id, p.account_id, p.customer_id, p.amount_fen, p.status, p.partner_app_id, a.grade,
              exists (select 1 from installment_plans ip where ip.purchase_id = p.id) as has_plan
         from purchases p join credit_accounts a on a.id = p.account_id where p.id = ? for update of p`,
      [input.purchaseId],
    );
    if (
      !p ||
      (viewer.kind === 'partner' &&
        p.partner_app_id != null &&
        String(p.partner_app_id) !== viewer.id)
    )
      return fail('PURCHASE_NOT_FOUND', 'There is no such purchase.', 'purchaseId');
    if (p.status !== 'CAPTURED')
      return fail(
        'PURCHASE_NOT_CAPTURED',
        `The purchase is ${p.status}; only a captured purchase can be split into a plan.`,
        'purchaseId',
      );
    if (p.has_plan)
      return fail('PLAN_EXISTS', 'This purchase already has an installment plan.', 'purchaseId');
    const principal = Number(p.amount_fen);
    const quote = quotePlans(
      principal,
      p.grade,
      firstDueDateFor(term, new Date()),
      input.couponCode,
    ).find((q) => q.term === term)!;
    const sum = quote.schedule.reduce((s, l) => s + l.principalFen, 0);
    if (sum !== principal) throw new Error(`schedule principal ${sum} ≠ purchase ${principal}`);
    const [plan] = await tem.execute<{ id: string }[]>(
      `insert into installment_plans (purchase_id, account_id, customer_id, term, principal_fen, fee_rate_bp, total_fee_fen, apr_bp, coupon_code, status)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE') returning id`,
      [
        p.id,
        p.account_id,
        p.customer_id,
        term,
        principal,
        quote.feeRateBp,
        quote.totalFeeFen,
        quote.aprBp,
        quote.couponApplied ? input.couponCode : null,
      ],
    );
    const planId = String(plan!.id);
    const values = quote.schedule.map(() => `(?, ?, ?, ?, ?::date, ?, ?)`).join(', ');
    await tem.execute(
      `insert into schedule_lines (plan_id, account_id, customer_id, seq, due_date, principal_fen, fee_fen) values ${values}`,
      quote.schedule.flatMap((l) => [
        planId,
        p.account_id,
        p.customer_id,
        l.seq,
        l.dueDate,
        l.principalFen,
        l.feeFen,
      ]),
    );
    if (quote.totalFeeFen > 0) {
      await tem.execute(
        `insert into ledger_entries (account_id, customer_id, kind, amount_fen, ref_type, ref_id) values (?, ?, 'FEE_CHARGED', ?, 'plan', ?)`,
        [p.account_id, p.customer_id, quote.totalFeeFen, planId],
      );
    }
    await writeAudit(tem, viewer, {
      action: 'createInstallmentPlan',
      customerId: p.customer_id,
      targetType: 'InstallmentPlan',
      targetId: planId,
      details: { term, principalFen: principal, totalFeeFen: quote.totalFeeFen },
    });
    return ok({ planId, purchaseId: String(p.id) });
  }
}
