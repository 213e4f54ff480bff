/**
 * Fair lending: a disparate-impact report (approval rate and average limit of each group of a
 * protected attribute against the most favoured group; the four-fifths rule flags ratios under
 * 0.8) and the adverse-action reasons a declined or reduced customer is told, mapped from the
 * scorecard's reason codes.
 */
import type { Dataset } from '../model/csv.js';
import type { ScorecardModel } from '../model/format.js';
import { gradeForScore } from '../model/score.js';
import type { ReasonCode } from '../model/types.js';
import type { Grade, LimitPolicy } from '../policy/policy.js';
import { binAssignments } from './report.js';

/** Ratio under which a group's approval rate (or average limit) is flagged: the four-fifths rule. */
export const DISPARATE_IMPACT_THRESHOLD = 0.8;

export interface GroupOutcome {
  group: string;
  rows: number;
  approved: number;
  approvalRate: number;
  /** Average limit (fen) over all rows of the group, declined rows counting 0. */
  averageLimitFen: number;
  /** approvalRate ÷ the reference group's. */
  approvalRatio: number;
  /** averageLimitFen ÷ the reference group's. */
  limitRatio: number;
  /** A ratio below `DISPARATE_IMPACT_THRESHOLD`. */
  flagged: boolean;
}

export interface DisparateImpactReport {
  attribute: string;
  /** The group with the highest approval rate, against which the ratios are taken. */
  reference: string;
  approveGrades: string[];
  threshold: number;
  groups: GroupOutcome[];
}

/**
 * How a column is grouped: its distinct values, or bands of a numeric column at the given cut
 * points (`[−∞, c1)`, `[c1, c2)`, …).
 */
export interface GroupSpec {
  attribute: string;
  cuts?: number[];
}

function groupLabel(v: string | number | null, cuts?: number[]): string {
  if (v === null) return 'missing';
  if (!cuts || typeof v !== 'number') return String(v);
  let k = 0;
  while (k < cuts.length && v >= cuts[k]) k++;
  return k === 0
    ? `< ${cuts[0]}`
    : k === cuts.length
      ? `≥ ${cuts[k - 1]}`
      : `${cuts[k - 1]}–${cuts[k] - 1}`;
}

/**
 * Disparate impact of a model and policy on a population: each row is scored and graded with the
 * model's grade bands; grades in `approveGrades` (default A–D) are approved with the policy's
 * initial limit of that grade; rows are grouped by a protected attribute (which the model need
 * not — and by default does not — use).
 */
export function disparateImpact(
  model: ScorecardModel,
  data: Dataset,
  spec: GroupSpec,
  policy: LimitPolicy,
  approveGrades: readonly string[] = ['A', 'B', 'C', 'D'],
): DisparateImpactReport {
  const col = data.columns.indexOf(spec.attribute);
  if (col < 0) throw new Error(`column "${spec.attribute}" not found`);
  const { scores } = binAssignments(model, data);
  const acc = new Map<string, { rows: number; approved: number; limit: number }>();
  for (let i = 0; i < scores.length; i++) {
    const g = groupLabel(data.rows[i][col], spec.cuts);
    let a = acc.get(g);
    if (!a) acc.set(g, (a = { rows: 0, approved: 0, limit: 0 }));
    a.rows++;
    const grade = gradeForScore(model, scores[i]);
    if (approveGrades.includes(grade)) {
      a.approved++;
      a.limit += policy.initialLimitFen[grade as Grade] ?? 0;
    }
  }
  const raw = [...acc.entries()].map(([group, a]) => ({
    group,
    rows: a.rows,
    approved: a.approved,
    approvalRate: a.rows ? a.approved / a.rows : 0,
    averageLimitFen: a.rows ? Math.round(a.limit / a.rows) : 0,
  }));
  raw.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  const ref = raw.reduce((best, g) => (g.approvalRate > best.approvalRate ? g : best), raw[0]);
  const groups = raw.map((g) => {
    const approvalRatio = ref.approvalRate ? g.approvalRate / ref.approvalRate : 1;
    const limitRatio = ref.averageLimitFen ? g.averageLimitFen / ref.averageLimitFen : 1;
    return {
      ...g,
      approvalRate: Math.round(g.approvalRate * 1e4) / 1e4,
      approvalRatio: Math.round(approvalRatio * 1e4) / 1e4,
      limitRatio: Math.round(limitRatio * 1e4) / 1e4,
      flagged:
        approvalRatio < DISPARATE_IMPACT_THRESHOLD || limitRatio < DISPARATE_IMPACT_THRESHOLD,
    };
  });
  return {
    attribute: spec.attribute,
    reference: ref?.group ?? '',
    approveGrades: [...approveGrades],
    threshold: DISPARATE_IMPACT_THRESHOLD,
    groups,
  };
}

/**
 * The documented adverse-action reasons (the principal reasons a lender must give for a decline
 * or a reduction, after the US Regulation B model form and PBOC's explanation duty). Every
 * scorecard reason code maps to one of them (`adverseActionFor`).
 */
export const ADVERSE_ACTION_REASONS = {
  AA01: 'Delinquent past or present credit obligations',
  AA02: 'Amount paid on credit obligations too low',
  AA03: 'Balances too high in proportion to credit limits',
  AA04: 'Length of credit history or time on book insufficient',
  AA05: 'Too many recent credit inquiries',
  AA06: 'Debt too high in proportion to income',
  AA07: 'Limited credit or purchase experience',
  AA08: 'Unable to verify identity or contact details',
  AA09: 'Collateral, savings or assets insufficient',
  AA10: 'Other factors in the credit score',
} as const;

export type AdverseActionCode = keyof typeof ADVERSE_ACTION_REASONS;

/** Feature name patterns → adverse-action code, first match wins. */
const RULES: [RegExp, AdverseActionCode][] = [
  [/pay_0|pay_\d$|status|late|pastdue|days_?past|default|overdue|delinq|credit_history/i, 'AA01'],
  [/pay_ratio|pay_amt|payment|paid|ontime/i, 'AA02'],
  [/util|bill|headroom|balance|limit_bal|credit_amount/i, 'AA03'],
  [/age_?months|accountage|months_on_book|duration|residence|employment/i, 'AA04'],
  [/inquir/i, 'AA05'],
  [/debt|income|installment_rate/i, 'AA06'],
  [/order|review|categor|return|deliver|existing_credits|purpose/i, 'AA07'],
  [/verif|telephone|phone/i, 'AA08'],
  [/saving|checking|property|housing|asset/i, 'AA09'],
];

/** The adverse-action code of a scorecard feature (by name; `AA10` when nothing more specific fits). */
export function adverseActionFor(feature: string): AdverseActionCode {
  for (const [re, code] of RULES) if (re.test(feature)) return code;
  return 'AA10';
}

/**
 * Adverse-action reasons for a scored customer: the reason codes' features mapped to the
 * documented list, de-duplicated, in reason order (at most `max`, default 4).
 */
export function adverseActions(
  reasons: readonly ReasonCode[],
  max = 4,
): { code: AdverseActionCode; text: string }[] {
  const out: { code: AdverseActionCode; text: string }[] = [];
  for (const r of reasons) {
    const code = adverseActionFor(r.feature);
    if (!out.some((o) => o.code === code)) out.push({ code, text: ADVERSE_ACTION_REASONS[code] });
    if (out.length >= max) break;
  }
  return out;
}
