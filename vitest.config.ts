import { defineConfig } from "vitest/config";
import LongestFirst from "./test/sequencer";

export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts", "test/browser/**/*.test.ts", "test/e2e/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // expect.poll waits up to 15 s (not 1 s): an autosave or a re-run on a busy 2-core machine is slow.
    expect: { poll: { timeout: 15_000 } },
    maxWorkers: 2,
    fileParallelism: true,
    sequence: { sequencer: LongestFirst },
  },
});
