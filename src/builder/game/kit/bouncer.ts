// Bouncing from ledge to ledge (vertical climbers): gravity pulls down, and landing on a ledge from
// above kicks the jumper straight back up. Ledges are one-way: the jumper passes through going up.

export interface Ledge {
  /** Centre of the ledge. */
  x: number;
  /** Its top surface. */
  y: number;
  width: number;
}

export class Bouncer {
  vy = 0;

  constructor(
    /** Pixels per second² pulling down. */
    private readonly gravity: number,
    /** Upward speed a landing gives, in pixels per second. */
    private readonly kick: number,
  ) {}

  /**
   * Moves `feet` (the jumper's bottom centre) one frame and returns the ledge it bounced off, if
   * any. `halfWidth`: how far past a ledge's end the feet still land on it.
   */
  step<T extends Ledge>(feet: { x: number; y: number }, seconds: number, ledges: Iterable<T>, halfWidth = 12): T | null {
    const before = feet.y;
    this.vy = Math.min(this.vy + this.gravity * seconds, this.kick * 1.5);
    feet.y += this.vy * seconds;
    if (this.vy <= 0) return null;
    for (const ledge of ledges) {
      if (before <= ledge.y && feet.y >= ledge.y && Math.abs(feet.x - ledge.x) <= ledge.width / 2 + halfWidth) {
        feet.y = ledge.y;
        this.vy = -this.kick;
        return ledge;
      }
    }
    return null;
  }
}
