import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import { ANONYMOUS, type Viewer } from '../auth/viewer.js';
import { writeAudit } from '../audit/audit.service.js';
import { runTriggeredReview } from '../decisions/triggered-review.js';
import { POLICY, triggeredReviewNeeded } from '../decisions/scoring-adapter.js';
import { riskAlertFreeze } from '../lifecycle/lifecycle.service.js';
import { blindIndex, isNationalId, normalizeNationalId } from '../customers/pii.js';
import { splitCsvLine } from '@creditline/scoring';

/** A credit-bureau summary (征信) as reported. */
export interface BureauReportInput {
  customerId: string;
  reportedAt: Date;
  bureauScore: number;
  inquiries3m: number;
  inquiries6m: number;
  otherDebtFen: number;
  pastDefaults: number;
}

export interface BureauReportResult {
  reportId: string;
  /** The trigger when the report called for a review (POLICY_INQUIRY_SPIKE, POLICY_NEW_DEFAULT). */
  trigger: string | null;
  decisionId: string | null;
  /** Whether a risk-alert rule froze the account. */
  frozen: boolean;
}

const DAY = 86_400_000;

/** Checks a report a person (or a file) could get wrong; the message says what to fix. */
export function validateBureauReport(
  r: BureauReportInput,
  now = new Date(),
): Outcome<
  true,
  | 'INVALID_AMOUNT'
  | 'INVALID_BUREAU_SCORE'
  | 'INVALID_DATE'
  | 'INVALID_DEFAULTS'
  | 'INVALID_INQUIRIES'
> {
  const int = (v: number) => Number.isInteger(v);
  if (Number.isNaN(r.reportedAt.getTime()))
    return fail('INVALID_DATE', 'reportedAt is not a date.', 'reportedAt');
  if (r.reportedAt.getTime() > now.getTime() + DAY)
    return fail('INVALID_DATE', 'reportedAt is in the future.', 'reportedAt');
  if (!int(r.bureauScore) || r.bureauScore < 300 || r.bureauScore > 950)
    return fail(
      'INVALID_BUREAU_SCORE',
      'A bureau score is a whole number from 300 to 950.',
      'bureauScore',
    );
  if (!int(r.inquiries3m) || r.inquiries3m < 0 || r.inquiries3m > 1000)
    return fail(
      'INVALID_INQUIRIES',
      'inquiries3m is a whole number from 0 to 1000.',
      'inquiries3m',
    );
  if (!int(r.inquiries6m) || r.inquiries6m < r.inquiries3m || r.inquiries6m > 1000)
    return fail(
      'INVALID_INQUIRIES',
      'inquiries6m is a whole number, at least inquiries3m (the 6 months include the last 3).',
      'inquiries6m',
    );
  if (!int(r.otherDebtFen) || r.otherDebtFen < 0 || r.otherDebtFen > 1e13)
    return fail('INVALID_AMOUNT', 'otherDebt is 0 or more yuan.', 'otherDebt');
  if (!int(r.pastDefaults) || r.pastDefaults < 0 || r.pastDefaults > 100)
    return fail(
      'INVALID_DEFAULTS',
      'pastDefaults is a whole number from 0 to 100.',
      'pastDefaults',
    );
  return ok(true);
}

/**
 * Store a bureau summary and act on it in one transaction (the customer's account row locked
 * first): compared with the previous report, a spike of inquiries or a new default calls for a
 * triggered review (`triggeredReviewNeeded`), which rescores the customer and decides; a new
 * default also freezes the account by a risk-alert rule when the policy says so. A customer
 * without an ACTIVE account just gets the report stored (it counts at the next application or
 * review).
 */
export async function recordBureauReport(
  em: EntityManager,
  viewer: Viewer,
  input: BureauReportInput,
  source: 'STAFF' | 'IMPORT',
  asOf = new Date(),
): Promise<
  Outcome<
    BureauReportResult,
    | 'CUSTOMER_NOT_FOUND'
    | 'INVALID_AMOUNT'
    | 'INVALID_BUREAU_SCORE'
    | 'INVALID_DATE'
    | 'INVALID_DEFAULTS'
    | 'INVALID_INQUIRIES'
  >
