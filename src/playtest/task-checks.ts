// Verifies the task's checks (from the builder's GameSpec or a model's set_checks) against the
// gameplay scene's describe() state in the play and control runs. A field the game never exposes
// in gameplay is `unknown`, never `pass`.

import type { Check, TaskCheckSpec } from "./checks";
import { gameplayScene, phaseOf } from "./phases";
import type { ScenarioRecord } from "./scenario";
import { readPath } from "./seek";

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface Sample {
  atMs: number;
  value: unknown;
  run: string;
}

function samples(run: ScenarioRecord, field: string): Sample[] {
  const from = run.gameplayFrame ?? Infinity;
  const out: Sample[] = [];
  for (const c of run.checkpoints) {
    if (c.frame < from || phaseOf(c.introspection) !== "gameplay") continue;
    const value = readPath(gameplayScene(c.introspection)?.describe, field);
    if (value !== undefined) out.push({ atMs: c.atMs, value, run: run.name });
  }
  return out;
}

const show = (v: unknown) => (typeof v === "number" ? String(Math.round(v * 100) / 100) : JSON.stringify(v)?.slice(0, 40) ?? "undefined");

/** The first sample that satisfies the probe, given the run's first gameplay value. */
function witness(spec: TaskCheckSpec, list: Sample[]): Sample | null {
  const { expect, value } = spec.probe;
  const base = list[0]?.value;
  for (const s of list.slice(expect === "atLeast" || expect === "atMost" ? 0 : 1)) {
    const n = typeof s.value === "number" ? s.value : NaN;
    const b = typeof base === "number" ? base : NaN;
    if (expect === "rises" && n > b) return s;
    if (expect === "falls" && n < b) return s;
    if (expect === "changes" && JSON.stringify(s.value) !== JSON.stringify(base)) return s;
    if (expect === "atLeast" && value !== undefined && n >= value) return s;
    if (expect === "atMost" && value !== undefined && n <= value) return s;
  }
  return null;
}

function verify(spec: TaskCheckSpec, play: ScenarioRecord, control: ScenarioRecord | null): Check {
  const required = spec.required ?? true;
  const base = { id: spec.id, says: spec.says, required, source: "task" as const };
  const which = spec.probe.run ?? "play";
  const runs = [which !== "control" ? play : null, which !== "play" ? control : null].filter((r): r is ScenarioRecord => !!r);
  const field = spec.probe.field;
  const lists = runs.map((r) => samples(r, field)).filter((l) => l.length > 0);
  if (lists.length === 0) {
    return { ...base, status: "unknown", evidence: { detail: `describe() of the gameplay scene has no "${field}" in the ${which === "either" ? "play or control" : which} run, so this could not be observed.` } };
  }
  const all = lists.flat();
  const span = `${show(all[0].value)} at ${seconds(all[0].atMs)}`;
  if (spec.probe.expect === "stays") {
    const moved = lists.flatMap((l) => l.filter((s) => JSON.stringify(s.value) !== JSON.stringify(l[0].value)))[0];
    if (moved) return { ...base, status: "fail", evidence: { detail: `${field} was ${span}, then ${show(moved.value)} at ${seconds(moved.atMs)} (${moved.run} run).`, atMs: moved.atMs, before: all[0].value, after: moved.value } };
    if (all.length < 2) return { ...base, status: "unknown", evidence: { detail: `${field} was seen only once (${span}).` } };
    return { ...base, status: "pass", evidence: { detail: `${field} stayed ${show(all[0].value)} through gameplay (${all.length} moments).`, atMs: all[all.length - 1].atMs } };
  }
  for (const list of lists) {
    const seen = witness(spec, list);
    if (seen) {
      return { ...base, status: "pass", evidence: { detail: `${field} ${show(list[0].value)} at ${seconds(list[0].atMs)} → ${show(seen.value)} at ${seconds(seen.atMs)} (${seen.run} run).`, atMs: seen.atMs, before: list[0].value, after: seen.value } };
    }
  }
  const last = lists[0][lists[0].length - 1];
  const verbs = { rises: "rise", falls: "fall", changes: "change", atLeast: `reach at least ${spec.probe.value}`, atMost: `fall to at most ${spec.probe.value}`, stays: "stay" };
  const wanted = verbs[spec.probe.expect];
  return {
    ...base, status: "fail",
    evidence: { detail: `${field} was ${span} and ${show(last.value)} at ${seconds(last.atMs)} (${last.run} run); expected it to ${wanted}${spec.probe.seek ? `, with the player driven toward ${spec.probe.seek}` : ""}.`, atMs: last.atMs, before: lists[0][0].value, after: last.value },
  };
}

export function taskChecks(play: ScenarioRecord, control: ScenarioRecord | null, specs: TaskCheckSpec[]): Check[] {
  return specs.map((spec) => verify(spec, play, control));
}
