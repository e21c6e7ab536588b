// Runs the open project in a Sandbox and keeps it running as files change: edits are debounced
// and applied with updateFile, structural changes (delete, rename, new project) remount. Sandbox
// events become console lines and a run status the toolbar and preview show.

import { createStore, type StoreApi } from "zustand/vanilla";
import { SandboxCommandError, type CommandResult, type ExitReason, type HarnessCommand, type Sandbox, type SourceLocation } from "../runtime";
import type { ConsoleStore } from "./console";
import { diffFiles, type ProjectStore } from "./project";
import { readSoundOff, writeSoundOff } from "./sound";

export type PreviewStatus =
  | { state: "idle" }
  | { state: "starting" }
  | { state: "running" }
  /** firstFrameMs: from the start of the run (linking, page, Phaser, boot) to the first rendered frame. */
  | { state: "ready"; firstFrameMs: number }
  | { state: "exited"; exit: ExitReason }
  | { state: "failed"; message: string };

export interface PreviewState {
  status: PreviewStatus;
  /** Harness messages that failed validation, as reported by the sandbox. */
  dropped: number;
  /**
   * The game's heartbeat is late while the IDE's own timers were late too: the machine is busy,
   * so the watchdog waits for the game instead of stopping it. Cleared when the game speaks again.
   */
  machineBusy: boolean;
  /** Game errors reported since the current run started. */
  errors: number;
  /** How many runs (mounts or file updates) have started; lets tests and the UI tell runs apart. */
  runs: number;
  /** True while a hidden playtest holds the live game (both share one thread; see hold). */
  paused: boolean;
  /** The person muted the live game's sound (kept across runs, and across reloads in `storage`). */
  muted: boolean;
  /** Creates the sandbox inside `host` and starts the project; returns a detach function. */
  attach(host: HTMLElement): () => void;
  /** Ctrl/Cmd+S: applies pending edits now instead of after the debounce, or re-runs the game when nothing changed. */
  runNow(): void;
  /** Starts the project from scratch. */
  restart(): void;
  stop(): void;
  /**
   * Pauses the live game until the returned release is called (holds nest). A hidden playtest
   * holds it: the preview's page shares the playtest page's thread, and the playtest runs about
   * three times faster without a live game rendering beside it.
   */
  hold(): () => void;
  setMuted(muted: boolean): void;
  /** A harness command to the live game (the on-screen touch controls ask its keys and press them). */
  command<C extends HarnessCommand>(command: C, signal?: AbortSignal): Promise<CommandResult[C["op"]]>;
}

export type PreviewStore = StoreApi<PreviewState>;

export interface PreviewOptions {
  project: ProjectStore;
  console: ConsoleStore;
  createSandbox: (host: HTMLElement) => Sandbox;
  /** Quiet time after the last edit before the preview re-runs. */
  debounceMs?: number;
  /** Where Sound off is remembered across reloads (default: this browser's localStorage). */
  storage?: Storage;
}

/** One attached sandbox and the bookkeeping of its runs; a detached session is ignored. */
interface Session {
  sandbox: Sandbox;
  /** True while the sandbox holds a running project that updateFile can change. */
  mounted: boolean;
  busy: boolean;
  again: boolean;
  live: boolean;
}

