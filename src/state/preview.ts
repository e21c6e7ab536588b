// Runs the open project in a Sandbox and keeps it running as files change: edits are debounced
// and applied with updateFile, structural changes (delete, rename, new project) remount. Sandbox
// events become console lines and a run status the toolbar and preview show.

import { createStore, type StoreApi } from "zustand/vanilla";
import type { ExitReason, Sandbox } from "../runtime/sandbox";
import type { ConsoleStore } from "./console";
import { diffFiles, type ProjectStore } from "./project";

export type PreviewStatus =
  | { state: "idle" }
  | { state: "starting" }
  | { state: "running" }
  | { state: "ready"; firstFrameMs: number }
  | { state: "exited"; exit: ExitReason }
  | { state: "failed"; message: string };

export interface PreviewState {
  status: PreviewStatus;
  /** Harness messages that failed validation, as reported by the sandbox. */
  dropped: number;
  /** Creates the sandbox inside `host` and starts the project; returns a detach function. */
  attach(host: HTMLElement): () => void;
  /** Applies pending edits now instead of after the debounce (Ctrl/Cmd+S). */
  runNow(): void;
  /** Starts the project from scratch. */
  restart(): void;
  stop(): void;
}

export type PreviewStore = StoreApi<PreviewState>;

export interface PreviewOptions {
  project: ProjectStore;
  console: ConsoleStore;
  createSandbox: (host: HTMLElement) => Sandbox;
  /** Quiet time after the last edit before the preview re-runs. */
  debounceMs?: number;
}

export function createPreviewStore({ project, console: log, createSandbox, debounceMs = 300 }: PreviewOptions): PreviewStore {
  let sandbox: Sandbox | null = null;
  /** True while the sandbox holds a running project that updateFile can change. */
  let mounted = false;
  let fullRunPending = false;
  const pendingPaths = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let busy = false;
  let again = false;
  let runCount = 0;

  const store = createStore<PreviewState>()((set) => ({
    status: { state: "idle" },
    dropped: 0,
    attach(host) {
      if (sandbox) throw new Error("The preview is already attached; detach it before attaching again.");
      const current = createSandbox(host);
      sandbox = current;
      const unsubscribes = [
        current.on("console", (e) => log.getState().append({ level: e.level, text: e.text, location: e.location })),
        current.on("error", (e) => log.getState().append({ level: "error", text: e.message, errorKind: e.kind, location: e.location, stack: e.stack })),
        current.on("loaded", () => set({ status: { state: "running" } })),
        current.on("ready", (e) => set({ status: { state: "ready", firstFrameMs: e.firstFrameMs } })),
        current.on("exit", (exit) => {
          mounted = false;
          set({ status: { state: "exited", exit } });
          if (exit.reason === "frozen") log.getState().append({ level: "error", errorKind: "frozen", text: `The game froze: ${exit.message}`, location: exit.location });
          if (exit.reason === "crashed") log.getState().append({ level: "error", text: `The game crashed: ${exit.message}` });
        }),
        current.on("dropped", (e) => set({ dropped: e.count })),
      ];
      fullRunPending = true;
      void flush();
      return () => {
        unsubscribes.forEach((off) => off());
        clearTimeout(timer);
        current.stop();
        sandbox = null;
        mounted = false;
        set({ status: { state: "idle" } });
      };
    },
    runNow() {
      clearTimeout(timer);
      if (!mounted) fullRunPending = true;
      void flush();
    },
    restart() {
      clearTimeout(timer);
      fullRunPending = true;
      void flush();
    },
    stop() {
      clearTimeout(timer);
      sandbox?.stop();
      mounted = false;
      set({ status: { state: "exited", exit: { reason: "stopped" } } });
    },
  }));

  async function flush(): Promise<void> {
    if (!sandbox) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    const target = sandbox;
    try {
      const files = project.getState().files;
      if (fullRunPending || !mounted) {
        fullRunPending = false;
        pendingPaths.clear();
        startRun();
        await target.mount(files);
        mounted = true;
      } else if (pendingPaths.size > 0) {
        const paths = [...pendingPaths];
        pendingPaths.clear();
        startRun();
        for (const path of paths) await target.updateFile(path, files[path]);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      mounted = false;
      store.setState({ status: { state: "failed", message } });
      log.getState().append({ level: "system", text: `The preview could not start: ${message}` });
    } finally {
      busy = false;
    }
    if (again) {
      again = false;
      await flush();
    }
  }

  function startRun() {
    runCount += 1;
    log.getState().clear();
    log.getState().append({ level: "system", text: runCount === 1 ? "Starting the game…" : `Re-running the game (run ${runCount})…` });
    store.setState({ status: { state: "starting" } });
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
