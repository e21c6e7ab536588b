// PlaytestReport: what the playtest engine tells the IDE, the agent and the CLI about a game.

import type { GameError, Introspection } from "../runtime/contract";
import type { Check } from "./checks";

export type Verdict = "playable" | "broken";

export interface ReportedError extends GameError {
  /** How many times this error (same message and location) was seen. */
  count: number;
  /** A few lines of the project source around the location, when known. */
  codeFrame?: string;
  /** Virtual time at which it first happened. */
  atMs?: number;
  /** Which part of the playtest first saw it: booting, the control run (no input after the start) or the play run. */
  during?: "boot" | "control" | "play";
}

export interface InputEffect {
  input: string;
  /** What changed versus the idle run at the same virtual time and seed. */
  changed: string;
}

export interface Thumbnail {
  label: string;
  atMs: number;
  dataUrl: string;
}

/** Where the game was at a moment: the engine finds these from scenes, describe() and start presses. */
export type Phase = "boot" | "title" | "gameplay" | "gameover";

export interface PhaseSpan {
  phase: Phase;
  /** Virtual ms since the first frame, in the play run. */
  fromMs: number;
  scenes: string[];
}

export interface PlaytestReport {
  verdict: Verdict;
  /** Failed required checks first, then errors and what was observed. */
  reasons: string[];
  /** Generic checks first (boots, leaves-title, controls, ...), then the task's. */
  checks: Check[];
  /** The play run's phases in order. */
  phases: PhaseSpan[];
  booted: boolean;
  firstFrameMs: number | null;
  errors: ReportedError[];
  consoleTail: string[];
  nonBlank: boolean;
  animates: boolean;
  respondsToInput: boolean;
  inputEffects: InputEffect[];
  survivedSeconds: number;
  requestedSeconds: number;
  /** Virtual frames simulated per real second during the run. */
  fps: number;
  /** Virtual seconds per wall-clock second. */
  speed: number;
  wallMs: number;
  seed: number;
  thumbnails: Thumbnail[];
  frameHashes: string[];
  introspection: Introspection | null;
}
