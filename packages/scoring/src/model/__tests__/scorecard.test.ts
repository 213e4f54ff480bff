import { describe, expect, it } from 'vitest';
import {
  compileModel,
  evaluate,
  TUNED_OPTIONS,
  fitLogistic,
  loadModel,
  ModelFormatError,
  probabilityFromScore,
  readCsv,
  reasonCodes,
  scoreFast,
  scoreFeatures,
  trainScorecard,
  type Dataset,
  type ScoreResult,
  type ScorecardModel,
} from '../index.js';
import { rng } from '../evaluate.js';
import { mergeBags, stratifiedSubsample } from '../bagging.js';
import { evalDerived } from '../derived.js';
import { labelColumn, selectRows, toRecords } from '../csv.js';
import { cardSample, german, syntheticData } from './helpers.js';

/** Synthetic data: x1 raises risk, x2 lowers it, c is a categorical with a risky level. */
function synthetic(n: number, seed = 7): Dataset {
  return syntheticData(n, seed, {
    level: 'c',
    eta: (x1, x2, c) => -1 + 0.04 * (x1 - 50) - 0.05 * (x2 - 25) + (c === 'c' ? 1 : 0),
  });
}

describe('logistic regression', () => {
  it('converges and recovers the signs on separable-ish data', () => {
    const r = rng(3);
    const n = 2000;
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      a[i] = r() * 4 - 2;
      b[i] = r() * 4 - 2;
      y[i] = 3 * a[i] - 2 * b[i] + (r() - 0.5) > 0 ? 1 : 0;
    }
    const fit = fitLogistic([a, b], y, 1);
    expect(fit.converged).toBe(true);
    expect(fit.coefficients[0]).toBeGreaterThan(2);
    expect(fit.coefficients[1]).toBeLessThan(-1);
  });
});

