// npm run checks (and the first step of npm test): the layering as checks. Types per layer
// (tsc -b over tsconfig.{core,node,dom,test}.json), import boundaries (dependency-cruiser) and
// typescript-eslint, run side by side. Exits 1 naming the file and the rule it breaks.
import { spawn } from "node:child_process";

const LAYERS = [
  [/^src\/(agent|providers|builder(?!\/game)|playtest|project)\/|^src\/runtime\/(contract|sandbox|linker|transpile|harness\/protocol|harness\/replies)\.ts/, "core layer (tsconfig.core.json): ES2022 and the web platform of src/platform.d.ts; no DOM, no Node"],
  [/^src\/node\//, "node layer (tsconfig.node.json): Node's types, no DOM"],
  [/^src\//, "DOM layer (tsconfig.dom.json): the browser's DOM, no Node"],
  [/^(test|bench)\/|\.config\.ts$/, "test layer (tsconfig.test.json): DOM and Node"],
];

const CHECKS = [
  {
    name: "types",
    command: ["npx", "tsc", "-b", "--pretty", "false"],
    explain: "Each layer is type-checked with only what it may use (docs/ARCHITECTURE.md, \"Layers and the checks\"). " +
      "\"Cannot find name 'window'\" (or 'document', 'process', ...) in a core means a core reached for the DOM or Node: take it as a parameter, or declare the global in src/platform.d.ts if browsers and Node both have it. " +
      "TS6307 \"is not listed within the file list of project\" means a file imported a layer it may not use.",
    annotate: (line) => {
      const file = /^([^(]+)\(\d+,\d+\): error/.exec(line)?.[1];
      const layer = file && LAYERS.find(([pattern]) => pattern.test(file))?.[1];
      return layer ? `${line}\n    in the ${layer}` : line;
    },
  },
  {
    name: "import boundaries",
    command: ["npx", "depcruise", "src", "bench", "--config", ".dependency-cruiser.cjs", "--output-type", "err-long", "--cache", ".out/depcruise-cache"],
    explain: "The rules are in .dependency-cruiser.cjs, each with the reason it exists; every error names the rule, the importing file and the file it imports.",
  },
  {
    name: "lint",
    command: ["npx", "eslint", "src", "test", "--cache", "--cache-location", ".out/eslint-cache"],
    explain: "typescript-eslint's recommended rules (eslint.config.js). Fix the code; an eslint-disable comment must still silence something, and says why after `--`.",
  },
];

function run(check) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(check.command[0], check.command.slice(1), { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", (error) => resolve({ check, ok: false, output: `${check.command.join(" ")} could not start: ${error.message}`, seconds: 0 }));
    child.on("close", (code) => resolve({ check, ok: code === 0, output, seconds: (Date.now() - started) / 1000 }));
  });
}

const started = Date.now();
const results = await Promise.all(CHECKS.map(run));
for (const { check, ok, output, seconds } of results) {
  console.log(`${ok ? "✓" : "✗"} ${check.name} (${check.command.slice(1, 3).join(" ")}) ${seconds.toFixed(1)} s`);
  if (ok) continue;
  const lines = output.trimEnd().split("\n").map((line) => (check.annotate ? check.annotate(line) : line));
  console.log(`\n${lines.join("\n")}\n\n  ${check.name} failed. ${check.explain}\n`);
}
const failed = results.filter((r) => !r.ok).map((r) => r.check.name);
console.log(failed.length === 0 ? `checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s` : `checks failed: ${failed.join(", ")}`);
process.exit(failed.length === 0 ? 0 : 1);
