import { defineConfig } from 'vitest/config'
import { playwright } from '@vitest/browser-playwright'
import react from '@vitejs/plugin-react'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/support/chromium.mjs'


export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          // Property tests run thousands of cases; on a loaded 2-core machine 5 s is too tight.
          testTimeout: 30_000,
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'cli/**/*.test.ts', 'scripts/**/*.test.ts', 'renderer/**/*.test.ts'],
          exclude: ['**/*.browser.test.ts', '**/*.browser.test.tsx', 'node_modules/**'],
        },
      },
      {
        test: {
          // The team server against real PostgreSQL: one throwaway cluster per run (server/testing/global-setup.ts).
          name: 'server',
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          include: ['server/**/*.test.ts'],
          globalSetup: ['server/testing/global-setup.ts'],
        },
      },
      {
        plugins: [react()],
        optimizeDeps: { include: ['dexie', 'react', 'react-dom', 'react-dom/client', 'prosemirror-view', 'prosemirror-state', 'prosemirror-model'] },
        test: {
          name: 'browser',
          include: ['**/*.browser.test.ts', '**/*.browser.test.tsx'],
          exclude: ['node_modules/**'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
})
