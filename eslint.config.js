// Lint: ESLint's recommended rules, typescript-eslint's strict type-checked rules (four tuned below), kebab-case
// file names, no focused or skipped tests. Layering is dependency-cruiser's (.dependency-cruiser.cjs).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import checkFile from 'eslint-plugin-check-file';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.local/', 'cms/dist/', 'cms/.strapi/', 'dist/', 'templates/precompiled/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': [
        'error',
        { '**/*.{ts,js}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': [
        'error',
        { '{functions,infra,dev,tests,bench,scripts}/**/': 'KEBAB_CASE' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Numbers in messages and keys are everyday; undefined, objects and unions with them are not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // noUncheckedIndexedAccess makes every indexed read optional; `!` marks the reads the code has just checked
      // (a cell of a known table, a match group that matched). Forbidding it would trade one mark for a branch each.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `() => resolve()` is the idiom for a callback; a void returned from a block is still an error.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // An async method that awaits nothing still turns a throw into a rejection, which is what a Promise port's
      // callers handle (in-memory stores, synchronous adapters): keep `async` rather than hand-wrap results.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Plain JavaScript is outside tsconfig's program: no type information to lint with.
    files: ['**/*.{js,cjs,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[object.name=/^(it|test|describe)$/][property.name=/^(only|skip)$/]',
          message: 'No focused or skipped tests.',
        },
      ],
      // vitest's asymmetric matchers (expect.stringContaining, expect.any, …) are typed `any` by design.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
