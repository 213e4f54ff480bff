import { labelColumn, selectRows, type Dataset } from './csv.js';
import type { ScorecardModel } from './format.js';
import { auc as aucOf, gainsTable, gini as giniOf, ks as ksOf, type GainsRow } from './metrics.js';
import { compiled } from './score.js';
import { rng } from './bagging.js';
import { trainScorecard, type TrainOptions } from './train.js';

export { rng };

export interface Evaluation {
  auc: number;
  ks: number;
  gini: number;
  rows: number;
  badRate: number;
  /** PSI of these scores against the training score deciles (when the model has them). */
  psi?: number;
  psiWarning?: string;
  gains: GainsRow[];
}

/** Scores every row of a data set (integer scores, in row order). */
export function scoreDataset(model: ScorecardModel, data: Dataset): Float64Array {
  const c = compiled(model);
  const cols = c.inputs.map((inp) => data.columns.indexOf(inp.name));
  const rec: Record<string, string | number | null> = {};
  const buf = new Float64Array(c.inputs.length);
  const out = new Float64Array(data.rows.length);
  for (let i = 0; i < data.rows.length; i++) {
    const r = data.rows[i];
    for (let k = 0; k < cols.length; k++) rec[c.inputs[k].name] = cols[k] < 0 ? null : r[cols[k]];
    out[i] = c.score(c.encode(rec, buf));
  }
  return out;
}

/**
 * AUC, KS, Gini, bad rate and a 10-band gains table of the model on labelled data; PSI of the
 * score distribution against the training deciles (expected shares 10 % each).
 */
export function evaluate(
  model: ScorecardModel,
  data: Dataset,
  label: string = model.label,
): Evaluation {
  const y = labelColumn(data, label);
  const scores = scoreDataset(model, data);
  const risk = scores.map((s) => -s);
  const a = aucOf(risk, y);
  let bads = 0;
  for (let i = 0; i < y.length; i++) bads += y[i];
  const out: Evaluation = {
    auc: a,
    ks: ksOf(risk, y),
    gini: giniOf(a),
    rows: y.length,
    badRate: y.length ? bads / y.length : NaN,
    gains: gainsTable(risk, y, 10),
  };
  const d = model.stats.scoreDeciles;
  if (d.length === 9) {
    // Compare the share of rows per training decile band with the expected 10 % each.
    const ce = new Float64Array(10).fill(0.1);
    const ca = new Float64Array(10);
    for (const s of scores) {
      let b = 0;
      while (b < 9 && s >= d[b]) b++;
      ca[b]++;
    }
    let p = 0;
    for (let b = 0; b < 10; b++) {
      const pa = Math.max(ca[b] / Math.max(scores.length, 1), 1e-4);
      p += (pa - ce[b]) * Math.log(pa / ce[b]);
    }
    out.psi = p;
    if (scores.length < 500) out.psiWarning = `PSI on ${scores.length} rows (< 500) is unreliable`;
  }
  return out;
}

/** Stratified k-fold split (by label), seeded: fold number of each row. */
export function stratifiedFolds(y: Uint8Array, k: number, seed: number): Int32Array {
  const r = rng(seed);
  const fold = new Int32Array(y.length);
  for (const cls of [0, 1]) {
    const idx: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] === cls) idx.push(i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    idx.forEach((row, p) => (fold[row] = p % k));
  }
  return fold;
}

/** Stratified k-fold cross-validated AUC (train on k−1 folds, AUC on the held-out fold). */
export function crossValidate(
  data: Dataset,
  opts: TrainOptions,
  k = 5,
  seed = 1,
): { aucs: number[]; mean: number; std: number } {
  const y = labelColumn(data, opts.label);
  const fold = stratifiedFolds(y, k, seed);
  const aucs: number[] = [];
  for (let f = 0; f < k; f++) {
    const tr: number[] = [];
    const te: number[] = [];
    for (let i = 0; i < y.length; i++) (fold[i] === f ? te : tr).push(i);
    const model = trainScorecard(selectRows(data, tr), {
      ...opts,
      createdAt: opts.createdAt ?? '1970-01-01T00:00:00.000Z',
    });
    aucs.push(evaluate(model, selectRows(data, te), opts.label).auc);
  }
  const mean = aucs.reduce((a, b) => a + b, 0) / k;
  const std = Math.sqrt(aucs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, k - 1));
  return { aucs, mean, std };
}
