import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest leaves one core free by default, which on a two-core machine means one file at a
    // time; the tests wait on disks, browsers and timers often enough to use both.
    maxWorkers: '100%',
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts', 'tests/electron/**/*.test.ts'],
          environment: 'node',
          // Each file starts its own server (on a free port, with its own data folder) and its own
          // browser, so files run side by side: much of an end-to-end test is waiting on timers
          // and screens.
          fileParallelism: true,
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
