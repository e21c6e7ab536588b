// A patrol on a grid: it walks straight along open tiles and turns back at a wall, so its beat is
// easy to read and time. Returns the next tile to step to.
import type { GridCell } from "./grid-path";

export function patrolStep(open: boolean[][], at: GridCell, heading: GridCell): { next: GridCell; heading: GridCell } {
  const ahead = { gx: at.gx + heading.gx, gy: at.gy + heading.gy };
  if (open[ahead.gy]?.[ahead.gx]) return { next: ahead, heading };
  const back = { gx: -heading.gx, gy: -heading.gy };
  const behind = { gx: at.gx + back.gx, gy: at.gy + back.gy };
  return { next: open[behind.gy]?.[behind.gx] ? behind : at, heading: back };
}
