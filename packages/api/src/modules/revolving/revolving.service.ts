import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import type { Viewer } from '../auth/viewer.js';
import { writeAudit } from '../audit/audit.service.js';
import { idempotencyActor, idempotencyScope } from '../idempotency/idempotency.service.js';
import { lockAccount, withLockedAccount } from '../ledger/locked-account.js';
import { writeLedgerRows } from '../ledger/ledger-rows.js';
import { REVOLVING_POLICY, revolving } from '../plans/pricing.js';
import { DuplicatePaymentReference, type PaymentRef } from '../repayments/repayment.service.js';
import { raiseNotice } from '../notices/notice-events.js';

/**
 * The revolving upgrade (issue 14, seed 004: 白条 → credit card). An upgraded account keeps its
 * limit, its installment plans and its customer credit; purchases captured **without a term**
 * go on the revolving balance, which is billed by a monthly statement (statement day, due day),
 * has a minimum payment, pays revolving interest at a daily rate on what is unpaid after the due
 * day (none when the statement is paid in full by then — the grace period), charges a late fee
 * once per statement whose minimum is not paid by the due day, and earns reward points per yuan
 * spent, redeemable against a statement. Rules: docs/money.md, "Revolving line".
 *
 * Every change of what the revolving balance owes writes one `REVOLVING_*` ledger row in the same
 * transaction (account row locked first), so a statement is the sum of the rows since the last
 * one and `reconcile` can check balances, payments, statements and points against the ledger.
 */

export { UNPLANNED_PRINCIPAL_SQL } from './unplanned.js';

export interface RevolvingRow {
  account_id: string;
  customer_id: string;
  statement_day: number;
  due_days: number;
  principal_fen: string;
  interest_fen: string;
  fees_fen: string;
  points: string;
  next_statement_date: string;
  last_ledger_id: string;
}

export interface StatementRow {
  id: string;
  seq: number;
  closing_date: string;
  due_date: string;
  previous_balance_fen: string;
  payments_fen: string;
  purchases_fen: string;
  interest_fen: string;
  fees_fen: string;
  refunds_fen: string;
  points_redeemed_fen: string;
  waived_fen: string;
  balance_fen: string;
  minimum_payment_fen: string;
  paid_fen: string;
  points_earned: string;
  interest_accrued_to: string;
  late_fee_charged: boolean;
}

export const STATEMENT_COLUMNS = `id, seq, to_char(closing_date, 'YYYY-MM-DD') as closing_date, to_char(due_date, 'YYYY-MM-DD') as due_date,
  previous_balance_fen, payments_fen, purchases_fen, interest_fen, fees_fen, refunds_fen, points_redeemed_fen, waived_fen, balance_fen,
  minimum_payment_fen, paid_fen, points_earned, to_char(interest_accrued_to, 'YYYY-MM-DD') as interest_accrued_to, late_fee_charged`;

const REVOLVING_COLUMNS = `account_id, customer_id, statement_day, due_days, principal_fen, interest_fen, fees_fen, points,
  to_char(next_statement_date, 'YYYY-MM-DD') as next_statement_date, last_ledger_id`;

export interface RevolvingPaymentResult {
  repaymentId: string;
  accountId: string;
  feesFen: number;
  interestFen: number;
  principalFen: number;
  unappliedFen: number;
}

export interface PointsRedemptionResult {
  redemptionId: string;
  accountId: string;
  points: number;
  amountFen: number;
}

export interface StatementResult {
  statementId: string;
  seq: number;
  balanceFen: number;
  minimumPaymentFen: number;
}

