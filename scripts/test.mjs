// npm test: checks what the browser tests need, runs the checks (scripts/checks.mjs: types per
// layer, import boundaries, lint), then vitest, and prints "N passed, N failed".
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";

const chromium = process.env.PLAYFORGE_CHROMIUM ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`Missing: Chromium at ${chromium}. The browser tests need it. Install it with:\n  apt-get update && apt-get install -y chromium\n(or set PLAYFORGE_CHROMIUM to a Chromium binary).`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}
mkdirSync(".out", { recursive: true });
const checks = spawnSync("node", ["scripts/checks.mjs"], { stdio: "inherit" });
if (checks.status !== 0) {
  console.error("The checks failed (above), so the test suites did not run. `npm run checks` runs them alone.");
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const args = ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=.out/vitest.json", ...process.argv.slice(2)];
const run = spawnSync("npx", args, { stdio: "inherit" });
let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(readFileSync(".out/vitest.json", "utf8"));
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0) + (report.testResults ?? []).filter((r) => r.status === "failed" && r.assertionResults.length === 0).length;
} catch {
  failed = Math.max(1, failed);
}
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && run.status === 0 ? 0 : 1);
