// The boundary of set_checks: the model's JSON becomes TaskCheckSpec[] (src/playtest/checks.ts)
// or a ToolError that says exactly which check and field is wrong and what to send instead.

import { GENERIC_CHECK_IDS, type StateProbe, type TaskCheckSpec } from "../playtest";
import { ToolError } from "./tools";

const MAX_CHECKS = 12;
const EXPECTS: readonly StateProbe["expect"][] = ["rises", "falls", "changes", "atLeast", "atMost", "stays"];
const RUNS: readonly NonNullable<StateProbe["run"]>[] = ["play", "control", "either"];
const FIELD = /^[A-Za-z_$][\w$]*(\.[\w$]+)*$/;

export const TASK_CHECK_EXAMPLE = `{"checks": [{"id": "score-rises", "says": "The score rises when a pearl is collected", "probe": {"field": "score", "expect": "rises", "seek": "pearls"}}, {"id": "oxygen-falls", "says": "Oxygen falls under water", "probe": {"field": "oxygen", "expect": "falls", "run": "either"}}]}`;

function fail(message: string): never {
  throw new ToolError("set_checks", `${message} Example: ${TASK_CHECK_EXAMPLE}`);
}

function text(value: unknown, where: string, max: number): string {
  if (typeof value !== "string" || value.trim() === "") fail(`${where} must be a non-empty string.`);
  if (value.length > max) fail(`${where} is ${value.length} characters; keep it under ${max}.`);
  return value.trim();
}

function probeOf(raw: unknown, where: string): StateProbe {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) fail(`${where}.probe must be an object like {"field": "score", "expect": "rises"}.`);
  const p = raw as Record<string, unknown>;
  if (p.kind !== undefined && p.kind !== "state") fail(`${where}.probe.kind must be "state" (the only kind of probe), got ${JSON.stringify(p.kind)}.`);
  const field = text(p.field, `${where}.probe.field`, 80);
  if (!FIELD.test(field)) fail(`${where}.probe.field must be a dotted path into describe(), like "score" or "player.x"; got ${JSON.stringify(field)}.`);
  if (!EXPECTS.includes(p.expect as StateProbe["expect"])) fail(`${where}.probe.expect must be one of ${EXPECTS.join(", ")}; got ${JSON.stringify(p.expect)}.`);
  const expect = p.expect as StateProbe["expect"];
  const probe: StateProbe = { kind: "state", field, expect };
  if (expect === "atLeast" || expect === "atMost") {
    if (typeof p.value !== "number" || !Number.isFinite(p.value)) fail(`${where}.probe.value must be a number for expect "${expect}".`);
    probe.value = p.value;
  } else if (p.value !== undefined) fail(`${where}.probe.value is only for expect atLeast or atMost; remove it for "${expect}".`);
  if (p.run !== undefined) {
    if (!RUNS.includes(p.run as NonNullable<StateProbe["run"]>)) fail(`${where}.probe.run must be one of ${RUNS.join(", ")}; got ${JSON.stringify(p.run)}.`);
    probe.run = p.run as NonNullable<StateProbe["run"]>;
  }
  if (p.seek !== undefined) {
    const seek = text(p.seek, `${where}.probe.seek`, 80);
    if (!FIELD.test(seek)) fail(`${where}.probe.seek must be a dotted path into describe() of a list of {x, y}, like "pearls"; got ${JSON.stringify(seek)}.`);
    probe.seek = seek;
  }
  return probe;
}

/** Validates set_checks' `checks` argument; throws ToolError naming the first problem. */
export function parseTaskChecks(value: unknown): TaskCheckSpec[] {
  if (!Array.isArray(value)) fail(`"checks" must be an array of checks.`);
  if (value.length === 0) fail(`"checks" is empty; declare at least one observable fact of the game.`);
  if (value.length > MAX_CHECKS) fail(`${value.length} checks is too many; declare at most ${MAX_CHECKS}, the ones that matter for the request.`);
  const seen = new Set<string>();
  return value.map((raw, i) => {
    const where = `checks[${i}]`;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) fail(`${where} must be an object with id, says and probe.`);
    const c = raw as Record<string, unknown>;
    const id = text(c.id, `${where}.id`, 40).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    if (!id) fail(`${where}.id must contain letters or digits, like "score-rises".`);
    if ((GENERIC_CHECK_IDS as readonly string[]).includes(id)) fail(`${where}.id "${id}" is a generic check the playtest always runs; name the task's own fact instead.`);
    if (seen.has(id)) fail(`${where}.id "${id}" is used twice; every check needs its own id.`);
    seen.add(id);
    const says = text(c.says, `${where}.says`, 200);
    if (c.required !== undefined && typeof c.required !== "boolean") fail(`${where}.required must be true or false.`);
    return { id, says, ...(c.required === false ? { required: false } : {}), probe: probeOf(c.probe, where) };
  });
}
