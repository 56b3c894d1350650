// ESLint for the whole repository: a small rule set that CI runs through `pnpm test` (see
// docs/architecture.md, "Checks in CI"). Unused code and floating promises are bugs here; the import
// rules hold the layering: dsl ← ledger ← editor, and browser-safe folders never reach Node-only code.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const crossPackageSrc = {
  regex: String.raw`^\.\.?/(?:.*/)?(?:dsl|ledger|editor)/src(?:/|$)`,
  message: "Import another package through its package name and exports, never through its src/ folder.",
};
const aboveDsl = {
  group: ['@a6/ledger', '@a6/ledger/*', '@a6/editor', '@a6/editor/*'],
  message: '@a6/dsl is the bottom layer: it may not import @a6/ledger or @a6/editor.',
};
const aboveLedger = {
  group: ['@a6/editor', '@a6/editor/*'],
  message: '@a6/ledger may not import @a6/editor.',
};
const nodeOnlyMessage = 'Browser-safe code may not import Node-only modules (docs/architecture.md lists what each folder may import).';
// Bare names go in `paths` (exact match): as gitignore-style patterns, `events` or `pg` would also
// match a relative `../events/…`.
const nodeOnlyNames = [
  ...builtinModules, 'better-sqlite3', 'pg', 'exceljs',
  '@a6/ledger/node', '@a6/ledger/store', '@a6/ledger/aef-xlsx', '@a6/dsl/node',
].map((name) => ({ name, message: nodeOnlyMessage }));
const nodeOnly = {
  group: ['node:*', '@kurrent/*', 'better-sqlite3/*', 'pg/*', 'exceljs/*', '@a6/ledger/store/*'],
  message: nodeOnlyMessage,
};
const restrict = (...patterns) => ['error', { patterns }];
const restrictBrowser = (...patterns) => ['error', { paths: nodeOnlyNames, patterns: [...patterns, nodeOnly] }];

// Tests run under Node only; they keep the layering but may use Node modules.
const testFiles = ['**/*.test.ts', '**/*.test-support.ts'];
// Node-only modules inside browser-safe folders, reached only through a Node-only entry
// (`@a6/dsl/node`, `@a6/ledger/node`) or the `node` condition of the `#sha256` import map.
const dslNodeOnly = ['packages/dsl/src/node.ts', 'packages/dsl/src/program/node-host.ts'];
const ledgerNodeOnly = ['packages/ledger/src/node.ts', 'packages/ledger/src/events/history-file.ts', 'packages/ledger/src/events/history-file-pass.ts', 'packages/ledger/src/events/history-lines.ts',
  'packages/ledger/src/events/sha256-node.ts', 'packages/ledger/src/store/**', 'packages/ledger/src/aef-xlsx/**'];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/.a6/**', '**/*.ohm-bundle.js', '**/*.ohm-bundle.d.ts',
      'coverage/**', 'test-artifacts/**', 'tmp/**'],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['packages/editor/vite.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_',
        destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true,
      }],
      '@typescript-eslint/no-floating-promises': 'error',
      // A barrel names what it exports, so an export used only in its own file does not leak out.
      'no-restricted-syntax': ['error', { selector: 'ExportAllDeclaration', message: 'List the exports by name: export { a } from …; export type { T } from ….' }],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], rules: { 'no-unused-vars': 'error' } },
  { files: ['packages/dsl/**/*.ts'], rules: { 'no-restricted-imports': restrict(crossPackageSrc, aboveDsl) } },
  { files: ['packages/ledger/**/*.ts'], rules: { 'no-restricted-imports': restrict(crossPackageSrc, aboveLedger) } },
  { files: ['packages/editor/**/*.ts'], rules: { 'no-restricted-imports': restrict(crossPackageSrc) } },
  {
    files: ['packages/dsl/src/**/*.ts'],
    ignores: [...dslNodeOnly, ...testFiles],
    rules: { 'no-restricted-imports': restrictBrowser(crossPackageSrc, aboveDsl) },
  },
  {
    files: ['packages/ledger/src/**/*.ts'],
    ignores: [...ledgerNodeOnly, ...testFiles],
    rules: { 'no-restricted-imports': restrictBrowser(crossPackageSrc, aboveLedger) },
  },
  {
    files: ['packages/editor/src/app/**/*.ts'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': restrictBrowser(crossPackageSrc) },
  },
);
