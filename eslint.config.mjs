// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SUBGRAPHS = ['persons', 'indications', 'maatwerk', 'agreements'];

/** An import restriction: files matching `files` may not import what `group` names. */
const forbid = (files, group, message, ignores = []) => ({
  files,
  ignores,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group, message }] }],
  },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.data/**',
      'coverage/**',
      'bench/results/**',
      'gateway/dashboard/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // Prefixed with _ on purpose: a destructured part left out, a parameter an API requires.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // The federation and GraphQL plumbing passes untyped values through by design.
      '@typescript-eslint/no-explicit-any': 'off',
      // type-graphql and Express declare merging interfaces and namespaces.
      '@typescript-eslint/no-namespace': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      // Prettier decides line breaks (a chained `[name]` on its own line included).
      'no-unexpected-multiline': 'off',
    },
  },
  {
    // The explorer's page script runs in the browser, over the bundled React and GraphiQL.
    files: ['gateway/explorer/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        document: 'readonly',
        window: 'readonly',
        React: 'readonly',
        ReactDOM: 'readonly',
        GraphiQL: 'readonly',
      },
    },
  },
  {
    files: ['jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } },
  },
  // Import boundaries: the shape of the product, held by the linter.
  forbid(
    ['common/**/*.ts'],
    [
      '**/subgraphs/**',
      '**/gateway/**',
      '**/scripts/**',
      '**/bench/**',
      '**/seeds/**',
      '**/tests/**',
    ],
    'common/ is shared by every part: it never imports one of them.',
  ),
  forbid(
    ['**/*.ts'],
    ['**/access/tables', '**/access/tables.ts'],
    'Access is decided in common/access: only it reads or writes the access tables (mandates, relations, delegations, audit log).',
    ['common/access/**'],
  ),
  forbid(
    ['gateway/**/*.ts'],
    ['**/subgraphs/**', '**/seeds/**', '**/bench/**'],
    'The gateway runs apart from the subgraphs (its image loads none of their code).',
  ),
  forbid(['scripts/**/*.ts'], ['**/bench/**'], 'Scripts never depend on the benchmark.'),
  ...SUBGRAPHS.map((name) =>
    forbid(
      [`subgraphs/${name}/**/*.ts`],
      SUBGRAPHS.filter((other) => other !== name).flatMap((other) => [
        `**/subgraphs/${other}/**`,
        `../${other}/**`,
      ]),
      'A subgraph never imports another: it asks it over GraphQL (common/peers.ts).',
    ),
  ),
);
