// Runs one scenario on a Sandbox in virtual time. The play run gets past the title the way a person
// does (and records how), then plays with seeded input; the control run replays the same start
// presses at the same frames and then leaves the game alone, observing at the play run's moments.

import type { ProjectFiles } from "../project";
import type { Sandbox, SandboxEvents, ConsoleLevel, FrameSnapshot, GameError, HarnessCommand, CommandResult, Introspection, InputEvent } from "../runtime/contract";
import type { StateProbe } from "./checks";
import { FRAME_MS, inputSurface, randomBurst, seededRandom, type Burst, type TimedInput } from "./input-plan";
import { passScreen, type ScreenPass } from "./menus";
import { phaseOf } from "./phases";
import { seekBurst } from "./seek";

export type ScenarioName = "control" | "play";

/** One checkpoint of a run: the snapshot and introspection at a virtual moment, and the inputs sent since the last one. (The agent's Checkpoint is another thing: files and report per iteration.) */
export interface Observation {
  /** Virtual ms since the first rendered frame. */
  atMs: number;
  frame: number;
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

/** What the play run did to get into gameplay, so the control run can do exactly the same. */
export interface StartPlan {
  inputs: TimedInput[];
  /** Every frame the play run observed at; the control run observes at the same ones. */
  checkpointFrames: number[];
}

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
  checkpoints: Observation[];
  /** Virtual ms since the first frame when the run ended. */
  endedAtMs: number;
  stop: ScenarioStop;
  /** Frames stepped in total (boot included). */
  frames: number;
  wallMs: number;
  /** How the title was passed (play run: found; control run: replayed, so `left` is what it saw). */
  start: ScreenPass | null;
  /** Frame (since the first frame) from which the run was in gameplay, if ever. */
  gameplayFrame: number | null;
  /** Restart attempts from a game-over screen. */
  restart: ScreenPass | null;
  /** All input this run sent, with frames; the play run's start part is the control run's plan. */
  sent: TimedInput[];
}

