// A dungeon room on a grid of tiles: walls all round, a door in the right-hand wall, a few inner
// walls and pillars, and a start on the left. Every open tile can be reached from the start.
import Phaser from "phaser";
import type { GridCell } from "./grid-path";

export interface Room {
  /** open[gy][gx]: true where one can walk (the closed door counts as open: it is where the exit is). */
  open: boolean[][];
  start: GridCell;
  door: GridCell;
}

export function carveRoom(columns: number, rows: number, rng: Phaser.Math.RandomDataGenerator, innerWalls: number): Room {
  for (let attempt = 0; ; attempt++) {
    const open = Array.from({ length: rows }, (_, gy) => Array.from({ length: columns }, (_, gx) => gx > 0 && gy > 0 && gx < columns - 1 && gy < rows - 1));
    const start = { gx: 1, gy: rng.between(2, rows - 3) };
    const door = { gx: columns - 1, gy: rng.between(2, rows - 3) };
    open[door.gy][door.gx] = true;
    // Fewer inner walls on each retry, so a room is always found.
    for (let i = 0; i < Math.max(0, innerWalls - attempt); i++) {
      const horizontal = rng.frac() < 0.5;
      const length = rng.between(3, horizontal ? 9 : 6);
      const gx = rng.between(3, columns - 4 - (horizontal ? length : 0));
      const gy = rng.between(2, rows - 3 - (horizontal ? 0 : length));
      for (let k = 0; k < length; k++) open[horizontal ? gy : gy + k][horizontal ? gx + k : gx] = false;
    }
    open[start.gy][start.gx] = open[door.gy][door.gx - 1] = true;
    if (everyOpenTileReachable(open, start)) return { open, start, door };
  }
}

function everyOpenTileReachable(open: boolean[][], from: GridCell): boolean {
  const total = open.flat().filter(Boolean).length;
  const seen = new Set<number>([from.gy * 1000 + from.gx]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
      const next = { gx: queue[i].gx + dx, gy: queue[i].gy + dy };
      const key = next.gy * 1000 + next.gx;
      if (!open[next.gy]?.[next.gx] || seen.has(key)) continue;
      seen.add(key);
      queue.push(next);
    }
  }
  return seen.size === total;
}
