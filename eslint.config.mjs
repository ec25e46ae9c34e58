// Lint rules per layer. The layer boundaries are enforced twice: by each layer's
// tsconfig (no DOM lib in shared/, for instance) and here, by import rules.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const FORBIDDEN_IN_SHARED = [
  { name: 'react', message: 'shared/ is pure TypeScript: no React.' },
  { name: 'react-dom', message: 'shared/ is pure TypeScript: no React.' },
  { name: 'dexie', message: 'shared/ is pure TypeScript: storage lives in renderer/src/storage.' },
  { name: 'electron', message: 'shared/ is pure TypeScript: Electron lives in electron/.' },
  { name: 'prosemirror-view', message: 'shared/ is pure TypeScript: the view lives in renderer/.' },
]

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.tsbuild/**', 'test-results/**', 'shared/w3c/generated/**', '.scratch/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: FORBIDDEN_IN_SHARED,
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'crypto'], message: 'shared/ runs in the browser too: no Node modules.' },
            { group: ['**/renderer/**', '**/electron/**', '**/cli/**'], message: 'shared/ must not depend on the layers above it.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator', 'Buffer', 'process'],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches its host only through the bridge (window.critiqueHost).' }],
          patterns: [{ group: ['node:*', '**/electron/**', '**/cli/**'], message: 'The renderer runs in a page: no Node, no main-process code.' }],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'cli/**/*.ts', 'scripts/**/*.{mjs,ts}', 'bench/**/*.ts', 'bin/**/*.mjs', 'e2e/**/*.ts', '*.config.{ts,mjs}', 'renderer/vite.config.ts', 'fixtures/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', 'react', 'react-dom', 'dexie'], message: 'The shell stays thin: no renderer code in main or preload.' }] }],
    },
  },
)
