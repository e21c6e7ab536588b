// The top bar: run status and controls for the preview, plus entry points for features that
// later issues fill in (playtest, share, runtime choice, settings). Those say so when clicked.

import { useState } from "react";
import { useStore } from "zustand";
import type { PreviewStatus } from "../state";
import { useWorkbench } from "./workbench";
import { ProjectsButton } from "./projects/ProjectsDrawer";
import { ExportMenu } from "./share/ExportMenu";
import { ShareButton } from "./share/SharePanel";

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

const LATER: Record<string, string> = {
  playtest: "Playtesting is not built yet: it arrives with the playtest engine.",
  settings: "Settings are not built yet: they arrive with model providers.",
};

export function Toolbar() {
  const { preview } = useWorkbench();
  const status = useStore(preview, (s) => s.status);
  const errors = useStore(preview, (s) => s.errors);
  const runs = useStore(preview, (s) => s.runs);
  const [notice, setNotice] = useState<string | null>(null);
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
      <button type="button" data-testid="playtest-button" onClick={() => setNotice(LATER.playtest)}>
        Playtest
      </button>
      <span className="verdict" data-testid="verdict" aria-label="Playtest verdict (none yet)" />
      <ShareButton />
      <ExportMenu />
      <label className="runtime-label">
        Runtime
        <select data-testid="runtime-switch" value="iframe" onChange={() => undefined}>
          <option value="iframe">iframe (offline)</option>
          <option value="webcontainer" disabled>
            WebContainer (coming soon)
          </option>
        </select>
      </label>
      <button type="button" data-testid="settings-button" onClick={() => setNotice(LATER.settings)} aria-label="Settings">
        ⚙
      </button>
      {notice && (
        <div className="toolbar-notice" role="status" data-testid="toolbar-notice">
          {notice}
          <button type="button" onClick={() => setNotice(null)} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
    </header>
  );
}
