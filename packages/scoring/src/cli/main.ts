/**
 * creditline-score — train, evaluate and score scorecards from CSV files.
 *
 *   creditline-score train    --data F.csv --label default [--exclude ID,…] [--no-derive] [--l2 N] [--min-bin-share S] [--version V] --out model.json
 *   creditline-score evaluate --model m.json --data F.csv [--label default]      → one JSON object on stdout
 *   creditline-score score    --model m.json --data F.csv [--out scores.csv]     → CSV (stdout without --out)
 *   creditline-score review   --model m.json --data accounts.csv [--policy p.json] [--kind PERIODIC|TRIGGERED] [--out proposals.csv]
 *
 * Errors are one line on stderr, exit code 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs as parseNodeArgs, type ParseArgsConfig } from 'node:util';
import {
  DataError,
  evaluate,
  gradeForScore,
  loadModel,
  ModelFormatError,
  probabilityFromScore,
  readCsvFile,
  reasonCodes,
  scoreFeatures,
  trainScorecard,
  type Dataset,
  type ScorecardModel,
  type TrainOptions,
  TUNED_OPTIONS,
} from '../model/index.js';
import { derivedInputs } from '../model/derived.js';
import { formatFen } from '../money/money.js';
import {
  defaultPolicy,
  gradeOf,
  INCOME_BANDS,
  parsePolicy,
  type Grade,
  type IncomeBand,
  type LimitPolicy,
} from '../policy/policy.js';
import { reviewLimit, type LimitProposal } from '../policy/limits.js';
import { applyRiskBudget } from '../policy/risk-budget.js';
import { stressTest, type StressAccount, type StressScenario } from '../policy/stress.js';
import { scorecardReport } from '../report/report.js';
import { monitorReport } from '../report/monitor.js';
import { adverseActions, disparateImpact, type GroupSpec } from '../report/fairness.js';
import {
  renderFairnessMarkdown,
  renderHtml,
  renderMarkdown,
  renderMonitorMarkdown,
} from '../report/render.js';
import type { Monotonic } from '../model/format.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

const USAGE = `usage:
  creditline-score train --data F.csv --label default [--exclude ID,...] [--no-derive] [--l2 N] [--min-bin-share S] [--max-bins N] [--interactions N] [--bin-refit N] [--bags N]
      [--method woe-logistic|ebm] [--learning-rate R] [--max-features N]
      [--breaks "F=c1,c2;G=..."] [--monotonic "F=increasing,G=decreasing"] [--weight COL] [--allow-protected] [--version V] --out model.json
  creditline-score report --model m.json --data F.csv [--label default] [--format md|html|json] [--out report.md]
  creditline-score monitor --model m.json --base A.csv --current B.csv [--format md|json] [--out file]
  creditline-score stress --model m.json --data accounts.csv [--policy p.json] (--pd-multiplier 1.5 | --migration matrix.json) [--format md|json] [--out file]
  creditline-score fairness --model m.json --data F.csv --group COL[:c1,c2,...] [--group ...] [--approve-grades A,B,C,D] [--policy p.json] [--format md|json]
  creditline-score evaluate --model m.json --data F.csv [--label default]
  creditline-score score --model m.json --data F.csv [--adverse-actions] [--out scores.csv]
  creditline-score review --model m.json --data accounts.csv [--policy policy.json] [--kind PERIODIC|TRIGGERED] [--out proposals.csv]`;

/** Every option of every command; a command reads the ones it knows. */
const OPTIONS = {
  ...Object.fromEntries(
    [
      'data',
      'label',
      'exclude',
      'l2',
      'min-bin-share',
      'max-bins',
      'interactions',
      'bin-refit',
      'bags',
      'method',
      'learning-rate',
      'max-features',
      'breaks',
      'monotonic',
      'weight',
      'version',
      'out',
      'model',
      'format',
      'base',
      'current',
      'policy',
      'pd-multiplier',
      'migration',
      'approve-grades',
      'kind',
    ].map((n) => [n, { type: 'string' as const }]),
  ),
  group: { type: 'string', multiple: true },
  'no-derive': { type: 'boolean' },
  'allow-protected': { type: 'boolean' },
  'adverse-actions': { type: 'boolean' },
  help: { type: 'boolean' },
} satisfies ParseArgsConfig['options'];

