import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import type { Viewer } from '../auth/viewer.js';
import { writeAudit } from '../audit/audit.service.js';
import { TERMS, type CouponTerms, type Term } from '../plans/pricing.js';

export interface CampaignInput {
  name: string;
  freePeriods: number;
  terms: string[];
  startsAt: Date;
  endsAt: Date;
  couponValidDays: number;
  budgetCoupons: number;
  perCustomerLimit: number;
}

export interface UsableCoupon {
  id: string;
  code: string;
  campaignId: string;
  campaignName: string;
  freePeriods: number;
  terms: Term[];
  expiresAt: Date;
}

/** A coupon found for a plan: locked, checked for its owner, state, expiry and term. */
export interface CouponForPlan {
  id: string;
  code: string;
  terms: CouponTerms;
}

/** Codes customers can type: no 0/O or 1/I. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function newCode(): string {
  const b = randomBytes(10);
  return `CP${[...b].map((x) => ALPHABET[x % ALPHABET.length]).join('')}`;
}

/**
 * Coupons as issued objects (issue 14): a campaign (terms, validity, a budget of coupons, a limit
 * per customer) issues coupons to named customers; each coupon is used once by one plan of its
 * customer, expires, and comes back when the capture it was used on is refunded in full.
 */
export class CouponService {
  async createCampaign(
    em: EntityManager,
    viewer: Viewer,
    input: CampaignInput,
  ): Promise<Outcome<{ campaignId: string }, 'INVALID_WINDOW' | 'OUT_OF_RANGE' | 'UNKNOWN_TERM'>> {
    const bad = input.terms.find(
      (t) => !(TERMS as readonly string[]).includes(t) || t === 'DEFERRED_30',
    );
    if (bad || input.terms.length === 0)
      return fail(
        'UNKNOWN_TERM',
        `terms must be some of ${TERMS.filter((t) => t !== 'DEFERRED_30').join(', ')} (DEFERRED_30 has no fee).`,
        'terms',
      );
    if (!(input.endsAt > input.startsAt))
      return fail('INVALID_WINDOW', 'endsAt must be after startsAt.', 'endsAt');
    const ints: [keyof CampaignInput, number, number][] = [
      ['freePeriods', 1, 24],
      ['couponValidDays', 1, 366],
      ['budgetCoupons', 1, 10_000_000],
      ['perCustomerLimit', 1, 100],
    ];
    for (const [field, lo, hi] of ints) {
      const v = input[field] as number;
      if (!Number.isInteger(v) || v < lo || v > hi)
        return fail('OUT_OF_RANGE', `${field} must be a whole number from ${lo} to ${hi}.`, field);
    }
    return em.transactional(async (tem) => {
      const [c] = await tem.execute<{ id: string }[]>(
        `insert into coupon_campaigns (name, free_periods, terms, starts_at, ends_at, coupon_valid_days, budget_coupons, per_customer_limit, created_by_agent_id)
         values (?, ?, ?::text[], ?, ?, ?, ?, ?, ?) returning id`,
        [
          input.name,
          input.freePeriods,
          `{${input.terms.join(',')}}`,
          input.startsAt,
          input.endsAt,
          input.couponValidDays,
          input.budgetCoupons,
          input.perCustomerLimit,
          viewer.kind === 'agent' ? viewer.id : null,
        ],
      );
      await writeAudit(tem, viewer, {
        action: 'createCouponCampaign',
        targetType: 'CouponCampaign',
        targetId: String(c!.id),
        details: { ...input },
      });
      return ok({ campaignId: String(c!.id) });
    });
  }

