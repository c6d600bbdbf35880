import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.vigil-*/**',
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/main/**/*.ts', 'scripts/**/*', 'test/**/*.ts', 'bench/**/*.ts', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer reaches main only through window.vigil: no Node, no Electron.
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'electron', '**/main/**', 'better-sqlite3', 'fs', 'path', 'child_process'] },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      // The contract is pure TypeScript: no electron, node or react import.
      'no-restricted-imports': ['error', { patterns: ['node:*', 'electron', 'react', 'better-sqlite3', '**/main/**'] }],
    },
  },
);
