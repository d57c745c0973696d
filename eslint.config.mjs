// ESLint (flat config) with typescript-eslint: the recommended rules, and the type-aware
// no-floating-promises / no-misused-promises on the TypeScript sources (a promise nobody awaits or
// handles loses its error silently). `npm run lint`, run by `npm test` before the unit tests.
// Errors fail the build; hygiene rules (unused names, let vs const) warn, so work in progress in a
// shared tree does not break it while the editor still shows them.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // Dotfiles are never sources (scratch files such as scripts/.try.ts are not in any tsconfig).
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'out/**', '.vscode-test/**', 'screenshots-tmp/**', 'test/fixtures/**', '**/.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_` marks a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'prefer-const': 'warn',
      'no-useless-assignment': 'warn',
      // `catch {}` where failing is expected (a process already gone) is deliberate; other empty blocks are not.
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, properties: false } }],
    },
  },
  {
    // Tests and scripts load suites, workers and fixtures lazily with require().
    files: ['test/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Node scripts in CommonJS; those driving the workbench pass functions to the browser page.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Scripts that drive the workbench hand functions to the browser page, which read `window` and `document`.
  { files: ['scripts/**/*.js'], languageOptions: { globals: { ...globals.node, window: 'readonly', document: 'readonly' } } },
  { files: ['**/*.mjs'], languageOptions: { globals: { ...globals.node } } },
);
