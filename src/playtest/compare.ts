// Compares the play run with the control run at the same frames: which screen regions differ
// (at the canvas's own resolution, minus what differs with no input at all), which objects moved
// differently and which describe() fields differ — named in game terms.

import type { Introspection, ObjectSummary } from "../runtime/contract";
import { decodePngDataUrl, pixelDifference } from "./pixels";
import { gameplayScene, phaseOf } from "./phases";
import type { Observation, ScenarioRecord } from "./scenario";

/** Fraction of changed thumbnail pixels that counts as a visible change when a frame has no region cells. */
export const CHANGE_THRESHOLD = 0.001;
const CELL_CHARS = 8;
const MOVE_PX = 4;

export interface Pair {
  frame: number;
  atMs: number;
  play: Observation;
  control: Observation;
}

export function pairs(play: ScenarioRecord, control: ScenarioRecord): Pair[] {
  const byFrame = new Map(control.checkpoints.map((c) => [c.frame, c]));
  const out: Pair[] = [];
  for (const p of play.checkpoints) {
    const c = byFrame.get(p.frame);
    if (c) out.push({ frame: p.frame, atMs: p.atMs, play: p, control: c });
  }
  return out;
}

function cellsOf(checkpoint: Observation): string[] | null {
  const cells = checkpoint.snapshot.metrics.cells;
  if (!cells || cells.length % CELL_CHARS !== 0) return null;
  const out: string[] = [];
  for (let i = 0; i < cells.length; i += CELL_CHARS) out.push(cells.slice(i, i + CELL_CHARS));
  return out;
}

/** Cell indexes that differ between the two checkpoints; null when either has no cells (an older harness). */
export function differingCells(a: Observation, b: Observation): number[] | null {
  const x = cellsOf(a);
  const y = cellsOf(b);
  if (!x || !y || x.length !== y.length) return null;
  const out: number[] = [];
  x.forEach((cell, i) => cell !== y[i] && out.push(i));
  return out;
}

/** Regions that differ between two runs that got the same input: nondeterminism the harness does not control. */
export function noiseMask(samePairs: Pair[]): Set<number> {
  const mask = new Set<number>();
  for (const pair of samePairs) for (const i of differingCells(pair.play, pair.control) ?? []) mask.add(i);
  return mask;
}

export interface VisibleDifference {
  /** Regions (cells) that differ, outside the mask; null when measured on thumbnails instead. */
  cells: number | null;
  /** Fraction of thumbnail pixels that differ, when there are no cells. */
  fraction: number;
  visible: boolean;
}

export function visibleDifference(pair: Pair, mask: Set<number>): VisibleDifference {
  if (pair.play.snapshot.metrics.hash === pair.control.snapshot.metrics.hash) return { cells: 0, fraction: 0, visible: false };
  const cells = differingCells(pair.play, pair.control);
  if (cells) {
    const unmasked = cells.filter((i) => !mask.has(i)).length;
    return { cells: unmasked, fraction: 0, visible: unmasked > 0 };
  }
  const fraction = pixelDifference(decodePngDataUrl(pair.play.snapshot.thumbnail), decodePngDataUrl(pair.control.snapshot.thumbnail));
  return { cells: null, fraction, visible: fraction >= CHANGE_THRESHOLD };
}

export function objectLabel(o: ObjectSummary): string {
  const name = o.name || (o.texture && !o.texture.startsWith("__") ? o.texture : "") || (o.text ? o.text.slice(0, 24) : "");
  return name ? `${o.type} "${name}"` : o.type;
}

/** Objects of two views matched by type and name (or texture), in display order. */
function matchObjects(a: ObjectSummary[], b: ObjectSummary[]): Array<[ObjectSummary, ObjectSummary]> {
  const key = (o: ObjectSummary) => `${o.type}|${o.name ?? o.texture ?? ""}`;
  const pool = new Map<string, ObjectSummary[]>();
  for (const o of b) pool.set(key(o), [...(pool.get(key(o)) ?? []), o]);
  const out: Array<[ObjectSummary, ObjectSummary]> = [];
  for (const o of a) {
    const twin = pool.get(key(o))?.shift();
    if (twin) out.push([o, twin]);
  }
  return out;
}

export interface Offset {
  label: string;
  dx: number;
  dy: number;
}

/** How far each matched object of the gameplay scene is from its twin in the control run. */
export function offsets(play: Introspection | null, control: Introspection | null): Map<string, Offset> {
  const out = new Map<string, Offset>();
  const a = gameplayScene(play);
  const b = gameplayScene(control);
  if (!a || !b || a.key !== b.key) return out;
  const seen = new Map<string, number>();
  for (const [p, c] of matchObjects(a.main, b.main)) {
    const base = objectLabel(p);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(`${base}#${n}`, { label: n > 1 ? `${base} #${n}` : base, dx: p.x - c.x, dy: p.y - c.y });
  }
  return out;
}

function signed(n: number): string {
  return `${n >= 0 ? "+" : ""}${Math.round(n)}`;
}

/** "moved Rectangle "player" +118 px x": what the latest input changed, given the offsets before it. */
export function movedSince(before: Map<string, Offset>, now: Map<string, Offset>): string[] {
  const moves: Array<{ text: string; size: number }> = [];
  for (const [id, o] of now) {
    const prior = before.get(id) ?? { dx: 0, dy: 0 };
    const dx = o.dx - prior.dx;
    const dy = o.dy - prior.dy;
    const size = Math.hypot(dx, dy);
    if (size <= MOVE_PX) continue;
    const parts = [Math.abs(dx) > MOVE_PX ? `${signed(dx)} px x` : "", Math.abs(dy) > MOVE_PX ? `${signed(dy)} px y` : ""].filter(Boolean);
    moves.push({ text: `moved ${o.label} ${parts.join(", ")}`, size });
  }
  return moves.sort((a, b) => b.size - a.size).slice(0, 2).map((m) => m.text);
}

function flatten(value: unknown, prefix = "", depth = 0, out: Record<string, string> = {}): Record<string, string> {
  if (value && typeof value === "object" && !Array.isArray(value) && depth < 2) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, depth + 1, out);
  } else {
    out[prefix || "state"] = JSON.stringify(value)?.slice(0, 60) ?? "undefined";
  }
  return out;
}

/** describe() fields of the gameplay scene that differ from the control run ("charge 3 (control 0)"). */
export function stateDifferences(play: Introspection | null, control: Introspection | null): string[] {
  const a = gameplayScene(play);
  const b = gameplayScene(control);
  if (!a || !b || a.key !== b.key || a.describe === undefined) return [];
  const x = flatten(a.describe);
  const y = flatten(b.describe);
  return Object.keys(x).filter((k) => x[k] !== y[k]).slice(0, 3).map((k) => `${k} ${x[k]} (control ${y[k] ?? "—"})`);
}

/** The pairs in which both runs show gameplay, from the play run's gameplay start until either leaves it. */
export function gameplayPairs(all: Pair[], fromFrame: number | null): Pair[] {
  if (fromFrame === null) return [];
  const out: Pair[] = [];
  for (const pair of all) {
    if (pair.frame < fromFrame) continue;
    if (phaseOf(pair.play.introspection) !== "gameplay" || phaseOf(pair.control.introspection) !== "gameplay") break;
    out.push(pair);
  }
  return out;
}
