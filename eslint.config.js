// Lint: recommended rules, strict TypeScript, kebab-case file names, no focused or skipped tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import checkFile from 'eslint-plugin-check-file';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.local/', 'cms/', 'dist/', 'templates/precompiled/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': ['error', { '**/*.{ts,js}': 'KEBAB_CASE' }, { ignoreMiddleExtensions: true }],
      'check-file/folder-naming-convention': ['error', { '{functions,infra,dev,tests,bench,scripts}/**/': 'KEBAB_CASE' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The functional core stays pure: no I/O, no AWS, no browser, nothing from the shell around it.
    files: ['functions/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net'], message: 'functions/core does no I/O: take what you need as arguments.' },
          { group: ['@aws-sdk/*', 'puppeteer-core', '@sparticuz/*', 'handlebars', 'markdown-it', 'sanitize-html'], message: 'functions/core is pure: adapters and rendering live outside it.' },
          { group: ['**/adapters/**', '**/render/**', '**/publish/**', '**/pipeline/**', '**/cli/**', '**/handlers/**'], message: 'functions/core must not depend on the shell around it.' },
        ],
      }],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name=/^(it|test|describe)$/][property.name=/^(only|skip)$/]", message: 'No focused or skipped tests.' },
      ],
    },
  },
);
