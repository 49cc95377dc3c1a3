import { defineConfig } from 'vitest/config';

/** The page in Chromium and the tarball installed into a prefix: heavy processes of their own, run after the rest. */
const AFTER = ['test/browser/**/*.test.ts', 'test/cli/pack.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 20000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: AFTER, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'install-and-browser', include: AFTER, hookTimeout: 120_000, testTimeout: 60_000, sequence: { groupOrder: 1 } } },
    ],
  },
});
