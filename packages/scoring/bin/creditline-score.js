#!/usr/bin/env node
// The workspace's `creditline-score`: runs the TypeScript CLI (src/cli/bin.ts) with tsx, a dev
// dependency, so that no build is needed inside the repository. The published package's bin is
// dist/bin.js on plain Node instead (package.json `publishConfig.bin`).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const entry = join(here, '..', 'src', 'cli', 'bin.ts');
const require = createRequire(import.meta.url);
const tsx = pathToFileURL(require.resolve('tsx')).href;
const r = spawnSync(process.execPath, ['--import', tsx, entry, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