type Args = Record<string, string | string[] | boolean | undefined>;

function parseArgs(argv: string[]): { cmd: string; args: Args } {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === '' || cmd === 'help' || cmd === '--help')
    return { cmd: cmd ?? '', args: {} };
  try {
    const { values } = parseNodeArgs({ args: rest, options: OPTIONS, strict: true });
    return { cmd, args: values };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function str(args: Args, name: string, required: true): string;
function str(args: Args, name: string, required?: false): string | undefined;
function str(args: Args, name: string, required = false): string | undefined {
  const v = args[name];
  if (v === undefined) {
    if (required) throw new UsageError(`missing --${name}`);
    return undefined;
  }
  if (typeof v !== 'string') throw new UsageError(`--${name} needs a value`);
  return v;
}

function numArg(args: Args, name: string): number | undefined {
  const v = str(args, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got "${v}"`);
  return n;
}

function readModel(file: string): ScorecardModel {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new DataError(`file not found: ${file}`);
    throw new DataError(`cannot read ${file}: ${(e as Error).message}`);
  }
  return loadModel(text);
}

function nonEmpty(data: Dataset, file: string): Dataset {
  if (data.rows.length === 0) throw new DataError(`empty file: ${file} has a header but no rows`);
  return data;
}

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `F=c1,c2;G=c3` → { F: [c1, c2], G: [c3] }. */
function parseBreaks(v: string | undefined): Record<string, number[]> | undefined {
  if (!v) return undefined;
  const out: Record<string, number[]> = {};
  for (const part of v.split(';').filter((p) => p.trim())) {
    const [name, list] = part.split('=');
    const cuts = (list ?? '').split(',').map((c) => Number(c.trim()));
    if (!name?.trim() || !list || cuts.some((c) => !Number.isFinite(c)))
      throw new UsageError(`--breaks must look like "FEATURE=c1,c2;OTHER=c3", got "${part}"`);
    out[name.trim()] = cuts;
  }
  return out;
}

/** `F=increasing,G=decreasing` → { F: 'increasing', G: 'decreasing' }. */
function parseMonotonic(v: string | undefined): Record<string, Monotonic> | undefined {
  if (!v) return undefined;
  const out: Record<string, Monotonic> = {};
  for (const part of v.split(',').filter((p) => p.trim())) {
    const [name, dir] = part.split('=').map((s) => s?.trim());
    if (!name || !['increasing', 'decreasing', 'auto', 'none'].includes(dir ?? ''))
      throw new UsageError(
        `--monotonic must look like "FEATURE=increasing,OTHER=decreasing" (increasing, decreasing, auto, none), got "${part}"`,
      );
    out[name] = dir as Monotonic;
  }
  return out;
}

export function train(args: Args, warn: (s: string) => void = () => {}): string {
  const file = str(args, 'data', true);
  const label = str(args, 'label', true);
  const out = str(args, 'out', true);
  const data = nonEmpty(readCsvFile(file), file);
  if (!data.columns.includes(label))
    throw new DataError(`label column "${label}" not found in ${file}`);
  const exclude = str(args, 'exclude')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const method = str(args, 'method') ?? 'woe-logistic';
  if (method !== 'woe-logistic' && method !== 'ebm')
    throw new UsageError(`--method must be woe-logistic or ebm, got "${method}"`);
  const ebm =
    method === 'ebm'
      ? {
          bags: numArg(args, 'bags'),
          interactions: numArg(args, 'interactions'),
          learningRate: numArg(args, 'learning-rate'),
          maxFeatures: numArg(args, 'max-features'),
        }
      : undefined;
  const opts: TrainOptions = {
    ...TUNED_OPTIONS,
    method,
    ebm,
    label,
    exclude,
    derive: args['no-derive'] ? false : undefined,
    l2: numArg(args, 'l2'),
    minBinShare: numArg(args, 'min-bin-share') ?? TUNED_OPTIONS.minBinShare,
    maxBins: numArg(args, 'max-bins') ?? TUNED_OPTIONS.maxBins,
    interactions: numArg(args, 'interactions') ?? TUNED_OPTIONS.interactions,
    binRefit: numArg(args, 'bin-refit') ?? TUNED_OPTIONS.binRefit,
    bags: method === 'ebm' ? undefined : numArg(args, 'bags'),
    version: str(args, 'version'),
    breaks: parseBreaks(str(args, 'breaks')),
    monotonic: parseMonotonic(str(args, 'monotonic')),
    weight: str(args, 'weight'),
    allowProtected: args['allow-protected'] === true,
  };
  const model = trainScorecard(data, opts);
  for (const w of model.stats.warnings ?? []) warn(`creditline-score: warning: ${w}\n`);
  writeFileSync(out, JSON.stringify(model, null, 2) + '\n');
  return `trained ${model.version}: ${model.features.length} features, training AUC ${model.stats.auc.toFixed(4)} on ${model.stats.rows} rows → ${out}\n`;
}

export function evaluateCmd(args: Args): string {
  const model = readModel(str(args, 'model', true));
  const file = str(args, 'data', true);
  const label = str(args, 'label') ?? model.label;
  const data = nonEmpty(readCsvFile(file), file);
  if (!data.columns.includes(label))
    throw new DataError(`label column "${label}" not found in ${file}`);
  const e = evaluate(model, data, label);
  return JSON.stringify(e) + '\n';
}

/** The id column of a data set: `ID`/`id`, or none. */
function idColumn(data: Dataset): number {
  return data.columns.findIndex((c) => c.toLowerCase() === 'id');
}

/**
 * The model's inputs found in a data set (raw numeric features and the inputs of derived features,
 * categorical features), checked: at least one must be present, and numeric cells must be numbers.
 */
function modelInputs(model: ScorecardModel, data: Dataset, file: string) {
  const derivedNames = new Set(model.derived.map((d) => d.name));
  const categorical = new Set(
    model.features
      .filter((f) => f.kind === 'categorical' && !derivedNames.has(f.name))
      .map((f) => f.name),
  );
  const numericCols = new Set<string>();
  for (const f of model.features)
    if (!categorical.has(f.name) && !derivedNames.has(f.name)) numericCols.add(f.name);
  for (const d of model.derived) {
    const ins = derivedInputs(d);
    for (const c of ins) if (!derivedNames.has(c)) numericCols.add(c);
  }
  const missingCols = [...numericCols, ...categorical].filter((c) => !data.columns.includes(c));
  if (missingCols.length === [...numericCols, ...categorical].length && missingCols.length > 0) {
    throw new DataError(
      `none of the model's input columns are in ${file} (e.g. "${missingCols[0]}")`,
    );
  }
  const numIdx = [...numericCols]
    .map((c) => [c, data.columns.indexOf(c)] as const)
    .filter(([, j]) => j >= 0);
  const rec: Record<string, string | number | null> = {};
  /** Score row i (0-based). */
  return (i: number) => {
    const r = data.rows[i];
    for (const [c, j] of numIdx) {
      if (typeof r[j] === 'string')
        throw new DataError(
          `column "${c}" row ${i + 1}: non-numeric value ${JSON.stringify(r[j])} where a number is needed`,
        );
    }
    for (let j = 0; j < data.columns.length; j++) rec[data.columns[j]] = r[j];
    return scoreFeatures(model, rec);
  };
}

