// Runs one scenario (idle or play) on a Sandbox in virtual time: mount with a seed, step until
// the first frame, then step to each checkpoint (snapshot + introspection), sending input on the way.

import type { ProjectFiles } from "../project/files";
import type { Sandbox, SandboxEvents } from "../runtime/sandbox";
import type { ConsoleLevel, FrameSnapshot, GameError, HarnessCommand, CommandResult, Introspection, InputEvent } from "../runtime/harness/protocol";
import { FRAME_MS, inputSurface, randomBurst, seededRandom, startBursts, type Burst, type TimedInput } from "./input-plan";

export type ScenarioName = "idle" | "play";

export interface Checkpoint {
  /** Virtual ms since the first rendered frame. */
  atMs: number;
  snapshot: FrameSnapshot;
  introspection: Introspection | null;
  /** Labels of the input bursts sent since the previous checkpoint. */
  inputs: string[];
}

export interface RecordedError extends GameError {
  /** Virtual ms since the first rendered frame; negative while booting. */
  atMs: number;
}

export type ScenarioStop =
  | { reason: "completed" }
  | { reason: "boot-timeout" }
  | { reason: "error"; atMs: number }
  | { reason: "frozen"; atMs: number }
  | { reason: "crashed"; atMs: number };

/** Everything one run observed; the verdict is computed from two of these (see verdict.ts). */
export interface ScenarioRecord {
  name: ScenarioName;
  booted: boolean;
  /** As reported by the harness "ready" event. */
  firstFrameMs: number | null;
  /** Virtual frames stepped before the first frame appeared. */
  bootFrames: number;
  errors: RecordedError[];
  console: Array<{ level: ConsoleLevel; text: string; atMs: number }>;
  checkpoints: Checkpoint[];
  /** Virtual ms since the first frame when the run ended. */
  endedAtMs: number;
  stop: ScenarioStop;
  /** Frames stepped in total (boot included). */
  frames: number;
  wallMs: number;
}

export interface ScenarioOptions {
  name: ScenarioName;
  seed: number;
  durationMs: number;
  /** Offsets from the first frame at which to snapshot and introspect. */
  checkpointsMs: number[];
  thumbWidth: number;
  signal?: AbortSignal;
  onProgress?: (text: string) => void;
}

export class PlaytestAbortedError extends Error {
  constructor() {
    super("The playtest was cancelled.");
    this.name = "PlaytestAbortedError";
  }
}

/** A command that got no reply in time: the page is stuck (infinite loop, long synchronous work). */
class CommandTimeout extends Error {}

const BOOT_MAX_FRAMES = 600;
const BOOT_MAX_WALL_MS = 20000;
const BOOT_FRAMES_AFTER_ERROR = 10;
const UNRUNNABLE = new Set(["module", "syntax", "load"]);
const MAX_STEP_FRAMES = 120;
const MOUNT_TIMEOUT_MS = 15000;

