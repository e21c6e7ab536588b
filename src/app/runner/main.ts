// The headless runner page (runner.html): the same playtest engine as the IDE, on an iframe
// sandbox, exposed as window.playforgeRunner for the Node driver (src/node/driver.ts).

import { createIframeSandbox } from "../../runtime";
import { filesFromWire, playtest, type PlaytestReport, type TaskCheckSpec, type WireFiles } from "../../playtest";
import { projectFrom } from "../../project/files";

export interface RunnerOptions {
  seconds?: number;
  seed?: number;
  tasks?: TaskCheckSpec[];
}

export interface PlayforgeRunner {
  playtest(files: WireFiles, options?: RunnerOptions): Promise<PlaytestReport>;
  /** Cancels the running playtest; its promise rejects with PlaytestAbortedError. */
  cancel(): void;
}

declare global {
  interface Window {
    playforgeRunner?: PlayforgeRunner;
    /** Set by the driver (page.exposeFunction) to receive progress lines. */
    playforgeProgress?: (text: string) => void;
  }
}

const sandbox = createIframeSandbox(document.getElementById("sandbox")!);
let running: AbortController | null = null;

window.playforgeRunner = {
  async playtest(wire, options = {}) {
    if (running) throw new Error("A playtest is already running in this runner page; wait for it or cancel it first.");
    running = new AbortController();
    try {
      const files = projectFrom(Object.entries(filesFromWire(wire)));
      return await playtest(sandbox, files, { ...options, signal: running.signal, onProgress: (text) => window.playforgeProgress?.(text) });
    } finally {
      running = null;
    }
  },
  cancel() {
    running?.abort();
  },
};
