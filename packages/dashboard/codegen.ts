import path from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

/** Typed operations from the API's committed schema, the one source of truth. */
const schema = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '../api/schema.graphql',
);

const config: CodegenConfig = {
  schema,
  documents: ['src/**/*.{ts,tsx}', '!src/generated/**', '!src/**/*.test.{ts,tsx}'],
  ignoreNoDocuments: true,
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        // persisted-documents.json: the dashboard's operations by SHA-256, the server's trusted
        // documents (GRAPHQL_UNTRUSTED_DOCUMENTS); each document carries its hash (`__meta__`).
        persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' },
      },
      // Apollo Client keeps `__meta__` and sends codegen's hash, so the listed document must be
      // the one it would send: with the `__typename` selections its cache adds (without them the
      // server would run a document whose results the cache cannot match to fragments).
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string' },
        avoidOptionals: { field: true, inputValue: false, object: true },
      },
    },
  },
};

export default config;