export function score(args: Args): string {
  const model = readModel(str(args, 'model', true));
  const file = str(args, 'data', true);
  const data = nonEmpty(readCsvFile(file), file);
  const scoreRow = modelInputs(model, data, file);
  const id = idColumn(data);
  const withAdverse = args['adverse-actions'] === true;
  const lines: string[] = [];
  lines.push(
    [
      ...(id >= 0 ? [data.columns[id]] : []),
      'score',
      'grade',
      'probability_of_default',
      'reason_1',
      'reason_2',
      'reason_3',
      'reason_4',
      ...(withAdverse
        ? ['adverse_action_1', 'adverse_action_2', 'adverse_action_3', 'adverse_action_4']
        : []),
    ].join(','),
  );
  for (let i = 0; i < data.rows.length; i++) {
    const r = data.rows[i];
    const res = scoreRow(i);
    const reasons = reasonCodes(res, 4);
    const rc = reasons.map((x) => x.code);
    while (rc.length < 4) rc.push('');
    if (withAdverse) {
      const aa: string[] = adverseActions(reasons, 4).map((a) => a.code);
      while (aa.length < 4) aa.push('');
      rc.push(...aa);
    }
    lines.push(
      [
        ...(id >= 0 ? [csvCell(r[id])] : []),
        String(res.score),
        gradeForScore(model, res.score),
        probabilityFromScore(model, res.score).toFixed(6),
        ...rc,
      ].join(','),
    );
  }
  const text = lines.join('\n') + '\n';
  const out = str(args, 'out');
  if (out) {
    writeFileSync(out, text);
    return `scored ${data.rows.length} rows with ${model.version} → ${out}\n`;
  }
  return text;
}

