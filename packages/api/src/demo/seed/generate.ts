import {
  blindIndex,
  phoneLast4Index,
  encryptPii,
  maskNationalId,
  maskPhone,
  nationalIdCheckChar,
} from '../../modules/customers/pii.js';
import type { CardRow } from './card-data.js';
import { ORDER_CATEGORIES } from '../../modules/purchases/categories.js';
import { defaultPolicy, lateFeeFen } from '@creditline/scoring';
import { chance, int, pick, weighted, type Rng } from './random.js';

/**
 * The demo population, one customer at a time, as rows ready for COPY. Deterministic: the same
 * seed, index, card row and `asOf` give the same rows (encryption IVs come from the seeded PRNG
 * too, so even the ciphertexts repeat).
 *
 * Money is integer fen. Card amounts are NT$; one NT$ is taken as ¥0.25 (close to the 2005
 * rate), so a NT$ bill becomes NT$ × 25 fen.
 */
export const DAY = 86_400_000;
const NTD_TO_FEN = 25;
export const CAP_FEN = 5_000_000;

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '曾',
  '肖',
  '田',
  '董',
  '袁',
  '潘',
  '于',
  '蒋',
  '蔡',
  '欧阳',
  '司马',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀',
  '霞',
  '平',
  '刚',
  '桂',
  '英',
  '华',
  '玉',
  '文',
  '辉',
  '鑫',
  '宇',
  '浩',
  '婷',
  '雪',
  '琳',
  '晨',
  '欣',
  '悦',
  '子',
  '涵',
  '思',
  '嘉',
];
const PHONE_PREFIXES = [
  '138',
  '139',
  '137',
  '136',
  '135',
  '150',
  '151',
  '158',
  '186',
  '187',
  '188',
  '189',
  '177',
  '180',
];
const REGIONS = [
  '110101',
  '110105',
  '310101',
  '310115',
  '440103',
  '440305',
  '330106',
  '320102',
  '510104',
  '420102',
  '610103',
  '370102',
  '500103',
  '120101',
  '210102',
  '350203',
  '430102',
  '410105',
  '130102',
  '340104',
  '360102',
  '450103',
  '530102',
  '520102',
  '220102',
  '230102',
  '150102',
  '620102',
  '640104',
  '460105',
];
export const CATEGORIES = ORDER_CATEGORIES;
const CATEGORY_PRICE_FEN: Record<string, [number, number]> = {
  ELECTRONICS: [30_000, 800_000],
  GROCERIES: [2_000, 40_000],
  APPAREL: [5_000, 120_000],
  HOME: [5_000, 300_000],
  TRAVEL: [50_000, 600_000],
  EDUCATION: [20_000, 500_000],
  BEAUTY: [3_000, 80_000],
  DIGITAL: [600, 30_000],
  SPORTS: [5_000, 200_000],
  BABY: [3_000, 100_000],
};
const INCOME_BANDS = ['LOW', 'MID', 'HIGH', 'VERY_HIGH'] as const;

/** Bijection on [0, n) (a multiplier coprime with n): unique ids from indexes, in scrambled order. */
const scramble = (i: number, n: number, mul: number) =>
  Number((BigInt(i) * BigInt(mul)) % BigInt(n));

/** A unique mainland mobile number for customer index i. */
export function demoPhone(i: number): string {
  const prefix = PHONE_PREFIXES[i % PHONE_PREFIXES.length]!;
  return (
    prefix +
    String(scramble(Math.floor(i / PHONE_PREFIXES.length), 100_000_000, 7919)).padStart(8, '0')
  );
}

/** A unique, valid 18-digit resident ID for customer index i (region, birth date 1966–2005, sequence, check char). */
export function demoNationalId(i: number): string {
  const days = 14_600;
  const s = scramble(i, REGIONS.length * days * 1000, 7919);
  const seq = s % 1000;
  const day = Math.floor(s / 1000) % days;
  const region = REGIONS[Math.floor(s / 1000 / days)]!;
  const birth = new Date(Date.UTC(1966, 0, 1) + day * DAY)
    .toISOString()
    .slice(0, 10)
    .replaceAll('-', '');
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + nationalIdCheckChar(first17);
}

