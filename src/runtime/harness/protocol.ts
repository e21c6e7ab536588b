// The typed harness protocol: messages between the game page (harness) and the IDE.
// Everything arriving from a game page is untrusted: messages go through parseHarnessMessage and
// every command reply's result through parseCommandResult before anything reads it.

import type { LinkedModule } from "../linker";

export const CHANNEL = "playforge";
export const PROTOCOL_VERSION = 1;
export const MAX_MESSAGE_BYTES = 1_500_000;

export type SourceLocation = { file: string; line: number; column?: number };

export type ConsoleLevel = "log" | "info" | "warn" | "error" | "debug";

/**
 * asset: a file the game asked for (image, audio, JSON) failed to load, located at the line that asked.
 * warning: a Phaser warning that means a bug ("Scene key not found", a missing texture in use, a removed API).
 */
export type GameErrorKind = "error" | "unhandledrejection" | "syntax" | "module" | "loop" | "frozen" | "load" | "asset" | "warning";

export interface GameError {
  kind: GameErrorKind;
  message: string;
  stack?: string;
  location?: SourceLocation;
}

export interface FrameMetrics {
  /** Fraction of sampled pixels that differ from the dominant (background) colour. */
  nonBackground: number;
  /** Distinct colours among sampled pixels (quantised). */
  colours: number;
  /** Fraction of sampled pixels that changed since the previous snapshot (0 for the first). */
  diff: number;
  /** FNV-1a hash of the sampled pixels, for determinism checks. */
  hash: string;
  /**
   * Region signature at the canvas's own resolution: the canvas is cut into CELL_COLUMNS × CELL_ROWS
   * cells and each cell's full-resolution pixels are hashed (8 hex digits per cell, row by row), so
   * two runs can be compared region by region and a 12-px sprite on a 1280×720 canvas still counts.
   */
  cells?: string;
}

export const CELL_COLUMNS = 32;
export const CELL_ROWS = 18;

export interface FrameSnapshot {
  frame: number;
  virtualMs: number;
  width: number;
  height: number;
  /** PNG data URL of a downscaled thumbnail. */
  thumbnail: string;
  metrics: FrameMetrics;
}

export interface ObjectSummary {
  type: string;
  /** The object's own name (setName), when the game gave it one. */
  name?: string;
  x: number;
  y: number;
  /** Display size in game pixels, when known. */
  width?: number;
  height?: number;
  /** Physics body velocity, when it has a body. */
  vx?: number;
  vy?: number;
  texture?: string;
  text?: string;
  hasBody: boolean;
  visible: boolean;
}

/** Something a person can click, tap or drag: its hit area in game (canvas) coordinates on screen. */
export interface InputTarget {
  /** "Rectangle", "Text", "Zone", "Sprite", ... or "dom" for a button in the page. */
  type: string;
  name?: string;
  text?: string;
  /** Centre and size of the hit area on screen (camera scroll and zoom applied). */
  x: number;
  y: number;
  width: number;
  height: number;
  draggable: boolean;
}

export interface SceneSummary {
  key: string;
  objects: Record<string, number>;
  bodies: number;
  keys: string[];
  pointerListeners: string[];
  keyboardListeners: string[];
  /** Visible objects that may be the player or what it meets: bodies, sprites, images, shapes, texts (at most 24). */
  main: ObjectSummary[];
  /** Every interactive object's hit area (at most 24), so clicks and drags aim at real targets. */
  targets?: InputTarget[];
  describe?: unknown;
}

export interface Introspection {
  registered: boolean;
  renderer: "webgl" | "canvas" | "none";
  width: number;
  height: number;
  frame: number;
  virtualMs: number;
  /** Active scenes (running or paused), the one that owns input first. */
  scenes: SceneSummary[];
  /** Every scene key the game registered, active or not (a "GameOver" that never ran is still listed). */
  sceneKeys?: string[];
  /** Buttons and links in the page itself (outside Phaser), in canvas coordinates. */
  domTargets?: InputTarget[];
}

export type InputEvent =
  | { kind: "key"; action: "down" | "up"; key: string }
  | { kind: "pointer"; action: "move" | "down" | "up"; x: number; y: number }
  | { kind: "touch"; action: "start" | "move" | "end"; x: number; y: number };

/** Commands the IDE (playtest engine) sends into the page. Replies carry the same id. */
export type HarnessCommand =
  /**
   * Steps frames of virtual time. capture (default true) renders the last one and copies it for
   * the next snapshot; false skips both (the read-back is the dearest part of a step) when no
   * snapshot follows. A step in which the game reports an error renders and copies anyway.
   */
  | { op: "step"; frames: number; capture?: boolean }
  | { op: "input"; events: InputEvent[] }
  | { op: "snapshot"; thumbWidth?: number }
  | { op: "introspect" }
  | { op: "status" }
  /**
   * Live mode only: holds (or releases) the game's loop; the heartbeat goes on. The IDE pauses
   * the live preview while a hidden playtest steps, because both pages share one thread. A game
   * that paused itself stays paused on release.
   */
  | { op: "pause"; paused: boolean }
  /** Live mode only: mutes (or unmutes) the game's sound; a playtest is always muted. */
  | { op: "mute"; muted: boolean };

export type CommandResult = {
  step: { frame: number; virtualMs: number };
  input: { delivered: number };
  snapshot: FrameSnapshot;
  introspect: Introspection;
  status: { frame: number; virtualMs: number; registered: boolean; rendered: boolean };
  pause: { paused: boolean };
  mute: { muted: boolean };
};

