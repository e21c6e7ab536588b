// The playtest engine's door: `playtest(sandbox, files, options)` boots a game, gets past its title,
// plays it with seeded input, compares that with a control run inside gameplay and returns a
// PlaytestReport whose checks decide the verdict. Pure TS over Sandbox.

import type { ProjectFiles } from "../project";
import type { InputEvent, Sandbox } from "../runtime/contract";
import { sourceKeys, type TimedInput } from "./input-plan";
import { runScenario, type ScenarioRecord } from "./scenario";
import { judge } from "./verdict";
import type { PlaytestReport } from "./report";
import type { TaskCheckSpec } from "./checks";

export type { PlaytestReport, ReportedError, InputEffect, Thumbnail, Verdict, Phase, PhaseSpan } from "./report";
export type { Check, CheckStatus, CheckEvidence, JudgeOpinion, TaskCheckSpec, StateProbe, GenericCheckId } from "./checks";
export { GENERIC_CHECK_IDS } from "./checks";
export { formatReportForModel, MODEL_REPORT_MAX_CHARS } from "./format";
export { PlaytestAbortedError, type ScenarioRecord, type Observation } from "./scenario";
export { judge, type JudgeContext } from "./verdict";

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
const THUMB_WIDTH = 256;

/** Snapshot moments (ms after the first frame): dense early, where start screens and first input matter, then every 2.5 s. */
function checkpoints(durationMs: number): number[] {
  const out = [0, 500, 1000, 1500, 2000, 3000, 4000, 5000, 6500, 8000, 10000];
  for (let t = 12500; t < durationMs; t += 2500) out.push(t);
  out.push(durationMs);
  return [...new Set(out.filter((t) => t <= durationMs))];
}

/**
 * Plays the game twice with the same seed: the play run gets past the title and plays with seeded
 * input; the control run repeats the same start presses at the same frames and then leaves the game
 * alone. Checks compare the two inside gameplay.
 */
export async function playtest(sandbox: Sandbox, files: ProjectFiles, options: PlaytestOptions = {}): Promise<PlaytestReport> {
  const seconds = Math.max(1, Math.min(300, options.seconds ?? DEFAULT_SECONDS));
  const seed = Math.trunc(options.seed ?? 1) >>> 0;
  const started = globalThis.performance.now();
  const tasks = options.tasks ?? [];
  const durationMs = seconds * 1000;
  const common = {
    seed, thumbWidth: THUMB_WIDTH, durationMs, checkpointsMs: checkpoints(durationMs), sourceKeys: sourceKeys(files),
    seeks: tasks.map((t) => t.probe).filter((p) => p.seek), signal: options.signal, onProgress: options.onProgress,
  };
  try {
    options.onProgress?.(`Play run: ${seconds} virtual seconds, past the title, then seeded input`);
    const play = await runScenario(sandbox, files, { ...common, name: "play" });
    let control: ScenarioRecord | null = null;
    if (play.booted) {
      options.onProgress?.(`Control run: the same start, then ${seconds} virtual seconds without input`);
      const startUntil = play.gameplayFrame ?? play.start?.atFrame ?? 0;
      const replay = { inputs: startPresses(play.sent, startUntil), checkpointFrames: play.checkpoints.map((c) => c.frame) };
      control = await runScenario(sandbox, files, { ...common, name: "control", replay });
    }
    const report = judge(play, control, { files, seed, requestedSeconds: seconds, wallMs: globalThis.performance.now() - started, tasks });
    options.onProgress?.(`Verdict: ${report.verdict}`);
    return report;
  } finally {
    sandbox.stop();
  }
}
/**
 * What the control run replays: the play run's inputs before gameplay began. A key or pointer
 * still down then (a burst that began on that very frame) is released there, so the control run
 * never holds a key the play run let go of later.
 */
export function startPresses(sent: TimedInput[], until: number): TimedInput[] {
  const before = sent.filter((i) => i.frame < until);
  const held = new Map<string, InputEvent>();
  const press = (id: string, down: boolean, release: InputEvent) => {
    if (down) held.set(id, release);
    else held.delete(id);
  };
  for (const { event } of before) {
    if (event.kind === "key") press(`key:${event.key}`, event.action === "down", { kind: "key", action: "up", key: event.key });
    else if (event.kind === "pointer" && event.action !== "move") press("pointer", event.action === "down", { ...event, action: "up" });
    else if (event.kind === "touch" && event.action !== "move") press("touch", event.action === "start", { ...event, action: "end" });
  }
  return [...before, ...[...held.values()].map((event) => ({ frame: until, event }))];
}

export { describeKey, domKey } from "./input-plan";
export { filesToWire, filesFromWire, type WireFiles, type RunnerOptions, type PlayforgeRunner, type RunnerPage } from "./wire";
