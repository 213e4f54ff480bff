/** `creditline-score stress` on a portfolio drawn from the card dev data (demo behaviour, platform model). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess as cli, pkgDir, writePortfolio } from './helpers.js';

const model = path.join(pkgDir, 'models/platform-v1.json');

let dir: string;
let portfolio: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'creditline-stress-'));
  portfolio = path.join(dir, 'portfolio.csv');
  writePortfolio(portfolio, 400, 11, new Date('2026-11-01T00:00:00Z'), (i) => ({
    current_limit_fen: [300_000, 1_000_000, 2_500_000][i % 3]!,
    max_days_past_due: 0,
    months_on_book: 12,
  }));
});

/** `stress` of the portfolio with these flags, its JSON report parsed. */
const stressJson = (...flags: string[]) =>
  JSON.parse(
    cli('stress', '--model', model, '--data', portfolio, ...flags, '--format', 'json').stdout,
  );

describe('creditline-score stress', () => {
  it('PD × 1.5 and × 2: more expected loss and more limits cut, by grade and income segment', () => {
    const a = stressJson('--pd-multiplier', '1.5');
    const b = stressJson('--pd-multiplier', '2');
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
