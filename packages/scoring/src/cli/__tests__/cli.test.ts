import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cardCsv, cliInProcess, pkgDir, writePortfolio, type Run } from './helpers.js';
import { loadModel, probabilityFromScore, scoreFeatures } from '../../model/index.js';
import { defaultPolicy, gradeOf, type IncomeBand } from '../../policy/policy.js';
import { reviewLimit } from '../../policy/limits.js';

const bin = path.join(pkgDir, 'bin/creditline-score.js');

const tsx = createRequire(import.meta.url).resolve('tsx');
const main = path.join(pkgDir, 'src/cli/bin.ts');

/** Through the installed shim (bin/creditline-score.js), as users run it. */
function cli(...args: string[]): Run {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: pkgDir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same entry point without the shim's extra process, concurrently (error cases). */
function cliAsync(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', tsx, main, ...args], { cwd: pkgDir });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** One-line error, exit 2, no stack trace. */
function expectError(r: Run, pattern: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
}

let dir: string;
let train: string;
let test: string;
let model: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'creditline-score-'));
  const lines = readFileSync(cardCsv, 'utf8').trim().split('\n');
  const header = lines[0];
  // Deterministic samples: every 8th row to train, every 8th row offset by 3 to test.
  train = path.join(dir, 'train.csv');
  test = path.join(dir, 'test.csv');
  writeFileSync(train, [header, ...lines.slice(1).filter((_, i) => i % 8 === 0)].join('\n') + '\n');
  writeFileSync(test, [header, ...lines.slice(1).filter((_, i) => i % 8 === 3)].join('\n') + '\n');
  model = path.join(dir, 'model.json');
});

/** The arguments of `train` on the card training sample, with these flags. */
const trainArgs = (...flags: string[]) => [
  'train',
  '--data',
  train,
  '--label',
  'default',
  ...flags,
];

describe('creditline-score end to end', () => {
  it('train --method ebm: an EBM points table the other commands read', () => {
    const ebmModel = path.join(dir, 'ebm.json');
    const t = cliInProcess(
      ...trainArgs(
        '--exclude',
        'ID',
        '--method',
        'ebm',
        '--bags',
        '2',
        '--interactions',
        '3',
        '--learning-rate',
        '0.05',
        '--out',
        ebmModel,
      ),
    );
    expect(t.code).toBe(0);
    const m = loadModel(readFileSync(ebmModel, 'utf8'));
    expect(m.stats.bags).toBe(2);
    expect(m.derived.filter((d) => d.kind === 'cross')).toHaveLength(3);
    const e = cliInProcess('evaluate', '--model', ebmModel, '--data', test, '--label', 'default');
    expect(e.code).toBe(0);
    expect(JSON.parse(e.stdout).auc).toBeGreaterThan(0.7);
    expectError(
      cliInProcess(...trainArgs('--method', 'gbm', '--out', ebmModel)),
      /--method must be woe-logistic or ebm, got "gbm"/,
    );
  }, 120_000);

  it('train → evaluate → score', () => {
    const t = cli(...trainArgs('--exclude', 'ID', '--out', model));
    // The card data's SEX, MARRIAGE and AGE are left out by default, with a warning.
    expect(t.stderr).toBe(
      'creditline-score: warning: protected attributes left out (fair lending): SEX, MARRIAGE, AGE; pass allowProtected (CLI --allow-protected) to use them\n',
    );
    expect(t.code).toBe(0);
    const m = JSON.parse(readFileSync(model, 'utf8'));
    expect(m.format).toBe('creditline-scorecard');
    expect(m.gradeBands.map((b: { grade: string }) => b.grade)).toEqual(['A', 'B', 'C', 'D', 'E']);

    const e = cli('evaluate', '--model', model, '--data', test, '--label', 'default');
    expect(e.code).toBe(0);
    const lines = e.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const ev = JSON.parse(lines[0]);
    expect(ev.auc).toBeGreaterThan(0.7);
    expect(ev.ks).toBeGreaterThan(0.3);
    expect(ev.gini).toBeCloseTo(2 * ev.auc - 1, 10);
    expect(ev.rows).toBe(2625);
    expect(ev.gains).toHaveLength(10);

    const out = path.join(dir, 'scores.csv');
    const s = cli('score', '--model', model, '--data', test, '--out', out);
    expect(s.code).toBe(0);
    const csv = readFileSync(out, 'utf8').trim().split('\n');
    expect(csv[0]).toBe(
      'ID,score,grade,probability_of_default,reason_1,reason_2,reason_3,reason_4',
    );
    expect(csv).toHaveLength(2626);
    const first = csv[1].split(',');
    expect(first).toHaveLength(8);
    expect(Number.isInteger(Number(first[1]))).toBe(true);
    expect(['A', 'B', 'C', 'D', 'E']).toContain(first[2]);
    expect(Number(first[3])).toBeGreaterThan(0);
    expect(Number(first[3])).toBeLessThan(1);
    expect(csv.slice(1).some((l) => /,RC_[A-Z0-9_]+$/.test(l))).toBe(true);
  });

  it('score without --out writes the CSV to stdout', async () => {
    const s = await cliAsync('score', '--model', model, '--data', test);
    expect(s.code).toBe(0);
    expect(s.stdout.split('\n')[0]).toMatch(/^ID,score,grade/);
  });
});

