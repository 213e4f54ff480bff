/**
 * Model reports the way optbinning and toad give them: a binning table per feature, the IV of
 * every candidate (kept or dropped, and why), correlations and VIF of the kept features, gains
 * and KS tables, and the curves behind the charts (score distribution, ROC). Pure: data in,
 * a plain object out; `renderMarkdown` / `renderHtml` turn it into a document.
 */
import { labelColumn, type Dataset } from '../model/csv.js';
import type { ScorecardModel } from '../model/format.js';
import { binStats } from '../model/binning.js';
import { auc as aucOf, correlation as corr, gini as giniOf, ks as ksOf } from '../model/metrics.js';
import { compiled } from '../model/score.js';

/** One row of a feature's binning table, counted on the report's data. */
export interface BinningRow {
  bin: string;
  count: number;
  goods: number;
  bads: number;
  /** Bad rate of the bin on this data (0 when empty). */
  eventRate: number;
  /** WOE of the bin on this data (ln %good / %bad, +0.5 smoothing as in training). */
  woe: number;
  /** This bin's share of the feature's IV. */
  iv: number;
  /** The model's points for the bin. */
  points: number;
}

export interface FeatureReport {
  feature: string;
  kind: string;
  coefficient: number;
  /** IV on this data. */
  iv: number;
  /** IV on the training data (from the model). */
  trainingIv: number;
  bins: BinningRow[];
}

export interface CandidateRow {
  feature: string;
  /** Training IV (from the model's stats; absent for models trained before 0.2.0). */
  iv: number | null;
  kept: boolean;
  reason: string;
}

export interface GainsBand {
  band: number;
  minScore: number;
  maxScore: number;
  rows: number;
  goods: number;
  bads: number;
  badRate: number;
  cumBadShare: number;
  cumGoodShare: number;
  /** cumBadShare − cumGoodShare: the KS statistic is its maximum. */
  ks: number;
}

export interface ScorecardReport {
  model: { version: string; features: number; label: string; trainingRows: number };
  data: { rows: number; bads: number; badRate: number };
  auc: number;
  ks: number;
  gini: number;
  warnings: string[];
  features: FeatureReport[];
  candidates: CandidateRow[];
  correlation: { features: string[]; matrix: number[][] };
  vif: { feature: string; vif: number }[];
  gains: GainsBand[];
  /** Score histogram (equal-width bins over the observed range). */
  scoreDistribution: { from: number; to: number; goods: number; bads: number }[];
  /** ROC curve, at most ~100 points from (0,0) to (1,1). */
  roc: { fpr: number; tpr: number }[];
}

function round(v: number, d = 6): number {
  const f = 10 ** d;
  return Math.round(v * f) / f;
}

/** Diagonal of the inverse of a symmetric matrix (Gauss–Jordan); Infinity where singular. */
function inverseDiagonal(m: number[][]): number[] {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    if (Math.abs(a[p][c]) < 1e-12) return m.map(() => Infinity);
    [a[c], a[p]] = [a[p], a[c]];
    const d = a[c][c];
    for (let j = 0; j < 2 * n; j++) a[c][j] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r][c];
      if (f !== 0) for (let j = 0; j < 2 * n; j++) a[r][j] -= f * a[c][j];
    }
  }
  return a.map((row, i) => row[n + i]);
}

/** Bin index of every row for every model feature, and the scores. */
export function binAssignments(
  model: ScorecardModel,
  data: Dataset,
): { scores: Float64Array; bins: Int32Array[] } {
  const c = compiled(model);
  const cols = c.inputs.map((inp) => data.columns.indexOf(inp.name));
  const rec: Record<string, string | number | null> = {};
  const buf = new Float64Array(c.inputs.length);
  const nf = model.features.length;
  const rowBins = new Int32Array(nf);
  const n = data.rows.length;
  const bins = model.features.map(() => new Int32Array(n));
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = data.rows[i];
    for (let k = 0; k < cols.length; k++) rec[c.inputs[k].name] = cols[k] < 0 ? null : r[cols[k]];
    scores[i] = c.score(c.encode(rec, buf), rowBins);
    for (let j = 0; j < nf; j++) bins[j][i] = rowBins[j];
  }
  return { scores, bins };
}

