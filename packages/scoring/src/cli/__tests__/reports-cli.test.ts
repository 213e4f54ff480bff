/** `creditline-score report`, `monitor`, `fairness` and the new `train` flags, on the dev data. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess as cli, germanCsv } from './helpers.js';

let dir: string;
let model: string;

/** `train` on the German dev data with these flags. */
const trainGerman = (...flags: string[]) =>
  cli('train', '--data', germanCsv, '--label', 'default', ...flags);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'creditline-reports-'));
  model = path.join(dir, 'german.json');
  const t = trainGerman(
    '--breaks',
    'duration_months=12,24,36',
    '--monotonic',
    'credit_amount=increasing',
    '--out',
    model,
  );
  expect(t.code).toBe(0);
  expect(t.stderr).toBe(
    'creditline-score: warning: protected attributes left out (fair lending): personal_status_sex, age_years, foreign_worker; pass allowProtected (CLI --allow-protected) to use them\n',
  );
});

describe('creditline-score report', () => {
  it('writes Markdown, HTML and JSON', () => {
    const md = cli('report', '--model', model, '--data', germanCsv);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Scorecard report — sc-[0-9a-f]{8}/);
    expect(md.stdout).toMatch(/### duration_months/);
    expect(md.stdout).toMatch(/\| \[12, 24\) \| \d+ \| \d+ \| \d+ \|/);
    const out = path.join(dir, 'r.html');
    const html = cli(
      'report',
      '--model',
      model,
      '--data',
      germanCsv,
      '--format',
      'html',
      '--out',
      out,
    );
    expect(html.stdout).toMatch(/^report of sc-[0-9a-f]{8} on 700 rows \(AUC 0\.\d{4}\) → /);
    expect(readFileSync(out, 'utf8')).toMatch(/<svg role="img" aria-label="ROC curve"/);
    const json = JSON.parse(
      cli('report', '--model', model, '--data', germanCsv, '--format', 'json').stdout,
    );
    expect(json.features.length).toBeGreaterThan(5);
    expect(json.gains).toHaveLength(10);
  });

  it('rejects a bad format or flag in one line', () => {
    const r = cli('report', '--model', model, '--data', germanCsv, '--format', 'pdf');
    expect(r).toMatchObject({
      code: 2,
      stderr: 'creditline-score: --format must be one of md, html, json, got "pdf"\n',
    });
    const b = trainGerman('--breaks', 'x', '--out', path.join(dir, 'x.json'));
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--breaks must look like/);
    const m = trainGerman('--monotonic', 'credit_amount=up', '--out', path.join(dir, 'x.json'));
    expect(m.stderr).toMatch(/--monotonic must look like/);
  });
});

describe('creditline-score monitor', () => {
  it('PSI and CSI between two samples, with statuses', () => {
    const lines = readFileSync(germanCsv, 'utf8').trim().split('\n');
    const a = path.join(dir, 'a.csv');
    const b = path.join(dir, 'b.csv');
    writeFileSync(a, [lines[0], ...lines.slice(1).filter((_, i) => i % 2 === 0)].join('\n') + '\n');
    // A current population with only the riskiest checking status.
    writeFileSync(
      b,
      [lines[0], ...lines.slice(1).filter((l) => l.split(',')[1] === 'A11')].join('\n') + '\n',
    );
    const r = cli('monitor', '--model', model, '--base', a, '--current', b, '--format', 'json');
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout);
    expect(m.score.status).toBe('SHIFT');
    expect(m.features[0].feature).toBe('checking_account_status');
    const md = cli('monitor', '--model', model, '--base', a, '--current', a);
    expect(md.stdout).toMatch(/## Score PSI: 0\.0000 \(STABLE\)/);
  });
});

describe('creditline-score fairness', () => {
  it('disparate impact by a protected attribute the model does not use', () => {
    const r = cli(
      'fairness',
      '--model',
      model,
      '--data',
      germanCsv,
      '--group',
      'personal_status_sex',
      '--group',
      'age_years:25,35,50',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const reports = JSON.parse(r.stdout);
    expect(reports.map((x: { attribute: string }) => x.attribute)).toEqual([
      'personal_status_sex',
      'age_years',
    ]);
    expect(reports[0].groups.map((g: { group: string }) => g.group)).toEqual([
      'A91',
      'A92',
      'A93',
      'A94',
    ]);
    const md = cli('fairness', '--model', model, '--data', germanCsv, '--group', 'age_years:25');
    expect(md.stdout).toMatch(/\| < 25 \| \d+ \|/);
    expect(cli('fairness', '--model', model, '--data', germanCsv, '--group', 'nope').stderr).toBe(
      `creditline-score: group column "nope" not found in ${germanCsv}\n`,
    );
  });

  it('score --adverse-actions adds the documented adverse-action codes', () => {
    const r = cli('score', '--model', model, '--data', germanCsv, '--adverse-actions');
    const [head, first] = r.stdout.split('\n');
    expect(head).toBe(
      'id,score,grade,probability_of_default,reason_1,reason_2,reason_3,reason_4,adverse_action_1,adverse_action_2,adverse_action_3,adverse_action_4',
    );
    expect(
      first
        .split(',')
        .slice(8)
        .filter(Boolean)
        .every((c) => /^AA\d\d$/.test(c)),
    ).toBe(true);
  });
});

describe('creditline-score train --bags', () => {
  it('averages N bagged tables into one model file, and refuses a fractional N', () => {
    const out = path.join(dir, 'bagged.json');
    const t = trainGerman('--bags', '3', '--out', out);
    expect(t.code).toBe(0);
    const m = JSON.parse(readFileSync(out, 'utf8'));
    expect(m.stats.bags).toBe(3);
    const r = cli('report', '--model', out, '--data', germanCsv, '--format', 'json');
    expect(r.code).toBe(0);
    const bad = trainGerman('--bags', '2.5', '--out', out);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toBe('creditline-score: bags must be a whole number ≥ 0, got 2.5\n');
  });
});