export function createPreviewStore({ project, console: log, createSandbox, debounceMs = 300, storage }: PreviewOptions): PreviewStore {
  let session: Session | null = null;
  let fullRunPending = false;
  const pendingPaths = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let runStartedAt = 0;
  let holds = 0;

  const store = createStore<PreviewState>()((set) => ({
    status: { state: "idle" },
    dropped: 0,
    machineBusy: false,
    errors: 0,
    runs: 0,
    paused: false,
    muted: readSoundOff(storage),
    attach(host) {
      if (session) throw new Error("The preview is already attached; detach it before attaching again.");
      const current: Session = { sandbox: createSandbox(host), mounted: false, busy: false, again: false, live: true };
      session = current;
      const { sandbox } = current;
      const unsubscribes = [
        sandbox.on("console", (e) => log.getState().append({ level: e.level, text: e.text, location: e.location })),
        sandbox.on("error", (e) => {
          set((state) => ({ errors: state.errors + 1 }));
          log.getState().append({ level: "error", text: e.message, errorKind: e.kind, location: e.location, stack: e.stack });
        }),
        sandbox.on("loaded", () => set({ status: { state: "running" }, machineBusy: false })),
        // Timed from the start of the run (what the person waited), on the clock the page shares with the IDE.
        sandbox.on("ready", (e) => {
          set({ status: { state: "ready", firstFrameMs: runStartedAt ? Math.max(0, e.renderedAt - runStartedAt) : e.firstFrameMs }, machineBusy: false });
          // A run that started during a hold is held once it shows its first frame (each run is a
          // new page), so the preview shows the game, not a blank, while the playtest runs.
          if (holds > 0) tell(current, { op: "pause", paused: true });
          if (store.getState().muted) tell(current, { op: "mute", muted: true });
        }),
        sandbox.on("exit", (exit) => {
          current.mounted = false;
          set({ status: { state: "exited", exit }, machineBusy: false });
          if (exit.reason === "frozen") reportFreeze(exit.message, exit.location);
          if (exit.reason === "crashed") log.getState().append({ level: "error", text: `The game crashed: ${exit.message}` });
        }),
        sandbox.on("dropped", (e) => set({ dropped: e.count })),
        sandbox.on("busy", () => set({ machineBusy: true })),
        // Heartbeats come four times a second: the store changes only when a busy spell ends.
        sandbox.on("heartbeat", () => {
          if (store.getState().machineBusy) set({ machineBusy: false });
        }),
      ];
      fullRunPending = true;
      void flush();
      return () => {
        unsubscribes.forEach((off) => off());
        clearTimeout(timer);
        current.live = false;
        sandbox.stop();
        session = null;
        set({ status: { state: "idle" }, machineBusy: false });
      };
    },
    runNow() {
      clearTimeout(timer);
      if (pendingPaths.size === 0) fullRunPending = true;
      void flush();
    },
    restart() {
      clearTimeout(timer);
      fullRunPending = true;
      void flush();
    },
    stop() {
      clearTimeout(timer);
      if (!session) return;
      session.sandbox.stop();
      session.mounted = false;
      set({ status: { state: "exited", exit: { reason: "stopped" } } });
    },
    setMuted(muted) {
      set({ muted });
      writeSoundOff(muted, storage);
      if (session?.mounted) tell(session, { op: "mute", muted });
    },
    command(command, signal) {
      if (!session) return Promise.reject(new SandboxCommandError(command.op, "no game is running"));
      return session.sandbox.command(command, signal);
    },
    hold() {
      holds += 1;
      if (holds === 1) setPaused(true);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds -= 1;
        if (holds === 0) setPaused(false);
      };
    },
  }));

  function setPaused(paused: boolean) {
    store.setState({ paused });
    // A game still booting is held at its first frame (see "ready").
    if (session?.mounted && (!paused || store.getState().status.state === "ready")) tell(session, { op: "pause", paused });
  }

  /** Best effort (pause, mute): a page that is gone, or still loading its game, just runs on as it is. */
  function tell(current: Session, command: HarnessCommand) {
    current.sandbox.command(command).catch(() => undefined);
  }

  async function flush(): Promise<void> {
    const current = session;
    if (!current) return;
    if (current.busy) {
      current.again = true;
      return;
    }
    current.busy = true;
    try {
      const files = project.getState().files;
      // Several files at once (an agent turn, an import) mount together: one by one would run
      // half-written projects in between and report their missing modules as errors.
      if (fullRunPending || !current.mounted || pendingPaths.size > 1) {
        fullRunPending = false;
        pendingPaths.clear();
        startRun("Starting the game…");
        await current.sandbox.mount(files);
        if (current.live) current.mounted = true;
      } else if (pendingPaths.size > 0) {
        const paths = [...pendingPaths];
        pendingPaths.clear();
        startRun(`Re-running after changes to ${paths.join(", ")}…`);
        for (const path of paths) await current.sandbox.updateFile(path, files[path]);
      }
    } catch (error) {
      if (current.live) {
        const message = error instanceof Error ? error.message : String(error);
        current.mounted = false;
        store.setState({ status: { state: "failed", message } });
        log.getState().append({ level: "system", text: `The preview could not start: ${message}` });
      }
    } finally {
      current.busy = false;
    }
    if (current.again && current.live) {
      current.again = false;
      await flush();
    }
  }

  /** The runtime usually reports the loop as an error first; then only say that the preview stopped. */
  function reportFreeze(message: string, location: SourceLocation | undefined) {
    const last = log.getState().entries.at(-1);
    if (last?.errorKind === "loop" || last?.errorKind === "frozen") {
      log.getState().append({ level: "system", text: "The preview was stopped. Fix the code and it re-runs on your next edit." });
    } else {
      log.getState().append({ level: "error", errorKind: "frozen", text: message, location });
    }
  }

  function startRun(notice: string) {
    runStartedAt = performance.timeOrigin + performance.now();
    log.getState().clear();
    log.getState().append({ level: "system", text: notice });
    store.setState((state) => ({ status: { state: "starting" }, machineBusy: false, errors: 0, runs: state.runs + 1 }));
  }

  project.subscribe((state, previous) => {
    if (state.files === previous.files) return;
    const { written, removed } = diffFiles(previous.files, state.files);
    if (removed.length > 0) fullRunPending = true;
    written.forEach((path) => pendingPaths.add(path));
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), debounceMs);
  });

  return store;
}