/** The full scorecard report of a model on labelled data (training or validation rows). */
export function scorecardReport(
  model: ScorecardModel,
  data: Dataset,
  label: string = model.label,
): ScorecardReport {
  const y = labelColumn(data, label);
  const n = y.length;
  const { scores, bins } = binAssignments(model, data);
  let bads = 0;
  for (let i = 0; i < n; i++) bads += y[i];

  const features: FeatureReport[] = model.features.map((f, j) => {
    const g = new Float64Array(f.bins.length);
    const b = new Float64Array(f.bins.length);
    for (let i = 0; i < n; i++) (y[i] ? b : g)[bins[j][i]]++;
    const stats = binStats(g, b);
    const rows: BinningRow[] = f.bins.map((bin, bi) => {
      const st = stats.bins[bi];
      return {
        bin: bin.label,
        count: st.count,
        goods: st.goods,
        bads: st.bads,
        eventRate: round(st.eventRate),
        woe: round(st.woe),
        iv: round(st.iv),
        points: bin.points,
      };
    });
    return {
      feature: f.name,
      kind: f.kind,
      coefficient: f.coefficient,
      iv: round(stats.iv),
      trainingIv: f.iv,
      bins: rows,
    };
  });

  // Candidates: kept features, then the dropped ones with the trainer's reason.
  const ivs = model.stats.candidateIv ?? {};
  const candidates: CandidateRow[] = [
    ...model.features.map((f) => ({ feature: f.name, iv: f.iv, kept: true, reason: 'kept' })),
    ...model.stats.dropped.map((d) => ({
      feature: d.feature,
      iv: ivs[d.feature] ?? null,
      kept: false,
      reason: d.reason,
    })),
  ].sort((a, b) => (b.iv ?? -1) - (a.iv ?? -1) || (a.feature < b.feature ? -1 : 1));

  // Correlation and VIF of the kept features' WOE (the regression's inputs).
  const woeCols = model.features.map((f, j) => {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = f.bins[bins[j][i]].woe;
    return col;
  });
  const matrix = woeCols.map((a) => woeCols.map((b) => round(corr(a, b), 4)));
  const full = woeCols.map((a) => woeCols.map((b) => corr(a, b)));
  const diag = full.length ? inverseDiagonal(full) : [];
  const vif = model.features.map((f, j) => ({
    feature: f.name,
    vif: Number.isFinite(diag[j]) ? round(diag[j], 3) : Infinity,
  }));

  const risk = scores.map((s) => -s);
  const a = aucOf(risk, y);
  return {
    model: {
      version: model.version,
      features: model.features.length,
      label: model.label,
      trainingRows: model.stats.rows,
    },
    data: { rows: n, bads, badRate: round(n ? bads / n : 0) },
    auc: round(a),
    ks: round(ksOf(risk, y)),
    gini: round(giniOf(a)),
    warnings: model.stats.warnings ?? [],
    features,
    candidates,
    correlation: { features: model.features.map((f) => f.name), matrix },
    vif,
    gains: gains(scores, y, 10),
    scoreDistribution: histogram(scores, y, 20),
    roc: rocCurve(scores, y),
  };
}

/** Gains and KS table: rows sorted riskiest (lowest score) first, cut into `bands` bands. */
export function gains(scores: Float64Array, y: Uint8Array, bands = 10): GainsBand[] {
  const n = scores.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b] || a - b);
  let B = 0;
  for (let i = 0; i < n; i++) B += y[i];
  const G = n - B;
  const out: GainsBand[] = [];
  let cb = 0;
  let cg = 0;
  const k = Math.max(1, Math.min(bands, n));
  for (let band = 0; band < k; band++) {
    const s = Math.floor((band * n) / k);
    const e = Math.floor(((band + 1) * n) / k);
    let b = 0;
    for (let i = s; i < e; i++) b += y[idx[i]];
    const rows = e - s;
    cb += b;
    cg += rows - b;
    out.push({
      band: band + 1,
      minScore: rows ? scores[idx[s]] : NaN,
      maxScore: rows ? scores[idx[e - 1]] : NaN,
      rows,
      goods: rows - b,
      bads: b,
      badRate: round(rows ? b / rows : 0),
      cumBadShare: round(B ? cb / B : 0),
      cumGoodShare: round(G ? cg / G : 0),
      ks: round((B ? cb / B : 0) - (G ? cg / G : 0)),
    });
  }
  return out;
}

function histogram(scores: Float64Array, y: Uint8Array, k: number) {
  if (scores.length === 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of scores) {
    lo = Math.min(lo, s);
    hi = Math.max(hi, s);
  }
  const width = Math.max(1, Math.ceil((hi - lo + 1) / k));
  const out = Array.from({ length: Math.ceil((hi - lo + 1) / width) }, (_, b) => ({
    from: lo + b * width,
    to: lo + (b + 1) * width,
    goods: 0,
    bads: 0,
  }));
  for (let i = 0; i < scores.length; i++) {
    const b = Math.min(out.length - 1, Math.floor((scores[i] - lo) / width));
    if (y[i]) out[b].bads++;
    else out[b].goods++;
  }
  return out;
}

function rocCurve(scores: Float64Array, y: Uint8Array): { fpr: number; tpr: number }[] {
  const n = scores.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let B = 0;
  for (let i = 0; i < n; i++) B += y[i];
  const G = n - B;
  const out = [{ fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  const step = Math.max(1, Math.floor(n / 100));
  for (let i = 0; i < n; i++) {
    if (y[idx[i]]) tp++;
    else fp++;
    const tieNext = i + 1 < n && scores[idx[i + 1]] === scores[idx[i]];
    if (!tieNext && ((i + 1) % step === 0 || i === n - 1))
      out.push({ fpr: round(G ? fp / G : 0, 4), tpr: round(B ? tp / B : 0, 4) });
  }
  const last = out[out.length - 1];
  if (last.fpr !== 1 || last.tpr !== 1) out.push({ fpr: 1, tpr: 1 });
  return out;
}
