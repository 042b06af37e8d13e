import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // The Mini App's front end is built first (when its sources changed): its server and browser tests serve it.
    globalSetup: ["test/support/build-webapp.ts"],
    // CI also keeps a JSON report, from which .ci/run prints the plain "N passed, N failed" line.
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: "var/test-results.json" },
  },
});
