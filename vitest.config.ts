import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built CLI and a browser; a 2-core CI machine needs the slack.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One file per core: vitest's default (cores − 1) runs one file at a time on a 2-core machine,
    // 268 s for the suite there against 190 s two at a time.
    maxWorkers: availableParallelism(),
    // The JSON results let .ci/run print its one-line count without a second run.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
