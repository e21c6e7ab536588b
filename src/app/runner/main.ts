// The headless runner page (runner.html): the same playtest engine as the IDE, on an iframe
// sandbox, exposed as window.playforgeRunner for the Node driver (src/node/driver.ts).

import { createIframeSandbox } from "../../runtime";
import { filesFromWire, playtest, type RunnerPage } from "../../playtest";
import { projectFrom } from "../../project";

const page = window as RunnerPage;
const sandbox = createIframeSandbox(document.getElementById("sandbox")!);
let running: AbortController | null = null;

page.playforgeRunner = {
  async playtest(wire, options = {}) {
    if (running) throw new Error("A playtest is already running in this runner page; wait for it or cancel it first.");
    running = new AbortController();
    try {
      const files = projectFrom(Object.entries(filesFromWire(wire)));
      return await playtest(sandbox, files, { ...options, signal: running.signal, onProgress: (text) => page.playforgeProgress?.(text) });
    } finally {
      running = null;
    }
  },
  cancel() {
    running?.abort();
  },
};
