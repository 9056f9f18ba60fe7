// Vitest settings for the mutation run: only Part 1's tests against Part 1's references.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["solutions/0[1-9]-*/*.test.ts", "solutions/10-*/*.test.ts"],
    testTimeout: 60_000,
  },
});
