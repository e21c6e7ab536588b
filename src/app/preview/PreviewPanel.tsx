// The live game: a host element the sandbox puts its iframe into, a notice over it when the game
// froze, crashed, was stopped or could not start, and a badge while a playtest holds it paused.

import { useEffect, useRef } from "react";
import { useStore } from "zustand";
import type { PreviewStatus } from "../../state";
import { useWorkbench } from "../workbench";

function overlayText(status: PreviewStatus): string | null {
  if (status.state === "failed") return `The game could not start: ${status.message}`;
  if (status.state !== "exited") return null;
  switch (status.exit.reason) {
    case "stopped":
      return "The game is stopped. Press Restart to run it again.";
    case "frozen":
      return "The game froze and was stopped. See the console for where, fix it, and it re-runs.";
    case "crashed":
      return `The game crashed: ${status.exit.message}`;
  }
}

export function PreviewPanel() {
  const { preview } = useWorkbench();
  const host = useRef<HTMLDivElement>(null);
  const status = useStore(preview, (s) => s.status);
  const paused = useStore(preview, (s) => s.paused);
  const muted = useStore(preview, (s) => s.muted);

  useEffect(() => {
    if (!host.current) return;
    // Games take keyboard focus only after a click or key in them (the harness holds back
    // Phaser's autoFocus), so a re-run never pulls the keyboard out of the editor.
    return preview.getState().attach(host.current);
  }, [preview]);

  const overlay = overlayText(status);
  return (
    <section className="panel preview-panel" aria-label="Preview">
      <div className="panel-title">
        <h2>Preview</h2>
        <button type="button" data-testid="preview-mute" aria-pressed={muted} onClick={() => preview.getState().setMuted(!muted)} title={muted ? "Turn the game's sound on" : "Mute the game's sound"}>
          {muted ? "Sound off" : "Sound on"}
        </button>
      </div>
      <div className="preview-body">
        <div className="preview-host" ref={host} />
        {paused && (
          <div className="preview-paused" role="status" data-testid="preview-paused">
            Paused while the playtest runs
          </div>
        )}
        {overlay && (
          <div className="preview-overlay" role="status" data-testid="preview-overlay">
            {overlay}
          </div>
        )}
      </div>
    </section>
  );
}
