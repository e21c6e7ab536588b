// Chooses what the play scenario presses and clicks: start keys first, then seeded-random bursts
// suited to the input the game registered (keys, pointer handlers), read from introspection.

import type { InputEvent, Introspection } from "../runtime/harness/protocol";

export const FRAME_MS = 1000 / 60;

/** mulberry32: tiny, fast, good enough to make input bursts reproducible from a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One input event at a frame offset (frames after the first rendered frame). */
export interface TimedInput {
  frame: number;
  event: InputEvent;
}

export interface Burst {
  /** Human-readable, e.g. "hold ArrowRight 0.8 s" or "click (120, 300)". */
  label: string;
  inputs: TimedInput[];
  /** First frame after the burst (its inputs are all released by then). */
  endFrame: number;
}

const PHASER_TO_DOM_KEY: Record<string, string> = {
  LEFT: "ArrowLeft", RIGHT: "ArrowRight", UP: "ArrowUp", DOWN: "ArrowDown",
  SPACE: " ", ENTER: "Enter", SHIFT: "Shift", ESC: "Escape", TAB: "Tab", CTRL: "Control",
  ZERO: "0", ONE: "1", TWO: "2", THREE: "3", FOUR: "4", FIVE: "5", SIX: "6", SEVEN: "7", EIGHT: "8", NINE: "9",
};
const DOM_KEY_NAMES = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", " ", "Enter", "Shift", "Escape", "Tab", "Control"]);
const MOVE_KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "w", "a", "s", "d"]);
const DEFAULT_KEYS = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", " ", "w", "a", "s", "d"];

const KEY_CODES: Record<number, string> = { 13: "Enter", 16: "Shift", 27: "Escape", 32: " ", 37: "ArrowLeft", 38: "ArrowUp", 39: "ArrowRight", 40: "ArrowDown" };

/** Maps a Phaser key name ("LEFT", "W", "keydown-SPACE"), a keyCode ("37") or a DOM key ("ArrowLeft") to a DOM key value. */
export function domKey(name: string): string | null {
  const bare = name.replace(/^key(down|up)-/i, "");
  if (DOM_KEY_NAMES.has(bare)) return bare;
  if (/^\d{2,3}$/.test(bare)) {
    const code = Number(bare);
    if (KEY_CODES[code]) return KEY_CODES[code];
    if (code >= 65 && code <= 90) return String.fromCharCode(code).toLowerCase();
    if (code >= 48 && code <= 57) return String.fromCharCode(code);
    return null;
  }
  const upper = bare.toUpperCase();
  if (upper === "SPACEBAR") return " ";
  if (PHASER_TO_DOM_KEY[upper]) return PHASER_TO_DOM_KEY[upper];
  if (/^[A-Z]$/.test(upper)) return upper.toLowerCase();
  if (/^[0-9]$/.test(bare)) return bare;
  return null;
}

export function describeKey(key: string): string {
  return key === " " ? "Space" : key.length === 1 ? key.toUpperCase() : key;
}

export interface InputSurface {
  keys: string[];
  /** True when a catch-all keydown/keyup listener exists (any key may matter). */
  anyKey: boolean;
  pointer: boolean;
  /** True when the game listens to pointer moves (paddles, aiming), not just clicks. */
  pointerMove: boolean;
  /** Positions of visible objects, likely click targets. */
  targets: Array<{ x: number; y: number }>;
  width: number;
  height: number;
}

/** Reads what input a game listens to; with no introspection, assume it may use anything. */
export function inputSurface(view: Introspection | null): InputSurface {
  if (!view || view.scenes.length === 0) {
    return { keys: DEFAULT_KEYS, anyKey: true, pointer: true, pointerMove: true, targets: [], width: view?.width || 800, height: view?.height || 600 };
  }
  const keys = new Set<string>();
  let anyKey = false;
  let pointer = false;
  let pointerMove = false;
  const targets: Array<{ x: number; y: number }> = [];
  for (const scene of view.scenes) {
    for (const name of [...scene.keys, ...scene.keyboardListeners]) {
      const key = domKey(name);
      if (key) keys.add(key);
      else if (/^key(down|up)$/i.test(name)) anyKey = true;
    }
    for (const name of scene.pointerListeners) {
      pointer = true;
      if (/move|drag/i.test(name)) pointerMove = true;
    }
    for (const object of scene.main) if (object.visible) targets.push({ x: object.x, y: object.y });
  }
  if (anyKey) for (const key of DEFAULT_KEYS) keys.add(key);
  return { keys: [...keys], anyKey, pointer, pointerMove, targets, width: view.width || 800, height: view.height || 600 };
}

function frames(ms: number): number {
  return Math.max(1, Math.round(ms / FRAME_MS));
}

function tap(key: string, frame: number, holdFrames = 3): TimedInput[] {
  return [
    { frame, event: { kind: "key", action: "down", key } },
    { frame: frame + holdFrames, event: { kind: "key", action: "up", key } },
  ];
}