export interface Ids {
  order: number;
  review: number;
  repayment: number;
  bureau: number;
  decision: number;
  ledger: number;
  notice: number;
  temporaryLimit: number;
  recovery: number;
  transition: number;
  purchase: number;
  plan: number;
  line: number;
  categoryLimit: number;
  document: number;
  note: number;
}
export const newIds = (): Ids => ({
  order: 0,
  review: 0,
  repayment: 0,
  bureau: 0,
  decision: 0,
  ledger: 0,
  notice: 0,
  temporaryLimit: 0,
  recovery: 0,
  transition: 0,
  purchase: 0,
  plan: 0,
  line: 0,
  categoryLimit: 0,
  document: 0,
  note: 0,
});

export type Cell = string | number | boolean | null | Date | Buffer;
/** Rows per table, each row in the column order of `COLUMNS`. */
export type TableRows = Record<keyof typeof COLUMNS, Cell[][]>;

export const COLUMNS = {
  customers: [
    'id',
    'name',
    'national_id_enc',
    'national_id_hash',
    'national_id_masked',
    'phone_enc',
    'phone_hash',
    'phone_masked',
    'phone_last4_hash',
    'real_name_verified',
    'phone_bound',
    'bank_card_bound',
    'bank_card_last4',
    'income_band',
    'device_id',
    'phone_changed_at',
    'registered_at',
  ],
  credit_accounts: [
    'id',
    'customer_id',
    'account_number',
    'status',
    'base_limit_fen',
    'outstanding_principal_fen',
    'frozen_reason',
    'frozen_cause',
    'frozen_reason_code',
    'opened_at',
    'last_reviewed_at',
  ],
  orders: [
    'id',
    'customer_id',
    'placed_at',
    'amount_fen',
    'category',
    'status',
    'delivered_at',
    'returned_at',
  ],
  reviews: ['id', 'customer_id', 'order_id', 'rating', 'created_at'],
  repayment_history: [
    'id',
    'customer_id',
    'due_date',
    'amount_due_fen',
    'amount_paid_fen',
    'paid_at',
    'days_past_due',
  ],
  bureau_reports: [
    'id',
    'customer_id',
    'reported_at',
    'bureau_score',
    'inquiries_3m',
    'inquiries_6m',
    'other_debt_fen',
    'past_defaults',
  ],
  limit_decisions: [
    'id',
    'account_id',
    'customer_id',
    'kind',
    'base_limit_before_fen',
    'base_limit_after_fen',
    'temporary_amount_fen',
    'status_before',
    'status_after',
    'model_version',
    'policy_version',
    'reasons',
    'decided_by',
    'note',
    'created_at',
  ],
  purchases: [
    'id',
    'account_id',
    'customer_id',
    'amount_fen',
    'category',
    'merchant',
    'status',
    'decision',
    'created_at',
    'decided_at',
  ],
  holds: [
    'id',
    'purchase_id',
    'account_id',
    'customer_id',
    'amount_fen',
    'status',
    'expires_at',
    'created_at',
    'closed_at',
  ],
  installment_plans: [
    'id',
    'purchase_id',
    'account_id',
    'customer_id',
    'term',
    'principal_fen',
    'fee_rate_bp',
    'total_fee_fen',
    'apr_bp',
    'status',
    'created_at',
  ],
  schedule_lines: [
    'id',
    'plan_id',
    'account_id',
    'customer_id',
    'seq',
    'due_date',
    'principal_fen',
    'fee_fen',
    'late_fee_fen',
    'days_past_due',
    'status',
  ],
  category_limits: ['id', 'account_id', 'customer_id', 'category', 'limit_fen'],
  ledger_entries: [
    'id',
    'account_id',
    'customer_id',
    'kind',
    'held_delta_fen',
    'principal_delta_fen',
    'amount_fen',
    'ref_type',
    'ref_id',
    'created_at',
  ],
  temporary_limits: [
    'id',
    'account_id',
    'customer_id',
    'promotion_id',
    'amount_fen',
    'category',
    'starts_at',
    'ends_at',
    'status',
  ],
  recovery_requests: [
    'id',
    'account_id',
    'customer_id',
    'type',
    'status',
    'reason',
    'requested_limit_fen',
    'filed_by_agent_id',
    'created_at',
    'updated_at',
  ],
  recovery_transitions: [
    'id',
    'request_id',
    'customer_id',
    'from_status',
    'to_status',
    'actor_type',
    'agent_id',
    'reason',
    'created_at',
  ],
  recovery_documents: [
    'id',
    'request_id',
    'customer_id',
    'kind',
    'file_name',
    'content_type',
    'size_bytes',
    'uploaded_at',
  ],
  customer_notes: ['id', 'customer_id', 'agent_id', 'body', 'tags', 'ticket_ref', 'created_at'],
  notices: [
    'id',
    'customer_id',
    'kind',
    'channel',
    'event_key',
    'payload',
    'created_at',
    'sent_at',
    'read_at',
  ],
} as const;

