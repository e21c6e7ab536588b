// Chooses what the play scenario presses and clicks: start keys first, then seeded-random bursts
// suited to the input the game registered (keys, pointer handlers), read from introspection.

import type { ProjectFiles } from "../project";
import type { InputEvent, InputTarget, Introspection } from "../runtime/contract";

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
  SPACE: " ", ENTER: "Enter", SHIFT: "Shift", ESC: "Escape", TAB: "Tab", CTRL: "Control", ALT: "Alt",
  COMMA: ",", PERIOD: ".", FORWARD_SLASH: "/", SEMICOLON: ";", MINUS: "-", PLUS: "=",
  ZERO: "0", ONE: "1", TWO: "2", THREE: "3", FOUR: "4", FIVE: "5", SIX: "6", SEVEN: "7", EIGHT: "8", NINE: "9",
};
const DOM_KEY_NAMES = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", " ", "Enter", "Shift", "Escape", "Tab", "Control", "Alt", ",", ".", "/", ";"]);
const MOVE_KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "w", "a", "s", "d"]);
const DEFAULT_KEYS = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", " ", "w", "a", "s", "d"];

const KEY_CODES: Record<number, string> = {
  9: "Tab", 13: "Enter", 16: "Shift", 17: "Control", 18: "Alt", 27: "Escape", 32: " ", 37: "ArrowLeft", 38: "ArrowUp", 39: "ArrowRight", 40: "ArrowDown",
  186: ";", 188: ",", 190: ".", 191: "/",
};
const DOM_CODES: Record<string, string> = { Space: " ", Enter: "Enter", Escape: "Escape", ShiftLeft: "Shift", ShiftRight: "Shift", Comma: ",", Period: "." };

/** Maps a Phaser key name ("LEFT", "W", "keydown-SPACE"), a keyCode ("37") or a DOM key ("ArrowLeft") to a DOM key value. */
export function domKey(name: string): string | null {
  const bare = name.replace(/^key(down|up)-/i, "");
  if (DOM_KEY_NAMES.has(bare)) return bare;
  if (DOM_CODES[bare]) return DOM_CODES[bare];
  if (/^Key[A-Z]$/.test(bare)) return bare.slice(3).toLowerCase();
  if (/^Digit[0-9]$/.test(bare)) return bare.slice(5);
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
  /** Click and drag targets: every interactive object's hit area first, then visible objects. */
  targets: Array<{ x: number; y: number }>;
  /** Interactive objects that can be dragged. */
  draggable: Array<{ x: number; y: number }>;
  width: number;
  height: number;
}

/**
 * The keys a project's source names: Phaser key names and codes (`addKey`, `addKeys("W,A,S,D")`,
 * `keydown-X`, `KeyCodes.X`, `createCursorKeys`) and DOM listeners (`event.key === "z"`, `code === "KeyX"`).
 */