describe('creditline-score errors: one line, exit 2', () => {
  it.concurrent('missing file', async () => {
    expectError(
      await cliAsync(
        'train',
        '--data',
        path.join(dir, 'nope.csv'),
        '--label',
        'default',
        '--out',
        path.join(dir, 'x.json'),
      ),
      /file not found: .*nope\.csv/,
    );
    expectError(
      cliInProcess('score', '--model', path.join(dir, 'nope.json'), '--data', test),
      /file not found: .*nope\.json/,
    );
  });

  it.concurrent('missing label column', async () => {
    expectError(
      await cliAsync(
        'train',
        '--data',
        train,
        '--label',
        'bad_flag',
        '--out',
        path.join(dir, 'x.json'),
      ),
      /label column "bad_flag" not found/,
    );
  });

  it.concurrent(
    'non-numeric value where a number is needed, naming the column and row',
    async () => {
      const f = path.join(dir, 'nonnum.csv');
      const lines = readFileSync(test, 'utf8').trim().split('\n');
      const cells = lines[3].split(',');
      cells[1] = 'abc'; // LIMIT_BAL of data row 3
      lines[3] = cells.join(',');
      writeFileSync(f, lines.join('\n') + '\n');
      expectError(
        await cliAsync('score', '--model', model, '--data', f),
        /column "LIMIT_BAL" row 3: non-numeric value "abc"/,
      );
      expectError(
        cliInProcess('train', '--data', f, '--label', 'default', '--out', path.join(dir, 'x.json')),
        /column "LIMIT_BAL" row 3/,
      );
    },
  );

  it.concurrent('empty file', async () => {
    const f = path.join(dir, 'empty.csv');
    writeFileSync(f, '');
    expectError(
      await cliAsync('train', '--data', f, '--label', 'default', '--out', path.join(dir, 'x.json')),
      /empty file/,
    );
    const h = path.join(dir, 'header-only.csv');
    writeFileSync(h, 'ID,LIMIT_BAL,default\n');
    expectError(cliInProcess('evaluate', '--model', model, '--data', h), /empty file/);
  });

  it.concurrent('label not 0/1', async () => {
    const f = path.join(dir, 'label.csv');
    const lines = readFileSync(train, 'utf8').trim().split('\n');
    lines[5] = lines[5].replace(/,[01]$/, ',2');
    writeFileSync(f, lines.join('\n') + '\n');
    expectError(
      await cliAsync('train', '--data', f, '--label', 'default', '--out', path.join(dir, 'x.json')),
      /label "default" must be 0 or 1, found 2 in row 5/,
    );
  });

  it.concurrent('invalid model file and unknown command', async () => {
    const f = path.join(dir, 'bad-model.json');
    writeFileSync(f, '{"format":"nope"}');
    expectError(await cliAsync('score', '--model', f, '--data', test), /invalid scorecard model/);
    expectError(cliInProcess('frobnicate'), /unknown command/);
  });
});