export const emptyRows = (): TableRows =>
  Object.fromEntries(Object.keys(COLUMNS).map((k) => [k, []])) as unknown as TableRows;

export interface GenerateContext {
  rng: Rng;
  asOf: Date;
  ids: Ids;
  piiKey: Buffer;
  blindIndexKey: Buffer;
  promotion: { id: number; startsAt: Date; endsAt: Date; amountFen: number };
  agentId: number;
}

const roundTo = (fen: number, step: number) => Math.max(step, Math.round(fen / step) * step);

/** Append customer number `i` (0-based; database id i+1), drawn from `card`, to `out`. */
export function generateCustomer(
  i: number,
  card: CardRow,
  ctx: GenerateContext,
  out: TableRows,
): void {
  const { rng, asOf, ids } = ctx;
  const id = i + 1;
  const now = asOf.getTime();
  const risk = Math.max(0, ...card.pay.slice(0, 3)) + (card.defaulted ? 2 : 0); // 0 (clean) … ~10

  // ---- the person -------------------------------------------------------------------------
  const name = pick(rng, SURNAMES) + pick(rng, GIVEN) + (chance(rng, 0.6) ? pick(rng, GIVEN) : '');
  const phone = demoPhone(i);
  const nationalId = demoNationalId(i);
  const registeredAt = new Date(now - int(rng, 60, 1100) * DAY - int(rng, 0, DAY - 1));
  const incomeBand = weighted(rng, [
    [INCOME_BANDS[0], 0.3],
    [INCOME_BANDS[1], 0.4],
    [INCOME_BANDS[2], 0.2 + Math.min(card.limitBal, 500_000) / 2_000_000],
    [INCOME_BANDS[3], 0.05 + Math.min(card.limitBal, 800_000) / 4_000_000],
  ]);
  const verified = chance(rng, 0.93);
  const phoneChanged = chance(rng, 0.04 + risk * 0.01);
  out.customers.push([
    id,
    name,
    encryptPii(nationalId, ctx.piiKey),
    blindIndex('national_id', nationalId, ctx.blindIndexKey),
    maskNationalId(nationalId),
    encryptPii(phone, ctx.piiKey),
    blindIndex('phone', phone, ctx.blindIndexKey),
    maskPhone(phone),
    phoneLast4Index(phone, ctx.blindIndexKey),
    verified,
    true,
    chance(rng, 0.85),
    String(int(rng, 0, 9999)).padStart(4, '0'),
    incomeBand,
    `dev-${((id * 2654435761) % 4294967296).toString(16)}`,
    phoneChanged ? new Date(now - int(rng, 1, 60) * DAY) : null,
    registeredAt,
  ]);

  // ---- the account --------------------------------------------------------------------------
  // LIMIT_BAL NT$10k–1M → ¥500–¥50,000 (whole ¥100): the limit an established customer has grown to.
  let baseLimitFen = Math.min(CAP_FEN, roundTo(card.limitBal * 5, 10_000));
  const openedAt = new Date(registeredAt.getTime() + int(rng, 0, 10) * DAY);
  // Every account started at the policy's initial limit for the grade its risk suggests; one
  // opened less than three months ago (no increase before then, by policy) still has it.
  const initialFen = defaultPolicy.initialLimitFen[risk === 0 ? 'B' : risk <= 2 ? 'C' : 'D'];
  const isNew = now - openedAt.getTime() < 90 * DAY;
  if (isNew) baseLimitFen = initialFen;
  const recentBill = Math.max(0, card.bill[0]!) * NTD_TO_FEN;
  let outstanding = Math.min(recentBill, Math.round(baseLimitFen * 0.95));
  let status: 'ACTIVE' | 'FROZEN' = 'ACTIVE';
  let frozenReason: string | null = null;
  let frozenCause: 'OVERDUE' | 'RISK_ALERT' | null = null;
  let frozenCode: string | null = null;
  const decisions: { at: Date; row: Cell[] }[] = [];
  // Imported decisions carry the policy reason codes that explain them (no score yet: the
  // first periodic review scores the account). Ids are given in time order at the end.
  const decision = (
    kind: string,
    before: number,
    after: number,
    statusBefore: string,
    statusAfter: string,
    at: Date,
    note: string | null,
    reasons: string[],
    temporaryFen: number | null = null,
  ) =>
    decisions.push({
      at,
      row: [
        0,
        id,
        id,
        kind,
        before,
        after,
        temporaryFen,
        statusBefore,
        statusAfter,
        'import',
        defaultPolicy.version,
        JSON.stringify(reasons.map((code) => ({ code }))),
        'SYSTEM',
        note,
        at,
      ],
    });

  decision('INITIAL', 0, initialFen, 'ACTIVE', 'ACTIVE', openedAt, '开户初始额度', [
    'APPLICATION_APPROVED',
    'POLICY_INITIAL_LIMIT',
  ]);
  if (baseLimitFen !== initialFen)
    decision(
      'PERIODIC_REVIEW',
      initialFen,
      baseLimitFen,
      'ACTIVE',
      'ACTIVE',
      new Date(Math.max(openedAt.getTime() + 90 * DAY, now - int(rng, 40, 200) * DAY)),
      null,
      ['POLICY_GRADE_TARGET'],
    );

  // ~2 % over the limit after a reduction: the limit was cut below what is already owed.
  if (risk >= 2 && chance(rng, 0.07) && baseLimitFen >= 100_000 && !isNew) {
    outstanding = Math.round(baseLimitFen * (0.9 + rng() * 0.2));
    const reduced = roundTo(baseLimitFen * 0.7, 10_000);
    decision(
      'TRIGGERED_REVIEW',
      baseLimitFen,
      reduced,
      'ACTIVE',
      'ACTIVE',
      new Date(now - int(rng, 12, 25) * DAY),
      '多次逾期还款，下调额度',
      ['POLICY_RECENT_LATE'],
    );
    baseLimitFen = reduced;
  }
  // Behind now (the card row's latest month): the purchase's installment is that many days past due.
  const daysPastDue = card.pay[0]! >= 1 ? card.pay[0]! * 30 - int(rng, 0, 14) : 0;
  // ~3 % frozen: mostly customers who are two or more months behind now, a few by a risk alert.
  // A fifth of those frozen for an overdue have since repaid everything: nothing is owed, and the
  // policy's recovery path (an UNFREEZE request, below) waits for review.
  let repaidSinceFreeze = false;
  let frozenAt = 0;
  if ((card.pay[0]! >= 2 && chance(rng, 0.25)) || chance(rng, 0.004)) {
    status = 'FROZEN';
    const overdue = card.pay[0]! >= 2;
    if (overdue && chance(rng, 0.2)) {
      repaidSinceFreeze = true;
      outstanding = 0;
    }
    frozenAt = now - int(rng, 2, 11) * DAY;
    frozenCause = overdue ? 'OVERDUE' : 'RISK_ALERT';
    frozenCode = overdue ? 'POLICY_FREEZE' : 'RISK_ALERT_ACCOUNT_TAKEOVER';
    frozenReason = overdue ? `逾期 ${daysPastDue} 天` : '风险预警：疑似账户被盗用';
    decision(
      'FREEZE',
      baseLimitFen,
      baseLimitFen,
      'ACTIVE',
      'FROZEN',
      new Date(frozenAt),
      frozenReason,
      overdue ? ['POLICY_FREEZE', 'POLICY_OVERDUE'] : ['RISK_ALERT_ACCOUNT_TAKEOVER'],
    );
  }
  out.credit_accounts.push([
    id,
    id,
    `CL${String(1_000_000_000 + ((id * 7) % 1_000_000_000)).slice(-10)}`,
    status,
    baseLimitFen,
    outstanding,
    frozenReason,
    frozenCause,
    frozenCode,
    openedAt,
    null,
  ]);

  // What is owed is a purchase captured into a 30-day plan (no fee), never a bare balance: made
  // within the last 25 days and due ahead, or — for a customer behind now — due `daysPastDue`
  // days ago and overdue, with its late fee charged. One ledger row: captured at import.
  const purchaseCategory = pick(rng, CATEGORIES);
  if (outstanding > 0) {
    const ageDays = daysPastDue > 0 ? 30 + daysPastDue : int(rng, 1, 25);
    const bought = new Date(now - ageDays * DAY - int(rng, 0, DAY - 1));
    const due = new Date(bought.getTime() + 30 * DAY);
    const pid = ++ids.purchase;
    out.purchases.push([
      pid,
      id,
      id,
      outstanding,
      purchaseCategory,
      '历史欠款导入',
      'CAPTURED',
      'HELD',
      bought,
      bought,
    ]);
    out.holds.push([
      pid,
      pid,
      id,
      id,
      outstanding,
      'CAPTURED',
      new Date(bought.getTime() + 7 * DAY),
      bought,
      bought,
    ]);
    const planId = ++ids.plan;
    out.installment_plans.push([
      planId,
      pid,
      id,
      id,
      'DEFERRED_30',
      outstanding,
      0,
      0,
      0,
      'ACTIVE',
      bought,
    ]);
    const lateFee = daysPastDue > 0 ? lateFeeFen(outstanding, daysPastDue, defaultPolicy) : 0;
    out.schedule_lines.push([
      ++ids.line,
      planId,
      id,
      id,
      1,
      due.toISOString().slice(0, 10),
      outstanding,
      0,
      lateFee,
      daysPastDue,
      daysPastDue > 0 ? 'OVERDUE' : 'DUE',
    ]);
    out.ledger_entries.push([
      ++ids.ledger,
      id,
      id,
      'CAPTURE',
      0,
      outstanding,
      outstanding,
      'purchase',
      pid,
      bought,
    ]);
    if (lateFee > 0)
      out.ledger_entries.push([
        ++ids.ledger,
        id,
        id,
        'LATE_FEE_CHARGED',
        0,
        0,
        lateFee,
        'overdue_job',
        null,
        asOf,
      ]);
  }
  // ~5 % of active, clean accounts have a category limit (专项额度) for travel or education,
  // never the category of the purchase they owe on (its pool would have to carry it).
  if (status === 'ACTIVE' && risk < 2 && chance(rng, 0.05)) {
    const category = purchaseCategory === 'TRAVEL' ? 'EDUCATION' : 'TRAVEL';
    const limitFen = Math.max(10_000, roundTo(baseLimitFen * 0.3, 10_000));
    out.category_limits.push([++ids.categoryLimit, id, id, category, limitFen]);
    decision(
      'MANUAL',
      baseLimitFen,
      baseLimitFen,
      'ACTIVE',
      'ACTIVE',
      new Date(Math.max(openedAt.getTime() + DAY, now - int(rng, 26, 60) * DAY)),
      `专项额度（${category === 'TRAVEL' ? '旅游出行' : '教育培训'}）：无 → ¥${limitFen / 100}`,
      ['CATEGORY_LIMIT_SET'],
    );
  }

  // ---- repayment history: 12 monthly statements, the last six straight from the card row ----
  const months = Math.min(12, Math.max(2, Math.floor((now - openedAt.getTime()) / (30 * DAY))));
  for (let m = months - 1; m >= 0; m--) {
    // Older months (m ≥ 6) repeat the row's pattern one step cleaner: people drift, not jump.
    const status6 = card.pay[m % 6]!;
    const st = m < 6 ? status6 : Math.max(-2, status6 - 1);
    const due = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - m, 10));
    if (due.getTime() > now) continue;
    const billFen = Math.max(0, card.bill[m % 6]!) * NTD_TO_FEN;
    const dueFen = st === -2 ? 0 : Math.round(billFen * (st === 0 ? 0.1 : 1)); // revolving: minimum due
    let paidFen = st <= 0 ? dueFen : Math.min(dueFen, card.paid[m % 6]! * NTD_TO_FEN);
    let dpd = st >= 1 ? st * 30 - int(rng, 0, 14) : 0;
    let paidAt: Date | null = dueFen === 0 ? null : new Date(due.getTime() - int(rng, 0, 5) * DAY);
    if (st >= 1) {
      const paidLate = due.getTime() + dpd * DAY;
      if (paidLate > now) {
        dpd = Math.floor((now - due.getTime()) / DAY);
        paidAt = null;
        paidFen = Math.min(paidFen, Math.floor(dueFen / 2));
      } else paidAt = new Date(paidLate);
    }
    out.repayment_history.push([
      ++ids.repayment,
      id,
      due.toISOString().slice(0, 10),
      dueFen,
      paidFen,
      paidAt,
      Math.max(0, dpd),
    ]);
  }

  // ---- orders and reviews over 24 months ---------------------------------------------------
  const orderCount =
    int(rng, 2, 6) +
    Math.floor(Math.min(card.limitBal, 500_000) / 50_000) +
    (chance(rng, 0.2) ? int(rng, 4, 12) : 0);
  const favourite = pick(rng, CATEGORIES);
  const returnRate = 0.04 + risk * 0.015;
  for (let k = 0; k < orderCount; k++) {
    const placed = new Date(
      Math.max(registeredAt.getTime(), now - 730 * DAY) +
        rng() * (now - Math.max(registeredAt.getTime(), now - 730 * DAY)),
    );
    const category = chance(rng, 0.4) ? favourite : pick(rng, CATEGORIES);
    const [lo, hi] = CATEGORY_PRICE_FEN[category]!;
    const amount = roundTo(lo + (hi - lo) * rng() ** 2, 100);
    const recent = now - placed.getTime() < 5 * DAY;
    const st = recent
      ? 'PENDING'
      : chance(rng, returnRate)
        ? 'RETURNED'
        : chance(rng, 0.04)
          ? 'CANCELLED'
          : 'DELIVERED';
    const delivered =
      st === 'DELIVERED' || st === 'RETURNED'
        ? new Date(placed.getTime() + int(rng, 1, 4) * DAY)
        : null;
    const orderId = ++ids.order;
    out.orders.push([
      orderId,
      id,
      placed,
      amount,
      category,
      st,
      delivered,
      st === 'RETURNED' ? new Date(delivered!.getTime() + int(rng, 1, 7) * DAY) : null,
    ]);
    if (st === 'DELIVERED' && chance(rng, 0.35)) {
      const rating = weighted(rng, [
        [5, 0.55],
        [4, 0.25],
        [3, 0.1],
        [2, 0.05 + risk * 0.01],
        [1, 0.05 + risk * 0.01],
      ] as const);
      out.reviews.push([
        ++ids.review,
        id,
        orderId,
        rating,
        new Date(Math.min(now, delivered!.getTime() + int(rng, 1, 10) * DAY)),
      ]);
    }
  }

  // ---- credit bureau summary --------------------------------------------------------------
  const bureauScore = Math.max(
    300,
    Math.min(
      950,
      Math.round(
        720 - 35 * Math.max(0, card.pay[0]!) - (card.defaulted ? 45 : 0) + (rng() - 0.5) * 120,
      ),
    ),
  );
  const inq3 = Math.min(12, int(rng, 0, 2) + (chance(rng, 0.1 + risk * 0.05) ? int(rng, 1, 5) : 0));
  out.bureau_reports.push([
    ++ids.bureau,
    id,
    new Date(now - int(rng, 1, 30) * DAY),
    bureauScore,
    inq3,
    inq3 + int(rng, 0, 3),
    roundTo(rng() ** 2 * 30_000_000, 100),
    card.defaulted && chance(rng, 0.3) ? int(rng, 1, 2) : 0,
  ]);

  // ---- the running promotion (双11), open recovery requests, notices -------------------------
  if (status === 'ACTIVE' && risk === 0 && chance(rng, 0.15)) {
    const p = ctx.promotion;
    out.temporary_limits.push([
      ++ids.temporaryLimit,
      id,
      id,
      p.id,
      p.amountFen,
      null,
      p.startsAt,
      p.endsAt,
      'ACTIVE',
    ]);
    decision(
      'PROMOTION',
      baseLimitFen,
      baseLimitFen,
      'ACTIVE',
      'ACTIVE',
      p.startsAt,
      '双11临时额度',
      ['PROMOTION_GRANTED'],
      p.amountFen,
    );
  }
  // Recovery requests in progress: the UNFREEZE of a customer who repaid after the freeze (one
  // still overdue would be refused by the rules, a risk-alert freeze is lifted by a risk admin),
  // and a few increases.
  if (repaidSinceFreeze || (status === 'ACTIVE' && chance(rng, 0.003))) {
    const type = repaidSinceFreeze ? 'UNFREEZE' : 'INCREASE';
    const reqId = ++ids.recovery;
    const filed = repaidSinceFreeze
      ? new Date(frozenAt + int(rng, 1, Math.floor((now - frozenAt) / DAY)) * DAY - DAY / 2)
      : new Date(now - int(rng, 1, 6) * DAY);
    // Free texts as agents in this market write them: in Chinese.
    const reason = pick(rng, type === 'UNFREEZE' ? UNFREEZE_REASONS : INCREASE_REASONS);
    const requested =
      type === 'INCREASE' ? Math.min(CAP_FEN, roundTo(baseLimitFen * 1.5, 10_000)) : null;
    const state = chance(rng, 0.5) ? 'SUBMITTED' : 'UNDER_REVIEW';
    out.recovery_requests.push([
      reqId,
      id,
      id,
      type,
      state,
      reason,
      requested,
      ctx.agentId,
      filed,
      filed,
    ]);
    out.recovery_transitions.push([
      ++ids.transition,
      reqId,
      id,
      null,
      'SUBMITTED',
      'AGENT',
      ctx.agentId,
      reason,
      filed,
    ]);
    if (state === 'UNDER_REVIEW')
      out.recovery_transitions.push([
        ++ids.transition,
        reqId,
        id,
        'SUBMITTED',
        'UNDER_REVIEW',
        'SYSTEM',
        null,
        'Automatic review started.',
        new Date(filed.getTime() + 60_000),
      ]);
    const doc = pick(rng, DOCUMENTS);
    out.recovery_documents.push([
      ++ids.document,
      reqId,
      id,
      doc[0],
      doc[1],
      doc[2],
      int(rng, 40_000, 2_000_000),
      filed,
    ]);
    const note = pick(rng, NOTES);
    out.customer_notes.push([
      ++ids.note,
      id,
      ctx.agentId,
      note[0],
      `{${note[1].join(',')}}`,
      chance(rng, 0.6) ? `ZD-${int(rng, 10_000, 99_999)}` : null,
      new Date(filed.getTime() - int(rng, 5, 120) * 60_000),
    ]);
  }
  const used = outstanding;
  if (baseLimitFen > 0 && used / baseLimitFen > 0.8) {
    const at = new Date(now - int(rng, 1, 10) * DAY);
    out.notices.push([
      ++ids.notice,
      id,
      'HIGH_UTILISATION',
      'IN_APP',
      `util80:${at.toISOString().slice(0, 7)}`,
      JSON.stringify({ usedPercent: Math.round((used / baseLimitFen) * 100) }),
      at,
      at,
      chance(rng, 0.5) ? at : null,
    ]);
  }
  if (card.pay[0]! >= 1) {
    const at = new Date(now - int(rng, 1, 5) * DAY);
    out.notices.push([
      ++ids.notice,
      id,
      'OVERDUE',
      'SMS',
      `overdue:${at.toISOString().slice(0, 7)}`,
      JSON.stringify({ daysPastDue: card.pay[0]! * 30 - 10 }),
      at,
      at,
      null,
    ]);
  }
  // decisions in time order, ids in that order
  decisions.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const d of decisions) {
    d.row[0] = ++ids.decision;
    out.limit_decisions.push(d.row);
  }
}

