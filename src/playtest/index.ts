// The playtest engine's door: `playtest(sandbox, files, options)` boots a game, watches it idle,
// plays it with seeded input, compares both runs and returns a PlaytestReport. Pure TS over Sandbox.

import type { ProjectFiles } from "../project/files";
import type { Sandbox } from "../runtime/sandbox";
import { runScenario, type ScenarioRecord } from "./scenario";
import { compareRuns, judge } from "./verdict";
import type { PlaytestReport } from "./report";
import type { TaskCheckSpec } from "./checks";

export type { PlaytestReport, ReportedError, InputEffect, Thumbnail, Verdict, Phase, PhaseSpan } from "./report";
export type { Check, CheckStatus, CheckEvidence, JudgeOpinion, TaskCheckSpec, StateProbe, GenericCheckId } from "./checks";
export { GENERIC_CHECK_IDS } from "./checks";
export { formatReportForModel, MODEL_REPORT_MAX_CHARS } from "./format";
export { PlaytestAbortedError, type ScenarioRecord, type Checkpoint } from "./scenario";
export { judge, compareRuns, type Comparison } from "./verdict";

export interface PlaytestOptions {
  /** Virtual seconds of play (default 30). */
  seconds?: number;
  /** Seeds Math.random in the game and the input bursts (default 1). */
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (text: string) => void;
  /** The task's checks (from the builder's GameSpec or a model's set_checks), verified in gameplay. */
  tasks?: TaskCheckSpec[];
}

export const DEFAULT_SECONDS = 30;
/** The idle run only needs to be long enough to compare against the early part of the play run. */
const IDLE_SECONDS = 10;
const THUMB_WIDTH = 256;

/** Snapshot moments (ms after the first frame): dense early, where start screens and first input matter. */
function checkpoints(durationMs: number): number[] {
  const out = [0, 500, 1000, 1500, 2000, 3000, 4000, 5000, 6500, 8000, 10000];
  for (let t = 12500; t < durationMs; t += 2500) out.push(t);
  out.push(durationMs);
  return [...new Set(out.filter((t) => t <= durationMs))];
}

export async function playtest(sandbox: Sandbox, files: ProjectFiles, options: PlaytestOptions = {}): Promise<PlaytestReport> {
  const seconds = Math.max(1, Math.min(300, options.seconds ?? DEFAULT_SECONDS));
  const seed = Math.trunc(options.seed ?? 1) >>> 0;
  const started = globalThis.performance.now();
  const common = { seed, thumbWidth: THUMB_WIDTH, signal: options.signal, onProgress: options.onProgress };
  try {
    const idleMs = Math.min(seconds, IDLE_SECONDS) * 1000;
    options.onProgress?.(`Idle run: ${idleMs / 1000} virtual seconds without input`);
    const idle = await runScenario(sandbox, files, { ...common, name: "idle", durationMs: idleMs, checkpointsMs: checkpoints(idleMs) });
    let play: ScenarioRecord | null = null;
    if (idle.booted && idle.stop.reason === "completed") {
      options.onProgress?.(`Play run: ${seconds} virtual seconds with seeded input`);
      play = await runScenario(sandbox, files, { ...common, name: "play", durationMs: seconds * 1000, checkpointsMs: checkpoints(seconds * 1000) });
    }
    const comparisons = play ? compareRuns(idle, play) : [];
    const report = judge(idle, play, comparisons, { files, seed, requestedSeconds: seconds, wallMs: globalThis.performance.now() - started });
    options.onProgress?.(`Verdict: ${report.verdict}`);
    return report;
  } finally {
    sandbox.stop();
  }
}
export { filesToWire, filesFromWire, type WireFiles } from "./wire";
