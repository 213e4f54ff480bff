import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { createLogger } from '../shared/logger.js';
import { openDatabase } from './database.js';
import { connectOrm, migrate } from './orm.js';

/**
 * `migration:create <name>` writes an empty, timestamped migration to fill in by hand (SQL:
 * the invariants live in the schema) and list in migrations/index.ts; `migration:up` applies
 * pending migrations to DATABASE_URL or the embedded database. The app also migrates at start.
 */
const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const {
  positionals: [command, name],
} = parseArgs({ args: process.argv.slice(2), options: {}, allowPositionals: true, strict: true });

if (command === 'create') {
  if (!name || !/^[a-z][a-z0-9_]*$/.test(name)) {
    process.stderr.write('usage: migration:create <snake_case_name>\n');
    process.exit(2);
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const cls = `Migration${stamp}_${name}`;
  const file = path.join(apiRoot, 'src/db/migrations', `${cls}.ts`);
  writeFileSync(
    file,
    `import { Migration } from '@mikro-orm/migrations';\n\nexport class ${cls} extends Migration {\n  override async up(): Promise<void> {\n    this.addSql(\`\`);\n  }\n\n  override async down(): Promise<void> {\n    this.addSql(\`\`);\n  }\n}\n`,
  );
  process.stdout.write(`wrote ${file}\nadd it to src/db/migrations/index.ts\n`);
} else if (command === 'up') {
  const base = loadConfig();
  const config = { ...base, DATA_DIR: path.resolve(apiRoot, base.DATA_DIR) };
  const logger = createLogger('warn');
  const db = await openDatabase(config, logger, apiRoot);
  const orm = await connectOrm(db.url);
  const applied = await migrate(orm);
  process.stdout.write(applied.length ? `applied ${applied.join(', ')}\n` : 'nothing to apply\n');
  await orm.close();
  await db.stop();
} else {
  process.stderr.write('usage: migration:create <name> | migration:up\n');
  process.exit(2);
}
