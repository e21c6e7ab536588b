// On-screen controls for touch screens: a pad and buttons for exactly the keys the running game
// listens for (asked of the game twice a second, so they follow its scenes), pressing those keys
// in the game while a finger is on them. Several fingers at once: hold right and tap jump.

import { useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import type { Sandbox } from "../../runtime";
import { sameLayout, touchLayout, type Direction, type TouchButton, type TouchLayout } from "./layout";
import { createKeyPresser, type KeyPresser } from "./presser";
import { padDirections } from "./pad";
import "./touch.css";

/** What the controls need of the game: its introspection and its input command. */
export type LiveGame = Pick<Sandbox, "command">;

const POLL_MS = 500;
/** A page still loading its game does not answer; ask again instead of waiting for the runtime's long timeout. */
const ASK_TIMEOUT_MS = 8000;

/** Primary pointer is a finger: phones and tablets, not a laptop that also has a touch screen. */
export const TOUCH_SCREEN = "(pointer: coarse)";

export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener("change", update);
    return () => list.removeEventListener("change", update);
  }, [query]);
  return matches;
}

/** The controls for the game's keys; null until the game first answers. */
function useGameLayout(game: LiveGame | null): TouchLayout | null {
  const [layout, setLayout] = useState<TouchLayout | null>(null);
  useEffect(() => {
    setLayout(null);
    if (!game) return;
    const stop = new AbortController();
    void (async () => {
      while (!stop.signal.aborted) {
        if (!document.hidden) {
          const signal = AbortSignal.any([stop.signal, AbortSignal.timeout(ASK_TIMEOUT_MS)]);
          // No game running (between runs, crashed, still loading): keep what was shown and ask again.
          const next = await game.command({ op: "introspect" }, signal).then(touchLayout, () => null);
          if (next && !stop.signal.aborted) setLayout((shown) => (shown && sameLayout(shown, next) ? shown : next));
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    })();
    return () => stop.abort();
  }, [game]);
  return layout;
}

/** compact: smaller controls for the IDE's preview panel, which is a part of the screen only. */
export function TouchControls({ game, compact = false }: { game: LiveGame | null; compact?: boolean }) {
  const layout = useGameLayout(game);
  const presser = useMemo(
    // Best effort: a game that is gone or re-running just misses the key, as a real keyboard's would.
    () => (game ? createKeyPresser((events) => void game.command({ op: "input", events }).catch(() => undefined)) : null),
    [game],
  );
  useEffect(() => {
    if (!presser) return;
    const onHidden = () => document.hidden && presser.releaseAll();
    document.addEventListener("visibilitychange", onHidden);
    return () => {
      document.removeEventListener("visibilitychange", onHidden);
      presser.releaseAll();
    };
  }, [presser]);

  // data-state says whether the game was asked yet and what it needs ("none": a pointer game).
  const shown = presser && layout && (layout.pad || layout.buttons.length > 0) ? layout : null;
  const state = shown ? "shown" : layout ? "none" : "asking";
  return (
    <div className={compact ? "touch-controls compact" : "touch-controls"} data-testid="touch-controls" data-state={state} hidden={!shown} onContextMenu={(event) => event.preventDefault()}>
      {shown?.pad ? <Pad keys={shown.pad} presser={presser!} /> : <span />}
      <div className="touch-buttons">
        {shown?.buttons.map((button) => (
          <KeyButton key={button.key} button={button} presser={presser!} />
        ))}
      </div>
    </div>
  );
}

const ARROW_GLYPHS: Record<Direction, string> = { up: "▲", down: "▼", left: "◀", right: "▶" };

/** The fingers on one control, released when the control goes away (the game's keys changed). */
function useFingers(presser: KeyPresser) {
  const fingers = useRef(new Map<number, Direction[]>());
  useEffect(() => {
    const held = fingers.current;
    return () => {
      for (const finger of held.keys()) presser.release(finger);
      held.clear();
    };
  }, [presser]);
  return fingers.current;
}

function Pad({ keys, presser }: { keys: Partial<Record<Direction, string>>; presser: KeyPresser }) {
  const fingers = useFingers(presser);
  const [lit, setLit] = useState<ReadonlySet<Direction>>(new Set());
  const show = () => setLit(new Set([...fingers.values()].flat()));

  const aim = (event: ReactPointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const directions = padDirections(event.clientX - box.left - box.width / 2, event.clientY - box.top - box.height / 2, box.width / 2).filter((d) => keys[d]);
    fingers.set(event.pointerId, directions);
    presser.hold(event.pointerId, directions.map((d) => keys[d]!));
    show();
  };
  const lift = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!fingers.delete(event.pointerId)) return;
    presser.release(event.pointerId);
    show();
  };

  return (
    <div
      className="touch-pad"
      data-testid="touch-pad"
      role="group"
      aria-label="Direction pad"
      onPointerDown={(event) => {
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        aim(event);
      }}
      onPointerMove={(event) => fingers.has(event.pointerId) && aim(event)}
      onPointerUp={lift}
      onPointerCancel={lift}
    >
      {(Object.keys(ARROW_GLYPHS) as Direction[])
        .filter((direction) => keys[direction])
        .map((direction) => (
          <span key={direction} className={`touch-pad-${direction}${lit.has(direction) ? " on" : ""}`} data-testid={`touch-pad-${direction}`} aria-hidden="true">
            {ARROW_GLYPHS[direction]}
          </span>
        ))}
    </div>
  );
}

function KeyButton({ button, presser }: { button: TouchButton; presser: KeyPresser }) {
  const fingers = useFingers(presser);
  const [on, setOn] = useState(false);
  const lift = (event: ReactPointerEvent<HTMLButtonElement>) => {
    if (!fingers.delete(event.pointerId)) return;
    presser.release(event.pointerId);
    setOn(fingers.size > 0);
  };
  return (
    <button
      type="button"
      tabIndex={-1}
      className={on ? "on" : undefined}
      data-testid={`touch-key-${button.label}`}
      onPointerDown={(event) => {
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        fingers.set(event.pointerId, []);
        presser.hold(event.pointerId, [button.key]);
        setOn(true);
      }}
      onPointerUp={lift}
      onPointerCancel={lift}
    >
      {button.label}
    </button>
  );
}
