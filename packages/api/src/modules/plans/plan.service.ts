import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import type { Viewer } from '../auth/viewer.js';
import { writeAudit } from '../audit/audit.service.js';
import { idempotencyScope, withIdempotency } from '../idempotency/idempotency.service.js';
import {
  TERMS,
  firstDueDateFor,
  quotePlans,
  type CouponTerms,
  type PlanQuote,
  type Term,
} from './pricing.js';
import { findCoupon } from '../coupons/coupon.service.js';

export interface PlanResult {
  planId: string;
  purchaseId: string;
}

/** Installment plans: created from a captured purchase, priced by the scoring package's policy. */
export class PlanService {
  /** Quotes for every term; `grade` from the account when known; a coupon's terms when given. */
  quote(
    principalFen: number,
    grade: string | null,
    coupon: CouponTerms | null,
    today = new Date(),
  ): PlanQuote[] {
    return TERMS.map((t) =>
      quotePlans(principalFen, grade, firstDueDateFor(t, today), coupon).find((q) => q.term === t)!,
    );
  }

  /** `createInstallmentPlan`: idempotent, its own transaction. */
  async create(
    em: EntityManager,
    viewer: Viewer,
    input: {
      purchaseId: string;
      term: string;
      couponCode: string | null;
      captureId?: string | null;
      idempotencyKey: string;
    },
  ): Promise<
    Outcome<
      PlanResult,
      | 'AMOUNT_TOO_SMALL_FOR_TERM'
      | 'CAPTURE_REQUIRED'
      | 'COUPON_EXPIRED'
      | 'COUPON_NOT_APPLICABLE'
      | 'COUPON_USED'
      | 'IDEMPOTENCY_KEY_REUSED'
      | 'INVALID_IDEMPOTENCY_KEY'
      | 'NOTHING_TO_PLAN'
      | 'PLAN_EXISTS'
      | 'PURCHASE_NOT_CAPTURED'
      | 'PURCHASE_NOT_FOUND'
      | 'REVOLVING_PURCHASE'
      | 'UNKNOWN_COUPON'
      | 'UNKNOWN_TERM'
    >
  > {
    return withIdempotency(em, idempotencyScope(viewer, 'createInstallmentPlan', input), (tem) =>
      this.createForPurchase(tem, viewer, input),
    );
  }

