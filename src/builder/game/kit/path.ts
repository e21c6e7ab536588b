// A path of waypoints that walkers follow at their own speed (tower defense creeps): where a
// walker is after travelling some distance, and how far along the whole path that is.

export interface Waypoint {
  x: number;
  y: number;
}

export class WalkPath {
  private readonly lengths: number[] = [0];

  constructor(readonly points: Waypoint[]) {
    for (let i = 1; i < points.length; i++) {
      this.lengths.push(this.lengths[i - 1] + Math.hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y));
    }
  }

  get length(): number {
    return this.lengths[this.lengths.length - 1];
  }

  /** The point `distance` pixels along the path (its end once past it). */
  at(distance: number): Waypoint {
    const d = Math.max(0, Math.min(this.length, distance));
    let i = 1;
    while (i < this.lengths.length - 1 && this.lengths[i] < d) i++;
    const a = this.points[i - 1];
    const b = this.points[i];
    const t = (d - this.lengths[i - 1]) / (this.lengths[i] - this.lengths[i - 1] || 1);
    return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
  }
}
