/**
 * The package as a risk team gets it: `pnpm pack` (which builds dist/ in `prepack` and swaps in
 * `publishConfig`), installed with npm into an empty folder outside the workspace, imported on
 * plain Node and its CLI run there; publint and are-the-types-wrong on the same tarball.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const germanCsv = path.join(pkgDir, 'data/german-credit/dev.csv');
const bin = (name: string) => path.join(pkgDir, 'node_modules/.bin', name);

let work: string;
let tarball: string;
let app: string;

/** pnpm as the workspace runs it: the running pnpm when there is one, else the pinned version via npx. */
function pnpm(args: string[], cwd: string) {
  const execPath = process.env.npm_execpath;
  const [cmd, pre] =
    execPath && /pnpm/.test(execPath)
      ? [process.execPath, [execPath]]
      : ['npx', ['-y', 'pnpm@10.34.9']];
  return execFileSync(cmd, [...pre, ...args], { cwd, encoding: 'utf8', stdio: 'pipe' });
}

function sh(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'creditline-pack-'));
  pnpm(['pack', '--pack-destination', work], pkgDir);
  const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error(`pnpm pack left no tarball in ${work}`);
  tarball = path.join(work, tgz);
  app = path.join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify({ name: 'risk-team', private: true, type: 'module' }),
  );
  copyFileSync(germanCsv, path.join(app, 'german.csv'));
  // Outside the workspace: npm resolves zod (the only dependency) from the registry.
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball], {
    cwd: app,
    encoding: 'utf8',
    stdio: 'pipe',
  });
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships dist, the models and the changelog, and no sources, tests or benches', () => {
    const list = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(list).toContain('package/dist/index.js');
    expect(list).toContain('package/dist/index.d.ts');
    expect(list).toContain('package/dist/bin.js');
    expect(list).toContain('package/models/platform-v1.json');
    expect(list).toContain('package/CHANGELOG.md');
    expect(list).toContain('package/schema/scorecard-model.schema.json');
    expect(list).toContain('package/python/creditline_score.py');
    expect(list.filter((f) => /\/(src|bench|test|scripts|data)\//.test(f))).toEqual([]);
    const manifest = JSON.parse(
      execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
    );
    expect(manifest.exports['.']).toEqual({
      types: './dist/index.d.ts',
      default: './dist/index.js',
    });
    expect(manifest.bin['creditline-score']).toBe('./dist/bin.js');
    expect(Object.keys(manifest.dependencies)).toEqual(['zod']);
    expect(manifest.license).toBe('MIT');
  });

  it('imports on plain Node and scores with the shipped model', () => {
    const r = sh(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { platformModel, scoreFeatures, defaultPolicy, gradeOf } from '@creditline/scoring';
         const r = scoreFeatures(platformModel, {});
         console.log(JSON.stringify({ v: platformModel.version, score: r.score, grade: gradeOf(r.score, defaultPolicy) }));`,
      ],
      app,
    );
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.v).toMatch(/^platform-v1/);
    expect(Number.isInteger(out.score)).toBe(true);
    expect(out.grade).toMatch(/^[A-E]$/);
  });

  it('runs the creditline-score CLI on plain Node (no tsx installed)', () => {
    expect(sh('ls', ['node_modules/tsx'], app).code).not.toBe(0);
    const cli = path.join(app, 'node_modules/.bin/creditline-score');
    const t = sh(
      cli,
      ['train', '--data', 'german.csv', '--label', 'default', '--out', 'm.json'],
      app,
    );
    expect(t.stderr).toMatch(/^creditline-score: warning: protected attributes left out/);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/^trained sc-[0-9a-f]{8}: \d+ features/);
    const e = sh(cli, ['evaluate', '--model', 'm.json', '--data', 'german.csv'], app);
    expect(e.code).toBe(0);
    expect(JSON.parse(e.stdout).auc).toBeGreaterThan(0.75);
    const bad = sh(cli, ['score', '--model', 'nope.json', '--data', 'german.csv'], app);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('creditline-score: file not found: nope.json\n');
  });

  it('is clean under publint and are-the-types-wrong', () => {
    const lint = sh(bin('publint'), ['run', tarball, '--strict'], pkgDir);
    expect(lint.stdout + lint.stderr).not.toMatch(/warning|error|suggestion/i);
    expect(lint.code).toBe(0);
    // ESM-only by design (Node ≥ 20.11 imports it; `require` of ESM is not a target).
    const attw = sh(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'ascii'], pkgDir);
    expect(attw.stderr).toBe('');
    expect(attw.code).toBe(0);
    expect(attw.stdout).toMatch(/node16 \(from ESM\): 🟢 \(ESM\)/);
    // Problems in resolutions the esm-only profile ignores (node10, require) are printed as "(ignored)".
    const counted = attw.stdout
      .split('\n')
      .filter((l) => !l.includes('(ignored'))
      .join('\n');
    expect(counted).not.toMatch(/❌|💀|🔴/);
  });
});
