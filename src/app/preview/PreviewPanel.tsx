// The live game: a host element the sandbox puts its iframe into, and a notice over it when
// the game froze, crashed, was stopped or could not start.

import { useEffect, useRef } from "react";
import { useStore } from "zustand";
import type { PreviewStatus } from "../../state";
import { useWorkbench } from "../workbench";
import { guardFocus } from "./focusGuard";

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

/** Phaser grabs focus while it boots; treat the first moments after the first frame as boot too. */
const BOOT_GRACE_MS = 300;

function isBooting(status: PreviewStatus, readyAt: number): boolean {
  if (status.state === "starting" || status.state === "running") return true;
  return status.state === "ready" && performance.now() - readyAt < BOOT_GRACE_MS;
}

export function PreviewPanel() {
  const { preview } = useWorkbench();
  const host = useRef<HTMLDivElement>(null);
  const status = useStore(preview, (s) => s.status);

  useEffect(() => {
    if (!host.current) return;
    const detach = preview.getState().attach(host.current);
    const unguard = guardFocus(host.current, () => isBooting(preview.getState().status, preview.getState().readyAt));
    return () => {
      unguard();
      detach();
    };
  }, [preview]);

  const overlay = overlayText(status);
  return (
    <section className="panel preview-panel" aria-label="Preview">
      <div className="panel-title">
        <h2>Preview</h2>
      </div>
      <div className="preview-body">
        <div className="preview-host" ref={host} />
        {overlay && (
          <div className="preview-overlay" role="status" data-testid="preview-overlay">
            {overlay}
          </div>
        )}
      </div>
    </section>
  );
}
