// npm run bench: runs every *.bench.ts here in turn; each merges its results into bench/results.json.
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";

const benches = readdirSync(import.meta.dirname).filter((f) => f.endsWith(".bench.ts")).sort();
let failed = 0;
for (const bench of benches) {
  console.log(`\n== ${bench}`);
  const run = spawnSync("npx", ["tsx", `bench/${bench}`], { stdio: "inherit" });
  if (run.status !== 0) failed++;
}
console.log(`\n${benches.length - failed} benches ran, ${failed} crashed; see bench/results.json`);
process.exit(failed ? 1 : 0);
