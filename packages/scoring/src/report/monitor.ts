/**
 * Monitoring: how far a current population has moved from a base one (usually the training or
 * the last validated sample) — PSI of the score and CSI (the same index on each feature's bins)
 * per model feature, each with a status from the usual thresholds.
 */
import type { Dataset } from '../model/csv.js';
import type { ScorecardModel } from '../model/format.js';
import { binAssignments } from './report.js';

/** PSI/CSI thresholds: below `watch` stable, from `watch` to `shift` watch, above `shift` shifted. */
export const STABILITY_THRESHOLDS = { watch: 0.1, shift: 0.25 } as const;

export type StabilityStatus = 'STABLE' | 'WATCH' | 'SHIFT';

export interface StabilityBin {
  bin: string;
  baseShare: number;
  currentShare: number;
  /** (current − base) · ln(current / base) — this bin's part of the index. */
  contribution: number;
}

export interface StabilityIndex {
  index: number;
  status: StabilityStatus;
  bins: StabilityBin[];
}

export interface MonitorReport {
  model: string;
  baseRows: number;
  currentRows: number;
  thresholds: typeof STABILITY_THRESHOLDS;
  /** PSI of the score over the base sample's score deciles. */
  score: StabilityIndex;
  /** CSI of each model feature over the model's bins, worst first. */
  features: ({ feature: string } & StabilityIndex)[];
  warnings: string[];
}

const FLOOR = 1e-4;

function round(v: number, d = 6): number {
  const f = 10 ** d;
  return Math.round(v * f) / f;
}

export function stabilityStatus(index: number): StabilityStatus {
  return index >= STABILITY_THRESHOLDS.shift
    ? 'SHIFT'
    : index >= STABILITY_THRESHOLDS.watch
      ? 'WATCH'
      : 'STABLE';
}

/** Stability index of two count vectors over the same bins (shares floored at 1e-4). */
export function stabilityIndex(
  labels: string[],
  base: ArrayLike<number>,
  current: ArrayLike<number>,
): StabilityIndex {
  let nb = 0;
  let nc = 0;
  for (let i = 0; i < labels.length; i++) {
    nb += base[i];
    nc += current[i];
  }
  let index = 0;
  const bins = labels.map((bin, i) => {
    const e = Math.max(nb ? base[i] / nb : 0, FLOOR);
    const a = Math.max(nc ? current[i] / nc : 0, FLOOR);
    const contribution = (a - e) * Math.log(a / e);
    index += contribution;
    return {
      bin,
      baseShare: round(nb ? base[i] / nb : 0),
      currentShare: round(nc ? current[i] / nc : 0),
      contribution: round(contribution),
    };
  });
  return { index: round(index), status: stabilityStatus(index), bins };
}

/** PSI of the score and CSI of every model feature between a base and a current data set (no labels needed). */
export function monitorReport(
  model: ScorecardModel,
  base: Dataset,
  current: Dataset,
): MonitorReport {
  const b = binAssignments(model, base);
  const c = binAssignments(model, current);
  // Score bands: the base sample's deciles (distinct cut points).
  const sorted = Float64Array.from(b.scores).sort();
  const cuts: number[] = [];
  for (let k = 1; k < 10; k++) {
    const v = sorted[Math.min(sorted.length - 1, Math.floor((k * sorted.length) / 10))];
    if (sorted.length && (cuts.length === 0 || v > cuts[cuts.length - 1])) cuts.push(v);
  }
  const band = (s: number) => {
    let k = 0;
    while (k < cuts.length && s >= cuts[k]) k++;
    return k;
  };
  const labels = Array.from({ length: cuts.length + 1 }, (_, k) =>
    k === 0
      ? `< ${cuts[0] ?? '∞'}`
      : k === cuts.length
        ? `≥ ${cuts[k - 1]}`
        : `[${cuts[k - 1]}, ${cuts[k]})`,
  );
  const cb = new Float64Array(labels.length);
  const cc = new Float64Array(labels.length);
  for (const s of b.scores) cb[band(s)]++;
  for (const s of c.scores) cc[band(s)]++;
  const features = model.features
    .map((f, j) => {
      const fb = new Float64Array(f.bins.length);
      const fc = new Float64Array(f.bins.length);
      for (const bi of b.bins[j]) fb[bi]++;
      for (const bi of c.bins[j]) fc[bi]++;
      return {
        feature: f.name,
        ...stabilityIndex(
          f.bins.map((x) => x.label),
          fb,
          fc,
        ),
      };
    })
    .sort((x, y) => y.index - x.index || (x.feature < y.feature ? -1 : 1));
  const warnings: string[] = [];
  const small = Math.min(base.rows.length, current.rows.length);
  if (small < 500)
    warnings.push(
      `fewer than 500 rows on one side (${base.rows.length} base, ${current.rows.length} current): the indices are unreliable`,
    );
  return {
    model: model.version,
    baseRows: base.rows.length,
    currentRows: current.rows.length,
    thresholds: STABILITY_THRESHOLDS,
    score: stabilityIndex(labels, cb, cc),
    features,
    warnings,
  };
}
