/** `creditline-score stress` on a portfolio drawn from the card dev data (demo behaviour, platform model). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../main.js';
import { generateDemoBehaviour, mulberry32, parseCardCsv } from '../../demo/demo-population.js';
import { platformFeatures } from '../../features/platform-features.js';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cardCsv = path.join(pkgDir, 'data/credit-card-default/dev.csv');
const model = path.join(pkgDir, 'models/platform-v1.json');

function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(
    args,
    (t) => (stdout += t),
    (t) => (stderr += t),
  );
  return { code, stdout, stderr };
}

let dir: string;
let portfolio: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'creditline-stress-'));
  const asOf = new Date('2026-11-01T00:00:00Z');
  const rng = mulberry32(11);
  const rows = parseCardCsv(readFileSync(cardCsv, 'utf8'))
    .slice(0, 400)
    .map((card, i) => {
      const { behaviour } = generateDemoBehaviour(card, rng, asOf);
      const limit = [300_000, 1_000_000, 2_500_000][i % 3]!;
      return {
        ID: `A${i + 1}`,
        ...platformFeatures(behaviour, asOf),
        current_limit_fen: limit,
        used_fen: Math.round((limit * (i % 10)) / 10),
        income_band: behaviour.incomeBand,
        max_days_past_due: 0,
        months_on_book: 12,
      };
    });
  const cols = Object.keys(rows[0]!);
  portfolio = path.join(dir, 'portfolio.csv');
  writeFileSync(
    portfolio,
    [
      cols.join(','),
      ...rows.map((a) => cols.map((c) => (a as Record<string, unknown>)[c] ?? '').join(',')),
    ].join('\n') + '\n',
  );
});

describe('creditline-score stress', () => {
  it('PD × 1.5 and × 2: more expected loss and more limits cut, by grade and income segment', () => {
    const a = JSON.parse(
      cli(
        'stress',
        '--model',
        model,
        '--data',
        portfolio,
        '--pd-multiplier',
        '1.5',
        '--format',
        'json',
      ).stdout,
    );
    const b = JSON.parse(
      cli(
        'stress',
        '--model',
        model,
        '--data',
        portfolio,
        '--pd-multiplier',
        '2',
        '--format',
        'json',
      ).stdout,
    );
    expect(a.total.accounts).toBe(400);
    expect(a.total.exposureFen).toBe(b.total.exposureFen);
    expect(b.total.stressedExpectedLossFen).toBeGreaterThan(a.total.stressedExpectedLossFen);
    expect(a.total.stressedExpectedLossFen).toBeGreaterThan(a.total.expectedLossFen);
    expect(b.total.limitsCut).toBeGreaterThanOrEqual(a.total.limitsCut);
    expect(b.total.limitsCut).toBeGreaterThan(0);
    const byGrade = Object.values(
      b.byGrade as Record<string, { accounts: number; cutFen: number }>,
    );
    expect(byGrade.reduce((s, c) => s + c.accounts, 0)).toBe(400);
    expect(byGrade.reduce((s, c) => s + c.cutFen, 0)).toBe(b.total.cutFen);
    expect(Object.keys(b.bySegment).sort()).toEqual(expect.arrayContaining(['LOW', 'MID']));
    const md = cli('stress', '--model', model, '--data', portfolio, '--pd-multiplier', '2');
    expect(md.stdout).toMatch(/^# Stress test — PD × 2\n/);
    expect(md.stdout).toMatch(/\| grade A \| \d+ \|/);
  });

  it('a grade-migration matrix from a file; budget breach against a policy with a risk budget', () => {
    const matrix = path.join(dir, 'matrix.json');
    writeFileSync(
      matrix,
      JSON.stringify({
        A: { A: 0.8, B: 0.2 },
        B: { B: 0.7, C: 0.3 },
        C: { C: 0.7, D: 0.3 },
        D: { D: 0.6, E: 0.4 },
        E: { E: 1 },
      }),
    );
    const r = cli(
      'stress',
      '--model',
      model,
      '--data',
      portfolio,
      '--migration',
      matrix,
      '--format',
      'json',
    );
    expect(r.stderr).toBe('');
    const m = JSON.parse(r.stdout);
    expect(m.scenario.kind).toBe('GRADE_MIGRATION');
    expect(m.byGrade.A.stressedExpectedLossFen).toBeGreaterThan(m.byGrade.A.expectedLossFen);
    expect(m.budget).toEqual({ breached: false, byGrade: {} });
  });

  it('refuses a missing or doubled scenario and a bad matrix in one line', () => {
    expect(cli('stress', '--model', model, '--data', portfolio).stderr).toBe(
      'creditline-score: give one of --pd-multiplier N or --migration matrix.json\n',
    );
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ A: { A: 0.5 } }));
    const r = cli('stress', '--model', model, '--data', portfolio, '--migration', bad);
    expect(r).toMatchObject({
      code: 2,
      stderr: 'creditline-score: the migration matrix row A sums to 0.5, not 1\n',
    });
  });
});
