import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../main.js';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(pkgDir, 'bin/creditline-score.js');
const cardCsv = path.resolve(pkgDir, '../../../shared/data/credit-card-default/dev.csv');

const tsx = createRequire(import.meta.url).resolve('tsx');
const main = path.join(pkgDir, 'src/cli/main.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

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

/** The CLI in-process (for variants of the error cases already covered by a spawned run). */
function cliInProcess(...args: string[]): Run {
  let stdout = '';
  let stderr = '';
  const code = run(
    args,
    (t) => (stdout += t),
    (t) => (stderr += t),
  );
  return { code, stdout, stderr };
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

describe('creditline-score end to end', () => {
  it('train → evaluate → score', () => {
    const t = cli(
      'train',
      '--data',
      train,
      '--label',
      'default',
      '--exclude',
      'ID',
      '--out',
      model,
    );
    expect(t.stderr).toBe('');
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
