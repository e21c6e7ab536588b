// specChecks: the gameplay facts each design's game must show in a playtest, derived from its
// GameSpec and phrased about fields the game's Play scene really exposes in describe()
// (player, targets, hazards, score, lives, ...). They go to the playtest engine as its `tasks`.

import type { StateProbe, TaskCheckSpec } from "../playtest";
import { SPEC_PATH } from "../project/share";
import type { ProjectFiles } from "../project/files";
import { isGameSpec, type GameSpec, type Genre } from "./spec";

type Probe = Omit<StateProbe, "kind">;

function check(id: string, says: string, probe: Probe, required = true): TaskCheckSpec {
  return { id, says, required, probe: { kind: "state", ...probe } };
}

/** "jellyfish", "sharks and eels": the spec's names as a person would list them. */
function names(list: { name: string }[], fallback: string): string {
  const all = list.map((t) => t.name);
  if (all.length === 0) return fallback;
  return all.length === 1 ? all[0] : `${all.slice(0, -1).join(", ")} and ${all[all.length - 1]}`;
}

const SCORE_FROM_TARGETS = (what: string, player: string) =>
  check("score-rises", `Score rises when the ${player} collects ${what}`, { field: "score", expect: "rises", seek: "targets" });

const CHECKS: Record<Genre, (spec: GameSpec) => TaskCheckSpec[]> = {
  racing: (spec) => [
    check("lap-rises", `The lap count rises as the ${spec.player} drives on`, { field: "lap", expect: "rises", run: "either", seek: "targets" }),
    ...(spec.hazards.length
      ? [check("crash-costs-a-life", `Lives fall when the ${spec.player} hits the ${names(spec.hazards, "traffic")}`, { field: "lives", expect: "falls", seek: "hazards" }, false)]
      : []),
  ],
  diving: (spec) => [
    SCORE_FROM_TARGETS(names(spec.collectibles, "pearls"), spec.player),
    check("oxygen-falls", "Oxygen falls under water", { field: "oxygen", expect: "falls", run: "either" }),
    ...(spec.hazards.length
      ? [check("sting-costs-a-life", `Lives fall when the ${names(spec.hazards, "creatures")} touch the ${spec.player}`, { field: "lives", expect: "falls", seek: "hazards" }, false)]
      : []),
  ],
  platformer: (spec) => [
    SCORE_FROM_TARGETS(names(spec.collectibles, "coins"), spec.player),
    ...(spec.hazards.length
      ? [check("enemy-costs-a-life", `Lives fall when the ${spec.player} runs into the ${names(spec.hazards, "enemies")}`, { field: "lives", expect: "falls", seek: "hazards" }, false)]
      : []),
  ],
  shooter: (spec) => [
    check("score-rises", `Score rises when a shot hits the ${names(spec.hazards, "invaders")}`, { field: "score", expect: "rises", run: "either", seek: "targets" }),
    check("invaders-fall", `Shots destroy ${names(spec.hazards, "invaders")}: fewer are left`, { field: "invaders", expect: "falls", run: "either" }),
  ],
  breakout: () => [
    check("score-rises", "Score rises when the ball breaks a brick", { field: "score", expect: "rises", run: "either", seek: "targets" }),
    check("bricks-fall", "Bricks disappear when the ball hits them", { field: "bricks", expect: "falls", run: "either" }),
    check("miss-costs-a-life", "Lives fall when the ball gets past the paddle", { field: "lives", expect: "falls", run: "either" }),
  ],
  snake: (spec) => [
    check("length-rises", `The ${spec.player} grows when it eats ${names(spec.collectibles, "apples")}`, { field: "length", expect: "rises", seek: "targets" }),
  ],
  runner: (spec) => [
    check("distance-rises", `The ${spec.player} keeps running: the distance rises`, { field: "metres", expect: "rises", run: "either" }),
    ...(spec.hazards.length
      ? [check("obstacle-costs-a-life", `Lives fall when the ${spec.player} hits the ${names(spec.hazards, "obstacles")}`, { field: "lives", expect: "falls", run: "either" })]
      : []),
  ],
  maze: (spec) => [
    SCORE_FROM_TARGETS(names(spec.collectibles, "gems"), spec.player),
    check("gems-fall", `Collected ${names(spec.collectibles, "gems")} disappear from the maze`, { field: "gemsLeft", expect: "falls", seek: "targets" }),
  ],
};

/** The task checks a game built from this spec must pass, for the playtest's `tasks`. */
export function specChecks(spec: GameSpec): TaskCheckSpec[] {
  return CHECKS[spec.genre](spec);
}

/**
 * The task checks for a project: the builder's for a game it made (it carries its game.spec.json),
 * plus those a model declared with set_checks (a declared id replaces the builder's).
 */
export function projectChecks(files: ProjectFiles, declared: TaskCheckSpec[] = []): TaskCheckSpec[] {
  const ids = new Set(declared.map((t) => t.id));
  return [...builderChecks(files).filter((t) => !ids.has(t.id)), ...declared];
}

function builderChecks(files: ProjectFiles): TaskCheckSpec[] {
  const text = files[SPEC_PATH];
  if (typeof text !== "string") return [];
  try {
    const spec: unknown = JSON.parse(text);
    return isGameSpec(spec) ? specChecks(spec) : [];
  } catch {
    // A hand-broken game.spec.json makes an ordinary project: the generic checks still run.
    return [];
  }
}
