import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printSchema, lexicographicSortSchema } from 'graphql';
import { createSchema } from './schema.js';

/** The committed schema text: sorted, so that a diff shows only real changes. */
export async function schemaText(): Promise<string> {
  return printSchema(lexicographicSortSchema(await createSchema())) + '\n';
}

export const SCHEMA_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../schema.graphql',
);

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  writeFileSync(SCHEMA_FILE, await schemaText());
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}
