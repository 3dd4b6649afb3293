import { defineConfig } from 'vitest/config';

// Tiers: unit (pure), api (in-process Fastify on a fresh PGlite per file, or on
// PostgreSQL when TEST_DATABASE_URL is set), s3 (the S3 driver on a real Ceph RGW), e2e (Debian chromium against a real server).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'apps/server/src/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
            'packages/*/test/**/*.test.ts',
            'scripts/test/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'api',
          include: ['apps/server/test/**/*.test.ts'],
          exclude: ['apps/server/test/**/*.s3.test.ts'],
          globalSetup: ['apps/server/test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Against a real S3 server with Object Lock: scripts/with-ceph.mjs starts a throwaway Ceph RGW.
        test: {
          name: 's3',
          include: ['apps/server/test/**/*.s3.test.ts'],
          globalSetup: ['apps/server/test/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // The OSD keeps objects in RAM (memstore) and the machine has two cores: one file at a time.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          // The demo seeded once; each file's server starts from a copy (e2e/support/demo-snapshot.ts).
          globalSetup: ['e2e/support/demo-snapshot.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
