// Rising difficulty: a factor that starts at 1 and grows with play time, for speeds and spawn
// rates. Off (always 1) unless the game's rules ask for it.

export class Ramp {
  private elapsed = 0;

  constructor(
    private readonly enabled: boolean,
    /** How much the factor grows per second of play. */
    private readonly perSecond = 0.02,
    private readonly max = 2.5,
  ) {}

  /** Call once a frame with the frame's length in milliseconds. */
  tick(deltaMs: number) {
    this.elapsed += deltaMs / 1000;
  }

  get factor(): number {
    return this.enabled ? Math.min(this.max, 1 + this.elapsed * this.perSecond) : 1;
  }
}
