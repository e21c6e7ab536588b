// ESLint over src/ and test/: typescript-eslint's recommended rules, without type-aware rules so
// it stays fast. Run by `npm run checks` (and so by `npm test`). A disable comment that no longer
// silences anything is an error.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["test/fixtures/", "templates/", "dist/", ".out/", "node_modules/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  {
    rules: {
      // `_name` marks a parameter a signature needs but the body does not use; `{ a: _a, ...rest }` drops a key.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      // `let run!: AgentRun` read by a callback before `run = runAgent(...)` assigns it cannot be a const.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // An ambient global constructor is declared with `declare var` (as TypeScript's own lib does).
    files: ["**/*.d.ts"],
    rules: { "no-var": "off" },
  },
  {
    // Browser tests reach their test pages' globals from page.evaluate, untyped by nature.
    files: ["test/browser/**", "test/support/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
