// Shortest paths on a grid of open cells (breadth-first): where to step next to reach the nearest
// of some goals through a maze. Used by describe() to say where the player should head.

export interface GridCell {
  gx: number;
  gy: number;
}

/** The cells from `from` (excluded) to the nearest goal (included), or [] when none is reachable. */
export function pathToNearest(open: boolean[][], from: GridCell, goals: GridCell[]): GridCell[] {
  const key = (c: GridCell) => c.gy * 10_000 + c.gx;
  const wanted = new Set(goals.map(key));
  const cameFrom = new Map<number, GridCell | null>([[key(from), null]]);
  const queue: GridCell[] = [from];
  for (let i = 0; i < queue.length; i++) {
    const cell = queue[i];
    if (wanted.has(key(cell)) && i > 0) {
      const path: GridCell[] = [];
      for (let at: GridCell | null = cell; at && key(at) !== key(from); at = cameFrom.get(key(at)) ?? null) path.unshift(at);
      return path;
    }
    for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
      const next = { gx: cell.gx + dx, gy: cell.gy + dy };
      if (!open[next.gy]?.[next.gx] || cameFrom.has(key(next))) continue;
      cameFrom.set(key(next), cell);
      queue.push(next);
    }
  }
  return [];
}
