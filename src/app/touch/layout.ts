// Which on-screen controls a game gets: the keys its active scenes listen for (from the harness's
// introspection), the direction keys as one pad and every other key as a button.

import type { Introspection } from "../../runtime";
import { describeKey, domKey } from "../../playtest";

export type Direction = "up" | "down" | "left" | "right";

export interface TouchButton {
  /** The DOM key value sent into the game (" ", "Enter", "z"). */
  key: string;
  /** What the button says ("Space", "Enter", "Z"). */
  label: string;
}

export interface TouchLayout {
  /** The key each pad direction presses; null when the game listens for no direction key. */
  pad: Partial<Record<Direction, string>> | null;
  buttons: TouchButton[];
}

const ARROWS: Record<Direction, string> = { up: "ArrowUp", down: "ArrowDown", left: "ArrowLeft", right: "ArrowRight" };
const WASD: Record<Direction, string> = { up: "w", down: "s", left: "a", right: "d" };
const DIRECTIONS: Direction[] = ["up", "down", "left", "right"];
const PAD_KEYS = new Set([...Object.values(ARROWS), ...Object.values(WASD)]);
/** Buttons in the order a player expects them: the usual action keys first, then the rest as listed. */
const BUTTON_ORDER = [" ", "Enter", "z", "x", "c", "Shift"];

/** The DOM keys the active scenes listen for, and whether one of them listens for every key. */
function listenedKeys(view: Introspection): { keys: Set<string>; anyKey: boolean } {
  const keys = new Set<string>();
  let anyKey = false;
  for (const scene of view.scenes) {
    for (const name of [...scene.keys, ...scene.keyboardListeners]) {
      const key = domKey(name);
      if (key) keys.add(key);
      else if (/^key(down|up)$/i.test(name)) anyKey = true;
    }
  }
  return { keys, anyKey };
}

function padFor(keys: Set<string>, directions: Record<Direction, string>): TouchLayout["pad"] {
  const pad: Partial<Record<Direction, string>> = {};
  for (const direction of DIRECTIONS) if (keys.has(directions[direction])) pad[direction] = directions[direction];
  return Object.keys(pad).length ? pad : null;
}

/**
 * Arrows make the pad; WASD makes it only when the game has no arrow keys (games that read both
 * read them as one control, so one pad presses the arrows). Letters of WASD are never buttons.
 */
export function touchLayout(view: Introspection): TouchLayout {
  const { keys, anyKey } = listenedKeys(view);
  const pad = padFor(keys, ARROWS) ?? padFor(keys, WASD);
  const rest = [...keys].filter((key) => !PAD_KEYS.has(key));
  rest.sort((a, b) => rank(a) - rank(b));
  const buttons = rest.map((key) => ({ key, label: describeKey(key) }));
  // "Press any key": one button is enough to start or restart such a game.
  if (!pad && buttons.length === 0 && anyKey) buttons.push({ key: "Enter", label: "Any key" });
  return { pad, buttons };
}

function rank(key: string): number {
  const index = BUTTON_ORDER.indexOf(key);
  return index === -1 ? BUTTON_ORDER.length : index;
}

export function sameLayout(a: TouchLayout, b: TouchLayout): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
