// `pnpm start`: in production (NODE_ENV=production) the compiled JavaScript (`pnpm build`
// first; tsx is not needed), otherwise the TypeScript sources through tsx, as a fresh clone runs.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';

const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiled = path.join(apiRoot, 'dist/main.js');
const production = process.env.NODE_ENV === 'production';
if (production && !existsSync(compiled)) {
  process.stderr.write(
    'creditline: no compiled API in packages/api/dist; run `pnpm build` first.\n',
  );
  process.exit(1);
}
// `creditline-compiled` makes @creditline/scoring resolve to its compiled dist/ as well.
const args = production
  ? ['--conditions=creditline-compiled', compiled]
  : ['--import', 'tsx', path.join(apiRoot, 'src/main.ts')];
const child = spawn(process.execPath, args, { cwd: apiRoot, stdio: 'inherit' });
// The API handles SIGINT/SIGTERM itself (graceful stop): pass them on and exit as it does.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
