// Checks: the substance of a playtest verdict. Generic checks always run; task checks come from
// the task (the offline builder's GameSpec, or a model's set_checks) and are verified by probes.
// What cannot be verified is `unknown`, never `pass`; the verdict is broken when a required check fails.

export type CheckStatus = "pass" | "fail" | "unknown";

/** The generic checks every playtest runs, in report order. */
export const GENERIC_CHECK_IDS = [
  "boots", "leaves-title", "controls", "no-errors", "not-blank", "animates", "survives", "game-over", "restart",
] as const;
export type GenericCheckId = (typeof GENERIC_CHECK_IDS)[number];

export interface CheckEvidence {
  /** What was measured, in words a person can verify against the frames ("ArrowRight moved Image \"diver\" +118 px"). */
  detail: string;
  /** Virtual ms (since the first frame) of the moment the evidence is from. */
  atMs?: number;
  /** Labels of the report's thumbnails that show it. */
  frames?: string[];
  /** The state before and after (describe() fields, object positions), when the check is about state. */
  before?: unknown;
  after?: unknown;
}

/** A vision judge's opinion on one check: shown as the judge's, never changes `status`. */
export interface JudgeOpinion {
  opinion: "agrees" | "disagrees" | "unsure";
  says: string;
  model: string;
}

export interface Check {
  id: string;
  /** The fact being checked, as a sentence ("The controls move the player in gameplay"). */
  says: string;
  required: boolean;
  status: CheckStatus;
  evidence: CheckEvidence;
  source: "generic" | "task";
  judge?: JudgeOpinion;
}

/**
 * A task check as declared (by the builder from its GameSpec, or by a model with set_checks):
 * an observable fact about the game's describe() state, verified in the gameplay phase.
 * `field` is a dotted path into the gameplay scene's describe() ("score", "player.x", "oxygen").
 */
export interface TaskCheckSpec {
  id: string;
  says: string;
  /** Default true. */
  required?: boolean;
  probe: StateProbe;
}

export interface StateProbe {
  kind: "state";
  field: string;
  /**
   * rises / falls / changes: the field's value at some gameplay moment differs that way from its
   * first gameplay value; atLeast / atMost: it reaches `value`; stays: it never changes.
   */
  expect: "rises" | "falls" | "changes" | "atLeast" | "atMost" | "stays";
  value?: number;
  /** Which run must show it: play (with input, the default), control (the same start, then no input), or either. */
  run?: "play" | "control" | "either";
  /**
   * Optional: drive the player toward these objects during the play run, so "score rises when a
   * pearl is collected" can be seen. Dotted path into describe() of a list of {x, y} (e.g. "targets");
   * the player's position is describe().player {x, y}.
   */
  seek?: string;
}