/** The account columns `review` needs beside the model's inputs. */
export const REVIEW_COLUMNS = [
  'current_limit_fen',
  'used_fen',
  'income_band',
  'max_days_past_due',
  'months_on_book',
] as const;

function readPolicy(file: string | undefined): LimitPolicy {
  if (!file) return defaultPolicy;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new DataError(`file not found: ${file}`);
  }
  try {
    return parsePolicy(text);
  } catch (e) {
    // parsePolicy lists every problem on its own line; one line here: the first of them.
    const lines = (e as Error).message.split('\n');
    throw new DataError(`${file}: ${lines[0]}${lines[1] ? ` ${lines[1].trim()}` : ''}`);
  }
}

/**
 * Run the limit policy over a portfolio (a what-if for risk teams): score each account with the
 * model, grade it by the policy's cut-offs, and propose its next limit exactly as the platform's
 * review would. One CSV row per account; a summary line when written to a file.
 */
export function review(args: Args): string {
  const model = readModel(str(args, 'model', true));
  const policy = readPolicy(str(args, 'policy'));
  const kind = str(args, 'kind') ?? 'PERIODIC';
  if (kind !== 'PERIODIC' && kind !== 'TRIGGERED')
    throw new UsageError(`--kind must be PERIODIC or TRIGGERED, got "${kind}"`);
  const file = str(args, 'data', true);
  const data = nonEmpty(readCsvFile(file), file);
  const missing = REVIEW_COLUMNS.filter((c) => !data.columns.includes(c));
  if (missing.length) throw new DataError(`${file} lacks the account column "${missing[0]}"`);
  const col = Object.fromEntries(REVIEW_COLUMNS.map((c) => [c, data.columns.indexOf(c)])) as Record<
    (typeof REVIEW_COLUMNS)[number],
    number
  >;
  const scoreRow = modelInputs(model, data, file);
  const id = idColumn(data);
  const whole = (i: number, c: (typeof REVIEW_COLUMNS)[number]) => {
    const v = data.rows[i][col[c]];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      throw new DataError(
        `column "${c}" row ${i + 1}: ${JSON.stringify(v)} is not a whole number ≥ 0`,
      );
    return v;
  };
  const lines = [
    [
      ...(id >= 0 ? [data.columns[id]] : []),
      'score',
      'grade',
      'probability_of_default',
      'current_limit_fen',
      'proposed_limit_fen',
      'action',
      'reasons',
    ].join(','),
  ];
  const reviewed: {
    score: number;
    grade: Grade;
    pd: number;
    current: number;
    proposal: LimitProposal;
  }[] = [];
  for (let i = 0; i < data.rows.length; i++) {
    const band = data.rows[i][col.income_band];
    if (!(INCOME_BANDS as readonly unknown[]).includes(band))
      throw new DataError(
        `column "income_band" row ${i + 1}: ${JSON.stringify(band)} is not one of ${INCOME_BANDS.join(', ')}`,
      );
    const res = scoreRow(i);
    const pd = probabilityFromScore(model, res.score);
    const grade = gradeOf(res.score, policy);
    const current = whole(i, 'current_limit_fen');
    const proposal = reviewLimit(
      {
        currentLimitFen: current,
        usedFen: whole(i, 'used_fen'),
        score: res.score,
        grade,
        probabilityOfDefault: pd,
        incomeBand: band as IncomeBand,
        maxDaysPastDue: whole(i, 'max_days_past_due'),
        monthsOnBook: whole(i, 'months_on_book'),
        kind,
      },
      policy,
    );
    reviewed.push({ score: res.score, grade, pd, current, proposal });
  }
  // The file is the portfolio: the policy's risk budget scales its increases down where it binds.
  const budgeted = applyRiskBudget(
    reviewed.map((r) => ({
      grade: r.grade,
      probabilityOfDefault: r.pd,
      currentLimitFen: r.current,
      proposal: r.proposal,
    })),
    policy,
  );
  const counts = { INCREASE: 0, DECREASE: 0, KEEP: 0, FREEZE: 0 };
  let before = 0;
  let after = 0;
  reviewed.forEach((r, i) => {
    const proposal = budgeted.proposals[i]!;
    counts[proposal.action]++;
    before += r.current;
    after += proposal.limitFen;
    lines.push(
      [
        ...(id >= 0 ? [csvCell(data.rows[i][id])] : []),
        String(r.score),
        r.grade,
        r.pd.toFixed(6),
        String(r.current),
        String(proposal.limitFen),
        proposal.action,
        proposal.reasons.join(';'),
      ].join(','),
    );
  });
  const text = lines.join('\n') + '\n';
  const out = str(args, 'out');
  if (!out) return text;
  writeFileSync(out, text);
  const yuan = (fen: number) => formatFen(fen, { grouping: true });
  return (
    `reviewed ${data.rows.length} accounts with ${model.version} and ${policy.version} (${kind}): ` +
    `${counts.INCREASE} increase, ${counts.DECREASE} decrease, ${counts.KEEP} keep, ${counts.FREEZE} freeze; ` +
    `total limit ${yuan(before)} → ${yuan(after)} yuan` +
    (budgeted.binding ? ' (increases scaled down by the risk budget, POLICY_RISK_BUDGET)' : '') +
    ` → ${out}\n`
  );
}

