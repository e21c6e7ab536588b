// The console panel's Terminal tab: what `npm install` and Vite print in the WebContainer runtime,
// in an xterm terminal loaded on the tab's first open, so the iframe runtime never loads it.

import { lazy, Suspense } from "react";
import type { TerminalLog } from "../../state";
import { LoadBoundary } from "../load-boundary";
import { chosenRuntime, switchRuntime } from "../runtime-choice";
import "./terminal.css";

const TerminalView = lazy(() => import("./TerminalView"));

export function TerminalPanel({ log }: { log: TerminalLog }) {
  if (chosenRuntime(window.location) !== "webcontainer") {
    return (
      <div className="terminal-panel" data-testid="terminal">
        <p className="terminal-note">
          The terminal is for the WebContainer runtime: it shows what <code>npm install</code> and Vite print there. The iframe runtime runs the game
          without them.{" "}
          <button type="button" onClick={() => switchRuntime("webcontainer")}>
            Switch to WebContainer
          </button>
        </p>
      </div>
    );
  }
  return (
    <div className="terminal-panel" data-testid="terminal">
      <LoadBoundary what="terminal" className="terminal-note">
        <Suspense fallback={<p className="terminal-note" role="status">Loading the terminal…</p>}>
          <TerminalView log={log} />
        </Suspense>
      </LoadBoundary>
    </div>
  );
}
