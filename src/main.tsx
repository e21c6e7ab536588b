// IDE entry: a Workbench on the starter project, running in the iframe runtime, rendered by React.

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App, checkTypesInWorker, chosenRuntime, loadPhaserGuides, phaserUrlForGamePage, startPersistence } from "./app";
import { starterProject } from "./project";
import { createIframeSandbox, createPreferredSandbox } from "./runtime";
import { createTerminalLog, createWorkbench, liveFrameCap } from "./state";

// With the server gone when the IDE opens (offline after the first visit), game pages get Phaser
// from this page's service worker as a data: URL, as on /play; otherwise they fetch it themselves.
// Power saver (Settings) caps live games at 30 frames a second, from the next reload.
const iframe = { phaserUrl: await phaserUrlForGamePage().catch(() => undefined), maxFps: liveFrameCap() };

// The preview runs in the chosen runtime (WebContainer falls back to the iframe when it cannot
// boot); playtests always use the iframe runtime, whose virtual time needs no dev server. The
// WebContainer's npm and Vite output is kept for the console panel's Terminal tab.
const runtime = chosenRuntime(window.location);
const terminal = createTerminalLog();
const workbench = createWorkbench({
  files: starterProject(),
  createSandbox: (host) => createPreferredSandbox(host, runtime, { iframe, webcontainer: { onTerminal: terminal.append } }),
  createPlaytestSandbox: (host) => createIframeSandbox(host, iframe),
  loadGuides: loadPhaserGuides,
  typeCheck: checkTypesInWorker,
});

// Open the stored (or remixed) project before the first render, so the starter never flashes by.
await startPersistence(workbench);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element for the IDE to render into.");
createRoot(root).render(
  <StrictMode>
    <App workbench={workbench} terminal={terminal} />
  </StrictMode>,
);