function readData(file: string): Dataset {
  return nonEmpty(readCsvFile(file), file);
}

function format(args: Args, allowed: string[]): string {
  const f = str(args, 'format') ?? allowed[0];
  if (!allowed.includes(f))
    throw new UsageError(`--format must be one of ${allowed.join(', ')}, got "${f}"`);
  return f;
}

function emit(args: Args, text: string, what: string): string {
  const out = str(args, 'out');
  if (!out) return text;
  writeFileSync(out, text);
  return `${what} → ${out}\n`;
}

/** The binning/IV/VIF/gains report of a model on labelled data, as Markdown, HTML or JSON. */
export function reportCmd(args: Args): string {
  const model = readModel(str(args, 'model', true));
  const file = str(args, 'data', true);
  const fmt = format(args, ['md', 'html', 'json']);
  const data = readData(file);
  const label = str(args, 'label') ?? model.label;
  if (!data.columns.includes(label))
    throw new DataError(`label column "${label}" not found in ${file}`);
  const r = scorecardReport(model, data, label);
  const text =
    fmt === 'json'
      ? JSON.stringify(r, null, 2) + '\n'
      : fmt === 'html'
        ? renderHtml(r)
        : renderMarkdown(r);
  return emit(
    args,
    text,
    `report of ${model.version} on ${r.data.rows} rows (AUC ${r.auc.toFixed(4)})`,
  );
}

