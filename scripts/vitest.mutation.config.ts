// Vitest settings for the mutation run: scripts/mutation.ts passes the test files of the selected
// exercises (Part 1 by default; e.g. Part 4's 20-23, Part 5's 25-27) in MUTATION_TESTS.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: process.env.MUTATION_TESTS
      ? (JSON.parse(process.env.MUTATION_TESTS) as string[])
      : ["solutions/0[1-9]-*/*.test.ts", "solutions/10-*/*.test.ts"],
    testTimeout: 120_000,
  },
});
