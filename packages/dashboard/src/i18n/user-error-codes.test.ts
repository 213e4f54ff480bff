import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isObjectType,
  parse,
  type GraphQLObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = buildSchema(readFileSync(path.resolve(here, '../../../api/schema.graphql'), 'utf8'));
const documents = Object.values(
  JSON.parse(readFileSync(path.resolve(here, '../generated/persisted-documents.json'), 'utf8')),
) as string[];

/** Every code each mutation the dashboard sends can answer: its payload's own enum. */
function codesOfDashboardMutations(): Map<string, string[]> {
  const byMutation = new Map<string, string[]>();
  const mutations = schema.getMutationType()!.getFields();
  for (const text of documents)
    for (const def of parse(text).definitions) {
      if (def.kind !== 'OperationDefinition' || def.operation !== 'mutation') continue;
      for (const sel of def.selectionSet.selections) {
        if (sel.kind !== 'Field' || !mutations[sel.name.value]) continue;
        const payload = getNamedType(mutations[sel.name.value]!.type) as GraphQLObjectType;
        const userErrors = payload.getFields().userErrors;
        if (!userErrors) continue;
        const errorType = getNamedType(userErrors.type);
        if (!isObjectType(errorType)) continue;
        const codes = getNamedType(errorType.getFields().code!.type);
        if (isEnumType(codes))
          byMutation.set(
            sel.name.value,
            codes.getValues().map((v) => v.name),
          );
      }
    }
  return byMutation;
}

describe('userError codes in words', () => {
  it('every code a mutation the dashboard sends can answer has a text in both languages', () => {
    const byMutation = codesOfDashboardMutations();
    expect(byMutation.size).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const [mutation, codes] of byMutation)
      for (const code of codes)
        for (const [lang, texts] of [
          ['en', en.userErrors],
          ['zh-CN', zhCN.userErrors],
        ] as const)
          if (!(texts as Record<string, string>)[code])
            missing.push(`${lang} ${mutation}: ${code}`);
    expect(missing).toEqual([]);
  });

  it('every decline code has a text in both languages', () => {
    const declineCode = schema.getType('DeclineCode');
    if (!isEnumType(declineCode)) throw new Error('DeclineCode is not an enum');
    for (const v of declineCode.getValues()) {
      expect((en.purchases.declineCodes as Record<string, string>)[v.name], v.name).toBeTruthy();
      expect((zhCN.purchases.declineCodes as Record<string, string>)[v.name], v.name).toBeTruthy();
    }
  });
});
