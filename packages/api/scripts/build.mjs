// `pnpm build`: compile the API to JavaScript in dist/ (tsc) and build the scoring library it
// imports (its own published build, tsup, to packages/scoring/dist). The compiled API runs with
// `--conditions=creditline-compiled`, which makes @creditline/scoring resolve to that build.
// The demo data (packages/scoring/data) is read from the scoring package at run time.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scoringRoot = path.join(apiRoot, '../scoring');
const run = (cwd, script, args) => {
  const r = spawnSync(process.execPath, [script, ...args], { cwd, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
rmSync(path.join(apiRoot, 'dist'), { recursive: true, force: true });
run(scoringRoot, path.join(scoringRoot, 'node_modules/tsup/dist/cli-default.js'), []);
run(apiRoot, path.join(apiRoot, 'node_modules/typescript/bin/tsc'), ['-p', 'tsconfig.build.json']);
process.stdout.write('built packages/api/dist (run: NODE_ENV=production pnpm start)\n');
