import { defineConfig } from 'vitest/config';

/** `npm run test:crash`: the kill -9 harness, on its own (a few minutes), also run by .ci/run. */
export default defineConfig({
  test: {
    include: ['test/crash/**/*.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
