/**
 * The EBM-style trainer (`method: 'ebm'`, issue 16 item 5): deterministic under its seed, learns
 * a known additive signal (and a known pairwise one), and emits an ordinary model document that
 * validates and that the compiled, interpreted and Python scorers score identically.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  auc,
  loadModel,
  scoreDataset,
  scoreFeatures,
  toRecords,
  trainScorecard,
  type Dataset,
  type ScorecardModel,
  type TrainOptions,
} from '../index.js';
import { labelColumn } from '../csv.js';
import { cardSample, pkgDir, syntheticData } from './helpers.js';

/**
 * x1 (numeric 0…100): log-odds rise by 1.5 above 60 (a step); x2 (0…50, 5 % missing): falling
 * linearly; lvl (categorical): level `c` adds 1; o (ordinal 0…4) × u (numeric 0…1): +1.2 when
 * o ≥ 3 and u ≥ 0.5 (an interaction only); noise: nothing.
 */
function synthetic(n: number, seed: number): Dataset {
  return syntheticData(n, seed, {
    level: 'lvl',
    extra: [
      { name: 'o', draw: (r) => Math.floor(r() * 5) },
      { name: 'u', draw: (r) => Math.round(r() * 1000) / 1000 },
      { name: 'noise', draw: (r) => Math.round(r() * 1000) / 10 },
    ],
    eta: (x1, x2, lvl, [o, u]) =>
      -1.5 +
      (x1 >= 60 ? 1.5 : 0) -
      0.04 * (x2 - 25) +
      (lvl === 'c' ? 1 : 0) +
      (o! >= 3 && u! >= 0.5 ? 1.2 : 0),
  });
}

const opts = (ebm: TrainOptions['ebm']): TrainOptions => ({
  label: 'bad',
  method: 'ebm',
  ebm,
  createdAt: '2026-12-03T00:00:00.000Z',
});

const pointsAt = (
  m: ScorecardModel,
  feature: string,
  rec: Record<string, number | string | null>,
) => scoreFeatures(m, rec).contributions.find((c) => c.feature === feature)?.points ?? 0;