function click(x: number, y: number, frame: number): TimedInput[] {
  return [
    { frame, event: { kind: "pointer", action: "move", x, y } },
    { frame: frame + 1, event: { kind: "pointer", action: "down", x, y } },
    { frame: frame + 4, event: { kind: "pointer", action: "up", x, y } },
  ];
}

/** The start sequence every play run begins with: Enter, Space, then a click in the middle. */
export function startBursts(startFrame: number, width: number, height: number): Burst[] {
  const cx = Math.round(width / 2);
  const cy = Math.round(height / 2);
  const gap = frames(250);
  return [
    { label: "press Enter (start)", inputs: tap("Enter", startFrame), endFrame: startFrame + gap },
    { label: "press Space (start)", inputs: tap(" ", startFrame + gap), endFrame: startFrame + 2 * gap },
    { label: `click centre (${cx}, ${cy}) (start)`, inputs: click(cx, cy, startFrame + 2 * gap), endFrame: startFrame + 3 * gap },
  ];
}

function pick<T>(random: () => number, items: T[]): T {
  return items[Math.floor(random() * items.length) % items.length];
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/** One seeded-random burst starting at `frame`, suited to the input surface. */
export function randomBurst(random: () => number, surface: InputSurface, frame: number): Burst {
  const moveKeys = surface.keys.filter((k) => MOVE_KEYS.has(k));
  const actionKeys = surface.keys.filter((k) => !MOVE_KEYS.has(k) && k !== "Enter");
  const kinds: Array<"move" | "action" | "click" | "drag" | "sweep"> = [];
  if (moveKeys.length) kinds.push("move", "move", "move");
  if (actionKeys.length) kinds.push("action");
  if (surface.pointer) kinds.push("click", "click", "drag");
  if (surface.pointerMove) kinds.push("sweep", "sweep");
  if (kinds.length === 0) kinds.push("move", "click");
  const kind = pick(random, kinds);
  const w = surface.width;
  const h = surface.height;
  const point = () => {
    if (surface.targets.length && random() < 0.6) {
      const t = pick(random, surface.targets);
      return { x: Math.round(clamp(t.x, 0, w - 1)), y: Math.round(clamp(t.y, 0, h - 1)) };
    }
    return { x: Math.round(w * (0.1 + 0.8 * random())), y: Math.round(h * (0.1 + 0.8 * random())) };
  };
  switch (kind) {
    case "move": {
      const key = pick(random, moveKeys.length ? moveKeys : ["ArrowLeft", "ArrowRight"]);
      const hold = frames(300 + random() * 900);
      const inputs = tap(key, frame, hold);
      let label = `hold ${describeKey(key)} ${(hold * FRAME_MS / 1000).toFixed(1)} s`;
      if (actionKeys.length && random() < 0.5) {
        const extra = pick(random, actionKeys);
        inputs.push(...tap(extra, frame + Math.floor(hold / 2)));
        label += ` + tap ${describeKey(extra)}`;
      }
      return { label, inputs, endFrame: frame + hold + frames(100 + random() * 200) };
    }
    case "action": {
      const key = pick(random, actionKeys);
      const count = 1 + Math.floor(random() * 3);
      const inputs: TimedInput[] = [];
      for (let i = 0; i < count; i++) inputs.push(...tap(key, frame + i * frames(200)));
      return { label: `tap ${describeKey(key)} ×${count}`, inputs, endFrame: frame + count * frames(200) + frames(100) };
    }
    case "click": {
      const p = point();
      return { label: `click (${p.x}, ${p.y})`, inputs: click(p.x, p.y, frame), endFrame: frame + frames(300 + random() * 300) };
    }
    case "drag": {
      const a = point();
      const b = point();
      // Few intermediate moves: every input frame splits a step, and each step renders a frame.
      const steps = 4;
      const inputs: TimedInput[] = [
        { frame, event: { kind: "pointer", action: "move", x: a.x, y: a.y } },
        { frame: frame + 1, event: { kind: "pointer", action: "down", x: a.x, y: a.y } },
      ];
      for (let i = 1; i <= steps; i++) {
        const x = Math.round(a.x + ((b.x - a.x) * i) / steps);
        const y = Math.round(a.y + ((b.y - a.y) * i) / steps);
        inputs.push({ frame: frame + 1 + i * 3, event: { kind: "pointer", action: "move", x, y } });
      }
      inputs.push({ frame: frame + 2 + steps * 3, event: { kind: "pointer", action: "up", x: b.x, y: b.y } });
      return { label: `drag (${a.x}, ${a.y})→(${b.x}, ${b.y})`, inputs, endFrame: frame + 2 + steps * 3 + frames(200) };
    }
    case "sweep": {
      const y = Math.round(h * (0.2 + 0.7 * random()));
      const from = Math.round(w * random());
      const to = Math.round(w * random());
      const steps = 6;
      const inputs: TimedInput[] = [];
      for (let i = 0; i <= steps; i++) {
        inputs.push({ frame: frame + i * 4, event: { kind: "pointer", action: "move", x: Math.round(from + ((to - from) * i) / steps), y } });
      }
      return { label: `move pointer x ${from}→${to} at y ${y}`, inputs, endFrame: frame + steps * 4 + frames(200) };
    }
  }
}
