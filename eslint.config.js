// Lint rules, including the layer boundaries: only electron/main and electron/preload import
// `electron`; the renderer imports no Node module and nothing from electron/ but the contract;
// the contract imports nothing outside itself. tests/unit/architecture.test.ts checks the
// same boundaries by reading the files, so `npm test` fails either way.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'child_process',
  'os',
  'net',
  'http',
  'https',
  'crypto',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      'test-results',
      'playwright-report',
      'bench-results',
      'soak-results',
      'assets',
      '.tmp',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The page's one classic script, run before the bundle (renderer/public/early-start.js).
    files: ['renderer/public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
  {
    // Plain CommonJS fixtures that load CommonJS-only servers (Node-Media-Server).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'Only electron/main and electron/preload import electron; keep this module Electron-free.',
            },
          ],
        },
      ],
    },
  },
  {
    // Bundled into the sandboxed preload and the page: it must stand alone.
    files: ['electron/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./)',
              message: 'The contract imports nothing outside electron/contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer never imports electron; use window.wallApi.',
            },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer imports no Node module.' },
            {
              regex: '(^|/)electron/(?!contract/)',
              message: 'The renderer only imports the contract from electron/.',
            },
          ],
        },
      ],
    },
  },
);