const UNFREEZE_REASONS = [
  '客户来电表示逾期款项已全部结清，希望恢复使用白条。',
  '客户已于本周还清逾期欠款，并提供了还款凭证，申请解冻。',
  '客户因住院错过还款日，现已补缴全部欠款及逾期费，申请解冻额度。',
  '客户称工资延迟发放导致逾期，目前已还清，希望尽快解冻。',
];
const INCREASE_REASONS = [
  '客户计划购买家电，现有额度不足，申请提升额度。',
  '客户近期收入提高，已提供工资流水，申请提额。',
  '客户长期按时还款，希望提高额度用于装修开支。',
  '客户为孩子报名培训课程，需要更高额度分期付款。',
];
const DOCUMENTS: [string, string, string][] = [
  ['REPAYMENT_PROOF', '还款凭证.pdf', 'application/pdf'],
  ['INCOME_PROOF', '收入证明.pdf', 'application/pdf'],
  ['BANK_STATEMENT', '银行流水_近6个月.pdf', 'application/pdf'],
  ['OTHER', '住院证明.jpg', 'image/jpeg'],
];
const NOTES: [string, string[]][] = [
  ['客户来电询问额度为何被冻结，已解释逾期规则并告知解冻流程。', []],
  ['客户投诉扣款两次，经核实为预授权，已向客户说明。', ['COMPLAINT']],
  ['客户表示近期失业，还款有困难，已建议申请分期并登记。', ['HARDSHIP']],
  ['重要客户，来电态度良好，希望尽快处理提额申请。', ['VIP']],
  ['客户对额度调整不满，要求主管回电。', ['COMPLAINT']],
];
