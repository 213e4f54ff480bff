// Counts the import arrows inside packages/api/src and those that run upwards (issue 17 item 7).
// An arrow is a distinct pair (importing folder → imported folder) with at least one relative
// import between them (tests excluded; each modules/<feature> is its own folder; type-only imports
// count). Layers, lowest first: shared, config, telemetry → db → graphql → modules → the
// composition roots (graphql/schema.ts, graphql/services.ts, graphql/emit-schema.ts,
// db/entities.ts) → jobs, server, demo → app → main. An arrow runs upwards when one of its
// imports goes from a lower layer to a higher one. eslint.config.js keeps them from coming back.
// Usage: node scripts/import-arrows.mjs [src-dir] [--list]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { positionals, values } = parseArgs({
  options: { list: { type: 'boolean' } },
  allowPositionals: true,
});
const root = path.resolve(
  positionals[0] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../src'),
);
const RANK = { shared: 0, config: 0, telemetry: 0, db: 1, graphql: 2, modules: 3 };
const COMPOSITION = new Set([
  'graphql/schema.ts',
  'graphql/services.ts',
  'graphql/emit-schema.ts',
  'db/entities.ts',
]);
const APPS = { jobs: 4, server: 4, demo: 4, app: 5, main: 6 };
const rank = (rel) =>
  COMPOSITION.has(rel)
    ? 3.5
    : (RANK[rel.split('/')[0]] ?? APPS[rel.split('/')[0].replace(/\.ts$/, '')]);
const folder = (rel) => {
  const parts = rel.split('/');
  if (parts.length === 1) return parts[0].replace(/\.ts$/, '');
  return parts[0] === 'modules' ? `modules/${parts[1]}` : parts[0];
};
const files = readdirSync(root, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts') && !f.includes('__tests__') && !f.includes('migrations'));
const arrows = new Map();
const importRe = /(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g;
for (const rel of files) {
  for (const m of readFileSync(path.join(root, rel), 'utf8').matchAll(importRe)) {
    const target = path
      .relative(root, path.resolve(root, path.dirname(rel), m[1]))
      .replace(/\.js$/, '.ts');
    if (target.startsWith('..')) continue;
    const key = `${folder(rel)} → ${folder(target)}`;
    if (folder(rel) === folder(target)) continue;
    const a = arrows.get(key) ?? { up: [], n: 0 };
    a.n++;
    if (rank(rel) < rank(target)) a.up.push(`${rel} → ${target}`);
    arrows.set(key, a);
  }
}
const up = [...arrows].filter(([, a]) => a.up.length > 0);
process.stdout.write(`${arrows.size} arrows, ${up.length} upwards\n`);
if (values.list)
  for (const [key, a] of up.sort())
    process.stdout.write(`  ${key}: ${[...new Set(a.up)].join(', ')}\n`);
