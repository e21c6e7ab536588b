// The few objects nearest a point, as rounded {x, y}: what describe() lists as "targets" and
// "hazards" so a playtest (or a person reading the state) knows where the player should go.

export interface Point {
  x: number;
  y: number;
}

/** Up to `count` of `objects` (anything with x and y), nearest to `from` first. */
export function nearest(from: Point, objects: Iterable<Point>, count = 3): Point[] {
  const list = [...objects].map((o) => ({ x: Math.round(o.x), y: Math.round(o.y) }));
  list.sort((a, b) => Math.hypot(a.x - from.x, a.y - from.y) - Math.hypot(b.x - from.x, b.y - from.y));
  return list.slice(0, count);
}
