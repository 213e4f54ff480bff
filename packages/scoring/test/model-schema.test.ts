/**
 * The language-neutral model: the committed JSON Schema is the one generated from the schema
 * `loadModel` validates with, and the plain-Python reference scorer (python/creditline_score.py,
 * standard library only) gives the TypeScript score on every row of both dev data sets.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  loadModel,
  ModelFormatError,
  readCsvFile,
  scoreDataset,
  trainScorecard,
  type ScorecardModel,
} from '../src/model/index.js';
import { modelJsonSchemaText } from '../src/model/json-schema.js';
import { CARD_OPTIONS, GERMAN_OPTIONS } from '../src/model/presets.js';
import { cardSample } from '../src/model/__tests__/helpers.js';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cardCsv = path.join(pkgDir, 'data/credit-card-default/dev.csv');
const germanCsv = path.join(pkgDir, 'data/german-credit/dev.csv');
const python = path.join(pkgDir, 'python/creditline_score.py');
const hasPython = spawnSync('python3', ['--version']).status === 0;

describe('model JSON Schema', () => {
  it('the committed schema is the generated one (pnpm schema:emit)', () => {
    expect(readFileSync(path.join(pkgDir, 'schema/scorecard-model.schema.json'), 'utf8')).toBe(
      modelJsonSchemaText(),
    );
  });

  it('loadModel rejects what the schema rejects, naming the path', () => {
    const m = JSON.parse(readFileSync(path.join(pkgDir, 'models/platform-v1.json'), 'utf8'));
    m.features[0].bins[0].points = 1.5;
    expect(() => loadModel(m)).toThrow(ModelFormatError);
    expect(() => loadModel(m)).toThrow(/features\.0\.bins\.0\.points/);
  });
});

describe.skipIf(!hasPython)('Python reference scorer', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'creditline-py-'));

  function compare(model: ScorecardModel, csv: string) {
    const file = path.join(dir, `${model.version}.json`);
    writeFileSync(file, JSON.stringify(model));
    const r = spawnSync('python3', [python, file, csv], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const ts = scoreDataset(model, readCsvFile(csv));
    expect(lines.length - 1).toBe(ts.length);
    let mismatches = 0;
    for (let i = 0; i < ts.length; i++)
      if (Number(lines[i + 1].split(',')[1]) !== ts[i]) mismatches++;
    expect(mismatches).toBe(0);
  }

  it('matches on every row of the German dev data (categorical levels, user breaks)', () => {
    const data = readCsvFile(germanCsv);
    compare(
      trainScorecard(data, { ...GERMAN_OPTIONS, breaks: { duration_months: [12, 24, 36] } }),
      germanCsv,
    );
  });

  it('matches on every row of the card dev data (derived ratios, means, pairwise interaction terms)', () => {
    const model = trainScorecard(cardSample(7), CARD_OPTIONS);
    // Several EBM-style interaction terms: `cross` specs over two features' bins, scored as cells.
    expect(model.derived.filter((d) => d.kind === 'cross').length).toBeGreaterThanOrEqual(2);
    expect(model.derived.some((d) => d.kind === 'ratio')).toBe(true);
    compare(model, cardCsv);
  });

  it('matches on every card row for `first_where` (months since the last delay)', () => {
    const bin = (label: string, points: number, lower?: number, upper?: number) => ({
      label,
      ...(lower === undefined ? {} : { lower }),
      ...(upper === undefined ? {} : { upper }),
      woe: 0,
      points,
      count: 0,
      badRate: 0,
    });
    const model = loadModel({
      format: 'creditline-scorecard',
      formatVersion: 1,
      version: 'first-where-test',
      createdAt: '2026-12-03T00:00:00.000Z',
      label: 'default',
      scaling: { baseScore: 600, baseOdds: 50, pdo: 20 },
      intercept: 0,
      derived: [
        {
          kind: 'first_where',
          name: 'months_since_delay',
          columns: ['PAY_0', 'PAY_2', 'PAY_3', 'PAY_4', 'PAY_5', 'PAY_6'],
          op: '>',
          threshold: 0,
        },
        {
          kind: 'first_where',
          name: 'months_since_no_payment',
          columns: ['PAY_AMT1', 'PAY_AMT2', 'PAY_AMT3'],
          op: '<=',
          threshold: 0,
        },
      ],
      features: [
        {
          name: 'months_since_delay',
          kind: 'ordinal',
          coefficient: -1,
          iv: 0,
          bins: [
            bin('[-inf, 1)', 10, undefined, 1),
            bin('[1, 3)', 40, 1, 3),
            bin('[3, 6)', 70, 3, 6),
            bin('[6, inf)', 100, 6),
            { ...bin('missing', 55), isMissing: true },
          ],
        },
        {
          name: 'months_since_no_payment',
          kind: 'ordinal',
          coefficient: -1,
          iv: 0,
          bins: [
            bin('[-inf, 1)', 1, undefined, 1),
            bin('[1, 2)', 2, 1, 2),
            bin('[2, 3)', 3, 2, 3),
            bin('[3, inf)', 4, 3),
            { ...bin('missing', 5), isMissing: true },
          ],
        },
      ],
      gradeBands: [{ grade: 'A', minScore: 0 }],
      stats: {
        rows: 0,
        bads: 0,
        badRate: 0,
        auc: 0,
        ks: 0,
        gini: 0,
        candidates: 0,
        dropped: [],
        scoreDeciles: [],
        l2: 0,
        minBinShare: 0,
        iterations: 0,
      },
    });
    const scores = scoreDataset(model, readCsvFile(cardCsv));
    // Every position occurs on the dev data (never delayed: 100 + …, delayed this month: 10 + …).
    const seen = new Set(Array.from(scores, (s) => Math.floor(s / 10) * 10));
    for (const p of [10, 40, 70, 100]) expect(seen.has(p)).toBe(true);
    compare(model, cardCsv);
  });
});