export function sourceKeys(files: ProjectFiles): string[] {
  const keys = new Set<string>();
  const add = (name: string) => {
    const key = domKey(name.trim());
    if (key) keys.add(key);
  };
  for (const [path, content] of Object.entries(files)) {
    if (typeof content !== "string" || !/^src\/.*\.[jt]sx?$/.test(path)) continue;
    for (const m of content.matchAll(/KeyCodes\.([A-Z0-9_]+)/g)) add(m[1]);
    for (const m of content.matchAll(/["'`]key(?:down|up)-([A-Z0-9_]+)["'`]/g)) add(m[1]);
    for (const m of content.matchAll(/addKeys?\(\s*["'`]([A-Za-z0-9_, ]+)["'`]/g)) m[1].split(",").forEach(add);
    for (const m of content.matchAll(/\.(?:key|code)\s*(?:===?|!==?)\s*["'`]([^"'`]{1,12})["'`]/g)) add(m[1]);
    for (const m of content.matchAll(/case\s+["'`](Arrow(?:Left|Right|Up|Down)|Key[A-Z]|Space|Enter|[a-z])["'`]\s*:/g)) add(m[1]);
    if (/createCursorKeys\s*\(/.test(content)) ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", " ", "Shift"].forEach((k) => keys.add(k));
  }
  return [...keys];
}

function targetCentre(t: InputTarget, width: number, height: number): { x: number; y: number } | null {
  if (t.x < 0 || t.y < 0 || t.x >= width || t.y >= height) return null;
  return { x: Math.round(t.x), y: Math.round(t.y) };
}

/** Reads what input a game listens to; with no introspection, assume it may use anything. */
export function inputSurface(view: Introspection | null, extraKeys: string[] = []): InputSurface {
  if (!view || view.scenes.length === 0) {
    return { keys: [...new Set([...DEFAULT_KEYS, ...extraKeys])], anyKey: true, pointer: true, pointerMove: true, targets: [], draggable: [], width: view?.width || 800, height: view?.height || 600 };
  }
  const keys = new Set<string>(extraKeys);
  let anyKey = false;
  let pointer = false;
  let pointerMove = false;
  const targets: Array<{ x: number; y: number }> = [];
  const draggable: Array<{ x: number; y: number }> = [];
  const width = view.width || 800;
  const height = view.height || 600;
  for (const t of [...view.scenes.flatMap((s) => s.targets ?? []), ...(view.domTargets ?? [])]) {
    const centre = targetCentre(t, width, height);
    if (!centre) continue;
    pointer = true;
    targets.push(centre);
    if (t.draggable) draggable.push(centre);
  }
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
    for (const object of scene.main.slice(0, 8)) if (object.visible) targets.push({ x: object.x, y: object.y });
  }
  if (draggable.length) pointerMove = true;
  if (anyKey) for (const key of DEFAULT_KEYS) keys.add(key);
  return { keys: [...keys], anyKey, pointer, pointerMove, targets, draggable, width, height };
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

/**
 * What a person tries to get past a title, menu or game-over screen, in order: Enter, Space, a click
 * on each interactive object (buttons whose text says start/play first), a click in the middle,
 * the other keys the screen listens for, then buttons in the page. Frames are relative to the attempt.
 */
export function menuAttempts(view: Introspection | null, extraKeys: string[] = []): Burst[] {
  const width = view?.width || 800;
  const height = view?.height || 600;
  const attempts: Burst[] = [
    { label: "press Enter", inputs: tap("Enter", 0), endFrame: frames(400) },
    { label: "press Space", inputs: tap(" ", 0), endFrame: frames(400) },
  ];
  const targets = [...(view?.scenes.flatMap((s) => s.targets ?? []) ?? []), ...(view?.domTargets ?? [])]
    .filter((t) => targetCentre(t, width, height))
    .sort((a, b) => Number(/start|play|go|begin|tap|click/i.test(b.text ?? b.name ?? "")) - Number(/start|play|go|begin|tap|click/i.test(a.text ?? a.name ?? "")) || b.width * b.height - a.width * a.height)
    .slice(0, 4);
  for (const t of targets) {
    const name = t.text ? `"${t.text.slice(0, 20)}"` : t.name ? `"${t.name}"` : t.type;
    attempts.push({ label: `click ${name} (${Math.round(t.x)}, ${Math.round(t.y)})`, inputs: click(Math.round(t.x), Math.round(t.y), 0), endFrame: frames(400) });
  }
  const cx = Math.round(width / 2);
  const cy = Math.round(height / 2);
  attempts.push({ label: `click centre (${cx}, ${cy})`, inputs: click(cx, cy, 0), endFrame: frames(400) });
  const listened = new Set<string>(extraKeys.filter((k) => !MOVE_KEYS.has(k)));
  for (const scene of view?.scenes ?? []) {
    for (const name of [...scene.keys, ...scene.keyboardListeners]) {
      const key = domKey(name);
      if (key) listened.add(key);
    }
  }
  for (const key of ["Enter", " "]) listened.delete(key);
  for (const key of [...listened].slice(0, 4)) attempts.push({ label: `press ${describeKey(key)}`, inputs: tap(key, 0), endFrame: frames(400) });
  return attempts;
}

/** Shifts a burst built at frame 0 to start at `frame`. */
export function burstAt(burst: Burst, frame: number): Burst {
  return { label: burst.label, inputs: burst.inputs.map((i) => ({ frame: i.frame + frame, event: i.event })), endFrame: burst.endFrame + frame };
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
      if (random() < 0.35) {
        // Hold to charge: games that read key.getDuration() need holds from a tap to about 2 s.
        const hold = frames(200 + random() * 1800);
        return { label: `hold ${describeKey(key)} ${(hold * FRAME_MS / 1000).toFixed(1)} s`, inputs: tap(key, frame, hold), endFrame: frame + hold + frames(300) };
      }
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
      const a = surface.draggable.length && random() < 0.8 ? pick(random, surface.draggable) : point();
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