describe('EBM trainer (method: ebm)', () => {
  const train = synthetic(6000, 11);
  const test = synthetic(4000, 12);
  const model = trainScorecard(train, opts({ bags: 2, interactions: 2, bins: 32, monotone: true }));

  it('is deterministic under its seed, and the seed matters', () => {
    const again = trainScorecard(
      train,
      opts({ bags: 2, interactions: 2, bins: 32, monotone: true }),
    );
    expect(JSON.stringify(again)).toBe(JSON.stringify(model));
    const other = trainScorecard(
      train,
      opts({ bags: 2, interactions: 2, bins: 32, monotone: true, seed: 2 }),
    );
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(model));
  });

  it('learns the additive signal: the x1 step, x2 falling, level c, noise left out', () => {
    const factor = 20 / Math.LN2;
    const base = { x2: 25, lvl: 'a', o: 0, u: 0, noise: 50 };
    // The step at 60: ≈ 1.5 log-odds = 43 points; flat on either side.
    const lo = pointsAt(model, 'x1', { ...base, x1: 30 });
    const hi = pointsAt(model, 'x1', { ...base, x1: 90 });
    expect(lo - hi).toBeGreaterThan(1.0 * factor);
    expect(lo - hi).toBeLessThan(2.0 * factor);
    expect(Math.abs(pointsAt(model, 'x1', { ...base, x1: 10 }) - lo)).toBeLessThanOrEqual(6);
    // x2: more points for higher x2 (lower risk), ≈ 0.04·40 = 1.6 log-odds between 5 and 45.
    const x2lo = pointsAt(model, 'x2', { ...base, x1: 30, x2: 5 });
    const x2hi = pointsAt(model, 'x2', { ...base, x1: 30, x2: 45 });
    expect(x2hi - x2lo).toBeGreaterThan(1.0 * factor);
    // Monotone-in-value projection (`monotone: true`): x2's points never fall as x2 rises.
    const x2bins = model.features.find((f) => f.name === 'x2')!.bins.filter((b) => !b.isMissing);
    for (let i = 1; i < x2bins.length; i++)
      expect(x2bins[i].points).toBeGreaterThanOrEqual(x2bins[i - 1].points);
    expect(
      pointsAt(model, 'lvl', { ...base, x1: 30, lvl: 'a' }) -
        pointsAt(model, 'lvl', { ...base, x1: 30, lvl: 'c' }),
    ).toBeGreaterThan(0.6 * factor);
    // The noise column's shape spans a few points at most.
    const nb = model.features.find((f) => f.name === 'noise')?.bins.map((b) => b.points) ?? [0];
    expect(Math.max(...nb) - Math.min(...nb)).toBeLessThanOrEqual(8);
    // Held out, close to the true model's AUC.
    const y = labelColumn(test, 'bad');
    const a = auc(
      scoreDataset(model, test).map((s) => -s),
      y,
    );
    const truth = toRecords(test).map((r) => {
      const x1 = r.x1 as number;
      const x2 = r.x2 === null ? 25 : (r.x2 as number);
      return (
        (x1 >= 60 ? 1.5 : 0) -
        0.04 * (x2 - 25) +
        (r.lvl === 'c' ? 1 : 0) +
        ((r.o as number) >= 3 && (r.u as number) >= 0.5 ? 1.2 : 0)
      );
    });
    const best = auc(Float64Array.from(truth), y);
    expect(a).toBeGreaterThan(best - 0.02);
  });

  it('finds the o × u interaction among the pairs', () => {
    const cross = model.derived.filter((d) => d.kind === 'cross').map((d) => d.name);
    expect(cross).toContain('o_x_u');
    const base = { x1: 30, x2: 25, lvl: 'a', noise: 50 };
    const both = pointsAt(model, 'o_x_u', { ...base, o: 4, u: 0.9 });
    const one = pointsAt(model, 'o_x_u', { ...base, o: 4, u: 0.1 });
    expect(one).toBeGreaterThan(both);
  });

  it("by default (monotone: 'woe') a safer bin never gets fewer points; without a projection it may", () => {
    const violations = (m: ScorecardModel) =>
      m.features
        .filter((f) => !f.name.includes('_x_'))
        .filter((f) => {
          const bs = f.bins.filter((b) => b.count > 0);
          return bs.some((a) => bs.some((b) => a.woe > b.woe && a.points < b.points));
        }).length;
    const woe = trainScorecard(train, opts({ bags: 2, interactions: 0, bins: 32 }));
    expect(woe.features.length).toBeGreaterThanOrEqual(4);
    expect(violations(woe)).toBe(0);
    const free = trainScorecard(
      train,
      opts({ bags: 2, interactions: 0, bins: 32, monotone: false }),
    );
    expect(violations(free)).toBeGreaterThan(0);
  });

  it('emits a model that validates and scores the same compiled and interpreted', () => {
    const doc = loadModel(JSON.parse(JSON.stringify(model)));
    expect(doc.stats.bags).toBe(2);
    const fast = scoreDataset(doc, test);
    const recs = toRecords(test);
    recs.forEach((r, i) => expect(scoreFeatures(doc, r).score).toBe(fast[i]));
  });

  const hasPython = spawnSync('python3', ['--version']).status === 0;
  it.skipIf(!hasPython)(
    'scores identically in the Python reference scorer (card sample: derived ratios, pairs)',
    () => {
      const data = cardSample(7);
      const m = trainScorecard(data, {
        label: 'default',
        exclude: ['ID'],
        method: 'ebm',
        ebm: { bags: 2, interactions: 4, rounds: 300 },
        createdAt: '2026-12-03T00:00:00.000Z',
      });
      expect(m.derived.filter((d) => d.kind === 'cross').length).toBe(4);
      const dir = mkdtempSync(path.join(tmpdir(), 'creditline-ebm-'));
      const file = path.join(dir, 'model.json');
      const csv = path.join(dir, 'data.csv');
      writeFileSync(file, JSON.stringify(loadModel(JSON.parse(JSON.stringify(m)))));
      writeFileSync(
        csv,
        [data.columns.join(','), ...data.rows.map((r) => r.map((v) => v ?? '').join(','))].join(
          '\n',
        ) + '\n',
      );
      const r = spawnSync('python3', [path.join(pkgDir, 'python/creditline_score.py'), file, csv], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      });
      expect(r.stderr).toBe('');
      const py = r.stdout
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => Number(l.split(',')[1]));
      const ts = Array.from(scoreDataset(m, data));
      expect(py).toEqual(ts);
    },
    120_000,
  );
});
