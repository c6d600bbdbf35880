import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readFileSync } from 'node:fs';
import vigil from './scripts/eslint-plugin-vigil.js';

// One owner per table, read from the one file that says so (src/main/README.md, "Walls").
const tableOwners = JSON.parse(readFileSync(`${import.meta.dirname}/src/main/db/table-owners.json`, 'utf8'));

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
    // The walls between src/main's domains (src/main/README.md, "Walls (checked by lint)").
    // Tests sit beside the code and may set up any table they need.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/**/*.test.ts'],
    plugins: { vigil },
    rules: {
      'vigil/sql-in-repos': 'error',
      'vigil/table-owner': ['error', { owners: tableOwners }],
      'vigil/domain-imports': 'error',
      'vigil/electron-in-shell': 'error',
    },
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