const now = () => globalThis.performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CommandTimeout(`no reply within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function runScenario(sandbox: Sandbox, files: ProjectFiles, options: ScenarioOptions): Promise<ScenarioRecord> {
  const started = now();
  const record: ScenarioRecord = {
    name: options.name, booted: false, firstFrameMs: null, bootFrames: 0, errors: [], console: [],
    checkpoints: [], endedAtMs: 0, stop: { reason: "completed" }, frames: 0, wallMs: 0,
  };
  let virtualMs = 0;
  let originMs: number | null = null;
  let exit: SandboxEvents["exit"] | null = null;
  const since = () => virtualMs - (originMs ?? virtualMs);

  const unsubscribe = [
    sandbox.on("error", (error) => record.errors.push({ ...error, atMs: originMs === null ? -1 : since() })),
    sandbox.on("console", (line) => record.console.push({ level: line.level, text: line.text, atMs: originMs === null ? -1 : since() })),
    sandbox.on("ready", (ready) => (record.firstFrameMs = ready.firstFrameMs)),
    sandbox.on("exit", (reason) => (exit = reason)),
  ];

  const command = async <C extends HarnessCommand>(cmd: C, timeoutMs: number): Promise<CommandResult[C["op"]]> => {
    if (options.signal?.aborted) throw new PlaytestAbortedError();
    return withTimeout(sandbox.command(cmd, options.signal), timeoutMs);
  };
  const step = async (frames: number, capture = true) => {
    const result = await command({ op: "step", frames, capture }, 5000 + frames * 200);
    record.frames += frames;
    virtualMs = result.virtualMs;
  };

  /** Records why the page stopped answering: the sandbox's exit (frozen/crashed, with a location) or our own timeout. */
  const recordFailure = async (detail: string) => {
    await sleep(300);
    const at = originMs === null ? -1 : since();
    const reason = exit as SandboxEvents["exit"] | null;
    if (reason?.reason === "stopped") throw new PlaytestAbortedError();
    const message = reason ? reason.message : `The game stopped responding (${detail}): a frame never finished — likely an infinite loop in update() or create().`;
    if (!record.errors.some((e) => e.message === message)) {
      record.errors.push({ kind: "frozen", message, ...(reason?.reason === "frozen" && reason.location ? { location: reason.location } : {}), atMs: at });
    }
    record.stop = { reason: reason?.reason === "crashed" ? "crashed" : "frozen", atMs: at };
  };

  try {
    try {
      await withTimeout(sandbox.mount(files, { playtest: { seed: options.seed } }), MOUNT_TIMEOUT_MS);
    } catch (error) {
      if (error instanceof CommandTimeout) {
        await recordFailure("the page did not load");
        return record;
      }
      record.errors.push({ kind: "load", message: error instanceof Error ? error.message : String(error), atMs: -1 });
      record.stop = { reason: "boot-timeout" };
      return record;
    }
    if (!(await boot(record, step, command, options))) {
      if (record.stop.reason === "completed") record.stop = { reason: "boot-timeout" };
      return record;
    }
    originMs = virtualMs;
    record.booted = true;
    await runTimeline(record, step, command, since, options);
  } catch (error) {
    if (error instanceof PlaytestAbortedError || options.signal?.aborted) throw new PlaytestAbortedError();
    // A command that failed or timed out means the page is gone or stuck; the exit event says which.
    await recordFailure(error instanceof Error ? error.message : String(error));
  } finally {
    for (const off of unsubscribe) off();
    record.endedAtMs = originMs === null ? 0 : Math.max(0, since());
    record.wallMs = now() - started;
  }
  return record;
}

/** capture: copy the last frame for a snapshot (only the step that ends at a checkpoint needs it). */
type Step = (frames: number, capture?: boolean) => Promise<void>;
type Command = <C extends HarnessCommand>(cmd: C, timeoutMs: number) => Promise<CommandResult[C["op"]]>;

/**
 * Steps one frame at a time until the first frame is rendered. The harness waits (real time) for
 * Phaser's loop to start before it counts frames, so boot takes the same virtual frames every run.
 */
async function boot(record: ScenarioRecord, step: Step, command: Command, options: ScenarioOptions): Promise<boolean> {
  const started = now();
  options.onProgress?.(`${options.name}: waiting for the first frame`);
  // A project that failed to link or parse has no harness to answer commands.
  if (record.errors.some((e) => UNRUNNABLE.has(e.kind))) return false;
  let stepsAfterError = 0;
  for (;;) {
    const status = await command({ op: "status" }, 5000);
    if (status.rendered || record.firstFrameMs !== null) return true;
    if (record.bootFrames >= BOOT_MAX_FRAMES || now() - started >= BOOT_MAX_WALL_MS) return false;
    // An error in create() may or may not stop the game loop (a rejected promise does not): one more step tells.
    const frames = record.errors.length > 0 ? BOOT_FRAMES_AFTER_ERROR : 1;
    if (record.errors.length > 0 && stepsAfterError++ > 0) return false;
    await step(frames);
    record.bootFrames += frames;
  }
}

/** Steps through the scenario from the first frame: checkpoints, and in the play run the input bursts. */
async function runTimeline(record: ScenarioRecord, step: Step, command: Command, since: () => number, options: ScenarioOptions): Promise<void> {
  const totalFrames = Math.round(options.durationMs / FRAME_MS);
  const checkpointFrames = [...new Set(options.checkpointsMs.map((ms) => Math.min(totalFrames, Math.round(ms / FRAME_MS))))].sort((a, b) => a - b);
  const random = seededRandom(options.seed ^ 0x9e3779b9);
  const pending: TimedInput[] = [];
  let labels: string[] = [];
  let nextBurstFrame = options.name === "play" ? 0 : Infinity;
  let started = false;
  let view = null as Introspection | null;
  let frame = 0;
  let ci = 0;
  let lastProgress = -1;

  const checkpoint = async () => {
    const snapshot = await command({ op: "snapshot", thumbWidth: options.thumbWidth }, 8000);
    view = await command({ op: "introspect" }, 8000);
    record.checkpoints.push({ atMs: since(), snapshot, introspection: view, inputs: labels });
    labels = [];
  };
  const schedule = (burst: Burst) => {
    pending.push(...burst.inputs);
    pending.sort((a, b) => a.frame - b.frame);
    labels.push(burst.label);
    nextBurstFrame = burst.endFrame;
  };

  for (;;) {
    if (record.errors.length > 0) {
      // An uncaught error usually ends Phaser's loop; keep the picture at that moment and stop.
      const at = Math.max(0, Math.min(...record.errors.map((e) => e.atMs)));
      if (record.checkpoints[record.checkpoints.length - 1]?.atMs !== since()) await checkpoint();
      record.stop = { reason: "error", atMs: at };
      return;
    }
    if (ci < checkpointFrames.length && checkpointFrames[ci] <= frame) {
      await checkpoint();
      ci++;
      continue;
    }
    if (frame >= totalFrames) return;
    if (frame >= nextBurstFrame && pending.length === 0) {
      if (!started) {
        for (const burst of startBursts(frame + 2, view?.width || 800, view?.height || 600)) schedule(burst);
        started = true;
      } else {
        schedule(randomBurst(random, inputSurface(view), frame + 1));
      }
    }
    const due: InputEvent[] = [];
    while (pending.length && pending[0].frame <= frame) due.push(pending.shift()!.event);
    if (due.length) await command({ op: "input", events: due }, 5000);
    const target = Math.min(
      totalFrames, frame + MAX_STEP_FRAMES,
      pending.length ? pending[0].frame : Infinity,
      ci < checkpointFrames.length ? checkpointFrames[ci] : Infinity,
      Number.isFinite(nextBurstFrame) && nextBurstFrame > frame ? nextBurstFrame : Infinity,
    );
    await step(Math.max(1, target - frame), ci < checkpointFrames.length && target >= checkpointFrames[ci]);
    frame = Math.max(frame + 1, target);
    const second = Math.floor(frame * FRAME_MS / 1000);
    if (second !== lastProgress && second % 5 === 0) {
      lastProgress = second;
      options.onProgress?.(`${options.name}: ${second} s of ${Math.round(options.durationMs / 1000)} s`);
    }
  }
}