export interface ScenarioOptions {
  name: ScenarioName;
  seed: number;
  durationMs: number;
  /** Offsets from the first frame at which to snapshot and introspect (both runs). */
  checkpointsMs: number[];
  thumbWidth: number;
  /** Keys the project's source names (see sourceKeys). */
  sourceKeys: string[];
  /** Task probes that ask the play run to drive the player toward objects. */
  seeks: StateProbe[];
  /** Control run: the play run's start presses and observation frames. */
  replay?: StartPlan;
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
const BOOT_MAX_WALL_MS = 60000;
const BOOT_FRAMES_AFTER_ERROR = 10;
const UNRUNNABLE = new Set(["module", "syntax", "load"]);
const MAX_STEP_FRAMES = 120;
const MOUNT_TIMEOUT_MS = 30000;

/** A failed asset or a Phaser warning is a bug to report, but the game goes on: the run does too. */
const isFatal = (e: RecordedError) => e.kind !== "asset" && e.kind !== "warning";

const now = () => globalThis.performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CommandTimeout(`no reply within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Steps virtual time for one run: checkpoints fall due on the way, inputs go out at their frames.
 * Everything a run does goes through here, so the two runs' observations line up frame for frame.
 */
export class Timeline {
  frame = 0;
  view: Introspection | null = null;
  private labels: string[] = [];
  private readonly due: number[];
  private ci = 0;
  private lastProgress = -1;
  private capturedFrame = -1;

  constructor(
    private readonly record: ScenarioRecord,
    private readonly command: Command,
    private readonly step: Step,
    private readonly since: () => number,
    private readonly options: ScenarioOptions,
    checkpointFrames: number[],
  ) {
    this.due = [...new Set(checkpointFrames)].sort((a, b) => a - b);
  }

  get totalFrames(): number {
    return Math.round(this.options.durationMs / FRAME_MS);
  }

  get failed(): boolean {
    return this.record.errors.some(isFatal);
  }

  get ended(): boolean {
    return this.failed || this.frame >= this.totalFrames;
  }

  /** Snapshot and introspection now; the control run is told to observe at this frame too. */
  async observe(): Promise<Introspection | null> {
    // A snapshot shows the last frame drawn: draw this one if the steps that led here skipped it.
    if (this.capturedFrame !== this.frame) await this.stepFrames(1, true);
    const snapshot = await this.command({ op: "snapshot", thumbWidth: this.options.thumbWidth }, 8000);
    this.view = await this.command({ op: "introspect" }, 8000);
    this.record.checkpoints.push({ atMs: this.since(), frame: this.frame, snapshot, introspection: this.view, inputs: this.labels });
    this.labels = [];
    return this.view;
  }

  /** Introspection only, not a checkpoint (a seeking player looks where it is going). */
  async look(): Promise<Introspection | null> {
    return this.command({ op: "introspect" }, 8000);
  }

  /** Steps to `target` (clamped to the run's end), taking the checkpoints that fall due on the way. */
  async advanceTo(target: number): Promise<void> {
    const end = Math.min(target, this.totalFrames);
    while (!this.failed) {
      while (this.ci < this.due.length && this.due[this.ci] < this.frame) this.ci++;
      if (this.ci < this.due.length && this.due[this.ci] === this.frame && this.lastObservedFrame() !== this.frame) {
        await this.observe();
        this.ci++;
        continue;
      }
      if (this.frame >= end) return;
      const next = Math.min(end, this.frame + MAX_STEP_FRAMES, this.ci < this.due.length ? this.due[this.ci] : Infinity);
      await this.stepFrames(Math.max(1, next - this.frame), this.ci < this.due.length && next >= this.due[this.ci]);
    }
  }

  private async stepFrames(frames: number, capture: boolean): Promise<void> {
    await this.step(frames, capture);
    this.frame += frames;
    if (capture) this.capturedFrame = this.frame;
    this.progress();
  }

  /** Sends a burst: each input at its frame, stepping between them; returns at the burst's end. */
  async play(burst: Burst): Promise<void> {
    this.labels.push(burst.label);
    const inputs = [...burst.inputs].sort((a, b) => a.frame - b.frame);
    for (let i = 0; i < inputs.length && !this.ended; ) {
      await this.advanceTo(inputs[i].frame);
      if (this.failed || this.frame >= this.totalFrames) return;
      const batch: InputEvent[] = [];
      while (i < inputs.length && inputs[i].frame <= this.frame) {
        batch.push(inputs[i].event);
        this.record.sent.push({ frame: this.frame, event: inputs[i].event });
        i++;
      }
      await this.command({ op: "input", events: batch }, 5000);
    }
    await this.advanceTo(burst.endFrame);
  }

  /** Sends inputs now, without stepping (a seeking player adjusts the keys it holds). */
  async send(events: InputEvent[]): Promise<void> {
    if (events.length === 0) return;
    for (const event of events) this.record.sent.push({ frame: this.frame, event });
    await this.command({ op: "input", events }, 5000);
  }

  label(text: string): void {
    this.labels.push(text);
  }

  lastObservedFrame(): number {
    return this.record.checkpoints[this.record.checkpoints.length - 1]?.frame ?? -Infinity;
  }

  private progress(): void {
    const second = Math.floor(this.frame * FRAME_MS / 1000);
    if (second !== this.lastProgress && second % 5 === 0) {
      this.lastProgress = second;
      this.options.onProgress?.(`${this.options.name}: ${second} s of ${Math.round(this.options.durationMs / 1000)} s`);
    }
  }
}

export async function runScenario(sandbox: Sandbox, files: ProjectFiles, options: ScenarioOptions): Promise<ScenarioRecord> {
  const started = now();
  const record: ScenarioRecord = {
    name: options.name, booted: false, firstFrameMs: null, bootFrames: 0, errors: [], console: [],
    checkpoints: [], endedAtMs: 0, stop: { reason: "completed" }, frames: 0, wallMs: 0,
    start: null, gameplayFrame: null, restart: null, sent: [],
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
    const errors = record.errors.length;
    const lines = record.console.length;
    const result = await command({ op: "step", frames, capture }, 10000 + frames * 400);
    record.frames += frames;
    virtualMs = result.virtualMs;
    // What the game reported during a step happened by its end (the frame a snapshot then shows).
    if (originMs !== null) {
      for (const e of record.errors.slice(errors)) e.atMs = since();
      for (const l of record.console.slice(lines)) l.atMs = since();
    }
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
    const scheduled = options.checkpointsMs.map((ms) => Math.round(ms / FRAME_MS));
    const timeline = new Timeline(record, command, step, since, options, [...scheduled, ...(options.replay?.checkpointFrames ?? [])]);
    if (options.replay) await runControl(record, timeline, options.replay, options);
    else await runPlay(record, timeline, options);
    const fatal = record.errors.filter(isFatal);
    if (fatal.length > 0) {
      const at = Math.max(0, Math.min(...fatal.map((e) => e.atMs)));
      // An uncaught error usually ends Phaser's loop; keep the picture at that moment.
      if (record.checkpoints[record.checkpoints.length - 1]?.frame !== timeline.frame) await timeline.observe();
      record.stop = { reason: "error", atMs: at };
    }
  } catch (error) {
    if (error instanceof PlaytestAbortedError || options.signal?.aborted) throw new PlaytestAbortedError();
    if (error instanceof Error && error.name === "HarnessInterferenceError") {
      // Nothing the page says can be trusted now: the run ends with the interference as its error.
      const at = originMs === null ? -1 : since();
      record.errors.push({ kind: "error", message: interferenceMessage(error.message), atMs: at });
      record.stop = { reason: "error", atMs: Math.max(0, at) };
      return record;
    }
    // A command that failed or timed out means the page is gone or stuck; the exit event says which.
    await recordFailure(error instanceof Error ? error.message : String(error));
  } finally {
    for (const off of unsubscribe) off();
    record.endedAtMs = originMs === null ? 0 : Math.max(0, since());
    record.wallMs = now() - started;
  }
  return record;
}

/** What a report says when the game posted replies of its own on the harness's channel. */
function interferenceMessage(what: string): string {
  const said = what.replace(/^the game interfered with the playtest: /, "");
  return `The game interfered with the playtest: ${said}. Something in the game posts messages on Playforge's own channel ("playforge"); remove it, because the playtest cannot trust what the page reports.`;
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
    const status = await command({ op: "status" }, 10000);
    if (status.rendered || record.firstFrameMs !== null) return true;
    if (record.bootFrames >= BOOT_MAX_FRAMES || now() - started >= BOOT_MAX_WALL_MS) return false;
    // An error in create() may or may not stop the game loop (a rejected promise does not): one more step tells.
    const failing = record.errors.some(isFatal);
    const frames = failing ? BOOT_FRAMES_AFTER_ERROR : 1;
    if (failing && stepsAfterError++ > 0) return false;
    await step(frames);
    record.bootFrames += frames;
  }
}

