import path from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';

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
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string' },
        avoidOptionals: { field: true, inputValue: false, object: true },
      },
    },
  },
};

export default config;
