// Where a finger on the pad points: eight ways, with a small dead centre, so a thumb that rolls
// from right to up-right holds both keys, as on a game controller.

import type { Direction } from "./layout";

/** cos 67.5°: each direction owns 135° around its axis, so diagonals press two keys. */
const AXIS = 0.383;
const DEAD_CENTRE = 0.18;

/** The directions a finger at (dx, dy) from the pad's centre presses; radius is the pad's. */
export function padDirections(dx: number, dy: number, radius: number): Direction[] {
  const distance = Math.hypot(dx, dy);
  if (distance < radius * DEAD_CENTRE) return [];
  const x = dx / distance;
  const y = dy / distance;
  const out: Direction[] = [];
  if (y < -AXIS) out.push("up");
  if (y > AXIS) out.push("down");
  if (x < -AXIS) out.push("left");
  if (x > AXIS) out.push("right");
  return out;
}
