// The live game: a host element the sandbox puts its iframe into, a notice over it when the game
// froze, crashed, was stopped or could not start, a badge while a playtest holds it paused, a note
// while the machine is too busy to keep the game's heartbeat on time, and Sound on/off and Full
// screen in its title bar; on a narrow touch screen, on-screen controls.

import { useEffect, useMemo, useRef } from "react";
import { useStore } from "zustand";
import type { PreviewStatus } from "../../state";
import { useWorkbench } from "../workbench";
import { SoundButton } from "./SoundButton";
import { TOUCH_SCREEN, TouchControls, useMediaQuery, type LiveGame } from "../touch";

/** A tablet or phone running the IDE: wide ones have a keyboard more often than not. */
const NARROW_TOUCH_SCREEN = `${TOUCH_SCREEN} and (max-width: 1024px)`;

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

/**
 * The preview (not the iframe: a re-run replaces it) fills the screen, and the game gets the
 * keyboard. For a class watching on a projector, or a player who wants the whole screen.
 */
async function showFullScreen(body: HTMLElement | null, host: HTMLElement | null) {
  if (!body || document.fullscreenElement) return;
  try {
    await body.requestFullscreen();
  } catch {
    return; // The browser refused (no fullscreen here): the preview stays as it is.
  }
  host?.querySelector("iframe")?.focus();
}

export function PreviewPanel() {
  const { preview } = useWorkbench();
  const host = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const status = useStore(preview, (s) => s.status);
  const paused = useStore(preview, (s) => s.paused);
  const muted = useStore(preview, (s) => s.muted);
  const machineBusy = useStore(preview, (s) => s.machineBusy);
  const touchControls = useMediaQuery(NARROW_TOUCH_SCREEN);
  const game = useMemo<LiveGame>(() => ({ command: (command, signal) => preview.getState().command(command, signal) }), [preview]);

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
        <span className="panel-actions">
          <SoundButton testId="preview-mute" muted={muted} onToggle={() => preview.getState().setMuted(!muted)} />
          <button type="button" data-testid="preview-fullscreen" onClick={() => void showFullScreen(body.current, host.current)} title="Show the game on the whole screen (Esc leaves)">
            Full screen
          </button>
        </span>
      </div>
      <div className="preview-body" ref={body}>
        <div className="preview-host" ref={host} />
        {touchControls && <TouchControls game={game} compact />}
        {paused && (
          <div className="preview-paused" role="status" data-testid="preview-paused">
            Paused while the playtest runs
          </div>
        )}
        {machineBusy && (
          <div className="preview-busy" role="status" data-testid="preview-busy">
            The machine is busy: waiting for the game instead of stopping it
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