export type HarnessMessage =
  | { type: "loaded"; registered: boolean }
  | { type: "ready"; firstFrameMs: number; renderedAt: number }
  | { type: "console"; level: ConsoleLevel; text: string; location?: SourceLocation }
  | { type: "error"; error: GameError }
  | { type: "heartbeat"; frame: number; virtualMs: number }
  | { type: "frame"; snapshot: FrameSnapshot }
  /**
   * token: the page's reply token, known to the harness and the IDE only (the game can read its
   * session id from the commands it sees, not the token), so a reply the game forged is told apart.
   */
  | { type: "reply"; id: number; token: string; ok: true; result: unknown }
  | { type: "reply"; id: number; token: string; ok: false; error: string };

export type Envelope<T> = T & { channel: typeof CHANNEL; v: typeof PROTOCOL_VERSION; session: string };

/** A linked program as the page's loader (`harness/loader.ts` `runProgram`) evaluates it. */
export interface PageProgram {
  entry: string;
  modules: Record<string, LinkedModule>;
  phaserUrl: string;
}

/** A pre-warmed page (harness and Phaser loaded) receives its program once, when it is shown. */
export interface RunMessage {
  type: "run";
  program: PageProgram;
  loops: SourceLocation[];
  publicFiles: Record<string, { mime: string; base64: string }>;
  bodyHtml: string;
  headStyles: string;
}

export type IdeToHarness = Envelope<{ type: "command"; id: number; command: HarnessCommand }> | Envelope<RunMessage>;

const LEVELS = new Set(["log", "info", "warn", "error", "debug"]);
const ERROR_KINDS = new Set(["error", "unhandledrejection", "syntax", "module", "loop", "frozen", "load", "asset", "warning"]);

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const isStr = (x: unknown, max = 100_000): x is string => typeof x === "string" && x.length <= max;
const isNum = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
const CELLS_PATTERN = new RegExp(`^[0-9a-f]{${CELL_COLUMNS * CELL_ROWS * 8}}$`);
const isCells = (x: unknown): x is string => typeof x === "string" && CELLS_PATTERN.test(x);

function parseLocation(x: unknown): SourceLocation | undefined | null {
  if (x === undefined) return undefined;
  if (!isObj(x) || !isStr(x.file, 500) || !isNum(x.line)) return null;
  if (x.column !== undefined && !isNum(x.column)) return null;
  return { file: x.file, line: x.line, ...(isNum(x.column) ? { column: x.column } : {}) };
}

function parseSnapshot(x: unknown): FrameSnapshot | null {
  if (!isObj(x) || !isNum(x.frame) || !isNum(x.virtualMs) || !isNum(x.width) || !isNum(x.height)) return null;
  if (!isStr(x.thumbnail, MAX_MESSAGE_BYTES) || !x.thumbnail.startsWith("data:image/")) return null;
  const m = x.metrics;
  if (!isObj(m) || !isNum(m.nonBackground) || !isNum(m.colours) || !isNum(m.diff) || !isStr(m.hash, 64)) return null;
  if (m.cells !== undefined && !isCells(m.cells)) return null;
  return x as unknown as FrameSnapshot;
}

/**
 * Validates a message from a game page. Returns null for anything malformed, oversized,
 * from another session or of an unknown type; the caller counts and drops those.
 */
export function parseHarnessMessage(data: unknown, session: string): HarnessMessage | null {
  if (!isObj(data) || data.channel !== CHANNEL || data.v !== PROTOCOL_VERSION || data.session !== session) return null;
  switch (data.type) {
    case "loaded":
      return typeof data.registered === "boolean" ? { type: "loaded", registered: data.registered } : null;
    case "ready":
      return isNum(data.firstFrameMs) && isNum(data.renderedAt) ? { type: "ready", firstFrameMs: data.firstFrameMs, renderedAt: data.renderedAt } : null;
    case "console": {
      if (!isStr(data.level) || !LEVELS.has(data.level) || !isStr(data.text, 20_000)) return null;
      const location = parseLocation(data.location);
      if (location === null) return null;
      return { type: "console", level: data.level as ConsoleLevel, text: data.text, ...(location ? { location } : {}) };
    }
    case "error": {
      const e = data.error;
      if (!isObj(e) || !isStr(e.kind) || !ERROR_KINDS.has(e.kind) || !isStr(e.message, 20_000)) return null;
      if (e.stack !== undefined && !isStr(e.stack, 50_000)) return null;
      const location = parseLocation(e.location);
      if (location === null) return null;
      return {
        type: "error",
        error: { kind: e.kind as GameErrorKind, message: e.message, ...(isStr(e.stack) ? { stack: e.stack } : {}), ...(location ? { location } : {}) },
      };
    }
    case "heartbeat":
      return isNum(data.frame) && isNum(data.virtualMs) ? { type: "heartbeat", frame: data.frame, virtualMs: data.virtualMs } : null;
    case "frame": {
      const snapshot = parseSnapshot(data.snapshot);
      return snapshot ? { type: "frame", snapshot } : null;
    }
    case "reply":
      if (!isNum(data.id) || !isStr(data.token, 200)) return null;
      if (data.ok === true) return { type: "reply", id: data.id, token: data.token, ok: true, result: data.result };
      if (data.ok === false && isStr(data.error, 20_000)) return { type: "reply", id: data.id, token: data.token, ok: false, error: data.error };
      return null;
    default:
      return null;
  }
}

/** Rough size of a message, used to drop oversized ones before parsing deeply. */
export function approximateSize(data: unknown): number {
  try {
    return JSON.stringify(data)?.length ?? 0;
  } catch {
    return Infinity;
  }
}