describe('creditline-score review: the limit policy over a portfolio', () => {
  const model = path.join(pkgDir, 'models/platform-v1.json');
  const asOf = new Date('2026-11-01T00:00:00Z');
  let dir: string;
  let portfolio: string;
  let accounts: Record<string, number | string | null>[];

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'creditline-review-'));
    // A portfolio as a risk team would export it: platform features plus the account's facts.
    portfolio = path.join(dir, 'portfolio.csv');
    accounts = writePortfolio(portfolio, 80, 7, asOf, (i) => ({
      current_limit_fen: [50_000, 300_000, 1_000_000, 2_500_000][i % 4]!,
      max_days_past_due: i % 13 === 0 ? 45 : i % 7 === 0 ? 20 : 0,
      months_on_book: i % 5,
    }));
  });

  /** `review` of the portfolio with the platform model and these flags (spawned, as users run it). */
  const review = (...flags: string[]) =>
    cli('review', '--model', model, '--data', portfolio, ...flags);

  const readRows = (file: string) => {
    const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
    const cols = header!.split(',');
    return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [cols[i], v])));
  };

  it('proposes for every account exactly what the library decides, and sums it up', () => {
    const out = path.join(dir, 'proposals.csv');
    const r = review('--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^reviewed 80 accounts with platform-v1\S* and policy-2026\.11 \(PERIODIC\): \d+ increase, \d+ decrease, \d+ keep, \d+ freeze; total limit [\d,]+\.\d\d → [\d,]+\.\d\d yuan/,
    );
    const rows = readRows(out);
    expect(rows).toHaveLength(80);
    const loaded = loadModel(readFileSync(model, 'utf8'));
    for (const [i, row] of rows.entries()) {
      const a = accounts[i]!;
      const res = scoreFeatures(loaded, a);
      const grade = gradeOf(res.score, defaultPolicy);
      const expected = reviewLimit(
        {
          currentLimitFen: a.current_limit_fen as number,
          usedFen: a.used_fen as number,
          score: res.score,
          grade,
          probabilityOfDefault: probabilityFromScore(loaded, res.score),
          incomeBand: a.income_band as IncomeBand,
          maxDaysPastDue: a.max_days_past_due as number,
          monthsOnBook: a.months_on_book as number,
          kind: 'PERIODIC',
        },
        defaultPolicy,
      );
      expect(row).toMatchObject({
        ID: a.ID,
        score: String(res.score),
        grade,
        proposed_limit_fen: String(expected.limitFen),
        action: expected.action,
        reasons: expected.reasons.join(';'),
      });
    }
    const actions = new Set(rows.map((r) => r.action));
    expect(actions.has('FREEZE')).toBe(true); // 45 days past due
    expect(actions.size).toBeGreaterThan(2);
  });

  it('a policy with a binding exposure cap scales the increases down with POLICY_RISK_BUDGET', () => {
    const free = path.join(dir, 'free.csv');
    expect(review('--out', free).code).toBe(0);
    const wanted = readRows(free);
    const current = wanted.reduce((s, r) => s + Number(r.current_limit_fen), 0);
    const floor = wanted.reduce(
      (s, r) => s + Math.min(Number(r.current_limit_fen), Number(r.proposed_limit_fen)),
      0,
    );
    const increases = wanted.filter((r) => r.action === 'INCREASE');
    expect(increases.length).toBeGreaterThan(1);
    const policyFile = path.join(dir, 'budget.json');
    const cap = floor + 100_000; // ¥1,000 of room for all the increases together
    writeFileSync(
      policyFile,
      JSON.stringify({
        ...defaultPolicy,
        version: 'budget',
        riskBudget: { lossGivenDefaultBp: 8_000, maxExposureFen: cap },
      }),
    );
    const out = path.join(dir, 'budget.csv');
    const r = review('--policy', policyFile, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/scaled down by the risk budget/);
    const rows = readRows(out);
    expect(rows.reduce((s, x) => s + Number(x.proposed_limit_fen), 0)).toBeLessThanOrEqual(cap);
    expect(current).toBeGreaterThan(0);
    for (const [i, row] of rows.entries()) {
      const w = wanted[i]!;
      if (w.action !== 'INCREASE') expect(row.proposed_limit_fen).toBe(w.proposed_limit_fen);
      else {
        expect(Number(row.proposed_limit_fen)).toBeLessThan(Number(w.proposed_limit_fen));
        expect(row.reasons.split(';')).toContain('POLICY_RISK_BUDGET');
      }
    }
  });

  it('tries another policy, and a triggered review never increases', () => {
    const policyFile = path.join(dir, 'tight.json');
    writeFileSync(
      policyFile,
      JSON.stringify({ ...defaultPolicy, version: 'tight', decreaseAbovePd: 0.05 }),
    );
    const out = path.join(dir, 'tight.csv');
    const r = review('--policy', policyFile, '--kind', 'TRIGGERED', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/with platform-v1\S* and tight \(TRIGGERED\): 0 increase/);
    const rows = readRows(out);
    // triggered: nothing goes up; the tighter PD threshold cuts more limits
    expect(
      rows.every((row) => Number(row.proposed_limit_fen) <= Number(row.current_limit_fen)),
    ).toBe(true);
    const highPd = rows.filter((row) => row.reasons!.includes('POLICY_HIGH_PD'));
    expect(highPd.length).toBeGreaterThan(0);
    expect(highPd.every((row) => Number(row.probability_of_default) > 0.05)).toBe(true);
  });

  it('refuses a portfolio without the account columns, a bad income band and an invalid policy, in one line', () => {
    const noAccount = path.join(dir, 'no-account.csv');
    writeFileSync(noAccount, 'ID,utilisation\nA1,0.5\n');
    expectError(
      cliInProcess('review', '--model', model, '--data', noAccount),
      /lacks the account column "current_limit_fen"/,
    );
    const badBand = path.join(dir, 'bad-band.csv');
    writeFileSync(
      badBand,
      'ID,utilisation,current_limit_fen,used_fen,income_band,max_days_past_due,months_on_book\nA1,0.5,100000,0,RICH,0,6\n',
    );
    expectError(
      cliInProcess('review', '--model', model, '--data', badBand),
      /row 1: "RICH" is not one of LOW, MID, HIGH, VERY_HIGH/,
    );
    const badPolicy = path.join(dir, 'bad-policy.json');
    writeFileSync(badPolicy, JSON.stringify({ ...defaultPolicy, capFen: -1 }));
    expectError(
      cliInProcess('review', '--model', model, '--data', portfolio, '--policy', badPolicy),
      /bad-policy\.json: invalid limit policy: +- capFen/,
    );
    expectError(
      cliInProcess('review', '--model', model, '--data', portfolio, '--kind', 'MONTHLY'),
      /--kind must be PERIODIC or TRIGGERED/,
    );
  });
});
