// A seeking player for task probes: holds the movement keys toward the nearest object the game's
// describe() lists (e.g. pearls), so "score rises when a pearl is collected" can be seen at all.

import type { InputEvent } from "../runtime/contract";
import type { StateProbe } from "./checks";
import { describeKey, FRAME_MS, type InputSurface } from "./input-plan";
import { gameplayScene } from "./phases";
import type { Timeline } from "./scenario";

const SEEK_MS = 2500;
const LOOK_EVERY_FRAMES = 8;
const DEAD_ZONE = 10;

type Point = { x: number; y: number };

/** Reads a dotted path ("player", "targets", "level.exit") from a describe() value. */
export function readPath(value: unknown, path: string): unknown {
  let at: unknown = value;
  for (const part of path.split(".")) {
    if (!at || typeof at !== "object") return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

function isPoint(value: unknown): value is Point {
  return !!value && typeof value === "object" && Number.isFinite((value as Point).x) && Number.isFinite((value as Point).y);
}

function directionKeys(surface: InputSurface): { left: string; right: string; up: string; down: string } {
  const keys = new Set(surface.keys);
  if (!keys.has("ArrowLeft") && keys.has("a")) return { left: "a", right: "d", up: "w", down: "s" };
  return { left: "ArrowLeft", right: "ArrowRight", up: "ArrowUp", down: "ArrowDown" };
}

export async function seekBurst(timeline: Timeline, probe: StateProbe, surface: InputSurface): Promise<void> {
  if (!probe.seek) return;
  const keys = directionKeys(surface);
  const held = new Set<string>();
  const until = timeline.frame + Math.round(SEEK_MS / FRAME_MS);
  timeline.label(`seek ${probe.seek} (hold ${describeKey(keys.left)}/${describeKey(keys.right)}/${describeKey(keys.up)}/${describeKey(keys.down)} toward the nearest)`);
  while (timeline.frame < until && !timeline.ended) {
    const describe = gameplayScene(await timeline.look())?.describe;
    const player = readPath(describe, "player");
    const list = readPath(describe, probe.seek);
    const targets = Array.isArray(list) ? list.filter(isPoint) : [];
    if (!isPoint(player) || targets.length === 0) break;
    const goal = targets.reduce((a, b) => (Math.hypot(a.x - player.x, a.y - player.y) <= Math.hypot(b.x - player.x, b.y - player.y) ? a : b));
    const wanted = new Set<string>();
    if (goal.x - player.x > DEAD_ZONE) wanted.add(keys.right);
    if (player.x - goal.x > DEAD_ZONE) wanted.add(keys.left);
    if (goal.y - player.y > DEAD_ZONE) wanted.add(keys.down);
    if (player.y - goal.y > DEAD_ZONE) wanted.add(keys.up);
    const events: InputEvent[] = [];
    for (const key of held) if (!wanted.has(key)) events.push({ kind: "key", action: "up", key });
    for (const key of wanted) if (!held.has(key)) events.push({ kind: "key", action: "down", key });
    held.clear();
    wanted.forEach((k) => held.add(k));
    await timeline.send(events);
    await timeline.advanceTo(timeline.frame + LOOK_EVERY_FRAMES);
  }
  await timeline.send([...held].map((key) => ({ kind: "key", action: "up", key }) as InputEvent));
}