> {
  const v = validateBureauReport(input, asOf);
  if (!v.ok) return v;
  return em.transactional(async (tem) => {
    const [c] = await tem.execute<{ id: string }[]>(`select id from customers where id = ?`, [
      input.customerId,
    ]);
    if (!c) return fail('CUSTOMER_NOT_FOUND', 'There is no such customer.', 'customerId');
    const [a] = await tem.execute<{ id: string; status: string }[]>(
      `select id, status from credit_accounts where customer_id = ? for update`,
      [input.customerId],
    );
    const [prev] = await tem.execute<{ inquiries_3m: number; past_defaults: number }[]>(
      `select inquiries_3m, past_defaults from bureau_reports where customer_id = ? and reported_at <= ? order by reported_at desc, id desc limit 1`,
      [input.customerId, input.reportedAt],
    );
    const [row] = await tem.execute<{ id: string }[]>(
      `insert into bureau_reports (customer_id, reported_at, bureau_score, inquiries_3m, inquiries_6m, other_debt_fen, past_defaults, source)
       values (?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      [
        input.customerId,
        input.reportedAt,
        input.bureauScore,
        input.inquiries3m,
        input.inquiries6m,
        input.otherDebtFen,
        input.pastDefaults,
        source,
      ],
    );
    const reportId = String(row!.id);
    // Without an earlier report there is nothing to compare with: no spike, no "new" default.
    const need = prev
      ? triggeredReviewNeeded({
          maxDaysPastDue: 0,
          inquiries3m: input.inquiries3m,
          previousInquiries3m: prev.inquiries_3m,
          pastDefaults: input.pastDefaults,
          previousPastDefaults: prev.past_defaults,
        })
      : { needed: false as const };
    const result: BureauReportResult = {
      reportId,
      trigger: need.needed ? need.trigger! : null,
      decisionId: null,
      frozen: false,
    };
    if (a && a.status === 'ACTIVE' && need.needed) {
      const r = await runTriggeredReview(
        tem,
        { agentId: viewer.kind === 'agent' ? viewer.id : null },
        String(a.id),
        asOf,
        { trigger: need.trigger, note: `Bureau report ${reportId}`, event: true },
      );
      if (r.done) result.decisionId = r.decisionId;
      if (
        need.trigger === 'POLICY_NEW_DEFAULT' &&
        POLICY.riskAlert.freezeOnNewBureauDefault &&
        !(r.done && r.outcome.statusAfter === 'FROZEN')
      ) {
        const f = await riskAlertFreeze(
          tem,
          ANONYMOUS,
          String(a.id),
          'RISK_ALERT_BUREAU_DEFAULT',
          `Rule: bureau report ${reportId} shows a new default (${prev!.past_defaults} → ${input.pastDefaults}).`,
        );
        result.frozen = f.ok;
      }
    }
    await writeAudit(tem, viewer, {
      action: 'recordBureauReport',
      customerId: input.customerId,
      targetType: 'BureauReport',
      targetId: reportId,
      details: {
        source,
        trigger: result.trigger,
        decisionId: result.decisionId,
        frozen: result.frozen,
      },
    });
    return ok(result);
  });
}

export interface BureauImportResult {
  rows: number;
  imported: number;
  reviews: number;
  frozen: number;
  errors: { line: number; message: string }[];
}

const COLUMNS = [
  'reported_at',
  'bureau_score',
  'inquiries_3m',
  'inquiries_6m',
  'other_debt_fen',
  'past_defaults',
] as const;

/**
 * The bureau's monthly file as a job body: CSV with a header, one report per line, the customer
 * named by `customer_id` or by `national_id` (looked up through the blind index, never stored in
 * clear). Each line is its own transaction through {@link recordBureauReport} (so reviews and
 * rule freezes happen as for a report typed in by staff); a bad line is reported with its line
 * number and the rest go on. `fromLine` resumes a file after the last line done.
 */
export async function importBureauCsv(
  orm: MikroORM,
  csv: string,
  opts: { blindIndexKey: Buffer; asOf?: Date; fromLine?: number },
): Promise<BureauImportResult> {
  const lines = csv.split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim().toLowerCase());
  const res: BureauImportResult = { rows: 0, imported: 0, reviews: 0, frozen: 0, errors: [] };
  const idCol = header.includes('customer_id')
    ? 'customer_id'
    : header.includes('national_id')
      ? 'national_id'
      : null;
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (!idCol || missing.length) {
    res.errors.push({
      line: 1,
      message: `header needs customer_id or national_id and ${COLUMNS.join(', ')}${missing.length ? `; missing ${missing.join(', ')}` : ''}`,
    });
    return res;
  }
  const col = (cells: string[], name: string) => (cells[header.indexOf(name)] ?? '').trim();
  for (let i = Math.max(1, opts.fromLine ?? 1); i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    res.rows++;
    const cells = splitCsvLine(line);
    let customerId = col(cells, 'customer_id');
    if (idCol === 'national_id') {
      const nid = normalizeNationalId(col(cells, 'national_id'));
      if (!isNationalId(nid)) {
        res.errors.push({ line: i + 1, message: 'national_id is not a valid 18-digit ID' });
        continue;
      }
      const [c] = await orm.em
        .fork()
        .execute<{ id: string }[]>(`select id from customers where national_id_hash = ?`, [
          blindIndex('national_id', nid, opts.blindIndexKey),
        ]);
      if (!c) {
        res.errors.push({ line: i + 1, message: 'no customer has this national_id' });
        continue;
      }
      customerId = String(c.id);
    }
    if (!/^\d{1,18}$/.test(customerId)) {
      res.errors.push({ line: i + 1, message: 'customer_id is not a number' });
      continue;
    }
    const n = (name: string) => {
      const t = col(cells, name);
      return /^-?\d+$/.test(t) ? Number(t) : NaN;
    };
    const r = await recordBureauReport(
      orm.em.fork(),
      ANONYMOUS,
      {
        customerId,
        reportedAt: new Date(col(cells, 'reported_at')),
        bureauScore: n('bureau_score'),
        inquiries3m: n('inquiries_3m'),
        inquiries6m: n('inquiries_6m'),
        otherDebtFen: n('other_debt_fen'),
        pastDefaults: n('past_defaults'),
      },
      'IMPORT',
      opts.asOf,
    );
    if (!r.ok) {
      res.errors.push({ line: i + 1, message: r.errors.map((e) => e.message).join(' ') });
      continue;
    }
    res.imported++;
    if (r.value.decisionId) res.reviews++;
    if (r.value.frozen) res.frozen++;
  }
  return res;
}
