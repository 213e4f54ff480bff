import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

/**
 * The GraphQL in the docs is what partners and staff copy: every ```graphql block of docs/*.md
 * must parse and validate against the committed schema, so a renamed field breaks this test
 * rather than a reader's integration.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const schema = buildSchema(readFileSync(path.join(root, 'packages/api/schema.graphql'), 'utf8'));

const blocks = (doc: string) =>
  [
    ...readFileSync(path.join(root, 'docs', doc), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g),
  ].map((m) => m[1]!);

describe('GraphQL in the docs', () => {
  for (const doc of ['partners.md', 'api.md']) {
    it(`${doc}: every example is valid against schema.graphql`, () => {
      const found = blocks(doc);
      expect(found.length).toBeGreaterThan(2);
      for (const text of found) {
        const errors = validate(schema, parse(text)).map((e) => e.message);
        expect(errors, text).toEqual([]);
      }
    });
  }
});
