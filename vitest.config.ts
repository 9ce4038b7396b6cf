import { defineConfig } from 'vitest/config';

/**
 * Two projects: fast unit tests (pure functions, fixtures, the real corpus
 * through the pure pipeline), and integration tests that share ONE real
 * Meilisearch with the real corpus ingested once (tests/integration/global-setup.ts),
 * and the browser tests (tests/browser), which need Chromium (tests/browser/ensure-chromium.ts).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/integration/**', 'tests/browser/**', 'node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'integration',
          // Browser tests drive Debian's Chromium against the real server on the same shared Meilisearch.
          include: ['tests/integration/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/ensure-chromium.ts', 'tests/integration/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          pool: 'forks',
        },
      },
    ],
  },
});
