// When a run may end as playable: a playtest of at least the default length on the current files,
// with every required check passing (or, for reports without checks, the verdict playable).

import { DEFAULT_SECONDS, type Check, type PlaytestReport } from "../playtest";
import type { TaskCheckSpec } from "../playtest";

/** finish needs a playtest at least this long (the engine's default length). */
export const FULL_PLAYTEST_SECONDS = DEFAULT_SECONDS;

export interface Acceptance {
  accepted: boolean;
  /** Required checks that did not pass, failed ones before unverified ones. */
  unmet: Check[];
  /** Declared task checks the report does not carry (the playtest did not verify them). */
  missing: string[];
}

export function acceptance(report: PlaytestReport, declared: readonly TaskCheckSpec[]): Acceptance {
  const unmet = report.checks.filter((c) => c.required && c.status !== "pass").sort((a, b) => rank(a) - rank(b));
  const carried = new Set(report.checks.map((c) => c.id));
  const missing = report.checks.length ? declared.filter((spec) => !carried.has(spec.id)).map((spec) => spec.id) : [];
  const accepted = report.checks.length ? unmet.length === 0 : report.verdict === "playable";
  return { accepted, unmet, missing };
}

const rank = (check: Check) => (check.status === "fail" ? 0 : 1);

/** "FAIL controls: The controls move the player — evidence" per check, failed first. */
export function unmetText(unmet: readonly Check[]): string {
  return unmet.map((c) => `${c.status === "fail" ? "FAIL" : "NOT VERIFIED"} ${c.id}: ${c.says.replace(/\.+$/, "")}${c.evidence.detail ? ` (${c.evidence.detail.slice(0, 200)})` : ""}`).join("; ");
}

/** Whether the report is long enough for finish. */
export function isFullLength(report: PlaytestReport): boolean {
  return report.requestedSeconds >= FULL_PLAYTEST_SECONDS;
}