  /**
   * Create the plan and its schedule for a capture of a purchase, inside the caller's
   * transaction: the given capture, or the purchase's one capture without a plan. The schedule's
   * principal parts add up exactly to what is left of the capture (checked here, again). A coupon
   * is one of the customer's issued coupons, used here once.
   */
  async createForPurchase(
    tem: EntityManager,
    viewer: Viewer,
    input: {
      purchaseId: string;
      term: string;
      couponCode: string | null;
      captureId?: string | null;
    },
  ): Promise<
    Outcome<
      PlanResult,
      | 'AMOUNT_TOO_SMALL_FOR_TERM'
      | 'CAPTURE_REQUIRED'
      | 'COUPON_EXPIRED'
      | 'COUPON_NOT_APPLICABLE'
      | 'COUPON_USED'
      | 'NOTHING_TO_PLAN'
      | 'PLAN_EXISTS'
      | 'PURCHASE_NOT_CAPTURED'
      | 'PURCHASE_NOT_FOUND'
      | 'REVOLVING_PURCHASE'
      | 'UNKNOWN_COUPON'
      | 'UNKNOWN_TERM'
    >
  > {
    if (!(TERMS as readonly string[]).includes(input.term))
      return fail('UNKNOWN_TERM', `term must be one of ${TERMS.join(', ')}.`, 'term');
    const term = input.term as Term;
    const [p] = await tem.execute<
      {
        id: string;
        account_id: string;
        customer_id: string;
        status: string;
        captured_fen: string;
        partner_app_id: string | null;
        grade: string | null;
      }[]
    >(
      `select p.id, p.account_id, p.customer_id, p.status, p.captured_fen, p.partner_app_id, a.grade
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
    if (Number(p.captured_fen) === 0)
      return fail(
        'PURCHASE_NOT_CAPTURED',
        `The purchase is ${p.status}; only a captured purchase can be split into a plan.`,
        'purchaseId',
      );
    // On a revolving account a capture without a term is on the statement (its balance and
    // points are counted there); installments are chosen at capture.
    if (!input.captureId) {
      const [rv] = await tem.execute(
        `select 1 from revolving_accounts ra join purchases p on p.account_id = ra.account_id where p.id = ?`,
        [p.id],
      );
      if (rv)
        return fail(
          'REVOLVING_PURCHASE',
          'On a revolving account a purchase captured without a term is on the statement; capture with a term for installments.',
          'purchaseId',
        );
    }
    const open = await tem.execute<{ id: string; left: string }[]>(
      `select c.id::text, (c.amount_fen - c.refunded_fen)::text as left from captures c
        where c.purchase_id = ? and not exists (select 1 from installment_plans ip where ip.capture_id = c.id)
          ${input.captureId ? 'and c.id = ?' : ''} order by c.id`,
      input.captureId ? [p.id, input.captureId] : [p.id],
    );
    if (open.length === 0)
      return fail(
        'PLAN_EXISTS',
        input.captureId
          ? 'This capture already has an installment plan (or is not of this purchase).'
          : 'This purchase already has an installment plan.',
        'purchaseId',
      );
    if (open.length > 1)
      return fail(
        'CAPTURE_REQUIRED',
        'This purchase has several captures without a plan; capture with a term, or plan them one by one.',
        'purchaseId',
      );
    const capture = open[0]!;
    const principal = Number(capture.left);
    if (principal <= 0)
      return fail('NOTHING_TO_PLAN', 'This capture has been refunded in full.', 'purchaseId');
    let coupon: { id: string; code: string; terms: CouponTerms } | null = null;
    if (input.couponCode) {
      const found = await findCoupon(tem, input.couponCode, String(p.customer_id));
      if (!found.ok) return found;
      if (!found.value.terms.terms.includes(term))
        return fail(
          'COUPON_NOT_APPLICABLE',
          `This coupon does not apply to ${term}.`,
          'couponCode',
        );
      coupon = found.value;
    }
    const quote = quotePlans(
      principal,
      p.grade,
      firstDueDateFor(term, new Date()),
      coupon?.terms ?? null,
    ).find((q) => q.term === term)!;
    const sum = quote.schedule.reduce((s, l) => s + l.principalFen, 0);
    if (sum !== principal) throw new Error(`schedule principal ${sum} ≠ capture ${principal}`);
    // A period with nothing to pay could never be paid, so its plan would never be paid off
    // (found by the 10,000-operation model test: a 5-fen capture in 6 periods).
    if (quote.schedule.some((l) => l.principalFen === 0))
      return fail(
        'AMOUNT_TOO_SMALL_FOR_TERM',
        `${(principal / 100).toFixed(2)} cannot be split into ${quote.schedule.length} periods of at least 0.01; choose a shorter term.`,
        'term',
      );
    const [plan] = await tem.execute<{ id: string }[]>(
      `insert into installment_plans (purchase_id, capture_id, account_id, customer_id, term, principal_fen, fee_rate_bp, total_fee_fen, apr_bp, coupon_code, coupon_id, status)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE') returning id`,
      [
        p.id,
        capture.id,
        p.account_id,
        p.customer_id,
        term,
        principal,
        quote.feeRateBp,
        quote.totalFeeFen,
        quote.aprBp,
        coupon && quote.couponApplied ? coupon.code : null,
        coupon && quote.couponApplied ? coupon.id : null,
      ],
    );
    const planId = String(plan!.id);
    if (coupon && quote.couponApplied)
      await tem.execute(
        `update coupons set status = 'USED', used_at = now(), plan_id = ? where id = ?`,
        [planId, coupon.id],
      );
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
      details: {
        term,
        principalFen: principal,
        totalFeeFen: quote.totalFeeFen,
        captureId: capture.id,
        ...(coupon ? { couponId: coupon.id } : {}),
      },
    });
    return ok({ planId, purchaseId: String(p.id) });
  }
}
