// Playtests in the IDE: the real engine on a separate, hidden sandbox (never the live preview), one
// at a time, for the Playtest button and for the agent. Keeps the latest report for the toolbar.

import { createStore, type StoreApi } from "zustand/vanilla";
import type { PlaytestRequest } from "../agent";
import { projectChecks } from "../builder";
import { playtest, type PlaytestReport } from "../playtest";
import type { ProjectFiles } from "../project";
import type { Sandbox } from "../runtime";
import type { ProjectStore } from "./project";

export type PlaytestSource = "button" | "agent";

export type PlaytestStatus =
  | { state: "idle" }
  | { state: "running"; source: PlaytestSource; progress: string }
  | { state: "failed"; message: string };

export interface PlaytestState {
  status: PlaytestStatus;
  /** The newest report from either source; the toolbar's verdict shows it. */
  latest: { report: PlaytestReport; source: PlaytestSource; seq: number } | null;
  /** The report panel opened by the Playtest button. */
  panelOpen: boolean;
  /** Gives the store the (offscreen) element its sandbox lives in; returns a detach function. */
  attach(host: HTMLElement): () => void;
  /** Playtests the open project (the Playtest button) and opens the report panel. */
  runProject(signal?: AbortSignal): Promise<PlaytestReport | null>;
  /** Playtests any files; the agent's PlaytestFunction. */
  runFiles(files: ProjectFiles, request: PlaytestRequest, source?: PlaytestSource): Promise<PlaytestReport>;
  closePanel(): void;
}

export type PlaytestStore = StoreApi<PlaytestState>;

export class PlaytestHostMissingError extends Error {
  constructor() {
    super("The playtest sandbox is not attached yet: the IDE mounts it on load, so reload the page if this persists.");
    this.name = "PlaytestHostMissingError";
  }
}

/** Seconds the Playtest button plays; long enough to see rising difficulty, short enough to wait for. */
const BUTTON_SECONDS = 20;

export function createPlaytestStore({ project, createSandbox }: { project: ProjectStore; createSandbox: (host: HTMLElement) => Sandbox }): PlaytestStore {
  let sandbox: Sandbox | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let seq = 0;

  const store = createStore<PlaytestState>()((set, get) => ({
    status: { state: "idle" },
    latest: null,
    panelOpen: false,
    attach(host) {
      if (sandbox) throw new Error("The playtest sandbox is already attached; detach it first.");
      const own = createSandbox(host);
      sandbox = own;
      return () => {
        own.stop();
        if (sandbox === own) sandbox = null;
      };
    },
    async runProject(signal) {
      set({ panelOpen: true });
      try {
        return await get().runFiles(
          project.getState().files,
          { seconds: BUTTON_SECONDS, seed: 1, signal: signal ?? new AbortController().signal, onProgress: () => undefined },
          "button",
        );
      } catch (error) {
        set({ status: { state: "failed", message: error instanceof Error ? error.message : String(error) } });
        return null;
      }
    },
    runFiles(files, request, source = "agent") {
      // One sandbox, so playtests wait for each other instead of fighting over it.
      const run = queue.then(async () => {
        if (!sandbox) throw new PlaytestHostMissingError();
        set({ status: { state: "running", source, progress: "Starting the playtest…" } });
        try {
          const report = await playtest(sandbox, files, {
            seconds: request.seconds,
            seed: request.seed,
            tasks: projectChecks(files, request.tasks),
            signal: request.signal,
            onProgress: (text) => {
              set({ status: { state: "running", source, progress: text } });
              request.onProgress(text);
            },
          });
          set({ status: { state: "idle" }, latest: { report, source, seq: ++seq } });
          return report;
        } catch (error) {
          set({ status: { state: "idle" } });
          throw error;
        }
      });
      queue = run.catch(() => undefined);
      return run;
    },
    closePanel() {
      set({ panelOpen: false });
    },
  }));
  return store;
}