const SETTLE_FRAMES = 30;
const OBSERVE_GAP_FRAMES = 50;

/** The play run: find the way into gameplay, then play with seeded bursts until the time is up. */
async function runPlay(record: ScenarioRecord, timeline: Timeline, options: ScenarioOptions): Promise<void> {
  await timeline.advanceTo(SETTLE_FRAMES);
  if (timeline.ended) return;
  let view = timeline.view ?? (await timeline.observe());
  const first = phaseOf(view);
  if (first === "gameplay") record.start = { from: "gameplay", left: true, by: null, tried: [], atFrame: timeline.frame, to: "gameplay" };
  else {
    record.start = await passScreen(timeline, first, options.sourceKeys);
    view = timeline.view;
  }
  if (record.start.to === "gameplay") record.gameplayFrame = record.start.atFrame;
  if (!record.start.left || timeline.ended) return;

  const random = seededRandom(options.seed ^ 0x9e3779b9);
  let surface = inputSurface(view, options.sourceKeys);
  const nextSeek = seekRotation(options.seeks);
  while (!timeline.ended) {
    const phase = phaseOf(timeline.view);
    if (phase === "gameover" && !record.restart) {
      record.restart = await passScreen(timeline, "gameover", options.sourceKeys);
      if (timeline.view) surface = inputSurface(timeline.view, options.sourceKeys);
      continue;
    }
    if (phase === "gameplay" && record.gameplayFrame === null) record.gameplayFrame = timeline.frame;
    const seek = nextSeek();
    if (seek) await seekBurst(timeline, seek, surface);
    else await timeline.play(randomBurst(random, surface, timeline.frame + 1));
    // Observing is the dear part of a step (a drawn frame, read back): at most about once a second.
    if (!timeline.ended && timeline.frame - timeline.lastObservedFrame() >= OBSERVE_GAP_FRAMES) await timeline.observe();
  }
  await timeline.advanceTo(timeline.totalFrames);
}

/**
 * Which seek list the play run's next burst follows: every other burst seeks (the others are
 * random), and each seeking burst takes the next task's list in turn, so a second task's list is
 * sought as often as the first's. null for a random burst.
 */
export function seekRotation(seeks: StateProbe[]): () => StateProbe | null {
  let burst = 0;
  let sought = 0;
  return () => (seeks.length && burst++ % 2 === 0 ? seeks[sought++ % seeks.length] : null);
}

/** The control run: the play run's start presses at the same frames, then no input; a game over gets its restart tried. */
async function runControl(record: ScenarioRecord, timeline: Timeline, plan: StartPlan, options: ScenarioOptions): Promise<void> {
  // Task checks on the control run read its describe() from its own first gameplay moment.
  const noteGameplay = () => {
    if (record.gameplayFrame === null && phaseOf(timeline.view) === "gameplay") record.gameplayFrame = timeline.lastObservedFrame();
  };
  for (const input of plan.inputs) {
    await timeline.advanceTo(input.frame);
    if (timeline.ended) return;
    noteGameplay();
    await timeline.send([input.event]);
  }
  while (!timeline.ended) {
    const next = Math.min(timeline.totalFrames, timeline.frame + MAX_STEP_FRAMES);
    await timeline.advanceTo(next);
    noteGameplay();
    if (phaseOf(timeline.view) === "gameover" && !record.restart && !timeline.ended) {
      record.restart = await passScreen(timeline, "gameover", options.sourceKeys);
    }
  }
}