/** PSI of the score and CSI per feature between a base and a current data set. */
export function monitorCmd(args: Args): string {
  const model = readModel(str(args, 'model', true));
  const base = readData(str(args, 'base', true));
  const current = readData(str(args, 'current', true));
  const fmt = format(args, ['md', 'json']);
  const m = monitorReport(model, base, current);
  const text = fmt === 'json' ? JSON.stringify(m, null, 2) + '\n' : renderMonitorMarkdown(m);
  return emit(args, text, `score PSI ${m.score.index.toFixed(4)} (${m.score.status})`);
}

/** Disparate impact by one or more protected attributes. */
export function fairnessCmd(args: Args): string {
  const model = readModel(str(args, 'model', true));
  const file = str(args, 'data', true);
  const data = readData(file);
  const policy = readPolicy(str(args, 'policy'));
  const fmt = format(args, ['md', 'json']);
  // --group may repeat.
  const groups: GroupSpec[] = [];
  for (const v of (args.group as string[] | undefined) ?? []) {
    const [attribute, cutList] = v.split(':');
    const cuts = cutList?.split(',').map(Number);
    if (!attribute || (cuts && cuts.some((c) => !Number.isFinite(c))))
      throw new UsageError(`--group must look like COLUMN or COLUMN:c1,c2, got "${v}"`);
    if (!data.columns.includes(attribute))
      throw new DataError(`group column "${attribute}" not found in ${file}`);
    groups.push({ attribute, cuts });
  }
  if (groups.length === 0) throw new UsageError('missing --group');
  const approve = (str(args, 'approve-grades') ?? 'A,B,C,D').split(',').map((g) => g.trim());
  const reports = groups.map((g) => disparateImpact(model, data, g, policy, approve));
  return emit(
    args,
    fmt === 'json' ? JSON.stringify(reports, null, 2) + '\n' : renderFairnessMarkdown(reports),
    `disparate impact by ${groups.map((g) => g.attribute).join(', ')}: ${reports.flatMap((r) => r.groups.filter((g) => g.flagged)).length} groups flagged`,
  );
}

/** The review's portfolio columns read into stress-test accounts (scored and graded by the policy). */
function portfolioAccounts(
  model: ScorecardModel,
  policy: LimitPolicy,
  data: Dataset,
  file: string,
): StressAccount[] {
  const missing = REVIEW_COLUMNS.filter((c) => !data.columns.includes(c));
  if (missing.length) throw new DataError(`${file} lacks the account column "${missing[0]}"`);
  const col = (c: string) => data.columns.indexOf(c);
  const scoreRow = modelInputs(model, data, file);
  const whole = (i: number, c: string) => {
    const v = data.rows[i][col(c)];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      throw new DataError(
        `column "${c}" row ${i + 1}: ${JSON.stringify(v)} is not a whole number ≥ 0`,
      );
    return v;
  };
  return data.rows.map((r, i) => {
    const band = r[col('income_band')];
    if (!(INCOME_BANDS as readonly unknown[]).includes(band))
      throw new DataError(
        `column "income_band" row ${i + 1}: ${JSON.stringify(band)} is not one of ${INCOME_BANDS.join(', ')}`,
      );
    const res = scoreRow(i);
    return {
      grade: gradeOf(res.score, policy),
      incomeBand: band as IncomeBand,
      score: res.score,
      probabilityOfDefault: probabilityFromScore(model, res.score),
      currentLimitFen: whole(i, 'current_limit_fen'),
      usedFen: whole(i, 'used_fen'),
      maxDaysPastDue: whole(i, 'max_days_past_due'),
      monthsOnBook: whole(i, 'months_on_book'),
    };
  });
}

