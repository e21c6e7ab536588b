// Benchmark results: each bench records ratios against a baseline measured in the same run,
// merged into bench/results.json (never timed assertions in tests: these machines are noisy).

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const RESULTS = fileURLToPath(new URL("./results.json", import.meta.url));

export interface BenchResult {
  /** What was measured, in words. */
  what: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  budget: string;
  pass: boolean;
  /** Further numbers worth reading beside the budgeted one (printed, not judged). */
  details?: Record<string, unknown>;
}

export function recordResults(results: Record<string, BenchResult>): void {
  const all = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, "utf8")) : {};
  Object.assign(all, results);
  writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
  for (const [name, r] of Object.entries(results)) {
    const ratio = r.ratio === undefined ? "" : ` ratio ${r.ratio.toFixed(2)}`;
    const base = r.baseline === undefined ? "" : ` (baseline ${r.baseline.toFixed(1)} ${r.unit})`;
    console.log(`${r.pass ? "PASS" : "FAIL"} ${name}: ${r.value.toFixed(1)} ${r.unit}${base}${ratio} — budget ${r.budget}`);
    if (r.details) console.log(`     ${JSON.stringify(r.details, (_key, value) => (typeof value === "number" ? Math.round(value) : value))}`);
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
