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

const RENDERER_PATHS = [{ name: 'electron', message: 'The renderer reaches its host only through the bridge (window.critiqueHost).' }]
const RENDERER_PATTERNS = [{ group: ['node:*', '**/electron/**', '**/cli/**'], message: 'The renderer runs in a page: no Node, no main-process code.' }]

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
      'no-restricted-imports': ['error', { paths: RENDERER_PATHS, patterns: RENDERER_PATTERNS }],
    },
  },
  {
    // reader/ is the ProseMirror view and its plugins. The desk (desk/) composes it with
    // the claims panel, suggestions, exchange and Compare; the reader never reaches up
    // to them, so there are no import cycles reader <-> compare or reader <-> exchange.
    files: ['renderer/src/reader/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: RENDERER_PATHS,
          patterns: [
            ...RENDERER_PATTERNS,
            {
              // The suggestion layer's ProseMirror plugin is a reader plugin that lives beside its feature.
              regex: '^\\.\\./(app|desk|compare|exchange|claims|commands|state|storage|report|library|preferences|suggestions(?!/suggestion-decorations$))(/|$)',
              message: 'reader/ is the ProseMirror view and its plugins: desk-level modules (desk, app, claims, compare, exchange, suggestions, state, storage…) compose it, never the other way round.',
            },
          ],
        },
      ],
    },
  },
  {
    // The features are parts the desk and the app put together; they never import their composer.
    files: ['renderer/src/{claims,compare,exchange,suggestions,commands,report,library,preferences,state,storage,ui,i18n,host,import,article}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: RENDERER_PATHS,
          patterns: [...RENDERER_PATTERNS, { regex: '^\\.\\./(app|desk)(/|$)', message: 'desk/ and app/ compose the features; a feature never imports them.' }],
        },
      ],
    },
  },
  {
    // state/ holds sessions over the stored data through the storage repositories' public API
    // (database, claims-repo, prefs-repo, set-watch, opening reads…); how claims are laid out in
    // pages and journal records, the record types and the schema list stay storage's own.
    // Tests may look inside, to check what was stored.
    files: ['renderer/src/state/**/*.{ts,tsx}'],
    ignores: ['renderer/src/state/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: RENDERER_PATHS,
          patterns: [
            ...RENDERER_PATTERNS,
            { regex: '^\\.\\./(app|desk)(/|$)', message: 'desk/ and app/ compose the features; a feature never imports them.' },
            {
              regex: '(^|/)storage/(claim-pages|claim-journal|records|schema-versions|installed-databases|write-errors|work-record-keys)$',
              message: 'state/ uses the storage repositories (claims-repo, prefs-repo, documents-repo, set-watch…), never storage internals (page/journal layout, records, schema).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'cli/**/*.ts', 'server/**/*.ts', 'scripts/**/*.{mjs,ts}', 'bench/**/*.ts', 'bin/**/*.mjs', 'e2e/**/*.ts', '*.config.{ts,mjs}', 'renderer/vite.config.mts', 'fixtures/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', 'react', 'react-dom', 'dexie'], message: 'The shell stays thin: no renderer code in main or preload.' }] }],
    },
  },
  {
    // The team server builds on shared/ (the W3C mapping and validators) and nothing above it.
    files: ['server/**/*.ts'],
    ignores: ['server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The team server is a plain Node process: no Electron.' }],
          patterns: [{ group: ['**/renderer/**', '**/electron/**', 'react', 'react-dom', 'dexie'], message: 'server/ imports shared/ only, never renderer/ or electron/.' }],
        },
      ],
    },
  },
)
