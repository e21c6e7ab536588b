// The console panel's Terminal tab: what `npm install` and Vite print in the WebContainer runtime,
// in an xterm terminal loaded on the tab's first open, so the iframe runtime never loads it.

import { Component, lazy, Suspense, type ReactNode } from "react";
import type { TerminalLog } from "../../state";
import { chosenRuntime, switchRuntime } from "../runtime-choice";
import "./terminal.css";

const TerminalView = lazy(() => import("./TerminalView"));

class TerminalLoadBoundary extends Component<{ children: ReactNode }, { message: string | null }> {
  state = { message: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { message: error instanceof Error ? error.message : String(error) };
  }
  render() {
    if (this.state.message) return <p className="terminal-note" role="alert">The terminal failed to load: {this.state.message}. Reload the page to try again.</p>;
    return this.props.children;
  }
}

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
      <TerminalLoadBoundary>
        <Suspense fallback={<p className="terminal-note" role="status">Loading the terminal…</p>}>
          <TerminalView log={log} />
        </Suspense>
      </TerminalLoadBoundary>
    </div>
  );
}
