import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Once per run for every project: the browser, and a throwaway PostgreSQL unless
    // TEST_DATABASE_URL names one (tests/setup/global-setup.ts).
    globalSetup: ["tests/setup/global-setup.ts"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["app/**/*.test.ts", "tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 240_000,
          hookTimeout: 120_000,
          // Each browser test file starts its own server and Chromium; two cores, so one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
