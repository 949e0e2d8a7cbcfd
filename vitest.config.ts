import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * unit: pure code, no database. integration: the server through buildApp() on a real database (PGlite, or the
 * PostgreSQL server of DATABASE_URL). conformance: checks against ../shared (CI only). e2e: Chromium on the built app.
 */
export default defineConfig({
  test: {
    // Vitest's default (cores − 1) runs one file at a time on a 2-core CI machine, while a test file mostly waits on
    // its database (PGlite's WASM or the PostgreSQL server): two workers keep both cores busy. The browser tests keep
    // one file at a time (fileParallelism below).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/domain/**/*.test.ts', 'src/web/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/server/**/*.test.ts', 'src/cli/**/*.test.ts', 'test/integration/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'conformance',
          include: ['test/conformance/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          globalSetup: ['test/global-setup.ts', 'e2e/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
