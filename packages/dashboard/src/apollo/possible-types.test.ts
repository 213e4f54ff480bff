import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, isInterfaceType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { USER_ERROR_TYPES } from './client';

const schema = buildSchema(
  readFileSync(
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../api/schema.graphql'),
    'utf8',
  ),
);

describe('the cache knows every userError type', () => {
  it("lists exactly the API's implementations of UserError", () => {
    const iface = schema.getType('UserError');
    expect(isInterfaceType(iface)).toBe(true);
    if (!isInterfaceType(iface)) return;
    const implementations = schema
      .getImplementations(iface)
      .objects.map((t) => t.name)
      .sort();
    expect(implementations.length).toBeGreaterThan(30);
    expect([...USER_ERROR_TYPES].sort()).toEqual(implementations);
  });
});
