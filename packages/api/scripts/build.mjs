// `pnpm build`: compile the API (and the scoring library it imports) to JavaScript in dist/,
// with the files the compiled code reads at run time (the demo seed's CSV) beside it.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = (cwd) => {
  const r = spawnSync(
    process.execPath,
    [path.join(apiRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
};
rmSync(path.join(apiRoot, 'dist'), { recursive: true, force: true });
tsc(path.join(apiRoot, '../scoring'));
tsc(apiRoot);
cpSync(path.join(apiRoot, 'src/db/seed/data'), path.join(apiRoot, 'dist/db/seed/data'), {
  recursive: true,
});
process.stdout.write('built packages/api/dist (run: NODE_ENV=production pnpm start)\n');