  /**
   * Issue one coupon of a campaign to each customer. The campaign row is locked, so the budget
   * and the per-customer limit hold under concurrent issuing. A customer at the limit is skipped
   * (reported), never an error for the others.
   */
  async issue(
    em: EntityManager,
    viewer: Viewer,
    input: { campaignId: string; customerIds: string[] },
  ): Promise<
    Outcome<
      { issued: { customerId: string; couponId: string }[]; skipped: string[] },
      'CAMPAIGN_BUDGET_EXHAUSTED' | 'CAMPAIGN_NOT_FOUND' | 'CAMPAIGN_NOT_OPEN' | 'OUT_OF_RANGE'
    >
  > {
    if (input.customerIds.length === 0 || input.customerIds.length > 1000)
      return fail('OUT_OF_RANGE', 'Give 1 to 1000 customers.', 'customerIds');
    return em.transactional(async (tem) => {
      const [c] = await tem.execute<
        {
          id: string;
          budget_coupons: number;
          issued_count: number;
          per_customer_limit: number;
          coupon_valid_days: number;
          open: boolean;
        }[]
      >(
        `select id, budget_coupons, issued_count, per_customer_limit, coupon_valid_days, (now() >= starts_at and now() < ends_at) as open
           from coupon_campaigns where id = ? for update`,
        [input.campaignId],
      );
      if (!c) return fail('CAMPAIGN_NOT_FOUND', 'There is no such campaign.', 'campaignId');
      if (!c.open)
        return fail(
          'CAMPAIGN_NOT_OPEN',
          'Coupons are issued only between the campaign start and end.',
          'campaignId',
        );
      const ids = [...new Set(input.customerIds)];
      if (c.issued_count + ids.length > c.budget_coupons)
        return fail(
          'CAMPAIGN_BUDGET_EXHAUSTED',
          `The campaign can issue ${c.budget_coupons - c.issued_count} more coupon(s).`,
          'customerIds',
        );
      const counts = await tem.execute<{ customer_id: string; n: number; known: boolean }[]>(
        `select x.id::text as customer_id, (select count(*)::int from coupons k where k.campaign_id = ? and k.customer_id = x.id) as n,
                exists (select 1 from customers cu where cu.id = x.id) as known
           from unnest(?::bigint[]) as x(id)`,
        [c.id, `{${ids.join(',')}}`],
      );
      const issued: { customerId: string; couponId: string }[] = [];
      const skipped: string[] = [];
      for (const r of counts) {
        if (!r.known || r.n >= c.per_customer_limit) {
          skipped.push(r.customer_id);
          continue;
        }
        const [k] = await tem.execute<{ id: string }[]>(
          `insert into coupons (campaign_id, customer_id, code, expires_at) values (?, ?, ?, now() + make_interval(days => ?)) returning id`,
          [c.id, r.customer_id, newCode(), c.coupon_valid_days],
        );
        issued.push({ customerId: r.customer_id, couponId: String(k!.id) });
      }
      await tem.execute(
        `update coupon_campaigns set issued_count = issued_count + ? where id = ?`,
        [issued.length, c.id],
      );
      await writeAudit(tem, viewer, {
        action: 'issueCoupons',
        targetType: 'CouponCampaign',
        targetId: String(c.id),
        details: { issued: issued.length, skipped },
      });
      return ok({ issued, skipped });
    });
  }

  /** A customer's coupons that can be used now (issued, not used, not expired), soonest expiry first. */
  async usable(em: EntityManager, customerId: string): Promise<UsableCoupon[]> {
    const rows = await em.execute<
      {
        id: string;
        code: string;
        campaign_id: string;
        name: string;
        free_periods: number;
        terms: string[] | string;
        expires_at: Date;
      }[]
    >(
      `select k.id::text, k.code, k.campaign_id::text, c.name, c.free_periods, c.terms, k.expires_at
         from coupons k join coupon_campaigns c on c.id = k.campaign_id
        where k.customer_id = ? and k.status = 'ISSUED' and k.expires_at > now() order by k.expires_at, k.id`,
      [customerId],
    );
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      campaignId: r.campaign_id,
      campaignName: r.name,
      freePeriods: r.free_periods,
      terms: parseTextArray(r.terms) as Term[],
      expiresAt: new Date(r.expires_at),
    }));
  }

  /** The terms of a usable coupon by code, for a quote (owner checked when known). */
  async termsForQuote(
    em: EntityManager,
    code: string,
    customerId: string | null,
  ): Promise<Outcome<CouponTerms, 'COUPON_EXPIRED' | 'COUPON_USED' | 'UNKNOWN_COUPON'>> {
    const found = await findCoupon(em, code, customerId, false);
    return found.ok ? ok(found.value.terms) : found;
  }
}

/**
 * Find a coupon for a plan of `customerId`, locked when `lock`: UNKNOWN_COUPON when there is no
 * such code for this customer (another customer's code is not revealed to exist), COUPON_USED,
 * COUPON_EXPIRED.
 */
export async function findCoupon(
  em: EntityManager,
  code: string,
  customerId: string | null,
  lock = true,
): Promise<Outcome<CouponForPlan, 'COUPON_EXPIRED' | 'COUPON_USED' | 'UNKNOWN_COUPON'>> {
  const [k] = await em.execute<
    {
      id: string;
      code: string;
      customer_id: string;
      status: string;
      expired: boolean;
      free_periods: number;
      terms: string[] | string;
    }[]
  >(
    `select k.id::text, k.code, k.customer_id::text, k.status, k.expires_at <= now() as expired, c.free_periods, c.terms
       from coupons k join coupon_campaigns c on c.id = k.campaign_id where k.code = ? ${lock ? 'for update of k' : ''}`,
    [code],
  );
  if (!k || (customerId != null && k.customer_id !== customerId))
    return fail('UNKNOWN_COUPON', 'This coupon code is not known for this customer.', 'couponCode');
  if (k.status === 'USED') return fail('COUPON_USED', 'This coupon has been used.', 'couponCode');
  if (k.expired) return fail('COUPON_EXPIRED', 'This coupon has expired.', 'couponCode');
  return ok({
    id: k.id,
    code: k.code,
    terms: { freePeriods: k.free_periods, terms: parseTextArray(k.terms) as Term[] },
  });
}

/** A coupon back to ISSUED when what it was used on is refunded in full (it may have expired since). */
export async function restoreCoupon(tem: EntityManager, couponId: string): Promise<void> {
  await tem.execute(
    `update coupons set status = 'ISSUED', used_at = null, plan_id = null where id = ? and status = 'USED'`,
    [couponId],
  );
}

export function parseTextArray(v: string[] | string): string[] {
  if (Array.isArray(v)) return v;
  return v
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean);
}
