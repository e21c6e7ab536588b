// Messages across the top of the IDE: storage, remix and import problems, and a run that a
// reload interrupted (resume it through the agent, or discard it).

import { useStore } from "zustand";
import { useWorkbench } from "../workbench";
import { downloadZip } from "../share/exports";

export function Banners() {
  const { persistence, project } = useWorkbench();
  const banner = useStore(persistence, (s) => s.banner);
  const run = useStore(persistence, (s) => s.interruptedRun);
  // attachAgentState notifies subscribers, so this is re-evaluated when an agent (and its send) arrives.
  const canResume = useStore(persistence, (s) => s.canResume());

  return (
    <>
      {banner && (
        <div className={`ide-banner ide-banner-${banner.kind}`} role="alert" data-testid="ide-banner" data-kind={banner.kind}>
          <span data-testid="ide-banner-message">{banner.message}</span>
          {/* What every storage message advises, one click away. */}
          {banner.kind === "storage" && (
            <button type="button" data-testid="banner-export-zip" onClick={() => downloadZip(project.getState().files, persistence.getState().current?.name ?? "playforge-game")}>
              Download zip
            </button>
          )}
          <button type="button" onClick={() => persistence.getState().dismissBanner()} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
      {run && (
        <div className="ide-banner ide-banner-run" role="status" data-testid="run-interrupted">
          <span>
            The last agent run was interrupted by a reload. It was working on: <q>{firstLine(run.prompt)}</q>
          </span>
          <button
            type="button"
            data-testid="run-resume"
            disabled={!canResume}
            title={canResume ? "Send the same prompt to the agent again" : "The agent is not connected in this IDE yet"}
            onClick={() => void persistence.getState().resumeRun()}
          >
            Resume
          </button>
          <button type="button" data-testid="run-discard" onClick={() => void persistence.getState().discardRun()}>
            Discard
          </button>
        </div>
      )}
    </>
  );
}

/** A long prompt (a playtest report handed to the agent) is named by its first line. */
function firstLine(prompt: string): string {
  const line = prompt.split("\n")[0];
  return line.length > 200 || line.length < prompt.length ? `${line.slice(0, 200)}…` : line;
}
