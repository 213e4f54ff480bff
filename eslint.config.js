// One flat config for the workspace: typescript-eslint's recommended rules, nothing exotic.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';

// The API's layers (packages/api/src), lowest first: shared, config, telemetry → db → graphql (the
// shared GraphQL pieces) → modules/<feature> → the composition roots (graphql/schema.ts,
// graphql/services.ts, db/entities.ts) → jobs, server, demo (clients of the modules, like a
// partner) → app → main. An import may point down or sideways, never up; these rules keep the
// upward arrows removed in issue 17 from coming back (count them: node scripts/import-arrows.mjs
// in packages/api). Tests may import anything.
const api = 'packages/api/src';
const tests = ['**/__tests__/**'];
const up = (prefix, names, message) => ({
  regex: `^${prefix}(${names.join('|')})(/|\\.js$)`,
  message,
  allowTypeImports: false,
});
const restrict = (files, patterns, ignores = []) => ({
  files,
  ignores: [...tests, ...ignores],
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});
const APPS = ['jobs', 'server', 'demo', 'app', 'main'];
const apiLayers = [
  restrict(
    [`${api}/shared/**/*.ts`, `${api}/config/**/*.ts`, `${api}/telemetry/**/*.ts`],
    [
      up(
        '\\.\\./',
        ['db', 'graphql', 'modules', ...APPS],
        'shared, config and telemetry are the bottom layer: they import no other folder of src/.',
      ),
    ],
  ),
  restrict(
    [`${api}/db/*.ts`],
    [
      up(
        '\\.\\./',
        ['graphql', ...APPS],
        'db/ is below graphql/ and the apps: move the code that needs them out of db/ (the demo population lives in src/demo/).',
      ),
      {
        regex: '^\\.\\./modules/(?!ledger/pg-client\\.js$)',
        message:
          'db/ is below the feature modules (only db/entities.ts, the entity registry, lists their entities).',
      },
    ],
    [`${api}/db/entities.ts`],
  ),
  restrict(
    [`${api}/db/entities.ts`],
    [
      up('\\.\\./', ['graphql', ...APPS], 'db/entities.ts lists entities only.'),
      {
        regex: '^\\.\\./modules/(?![^/]+/[^/]+\\.entity\\.js$)',
        message: 'db/entities.ts lists *.entity.ts files only.',
      },
    ],
  ),
  restrict(
    [`${api}/graphql/*.ts`],
    [
      up('\\.\\./', APPS, 'graphql/ is below the apps (jobs, server, demo, app, main).'),
      {
        regex: '^\\.\\./modules/',
        message:
          'The shared GraphQL pieces are below the feature modules; only the composition roots (schema.ts, services.ts) and the remaining known arrows (loaders, request-guards, node.resolver) import modules.',
      },
    ],
    [
      `${api}/graphql/schema.ts`,
      `${api}/graphql/services.ts`,
      `${api}/graphql/emit-schema.ts`,
      `${api}/graphql/loaders.ts`,
      `${api}/graphql/request-guards.ts`,
      `${api}/graphql/node.resolver.ts`,
    ],
  ),
  restrict(
    [
      `${api}/graphql/schema.ts`,
      `${api}/graphql/services.ts`,
      `${api}/graphql/loaders.ts`,
      `${api}/graphql/request-guards.ts`,
      `${api}/graphql/node.resolver.ts`,
    ],
    [up('\\.\\./', APPS, 'graphql/ is below the apps (jobs, server, demo, app, main).')],
  ),
  restrict(
    [`${api}/modules/*/*.ts`],
    [
      up(
        '\\.\\./\\.\\./',
        APPS,
        'A feature module is below the apps (jobs, server, demo, app, main): they call it, not the reverse.',
      ),
      {
        regex: '^\\.\\./\\.\\./graphql/(schema|emit-schema)\\.js$',
        message: 'The schema is composed from the modules: a module does not import it.',
      },
      {
        regex: '^\\.\\./\\.\\./graphql/services\\.js$',
        message: 'graphql/services.ts composes the modules: a module may name its type only.',
        allowTypeImports: true,
      },
    ],
  ),
  restrict(
    [`${api}/server/*.ts`],
    [
      up(
        '\\.\\./',
        ['jobs', 'demo', 'app', 'main'],
        'server/ holds HTTP pieces that app.ts composes.',
      ),
    ],
  ),
  restrict(
    [`${api}/jobs/*.ts`],
    [
      up(
        '\\.\\./',
        ['server', 'demo', 'app', 'main'],
        'The jobs command line is a client of the modules.',
      ),
      {
        regex: '^\\./cli\\.js$',
        message: 'The job files get their types from ./job-command.js; only the CLI imports them.',
      },
    ],
  ),
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.data/**',
      '**/generated/**',
      '**/migrations/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    // Node scripts (.ci, e2e runners, bins) use Node's globals.
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
  {
    // Tests read loosely typed GraphQL results.
    files: ['**/__tests__/**', '**/test/**', '**/e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // A request started from a handler and not awaited rejects on a network error and when the
    // page unmounts (Apollo Client 4); the hooks' `error` already shows it, so it goes through
    // `settled()` (packages/dashboard/src/apollo/settled.ts) instead of a bare `void`.
    files: ['packages/dashboard/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "UnaryExpression[operator='void'] > CallExpression[callee.type='Identifier']:not([callee.name='settled'])",
          message: 'Wrap a fire-and-forget request in settled(): `void settled(submit())`.',
        },
        {
          selector:
            "UnaryExpression[operator='void'] > CallExpression[callee.property.name='then']",
          message: 'Wrap a fire-and-forget request in settled(): `void settled(take().then(…))`.',
        },
      ],
    },
  },
  ...apiLayers,
  {
    // The committed API schema (issue 17 item 5): every type, field, argument, input field and
    // enum value is described. The descriptions live in the type-graphql decorators;
    // `pnpm --filter @creditline/api schema:emit` writes them here.
    files: ['packages/api/schema.graphql'],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: { graphQLConfig: { schema: 'packages/api/schema.graphql' } },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
          DirectiveDefinition: true,
        },
      ],
    },
  },
);
