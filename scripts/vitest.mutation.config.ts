// Vitest settings for the mutation run (scripts/mutation.ts sets MUTATION_PART): only the tests
// of the part being mutated. Part 4 leaves out the deep gate (24), which trains for minutes and
// whose learner's part is only its settings.
import { defineConfig } from "vitest/config";

const include: Record<string, string[]> = {
  "1": ["solutions/0[1-9]-*/*.test.ts", "solutions/10-*/*.test.ts"],
  "4": ["solutions/2[0-3]-*/*.test.ts"],
};

export default defineConfig({
  test: {
    include: include[process.env.MUTATION_PART ?? "1"] ?? [],
    testTimeout: 120_000,
  },
});