/** Stress test of a portfolio: PDs × N or a grade-migration matrix; exposure, EL and cuts by grade and segment. */
export function stressCmd(args: Args): string {
  const model = readModel(str(args, 'model', true));
  const policy = readPolicy(str(args, 'policy'));
  const file = str(args, 'data', true);
  const fmt = format(args, ['md', 'json']);
  const mult = numArg(args, 'pd-multiplier');
  const matrixFile = str(args, 'migration');
  if ((mult === undefined) === (matrixFile === undefined))
    throw new UsageError('give one of --pd-multiplier N or --migration matrix.json');
  let scenario: StressScenario;
  if (mult !== undefined) scenario = { kind: 'PD_MULTIPLIER', multiplier: mult };
  else {
    let text: string;
    try {
      text = readFileSync(matrixFile!, 'utf8');
    } catch {
      throw new DataError(`file not found: ${matrixFile}`);
    }
    try {
      scenario = { kind: 'GRADE_MIGRATION', matrix: JSON.parse(text) };
    } catch (e) {
      throw new DataError(`${matrixFile}: not valid JSON (${(e as Error).message})`);
    }
  }
  const accounts = portfolioAccounts(model, policy, readData(file), file);
  let r;
  try {
    r = stressTest(accounts, policy, scenario);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const y = (fen: number) => (fen / 100).toLocaleString('en-US', { maximumFractionDigits: 0 });
  const label =
    scenario.kind === 'PD_MULTIPLIER' ? `PD × ${scenario.multiplier}` : 'grade migration';
  const text =
    fmt === 'json'
      ? JSON.stringify(r, null, 2) + '\n'
      : [
          `# Stress test — ${label}`,
          `${r.total.accounts} accounts, LGD ${r.lossGivenDefaultBp / 100} %; exposure ¥${y(r.total.exposureFen)}; expected loss ¥${y(r.total.expectedLossFen)} → ¥${y(r.total.stressedExpectedLossFen)} stressed; ${r.total.limitsCut} limits cut by ¥${y(r.total.cutFen)}.` +
            (r.budget ? ` Risk budget ${r.budget.breached ? '**breached**' : 'holds'}.` : ''),
          [
            '| grade / segment | accounts | exposure (¥) | EL (¥) | stressed EL (¥) | limits cut | cut (¥) |',
            '|---|---|---|---|---|---|---|',
            ...[
              ...Object.entries(r.byGrade).map(([g, c]) => [`grade ${g}`, c] as const),
              ...Object.entries(r.bySegment)
                .sort()
                .map(([s, c]) => [`income ${s}`, c] as const),
            ].map(
              ([k, c]) =>
                `| ${k} | ${c.accounts} | ${y(c.exposureFen)} | ${y(c.expectedLossFen)} | ${y(c.stressedExpectedLossFen)} | ${c.limitsCut} | ${y(c.cutFen)} |`,
            ),
          ].join('\n'),
        ].join('\n\n') + '\n';
  return emit(
    args,
    text,
    `stress (${label}): expected loss ${y(r.total.expectedLossFen)} → ${y(r.total.stressedExpectedLossFen)} yuan, ${r.total.limitsCut} limits cut`,
  );
}

/** Runs the CLI; returns the exit code. Output goes to the given writers. */
export function run(
  argv: string[],
  stdout: (s: string) => void,
  stderr: (s: string) => void,
): number {
  try {
    const { cmd, args } = parseArgs(argv);
    if (cmd === '' || cmd === 'help' || cmd === '--help' || args.help) {
      stdout(USAGE + '\n');
      return cmd === '' ? 2 : 0;
    }
    if (cmd === 'train') stdout(train(args, stderr));
    else if (cmd === 'report') stdout(reportCmd(args));
    else if (cmd === 'monitor') stdout(monitorCmd(args));
    else if (cmd === 'stress') stdout(stressCmd(args));
    else if (cmd === 'fairness') stdout(fairnessCmd(args));
    else if (cmd === 'evaluate') stdout(evaluateCmd(args));
    else if (cmd === 'score') stdout(score(args));
    else if (cmd === 'review') stdout(review(args));
    else
      throw new UsageError(
        `unknown command "${cmd}" (train, evaluate, score, review, report, monitor, fairness, stress)`,
      );
    return 0;
  } catch (e) {
    if (e instanceof DataError || e instanceof ModelFormatError || e instanceof UsageError) {
      stderr(`creditline-score: ${e.message.split('\n')[0]}\n`);
      return 2;
    }
    stderr(
      `creditline-score: internal error: ${String((e as Error)?.message ?? e).split('\n')[0]}\n`,
    );
    return 1;
  }
}
