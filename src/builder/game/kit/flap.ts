// Flap-and-fall flight: gravity pulls down, a flap kicks upward. A tap is one flap; holding the
// button keeps flapping at a steady beat, so a long press climbs.

export class Flapper {
  vy = 0;
  private nextBeat = 0;

  constructor(
    /** Pixels per second² pulling down. */
    private readonly gravity: number,
    /** Upward speed a flap gives, in pixels per second. */
    private readonly kick: number,
    /** Milliseconds between flaps while the button is held. */
    private readonly beatMs = 260,
  ) {}

  /** Advances one frame; returns true when it flapped. `pressed`: newly pressed this frame; `held`: still down. */
  step(seconds: number, now: number, pressed: boolean, held: boolean): boolean {
    let flapped = false;
    if (pressed || (held && now >= this.nextBeat)) {
      this.vy = -this.kick;
      this.nextBeat = now + this.beatMs;
      flapped = true;
    }
    this.vy = Math.min(this.vy + this.gravity * seconds, this.kick * 1.6);
    return flapped;
  }
}
