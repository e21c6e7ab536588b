// The top bar: run status and controls for the preview, the Playtest button and its verdict,
// projects, sharing, the runtime choice and model settings.

import { useStore } from "zustand";
import type { PreviewStatus } from "../state";
import { useWorkbench } from "./workbench";
import type { SandboxKind } from "../runtime";
import { chosenRuntime, switchRuntime } from "./runtime-choice";
import { ProjectsButton } from "./projects/ProjectsDrawer";
import { ExportMenu } from "./share/ExportMenu";
import { ShareButton } from "./share/SharePanel";
import { PlaytestButton, ToolbarVerdict } from "./report/PlaytestPanel";

function describeStatus(status: PreviewStatus, errors: number): { label: string; tone: "idle" | "busy" | "ok" | "bad" } {
  if (errors > 0 && (status.state === "running" || status.state === "ready" || status.state === "starting")) {
    return { label: `${errors === 1 ? "1 error" : `${errors} errors`}, see the console`, tone: "bad" };
  }
  switch (status.state) {
    case "idle":
      return { label: "Not running", tone: "idle" };
    case "starting":
      return { label: "Starting…", tone: "busy" };
    case "running":
      return { label: "Loading…", tone: "busy" };
    case "ready":
      return { label: `Running · first frame ${Math.round(status.firstFrameMs)} ms`, tone: "ok" };
    case "exited":
      return status.exit.reason === "stopped" ? { label: "Stopped", tone: "idle" } : { label: status.exit.reason === "frozen" ? "Froze" : "Crashed", tone: "bad" };
    case "failed":
      return { label: "Could not start", tone: "bad" };
  }
}

export function Toolbar() {
  const { preview, settings } = useWorkbench();
  const status = useStore(preview, (s) => s.status);
  const errors = useStore(preview, (s) => s.errors);
  const runs = useStore(preview, (s) => s.runs);
  const { label, tone } = describeStatus(status, errors);

  return (
    <header className="toolbar">
      <span className="brand">Playforge</span>
      <ProjectsButton />
      <span className={`run-status run-status-${tone}`} data-testid="run-status" data-state={status.state} data-run={runs}>
        {label}
      </span>
      <button type="button" data-testid="preview-restart" onClick={() => preview.getState().restart()} title="Run the game from the start">
        ▶ Restart
      </button>
      <button type="button" data-testid="preview-stop" onClick={() => preview.getState().stop()} title="Stop the game">
        ■ Stop
      </button>
      <span className="toolbar-spacer" />
      <PlaytestButton />
      <ToolbarVerdict />
      <ShareButton />
      <ExportMenu />
      <label className="runtime-label">
        <span className="runtime-label-text">Runtime</span>
        <select
          data-testid="runtime-switch"
          value={chosenRuntime(window.location)}
          onChange={(event) => switchRuntime(event.target.value as SandboxKind)}
          title="iframe: instant and offline. WebContainer: real npm install + Vite in the tab; needs the network, falls back to the iframe when it cannot boot."
        >
          <option value="iframe">iframe (offline)</option>
          <option value="webcontainer">WebContainer (npm + Vite)</option>
        </select>
      </label>
      <button type="button" data-testid="settings-button" onClick={() => settings.getState().openDialog()} aria-label="Settings" title="Model settings">
        ⚙
      </button>
    </header>
  );
}