export interface EligibilityResult {
  eligible: boolean;
  reasons: string[];
  facts: {
    grade: string | null;
    tenureDays: number;
    onTimeInstallments: number;
    maxDaysPastDue: number;
    accountStatus: string;
  };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** Ledger kinds that lower what the revolving line owes without a payment: waivers and write-offs. */
const WAIVED_KINDS = [
  'REVOLVING_INTEREST_WAIVED',
  'REVOLVING_FEE_WAIVED',
  'REVOLVING_WRITE_OFF_PRINCIPAL',
];
const notRevolving = () =>
  fail(
    'NOT_REVOLVING',
    'This account has no revolving line; the customer must accept the upgrade first.',
    'accountId',
  );

async function revolvingRow(tem: EntityManager, accountId: string, lock = false) {
  const [r] = await tem.execute<RevolvingRow[]>(
    `select ${REVOLVING_COLUMNS} from revolving_accounts where account_id = ?${lock ? ' for update' : ''}`,
    [accountId],
  );
  return r;
}

export async function latestStatement(tem: EntityManager, accountId: string, lock = false) {
  const [s] = await tem.execute<StatementRow[]>(
    `select ${STATEMENT_COLUMNS} from statements where account_id = ? order by seq desc limit 1${lock ? ' for update' : ''}`,
    [accountId],
  );
  return s;
}

/** Write what a revolving payment (or a points redemption) paid: balances, statement, ledger. */
async function applyToRevolving(
  tem: EntityManager,
  ra: RevolvingRow,
  alloc: { feesFen: number; interestFen: number; principalFen: number },
  refType: 'repayment' | 'points_redemption',
  refId: string,
): Promise<void> {
  const applied = alloc.feesFen + alloc.interestFen + alloc.principalFen;
  if (applied === 0) return;
  await tem.execute(
    `update revolving_accounts set fees_fen = fees_fen - ?, interest_fen = interest_fen - ?, principal_fen = principal_fen - ? where account_id = ?`,
    [alloc.feesFen, alloc.interestFen, alloc.principalFen, ra.account_id],
  );
  if (alloc.principalFen > 0)
    await tem.execute(
      `update credit_accounts set outstanding_principal_fen = outstanding_principal_fen - ? where id = ?`,
      [alloc.principalFen, ra.account_id],
    );
  // Paid toward the latest statement (the grace period and interest look at it).
  await tem.execute(
    `update statements set paid_fen = paid_fen + ? where id = (select id from statements where account_id = ? order by seq desc limit 1)`,
    [applied, ra.account_id],
  );
  const rows: [string, number, number][] = (
    [
      ['REVOLVING_PAY_FEE', 0, alloc.feesFen],
      ['REVOLVING_PAY_INTEREST', 0, alloc.interestFen],
      ['REVOLVING_PAY_PRINCIPAL', -alloc.principalFen, alloc.principalFen],
    ] as [string, number, number][]
  ).filter(([, , a]) => a > 0);
  await tem.execute(
    `insert into ledger_entries (account_id, customer_id, kind, principal_delta_fen, amount_fen, ref_type, ref_id) values ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    rows.flatMap(([kind, pd, amount]) => [
      ra.account_id,
      ra.customer_id,
      kind,
      pd,
      amount,
      refType,
      refId,
    ]),
  );
}

type Source =
  | { source: 'CUSTOMER'; payment?: PaymentRef }
  | { source: 'OTHER_CHANNEL'; channel: string; reference: string }
  | { source: 'CREDIT' };

/** A revolving payment on a locked account (interest already accrued to the payment day). */
async function payLocked(
  tem: EntityManager,
  viewer: Viewer,
  ra: RevolvingRow,
  amountFen: number,
  src: Source,
): Promise<RevolvingPaymentResult> {
  const alloc = revolving.allocate(amountFen, {
    feesFen: Number(ra.fees_fen),
    interestFen: Number(ra.interest_fen),
    principalFen: Number(ra.principal_fen),
  });
  const [rep] = await tem.execute<{ id: string }[]>(
    `insert into repayments (account_id, customer_id, partner_app_id, kind, amount_fen, principal_fen, fee_fen, interest_fen, unapplied_fen, source,
                             channel, external_reference, posted_by_agent_id, payment_reference, payment_channel)
     values (?, ?, ?, 'REVOLVING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (partner_app_id, payment_reference, customer_id) where payment_reference is not null do nothing returning id`,
    [
      ra.account_id,
      ra.customer_id,
      viewer.kind === 'partner' ? viewer.id : null,
      amountFen,
      alloc.principalFen,
      alloc.feesFen,
      alloc.interestFen,
      alloc.unappliedFen,
      src.source,
      src.source === 'OTHER_CHANNEL' ? src.channel : null,
      src.source === 'OTHER_CHANNEL' ? src.reference : null,
      src.source === 'OTHER_CHANNEL' && viewer.kind === 'agent' ? viewer.id : null,
      src.source === 'CUSTOMER' ? (src.payment?.reference ?? null) : null,
      src.source === 'CUSTOMER' ? (src.payment?.channel ?? null) : null,
    ],
  );
  if (!rep) throw new DuplicatePaymentReference();
  const id = String(rep.id);
  await applyToRevolving(tem, ra, alloc, 'repayment', id);
  // Credit: what is left of a payment is the customer's; a payment from credit takes it.
  const creditDelta = alloc.unappliedFen - (src.source === 'CREDIT' ? amountFen : 0);
  if (creditDelta !== 0)
    await tem.execute(
      `update credit_accounts set credit_balance_fen = credit_balance_fen + ? where id = ?`,
      [creditDelta, ra.account_id],
    );
  const credit: [string, number, number][] = (
    [
      ['OVERPAYMENT', alloc.unappliedFen, alloc.unappliedFen],
      ['CREDIT_APPLIED', -amountFen, src.source === 'CREDIT' ? amountFen : 0],
    ] as [string, number, number][]
  ).filter(([, , a]) => a > 0);
  if (credit.length > 0)
    await tem.execute(
      `insert into ledger_entries (account_id, customer_id, kind, credit_delta_fen, amount_fen, ref_type, ref_id) values ${credit.map(() => `(?, ?, ?, ?, ?, 'repayment', ?)`).join(', ')}`,
      credit.flatMap(([kind, cd, amount]) => [ra.account_id, ra.customer_id, kind, cd, amount, id]),
    );
  await writeAudit(tem, viewer, {
    action: src.source === 'CREDIT' ? 'applyCreditToStatement' : 'payStatement',
    customerId: ra.customer_id,
    targetType: 'CreditAccount',
    targetId: ra.account_id,
    details: { repaymentId: id, amountFen: amountFen, ...alloc },
  });
  return { repaymentId: id, accountId: ra.account_id, ...alloc };
}

async function charge(
  tem: EntityManager,
  ra: RevolvingRow,
  kind: 'REVOLVING_INTEREST' | 'REVOLVING_FEE',
  amountFen: number,
  statementId: string,
): Promise<void> {
  if (amountFen <= 0) return;
  await tem.execute(
    kind === 'REVOLVING_INTEREST'
      ? `update revolving_accounts set interest_fen = interest_fen + ? where account_id = ?`
      : `update revolving_accounts set fees_fen = fees_fen + ? where account_id = ?`,
    [amountFen, ra.account_id],
  );
  await tem.execute(
    `insert into ledger_entries (account_id, customer_id, kind, amount_fen, ref_type, ref_id) values (?, ?, ?, ?, 'statement', ?)`,
    [ra.account_id, ra.customer_id, kind, amountFen, statementId],
  );
}

/**
 * Bring a locked revolving account up to `asOfIso`: once the latest statement's due day has
 * passed with something unpaid, (1) the customer's credit is applied to it first, (2) a late fee
 * is charged once if the minimum is still not paid, (3) interest accrues at the daily rate on the
 * unpaid statement balance for each day after the due day not yet charged. Paid in full by the
 * due day: nothing (the grace period). Returns the interest and fee charged.
 */
export async function accrueLocked(
  tem: EntityManager,
  viewer: Viewer,
  accountId: string,
  asOfIso: string,
): Promise<{ interestFen: number; feeFen: number; creditAppliedFen: number }> {
  const none = { interestFen: 0, feeFen: 0, creditAppliedFen: 0 };
  const s = await latestStatement(tem, accountId, true);
  if (!s || asOfIso <= s.due_date) return none;
  let ra = (await revolvingRow(tem, accountId))!;
  let paid = Number(s.paid_fen);
  const balance = Number(s.balance_fen);
  let creditAppliedFen = 0;
  if (paid < balance) {
    const [a] = await tem.execute<{ credit: string }[]>(
      `select credit_balance_fen as credit from credit_accounts where id = ?`,
      [accountId],
    );
    const owed = Number(ra.principal_fen) + Number(ra.interest_fen) + Number(ra.fees_fen);
    creditAppliedFen = Math.min(Number(a!.credit), balance - paid, owed);
    if (creditAppliedFen > 0) {
      await payLocked(tem, { kind: 'anonymous' }, ra, creditAppliedFen, { source: 'CREDIT' });
      paid += creditAppliedFen;
      ra = (await revolvingRow(tem, accountId))!;
    }
  }
  let feeFen = 0;
  if (!s.late_fee_charged) {
    const minimumLeft = Math.max(0, Number(s.minimum_payment_fen) - paid);
    feeFen = revolving.lateFeeFen(minimumLeft);
    await charge(tem, ra, 'REVOLVING_FEE', feeFen, s.id);
    await tem.execute(`update statements set late_fee_charged = true where id = ?`, [s.id]);
    // The minimum was missed: the customer hears it once per statement, in the app, SMS, email.
    if (minimumLeft > 0)
      await raiseNotice(tem, {
        customerId: String(ra.customer_id),
        kind: 'STATEMENT_OVERDUE',
        eventKey: `statement-overdue:${s.id}`,
        payload: {
          statementSeq: Number(s.seq),
          dueDate: s.due_date,
          balanceFen: balance,
          minimumPaymentFen: Number(s.minimum_payment_fen),
          minimumLeftFen: minimumLeft,
          lateFeeFen: feeFen,
        },
        deliverBy: ['SMS', 'EMAIL'],
      });
  }
  const days = revolving.daysBetweenIso(s.interest_accrued_to, asOfIso);
  let interestFen = 0;
  if (days > 0) {
    interestFen = revolving.interestFen(Math.max(0, balance - paid), days);
    await charge(tem, ra, 'REVOLVING_INTEREST', interestFen, s.id);
    await tem.execute(`update statements set interest_accrued_to = ?::date where id = ?`, [
      asOfIso,
      s.id,
    ]);
  }
  return { interestFen, feeFen, creditAppliedFen };
}

/**
 * Close a statement on a locked revolving account at `closingIso`: accrue to that day, then sum
 * the revolving ledger rows since the last statement into its parts, check the identity
 * `balance = previous − payments + purchases + interest + fees − refunds − points redeemed`
 * against what the account owes, compute the minimum payment and the points earned.
 */
export async function closeStatementLocked(
  tem: EntityManager,
  accountId: string,
  closingIso: string,
): Promise<StatementResult> {
  await accrueLocked(tem, { kind: 'anonymous' }, accountId, closingIso);
  const ra = (await revolvingRow(tem, accountId, true))!;
  const prev = await latestStatement(tem, accountId);
  const [top] = await tem.execute<{ id: string }[]>(
    `select coalesce(max(id), 0)::text as id from ledger_entries where account_id = ?`,
    [accountId],
  );
  const rows = await tem.execute<{ kind: string; ref_type: string; s: string }[]>(
    `select kind, ref_type, sum(amount_fen)::text as s from ledger_entries
      where account_id = ? and id > ? and id <= ? and kind like 'REVOLVING\\_%' group by kind, ref_type`,
    [accountId, ra.last_ledger_id, top!.id],
  );
  const sum = (pred: (r: { kind: string; ref_type: string }) => boolean) =>
    rows.filter(pred).reduce((t, r) => t + Number(r.s), 0);
  const parts = {
    previousBalanceFen: prev ? Number(prev.balance_fen) : 0,
    purchasesFen: sum((r) => r.kind === 'REVOLVING_PURCHASE' || r.kind === 'REVOLVING_OPENING'),
    refundsFen: sum((r) => r.kind === 'REVOLVING_REFUND'),
    interestFen: sum((r) => r.kind === 'REVOLVING_INTEREST'),
    feesFen: sum((r) => r.kind === 'REVOLVING_FEE'),
    paymentsFen: sum((r) => r.kind.startsWith('REVOLVING_PAY_') && r.ref_type === 'repayment'),
    pointsRedeemedFen: sum(
      (r) => r.kind.startsWith('REVOLVING_PAY_') && r.ref_type === 'points_redemption',
    ),
    waivedFen: sum((r) => WAIVED_KINDS.includes(r.kind)),
  };
  const balance = Number(ra.principal_fen) + Number(ra.interest_fen) + Number(ra.fees_fen);
  // The identity is also a check constraint; this names the account if it ever breaks.
  if (revolving.statementBalanceFen(parts) !== balance)
    throw new Error(
      `statement identity broken on account ${accountId}: ${JSON.stringify(parts)} ≠ ${balance}`,
    );
  const minimum = revolving.minimumPaymentFen(balance, parts.interestFen + parts.feesFen);
  // Points are on purchases − every card refund of the cycle (a refund's ledger rows date it),
  // whatever the refund became: lower principal, credit after the customer paid, or a recovery.
  // A cycle that refunded more than it bought takes points back, down to the customer's balance.
  const [cr] = await tem.execute<{ s: string }[]>(
    `select coalesce(sum(r.revolving_fen), 0)::text as s from refunds r
      where r.customer_id = ? and r.account_id = ? and r.revolving_fen > 0
        and exists (select 1 from ledger_entries l where l.customer_id = r.customer_id and l.account_id = r.account_id
                       and l.ref_type = 'refund' and l.ref_id = r.id and l.id > ? and l.id <= ?)`,
    [ra.customer_id, accountId, ra.last_ledger_id, top!.id],
  );
  const cardRefundsFen = Number(cr!.s);
  const points = revolving.pointsApplied(
    Number(ra.points),
    revolving.pointsEarned(parts.purchasesFen - cardRefundsFen),
  );
  const due = revolving.addDaysIso(closingIso, ra.due_days);
  const seq = (prev?.seq ?? 0) + 1;
  const [st] = await tem.execute<{ id: string }[]>(
    `insert into statements (account_id, customer_id, seq, closing_date, due_date, previous_balance_fen, payments_fen, purchases_fen, interest_fen,
                             fees_fen, refunds_fen, points_redeemed_fen, waived_fen, balance_fen, minimum_payment_fen, points_earned, interest_accrued_to, ledger_to_id, card_refunds_fen)
     values (?, ?, ?, ?::date, ?::date, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::date, ?, ?) returning id`,
    [
      accountId,
      ra.customer_id,
      seq,
      closingIso,
      due,
      parts.previousBalanceFen,
      parts.paymentsFen,
      parts.purchasesFen,
      parts.interestFen,
      parts.feesFen,
      parts.refundsFen,
      parts.pointsRedeemedFen,
      parts.waivedFen,
      balance,
      minimum,
      points,
      due,
      top!.id,
      cardRefundsFen,
    ],
  );
  await tem.execute(
    `update revolving_accounts set points = points + ?, last_ledger_id = ?, next_statement_date = ?::date where account_id = ?`,
    [points, top!.id, revolving.nextStatementDate(closingIso, ra.statement_day), accountId],
  );
  // The statement notice (in the app, SMS and email): balance, minimum payment, due date.
  if (balance > 0)
    await raiseNotice(tem, {
      customerId: String(ra.customer_id),
      kind: 'STATEMENT_READY',
      eventKey: `statement:${st!.id}`,
      payload: {
        statementSeq: seq,
        closingDate: closingIso,
        dueDate: due,
        balanceFen: balance,
        minimumPaymentFen: minimum,
      },
      deliverBy: ['SMS', 'EMAIL'],
    });
  return {
    statementId: String(st!.id),
    seq,
    balanceFen: balance,
    minimumPaymentFen: minimum,
  };
}

/**
 * Hook of `capturePurchase` for a capture **without** a plan: on a revolving account it goes on
 * the revolving balance (a `REVOLVING_PURCHASE` row) and gives its category pool back — the
 * revolving line is one pool. One statement; on other accounts it changes nothing.
 */
export async function onUnplannedCapture(tem: EntityManager, captureId: string): Promise<void> {
  await tem.execute(
    `with c as (select c.id, c.account_id, c.amount_fen, h.category from captures c
                  join revolving_accounts ra on ra.account_id = c.account_id
                  left join holds h on h.purchase_id = c.purchase_id where c.id = ?),
          r as (update revolving_accounts ra set principal_fen = ra.principal_fen + c.amount_fen from c
                 where ra.account_id = c.account_id returning ra.account_id, ra.customer_id),
          k as (update category_limits cl set used_fen = cl.used_fen - c.amount_fen from c
                 where c.category is not null and cl.account_id = c.account_id and cl.category = c.category)
     insert into ledger_entries (account_id, customer_id, kind, amount_fen, ref_type, ref_id)
     select r.account_id, r.customer_id, 'REVOLVING_PURCHASE', c.amount_fen, 'capture', c.id from r, c`,
    [captureId],
  );
}

/**
 * Hook of `refundPurchase` for a refund `amountFen` of a capture without a plan on a locked
 * revolving account: it lowers the revolving principal up to what is unpaid; the rest (principal
 * the customer already paid) becomes credit. Returns the split, or null for a non-revolving account.
 */
export async function refundOnRevolving(
  tem: EntityManager,
  accountId: string,
  amountFen: number,
  refundedSoFarFen: number,
): Promise<{ principalFen: number; creditFen: number } | null> {
  const [ra] = await tem.execute<{ principal_fen: string }[]>(
    `select principal_fen from revolving_accounts where account_id = ?`,
    [accountId],
  );
  if (!ra) return null;
  const principalFen = Math.min(amountFen, Number(ra.principal_fen) - refundedSoFarFen);
  return {
    principalFen: Math.max(0, principalFen),
    creditFen: amountFen - Math.max(0, principalFen),
  };
}

/** After the refund row exists: lower the revolving principal, count it toward the statement, memo row. */
export async function recordRevolvingRefund(
  tem: EntityManager,
  accountId: string,
  customerId: string,
  principalFen: number,
  refundId: string,
): Promise<void> {
  if (principalFen <= 0) return;
  await tem.execute(
    `update revolving_accounts set principal_fen = principal_fen - ? where account_id = ?`,
    [principalFen, accountId],
  );
  await tem.execute(
    `update statements set paid_fen = paid_fen + ? where id = (select id from statements where account_id = ? order by seq desc limit 1)`,
    [principalFen, accountId],
  );
  await tem.execute(
    `insert into ledger_entries (account_id, customer_id, kind, amount_fen, ref_type, ref_id) values (?, ?, 'REVOLVING_REFUND', ?, 'refund', ?)`,
    [accountId, customerId, principalFen, refundId],
  );
}

/**
 * What the customer still owes of the revolving interest or late fees charged **for** a
 * statement (its late fee when its minimum was missed, interest on its unpaid balance after its
 * due date): charged − already waived, and at most what the line still owes of that part.
 */
async function waivableForStatement(
  tem: EntityManager,
  ra: RevolvingRow,
  statementId: string,
  kind: 'INTEREST' | 'FEE',
): Promise<number> {
  const [r] = await tem.execute<{ charged: string; waived: string }[]>(
    `select (select coalesce(sum(amount_fen), 0) from ledger_entries
              where account_id = ? and kind = ? and ref_type = 'statement' and ref_id = ?)::text as charged,
            (select coalesce(sum(amount_fen), 0) from revolving_waivers
              where customer_id = ? and statement_id = ? and kind = ?)::text as waived`,
    [
      ra.account_id,
      kind === 'INTEREST' ? 'REVOLVING_INTEREST' : 'REVOLVING_FEE',
      statementId,
      ra.customer_id,
      statementId,
      kind,
    ],
  );
  const owed = Number(kind === 'INTEREST' ? ra.interest_fen : ra.fees_fen);
  return Math.max(0, Math.min(Number(r!.charged) - Number(r!.waived), owed));
}

export interface RevolvingWaiverResult {
  waiverId: string;
  accountId: string;
  statementSeq: number;
  kind: 'INTEREST' | 'FEE';
  waivedFen: number;
}

/**
 * A supervisor's waiver of revolving interest or late fees charged for statement `statementSeq`
 * on a locked account, brought up to `asOfIso` first. The line owes less at once; a waiver of
 * charges already on a later statement counts toward the latest statement like a payment
 * (interest stops on it and it counts toward the minimum), a waiver of charges not yet on any
 * statement removes them before they reach one. The next statement shows it as `waived`.
 */
export async function waiveRevolvingLocked(
  tem: EntityManager,
  viewer: Viewer,
  acct: { id: string; customerId: string },
  input: {
    statementSeq: number;
    kind: 'INTEREST' | 'FEE';
    amountFen: number | null;
    reason: string;
  },
  asOfIso: string,
): Promise<
  Outcome<
    RevolvingWaiverResult,
    'NOTHING_TO_WAIVE' | 'NOT_REVOLVING' | 'STATEMENT_NOT_FOUND' | 'WAIVER_EXCEEDS_UNPAID'
  >
> {
  if (!(await revolvingRow(tem, acct.id))) return notRevolving();
  await accrueLocked(tem, viewer, acct.id, asOfIso);
  const ra = (await revolvingRow(tem, acct.id, true))!;
  const [st] = await tem.execute<{ id: string; seq: number }[]>(
    `select id, seq from statements where account_id = ? and seq = ?`,
    [acct.id, input.statementSeq],
  );
  if (!st)
    return fail(
      'STATEMENT_NOT_FOUND',
      `The account has no statement ${input.statementSeq}.`,
      'statementSeq',
    );
  const latest = (await latestStatement(tem, acct.id, true))!;
  const interest = input.kind === 'INTEREST';
  const waivable = await waivableForStatement(tem, ra, String(st.id), input.kind);
  const what = interest ? 'revolving interest' : 'late fee';
  if (waivable === 0)
    return fail(
      'NOTHING_TO_WAIVE',
      `No unpaid ${what} was charged for statement ${input.statementSeq}.`,
      'kind',
    );
  const x = input.amountFen ?? waivable;
  if (x > waivable)
    return fail(
      'WAIVER_EXCEEDS_UNPAID',
      `At most ${(waivable / 100).toFixed(2)} of the ${what} charged for statement ${input.statementSeq} is unpaid.`,
      'amount',
    );
  await tem.execute(
    interest
      ? `update revolving_accounts set interest_fen = interest_fen - ? where account_id = ?`
      : `update revolving_accounts set fees_fen = fees_fen - ? where account_id = ?`,
    [x, acct.id],
  );
  if (Number(st.seq) < Number(latest.seq))
    await tem.execute(`update statements set paid_fen = paid_fen + ? where id = ?`, [x, latest.id]);
  const [w] = await tem.execute<{ id: string }[]>(
    `insert into revolving_waivers (customer_id, account_id, statement_id, kind, amount_fen, reason, agent_id)
     values (?, ?, ?, ?, ?, ?, ?) returning id`,
    [
      acct.customerId,
      acct.id,
      st.id,
      input.kind,
      x,
      input.reason,
      viewer.kind === 'agent' ? viewer.id : null,
    ],
  );
  const waiverId = String(w!.id);
  await writeLedgerRows(tem, acct, [
    {
      kind: interest ? 'REVOLVING_INTEREST_WAIVED' : 'REVOLVING_FEE_WAIVED',
      amountFen: x,
      refType: 'revolving_waiver',
      refId: waiverId,
    },
  ]);
  await writeAudit(tem, viewer, {
    action: 'waiveRevolvingCharge',
    customerId: acct.customerId,
    targetType: 'CreditAccount',
    targetId: acct.id,
    details: {
      waiverId,
      statementSeq: input.statementSeq,
      kind: input.kind,
      amountFen: x,
      reason: input.reason,
    },
  });
  return ok({
    waiverId,
    accountId: acct.id,
    statementSeq: input.statementSeq,
    kind: input.kind,
    waivedFen: x,
  });
}

/**
 * Is the revolving line of a locked account delinquent on `asOfIso` (its latest statement's due
 * date passed with the minimum payment not paid)? Interest and late fees are accrued to the day
 * first. False for an account without a revolving line.
 */
export async function revolvingDelinquentLocked(
  tem: EntityManager,
  accountId: string,
  asOfIso: string,
): Promise<boolean> {
  if (!(await revolvingRow(tem, accountId))) return false;
  await accrueLocked(tem, { kind: 'anonymous' }, accountId, asOfIso);
  const s = await latestStatement(tem, accountId);
  return !!s && asOfIso > s.due_date && Number(s.paid_fen) < Number(s.minimum_payment_fen);
}

/**
 * Write off everything a locked account's revolving line owes (part of a write-off, whose row is
 * `writeOffId`): principal (which leaves the outstanding principal), interest and fees; the
 * latest statement counts it as paid, so no interest accrues on it afterwards.
 */
export async function writeOffRevolvingLocked(
  tem: EntityManager,
  acct: { id: string; customerId: string },
  writeOffId: string,
): Promise<{ principalFen: number; interestFen: number; feesFen: number }> {
  const ra = await revolvingRow(tem, acct.id, true);
  if (!ra) return { principalFen: 0, interestFen: 0, feesFen: 0 };
  const principalFen = Number(ra.principal_fen);
  const interestFen = Number(ra.interest_fen);
  const feesFen = Number(ra.fees_fen);
  const total = principalFen + interestFen + feesFen;
  if (total === 0) return { principalFen, interestFen, feesFen };
  await tem.execute(
    `update revolving_accounts set principal_fen = 0, interest_fen = 0, fees_fen = 0 where account_id = ?`,
    [acct.id],
  );
  if (principalFen > 0)
    await tem.execute(
      `update credit_accounts set outstanding_principal_fen = outstanding_principal_fen - ? where id = ?`,
      [principalFen, acct.id],
    );
  await tem.execute(
    `update statements set paid_fen = paid_fen + ? where id = (select id from statements where account_id = ? order by seq desc limit 1)`,
    [total, acct.id],
  );
  const ref = { refType: 'write_off', refId: writeOffId };
  await writeLedgerRows(tem, acct, [
    {
      kind: 'REVOLVING_WRITE_OFF_PRINCIPAL',
      principalDeltaFen: -principalFen,
      amountFen: principalFen,
      ...ref,
    },
    { kind: 'REVOLVING_INTEREST_WAIVED', amountFen: interestFen, ...ref },
    { kind: 'REVOLVING_FEE_WAIVED', amountFen: feesFen, ...ref },
  ]);
  return { principalFen, interestFen, feesFen };
}

export class RevolvingService {
  /** The policy's eligibility rule on the account's own records (grade, tenure, on-time history). */
  async eligibility(em: EntityManager, accountId: string): Promise<EligibilityResult | null> {
    const [f] = await em.execute<
      {
        grade: string | null;
        status: string;
        tenure: number;
        on_time: number;
        max_dpd: number;
      }[]
    >(
      `select a.grade, a.status, (current_date - a.opened_at::date)::int as tenure,
              (select count(*) from schedule_lines sl where sl.account_id = a.id and sl.status = 'PAID' and sl.days_past_due = 0
                  and sl.principal_fen > 0 and sl.paid_at < (sl.due_date + 1)::timestamptz)::int as on_time,
              coalesce((select max(days_past_due) from schedule_lines sl where sl.account_id = a.id), 0)::int as max_dpd
         from credit_accounts a where a.id = ?`,
      [accountId],
    );
    if (!f) return null;
    const facts = {
      grade: f.grade,
      tenureDays: Number(f.tenure),
      onTimeInstallments: Number(f.on_time),
      maxDaysPastDue: Number(f.max_dpd),
      accountStatus: f.status,
    };
    const r = revolving.eligibility({
      ...facts,
      grade: (['A', 'B', 'C', 'D', 'E'] as const).find((g) => g === f.grade) ?? null,
    });
    return { ...r, facts };
  }

  /** Staff: offer the upgrade to an eligible account (NOT_ELIGIBLE lists the policy's reasons). */
  async offer(
    em: EntityManager,
    viewer: Viewer,
    input: { accountId: string; idempotencyKey: string },
  ): Promise<
    Outcome<
      { offerId: string; accountId: string },
      | 'ACCOUNT_NOT_FOUND'
      | 'ALREADY_REVOLVING'
      | 'IDEMPOTENCY_KEY_REUSED'
      | 'INVALID_IDEMPOTENCY_KEY'
      | 'NOT_ELIGIBLE'
      | 'OFFER_EXISTS'
    >
  > {
    return withLockedAccount(
      em,
      idempotencyScope(viewer, 'offerRevolvingUpgrade', input, { accountId: input.accountId }),
      input.accountId,
      async (tem, acct) => {
        await tem.execute(
          `update revolving_offers set status = 'EXPIRED' where account_id = ? and status = 'OFFERED' and expires_at <= now()`,
          [acct.id],
        );
        const [open] = await tem.execute<{ status: string }[]>(
          `select status from revolving_offers where account_id = ? and status in ('OFFERED', 'ACCEPTED')`,
          [acct.id],
        );
        if (open)
          return fail(
            open.status === 'ACCEPTED' ? 'ALREADY_REVOLVING' : 'OFFER_EXISTS',
            open.status === 'ACCEPTED'
              ? 'This account already has a revolving line.'
              : 'This account already has an open upgrade offer; the customer can accept it.',
            'accountId',
          );
        const e = (await this.eligibility(tem, acct.id))!;
        if (!e.eligible)
          return fail(
            'NOT_ELIGIBLE',
            `Not eligible for the revolving upgrade: ${e.reasons.join(', ')}.`,
            'accountId',
          );
        const [o] = await tem.execute<{ id: string }[]>(
          `insert into revolving_offers (account_id, customer_id, facts, offered_by_agent_id, expires_at)
           values (?, ?, ?::jsonb, ?, now() + make_interval(days => ?)) returning id`,
          [
            acct.id,
            acct.customerId,
            JSON.stringify(e.facts),
            viewer.kind === 'agent' ? viewer.id : null,
            REVOLVING_POLICY.offerValidDays,
          ],
        );
        await writeAudit(tem, viewer, {
          action: 'offerRevolvingUpgrade',
          customerId: acct.customerId,
          targetType: 'CreditAccount',
          targetId: acct.id,
          details: { offerId: String(o!.id), facts: e.facts },
        });
        return ok({ offerId: String(o!.id), accountId: acct.id });
      },
    );
  }

  /**
   * The customer accepts the open offer (through a partner app it linked, or support). The
   * statement day is the acceptance day (28 at most); purchases captured without a plan before
   * the upgrade move onto the revolving balance (`REVOLVING_OPENING`) and join the first statement.
   */
  async accept(
    em: EntityManager,
    viewer: Viewer,
    input: { accountId: string; idempotencyKey: string },
    at = new Date(),
  ): Promise<
    Outcome<
      { accountId: string },
      | 'ACCOUNT_NOT_ACTIVE'
      | 'ACCOUNT_NOT_FOUND'
      | 'ALREADY_REVOLVING'
      | 'IDEMPOTENCY_KEY_REUSED'
      | 'INVALID_IDEMPOTENCY_KEY'
      | 'NO_OFFER'
      | 'OFFER_EXPIRED'
    >
  > {
    return withLockedAccount(
      em,
      idempotencyScope(viewer, 'acceptRevolvingUpgrade', input, { accountId: input.accountId }),
      input.accountId,
      async (tem, acct) => {
        const [o] = await tem.execute<{ id: string; status: string; expired: boolean }[]>(
          `select id, status, expires_at <= now() as expired from revolving_offers
            where account_id = ? and status in ('OFFERED', 'ACCEPTED') for update`,
          [acct.id],
        );
        if (o?.status === 'ACCEPTED')
          return fail(
            'ALREADY_REVOLVING',
            'This account already has a revolving line.',
            'accountId',
          );
        if (!o || o.expired) {
          if (o)
            await tem.execute(`update revolving_offers set status = 'EXPIRED' where id = ?`, [
              o.id,
            ]);
          return fail(
            o ? 'OFFER_EXPIRED' : 'NO_OFFER',
            o
              ? 'The upgrade offer has expired; ask support for a new one.'
              : 'There is no upgrade offer for this account.',
            'accountId',
          );
        }
        const [a] = await tem.execute<{ status: string }[]>(
          `select status from credit_accounts where id = ?`,
          [acct.id],
        );
        if (a!.status !== 'ACTIVE')
          return fail('ACCOUNT_NOT_ACTIVE', `The account is ${a!.status}.`, 'accountId');
        const today = isoDay(at);
        const day = Math.min(28, at.getUTCDate());
        const [u] = await tem.execute<{ s: string }[]>(
          `select coalesce(sum(c.amount_fen - c.refunded_fen), 0)::text as s from captures c
            where c.account_id = ? and not exists (select 1 from installment_plans ip where ip.capture_id = c.id)`,
          [acct.id],
        );
        const opening = Number(u!.s);
        await tem.execute(
          `insert into revolving_accounts (account_id, customer_id, offer_id, statement_day, due_days, daily_interest_ppm, principal_fen, next_statement_date)
           values (?, ?, ?, ?, ?, ?, ?, ?::date)`,
          [
            acct.id,
            acct.customerId,
            o.id,
            day,
            REVOLVING_POLICY.dueDays,
            REVOLVING_POLICY.dailyInterestPpm,
            opening,
            revolving.nextStatementDate(today, day),
          ],
        );
        if (opening > 0) {
          // One pool from now on: the category pools charged by these captures are given back.
          await tem.execute(
            `update category_limits cl set used_fen = cl.used_fen - s.x
               from (select h.category, sum(c.amount_fen - c.refunded_fen) x from captures c join holds h on h.purchase_id = c.purchase_id
                      where c.account_id = ? and h.category is not null
                        and not exists (select 1 from installment_plans ip where ip.capture_id = c.id) group by h.category) s
              where cl.account_id = ? and cl.category = s.category`,
            [acct.id, acct.id],
          );
          await tem.execute(
            `insert into ledger_entries (account_id, customer_id, kind, amount_fen, ref_type, ref_id) values (?, ?, 'REVOLVING_OPENING', ?, 'revolving_offer', ?)`,
            [acct.id, acct.customerId, opening, o.id],
          );
        }
        await tem.execute(
          `update revolving_offers set status = 'ACCEPTED', accepted_at = now(), accepted_via = ? where id = ?`,
          [idempotencyActor(viewer), o.id],
        );
        await writeAudit(tem, viewer, {
          action: 'acceptRevolvingUpgrade',
          customerId: acct.customerId,
          targetType: 'CreditAccount',
          targetId: acct.id,
          details: { offerId: String(o.id), statementDay: day, openingFen: opening },
        });
        return ok({ accountId: acct.id });
      },
    );
  }

  /** Pay the revolving balance: fees, interest, then principal; anything above it is credit. */
  async pay(
    em: EntityManager,
    viewer: Viewer,
    input: {
      accountId: string;
      amountFen: number;
      idempotencyKey: string;
      payment?: PaymentRef;
      otherChannel?: { channel: string; reference: string };
    },
    at = new Date(),
  ): Promise<
    Outcome<
      RevolvingPaymentResult,
      'ACCOUNT_NOT_FOUND' | 'IDEMPOTENCY_KEY_REUSED' | 'INVALID_IDEMPOTENCY_KEY' | 'NOT_REVOLVING'
    >
  > {
    return withLockedAccount(
      em,
      idempotencyScope(viewer, 'payStatement', input),
      input.accountId,
      async (tem, acct) => {
        if (!(await revolvingRow(tem, acct.id))) return notRevolving();
        await accrueLocked(tem, viewer, acct.id, isoDay(at));
        const ra = (await revolvingRow(tem, acct.id, true))!;
        return ok(
          await payLocked(
            tem,
            viewer,
            ra,
            input.amountFen,
            input.otherChannel
              ? { source: 'OTHER_CHANNEL', ...input.otherChannel }
              : { source: 'CUSTOMER', payment: input.payment },
          ),
        );
      },
    );
  }

  /** Redeem points against the latest statement (at most what is unpaid on it). */
  async redeemPoints(
    em: EntityManager,
    viewer: Viewer,
    input: { accountId: string; points: number; idempotencyKey: string },
    at = new Date(),
  ): Promise<
    Outcome<
      PointsRedemptionResult,
      | 'ACCOUNT_NOT_FOUND'
      | 'IDEMPOTENCY_KEY_REUSED'
      | 'INVALID_IDEMPOTENCY_KEY'
      | 'NOT_REVOLVING'
      | 'NO_STATEMENT'
      | 'POINTS_EXCEED_STATEMENT'
      | 'POINTS_INSUFFICIENT'
    >
  > {
    return withLockedAccount(
      em,
      idempotencyScope(viewer, 'redeemPoints', input),
      input.accountId,
      async (tem, acct) => {
        if (!(await revolvingRow(tem, acct.id))) return notRevolving();
        await accrueLocked(tem, viewer, acct.id, isoDay(at));
        const ra = (await revolvingRow(tem, acct.id, true))!;
        const s = await latestStatement(tem, acct.id, true);
        if (!s)
          return fail(
            'NO_STATEMENT',
            'Points are redeemed against a statement; none yet.',
            'points',
          );
        if (input.points > Number(ra.points))
          return fail('POINTS_INSUFFICIENT', `The customer has ${ra.points} points.`, 'points');
        const owed = Number(ra.principal_fen) + Number(ra.interest_fen) + Number(ra.fees_fen);
        const room = Math.max(0, Math.min(Number(s.balance_fen) - Number(s.paid_fen), owed));
        const amount = input.points * REVOLVING_POLICY.fenPerPoint;
        if (amount > room)
          return fail(
            'POINTS_EXCEED_STATEMENT',
            `At most ${Math.floor(room / REVOLVING_POLICY.fenPerPoint)} points can be redeemed against the unpaid statement.`,
            'points',
          );
        const alloc = revolving.allocate(amount, {
          feesFen: Number(ra.fees_fen),
          interestFen: Number(ra.interest_fen),
          principalFen: Number(ra.principal_fen),
        });
        const [r] = await tem.execute<{ id: string }[]>(
          `insert into points_redemptions (account_id, customer_id, statement_id, points, amount_fen, fees_fen, interest_fen, principal_fen, partner_app_id, agent_id)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
          [
            acct.id,
            acct.customerId,
            s.id,
            input.points,
            amount,
            alloc.feesFen,
            alloc.interestFen,
            alloc.principalFen,
            viewer.kind === 'partner' ? viewer.id : null,
            viewer.kind === 'agent' ? viewer.id : null,
          ],
        );
        await tem.execute(
          `update revolving_accounts set points = points - ? where account_id = ?`,
          [input.points, acct.id],
        );
        await applyToRevolving(tem, ra, alloc, 'points_redemption', String(r!.id));
        await writeAudit(tem, viewer, {
          action: 'redeemPoints',
          customerId: acct.customerId,
          targetType: 'CreditAccount',
          targetId: acct.id,
          details: { redemptionId: String(r!.id), points: input.points, amountFen: amount },
        });
        return ok({
          redemptionId: String(r!.id),
          accountId: acct.id,
          points: input.points,
          amountFen: amount,
        });
      },
    );
  }

  /** Accrue interest and late fees of one account up to `asOf` (the daily job does every account). */
  async accrue(em: EntityManager, accountId: string, asOf: Date) {
    return em.transactional(async (tem) => {
      await lockAccount(tem, accountId);
      return accrueLocked(tem, { kind: 'anonymous' }, accountId, isoDay(asOf));
    });
  }

  /** Close one account's statement at `asOf` whatever its statement day (the job closes due ones). */
  async closeStatement(em: EntityManager, accountId: string, asOf: Date) {
    return em.transactional(async (tem) => {
      await lockAccount(tem, accountId);
      return closeStatementLocked(tem, accountId, isoDay(asOf));
    });
  }
}

/** Days before a statement's due date the due-soon reminder goes out. */
export const STATEMENT_DUE_SOON_DAYS = 3;

/**
 * The due-soon reminder of a locked revolving account: once per statement, when its due date is
 * within STATEMENT_DUE_SOON_DAYS of `dayIso` (not passed) and it is not paid in full. Says what is
 * unpaid and what is still needed to reach the minimum payment. Returns true when it was raised.
 */
export async function remindDueSoonLocked(
  tem: EntityManager,
  accountId: string,
  dayIso: string,
): Promise<boolean> {
  const s = await latestStatement(tem, accountId);
  if (
    !s ||
    dayIso > s.due_date ||
    revolving.addDaysIso(dayIso, STATEMENT_DUE_SOON_DAYS) < s.due_date
  )
    return false;
  const balance = Number(s.balance_fen);
  const paid = Number(s.paid_fen);
  if (paid >= balance) return false;
  const [a] = await tem.execute<{ customer_id: string }[]>(
    `select customer_id from revolving_accounts where account_id = ?`,
    [accountId],
  );
  return raiseNotice(tem, {
    customerId: String(a!.customer_id),
    kind: 'STATEMENT_DUE_SOON',
    eventKey: `statement-due-soon:${s.id}`,
    payload: {
      statementSeq: Number(s.seq),
      dueDate: s.due_date,
      balanceFen: balance,
      minimumPaymentFen: Number(s.minimum_payment_fen),
      unpaidFen: balance - paid,
      minimumLeftFen: Math.max(0, Number(s.minimum_payment_fen) - paid),
    },
    deliverBy: ['SMS', 'EMAIL'],
  });
}

/**
 * The scheduled job `revolving-statements` (run daily after midnight): for every revolving
 * account, accrue interest and late fees to the day, and close the statement of every account
 * whose statement date has come, and send the due-soon reminder of a statement due within 3 days
 * and not paid in full (statement notices: STATEMENT_READY when it closes, STATEMENT_OVERDUE when
 * its minimum is missed — both raised where that happens). One short transaction per account, account row locked first;
 * accounts locked by a money operation are skipped (`SKIP LOCKED`) and picked up by the next run.
 * Idempotent for a day: a statement is closed once per statement date, interest once per day.
 */
export async function runRevolvingStatements(
  em: EntityManager,
  asOf = new Date(),
): Promise<{
  accounts: number;
  statements: number;
  interestFen: number;
  feesFen: number;
  dueSoonNotices: number;
}> {
  const day = isoDay(asOf);
  const ids = await em.execute<{ account_id: string }[]>(
    `select account_id from revolving_accounts order by account_id`,
  );
  const out = { accounts: 0, statements: 0, interestFen: 0, feesFen: 0, dueSoonNotices: 0 };
  for (const { account_id } of ids)
    await em.fork().transactional(async (tem) => {
      const [locked] = await tem.execute<{ id: string }[]>(
        `select id from credit_accounts where id = ? for update skip locked`,
        [account_id],
      );
      if (!locked) return;
      out.accounts++;
      const r = await accrueLocked(tem, { kind: 'anonymous' }, String(account_id), day);
      out.interestFen += r.interestFen;
      out.feesFen += r.feeFen;
      const [due] = await tem.execute<{ due: boolean }[]>(
        `select next_statement_date <= ?::date as due from revolving_accounts where account_id = ?`,
        [day, account_id],
      );
      if (due?.due) {
        await closeStatementLocked(tem, String(account_id), day);
        out.statements++;
      }
      if (await remindDueSoonLocked(tem, String(account_id), day)) out.dueSoonNotices++;
    });
  return out;
}