describe('trainScorecard', () => {
  const data = synthetic(3000);
  const model = trainScorecard(data, { label: 'bad', createdAt: '2026-01-01T00:00:00.000Z' });

  it('excludes the id column and keeps the informative features with negative coefficients', () => {
    const names = model.features.map((f) => f.name);
    expect(names).not.toContain('id');
    expect(names).toEqual(expect.arrayContaining(['x1', 'x2', 'c']));
    for (const f of model.features) expect(f.coefficient).toBeLessThan(0);
    expect(model.stats.auc).toBeGreaterThan(0.7);
  });

  it('points of the bins sum to the score; PD follows the scaling', () => {
    const res = scoreFeatures(model, { x1: 80, x2: 10, c: 'c' });
    expect(res.contributions.reduce((s, c) => s + c.points, 0)).toBe(res.score);
    for (const c of res.contributions) expect(Number.isInteger(c.points)).toBe(true);
    const { baseScore, baseOdds, pdo } = model.scaling;
    // At the base score the odds (good:bad) are baseOdds; pdo points double them.
    expect(probabilityFromScore(model, baseScore)).toBeCloseTo(1 / (1 + baseOdds), 10);
    expect(probabilityFromScore(model, baseScore + pdo)).toBeCloseTo(1 / (1 + 2 * baseOdds), 10);
    expect(res.probabilityOfDefault).toBeCloseTo(probabilityFromScore(model, res.score), 12);
    expect(res.modelVersion).toBe(model.version);
  });

  it('is deterministic: same data and options → same model and scores', () => {
    const again = trainScorecard(data, { label: 'bad', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(again).toEqual(model);
    expect(scoreFeatures(again, { x1: 30, x2: 40, c: 'a' })).toEqual(
      scoreFeatures(model, { x1: 30, x2: 40, c: 'a' }),
    );
  });

  it('score is monotone in a monotone feature (x1 riskier as it grows)', () => {
    let last = Infinity;
    for (let x1 = 0; x1 <= 100; x1 += 5) {
      const s = scoreFeatures(model, { x1, x2: 25, c: 'a' }).score;
      expect(s).toBeLessThanOrEqual(last);
      last = s;
    }
    expect(scoreFeatures(model, { x1: 0, x2: 25, c: 'a' }).score).toBeGreaterThan(
      scoreFeatures(model, { x1: 100, x2: 25, c: 'a' }).score,
    );
  });

  it('missing values and unseen levels go to the missing bin', () => {
    const res = scoreFeatures(model, { x1: null, c: 'zzz' });
    for (const c of res.contributions) expect(c.bin).toBe('missing');
  });

  it('scoreFast on encoded rows equals scoreFeatures', () => {
    const c = compileModel(model);
    for (const row of data.rows.slice(0, 200)) {
      const rec = Object.fromEntries(data.columns.map((k, j) => [k, row[j]]));
      expect(scoreFast(c, c.encode(rec))).toBe(scoreFeatures(model, rec).score);
    }
  });

  it('round-trips through JSON and loadModel', () => {
    const loaded = loadModel(JSON.parse(JSON.stringify(model)));
    expect(loaded).toEqual(model);
    expect(loadModel(JSON.stringify(model)).version).toBe(model.version);
  });
});

describe('first_where (months since the last delay)', () => {
  const spec = {
    kind: 'first_where' as const,
    name: 'since',
    columns: ['p0', 'p1', 'p2'],
    op: '>' as const,
    threshold: 0,
  };
  const cases: [(number | null)[], number][] = [
    [[1, 0, 2], 0],
    [[0, 2, 3], 1],
    [[-1, 0, 1], 2],
    [[0, 0, 0], 3],
    [[null, 0, 5], 2],
    [[null, 4, null], 1],
    [[null, null, 0], 3],
    [[null, null, null], NaN],
  ];

  it('is the position of the first column that satisfies the test, the count when none, missing when all are', () => {
    for (const [vals, want] of cases) {
      const got = evalDerived(spec, (c) => vals[spec.columns.indexOf(c)] ?? NaN);
      expect(got).toBe(want);
    }
  });

  it('the compiled and generated scorers agree with it', () => {
    const model = trainScorecard(synthetic(500), { label: 'bad', createdAt: 'x' });
    model.derived = [spec];
    model.features = [
      {
        name: 'since',
        kind: 'ordinal',
        coefficient: -1,
        iv: 0,
        bins: [
          { label: '[-inf, 1)', woe: 0, points: 1, count: 0, badRate: 0, upper: 1 },
          { label: '[1, 2)', lower: 1, upper: 2, woe: 0, points: 20, count: 0, badRate: 0 },
          { label: '[2, 3)', lower: 2, upper: 3, woe: 0, points: 300, count: 0, badRate: 0 },
          { label: '[3, inf)', lower: 3, woe: 0, points: 4000, count: 0, badRate: 0 },
          { label: 'missing', isMissing: true, woe: 0, points: 50000, count: 0, badRate: 0 },
        ],
      },
    ];
    const m = loadModel(JSON.parse(JSON.stringify(model)));
    const c = compileModel(m);
    const pts = [1, 20, 300, 4000];
    for (const [vals, want] of cases) {
      const rec = { p0: vals[0], p1: vals[1], p2: vals[2] };
      const expected = Number.isNaN(want) ? 50000 : pts[want];
      expect(c.score(c.encode(rec))).toBe(expected);
      expect(c.fast(c.encode(rec))).toBe(expected);
      expect(scoreFeatures(m, rec).score).toBe(expected);
    }
  });
});

describe('bagging (option bags)', () => {
  const data = synthetic(3000, 11);
  const opts = { label: 'bad', createdAt: '2026-01-01T00:00:00.000Z', maxBins: 6 };

  it('one points table whose score is the mean of the bagged tables (within rounding)', () => {
    const y = labelColumn(data, 'bad');
    const bags = [1, 2, 3].map((seed) =>
      trainScorecard(selectRows(data, stratifiedSubsample(y, 0.8, seed)), opts),
    );
    // Different subsamples give different cut points: the merged table holds their union.
    const cuts = (m: ScorecardModel) =>
      m.features.find((f) => f.name === 'x1')!.bins.filter((b) => b.lower !== undefined).length;
    const rows = toRecords(data);
    const merged = mergeBags(bags, rows, y, data.columns);
    const x1 = merged.features.find((f) => f.name === 'x1')!;
    expect(x1.bins.length - 2).toBeGreaterThanOrEqual(Math.max(...bags.map(cuts)));
    for (let i = 0; i < rows.length; i++) {
      const avg = bags.reduce((s, m) => s + scoreFeatures(m, rows[i]).score, 0) / 3;
      // each feature's points are rounded once: at most half a point each
      expect(Math.abs(merged.scores[i] - avg)).toBeLessThanOrEqual(0.5 * merged.features.length);
    }
    expect(merged.scores.some((s, i) => s !== scoreFeatures(bags[0], rows[i]).score)).toBe(true);
  });

  it('trains, validates, scores like any model, and records the bag count', () => {
    const model = trainScorecard(data, { ...opts, bags: 3 });
    expect(model.stats.bags).toBe(3);
    expect(loadModel(JSON.parse(JSON.stringify(model)))).toEqual(model);
    expect(evaluate(model, data, 'bad').auc).toBeCloseTo(model.stats.auc, 6);
    const c = compileModel(model);
    for (const row of data.rows.slice(0, 200)) {
      const rec = Object.fromEntries(data.columns.map((k, j) => [k, row[j]]));
      const res = scoreFeatures(model, rec);
      expect(scoreFast(c, c.encode(rec))).toBe(res.score);
      expect(res.contributions.reduce((s, x) => s + x.points, 0)).toBe(res.score);
    }
    // x1 raises risk in every bag: the averaged points never rise with it.
    const pts = model.features
      .find((f) => f.name === 'x1')!
      .bins.filter((b) => !b.isMissing)
      .map((b) => b.points);
    for (let k = 1; k < pts.length; k++) expect(pts[k]).toBeLessThanOrEqual(pts[k - 1]);
    expect(trainScorecard(data, { ...opts, bags: 3 })).toEqual(model);
  });
});

describe('loadModel', () => {
  const model = trainScorecard(synthetic(800), {
    label: 'bad',
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  it('rejects bad documents with a clear error', () => {
    expect(() => loadModel('{not json')).toThrow(ModelFormatError);
    expect(() => loadModel(null)).toThrow(/invalid scorecard model/);
    expect(() => loadModel({ ...model, format: 'other' })).toThrow(/format/);
    expect(() => loadModel({ ...model, formatVersion: 2 })).toThrow(/formatVersion/);
    const badPoints = JSON.parse(JSON.stringify(model));
    badPoints.features[0].bins[0].points = 1.5;
    expect(() => loadModel(badPoints)).toThrow(/features\.0\.bins\.0\.points/);
    const noMissing = JSON.parse(JSON.stringify(model));
    noMissing.features[0].bins = noMissing.features[0].bins.filter(
      (b: { isMissing?: boolean }) => !b.isMissing,
    );
    expect(() => loadModel(noMissing)).toThrow(/missing bin/);
    const badDerived = { ...model, derived: [{ kind: 'sqrt', name: 'x', a: 'b' }] };
    expect(() => loadModel(badDerived)).toThrow(ModelFormatError);
  });
});

describe('reasonCodes', () => {
  const res: ScoreResult = {
    score: 0,
    probabilityOfDefault: 0.5,
    modelVersion: 'v',
    contributions: [
      { feature: 'a_b', value: 1, bin: '[0, 1)', points: 10, maxPoints: 30 },
      { feature: 'c', value: 'x', bin: 'x', points: 5, maxPoints: 5 },
      { feature: 'd', value: null, bin: 'missing', points: 0, maxPoints: 20 },
      { feature: 'e', value: 2, bin: '[2, inf)', points: 1, maxPoints: 21 },
      { feature: 'f', value: 2, bin: '[2, inf)', points: 1, maxPoints: 2 },
      { feature: 'g', value: 2, bin: '[2, inf)', points: 1, maxPoints: 9 },
    ],
  };
  it('ranks by points lost, ties by feature order, skips features at their best, caps at max', () => {
    const rc = reasonCodes(res);
    expect(rc.map((r) => r.code)).toEqual(['RC_A_B', 'RC_D', 'RC_E', 'RC_G']);
    expect(rc.map((r) => r.pointsLost)).toEqual([20, 20, 20, 8]);
    expect(reasonCodes(res, 2)).toHaveLength(2);
  });
});

describe('real data', () => {
  it('card sample: derived features are declared and re-applied at score time', () => {
    const data = cardSample(7);
    const model = trainScorecard(data, {
      ...TUNED_OPTIONS,
      label: 'default',
      exclude: ['ID'],
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(
      model.features.some(
        (f) => f.name === 'PAY_0' || f.name.includes('status') || f.name.includes('late'),
      ),
    ).toBe(true);
    expect(model.derived.length).toBeGreaterThan(0);
    // the interaction of the strongest pair, binned as a categorical of cells
    const cross = model.derived.find((d) => d.kind === 'cross');
    expect(cross).toBeDefined();
    expect(model.features.find((f) => f.name === cross!.name)?.kind).toBe('categorical');
    expect(model.stats.auc).toBeGreaterThan(0.7);
    const row = Object.fromEntries(data.columns.map((k, j) => [k, data.rows[0][j]]));
    const res = scoreFeatures(model, row);
    expect(res.contributions.reduce((s, c) => s + c.points, 0)).toBe(res.score);
    // The compiled scorer (derived features, interaction cells, bins) reproduces training exactly.
    expect(evaluate(model, data, 'default').auc).toBeCloseTo(model.stats.auc, 6);
    const c = compileModel(model);
    for (const r of data.rows.slice(0, 300)) {
      const rec = Object.fromEntries(data.columns.map((k, j) => [k, r[j]]));
      expect(scoreFast(c, c.encode(rec))).toBe(scoreFeatures(model, rec).score);
    }
  });

  it('German data: no card features derived, categorical levels grouped', () => {
    const model = trainScorecard(german(), {
      ...TUNED_OPTIONS,
      label: 'default',
      exclude: ['id'],
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(model.derived).toEqual([]); // no card columns, and fewer than 2000 rows for an interaction
    const c = compileModel(model);
    const g = german();
    for (const r of g.rows) {
      const rec = Object.fromEntries(g.columns.map((k, j) => [k, r[j]]));
      expect(scoreFast(c, c.encode(rec))).toBe(c.score(c.encode(rec)));
    }
    const chk = model.features.find((f) => f.name === 'checking_account_status');
    expect(chk?.kind).toBe('categorical');
    expect(model.stats.auc).toBeGreaterThan(0.75);
  });

  it('readCsv parses numbers, text, empty cells and quotes', () => {
    const d = readCsv('a,b,c\n1,"x,y",\n-2.5,A11,3\n');
    expect(d.columns).toEqual(['a', 'b', 'c']);
    expect(d.rows).toEqual([
      [1, 'x,y', null],
      [-2.5, 'A11', 3],
    ]);
  });
});
