// A spawn clock: says when to make the next thing, every `everyMs` give or take `jitterMs`,
// sooner as `factor` grows (rising difficulty).
import Phaser from "phaser";

export class Spawner {
  private wait: number;

  constructor(
    private readonly everyMs: number,
    private readonly jitterMs: number,
    private readonly rng: Phaser.Math.RandomDataGenerator,
    firstInMs = everyMs,
  ) {
    this.wait = firstInMs;
  }

  /** Advances the clock by one frame; true when it is time to spawn. */
  due(deltaMs: number, factor = 1): boolean {
    this.wait -= deltaMs * factor;
    if (this.wait > 0) return false;
    this.wait += this.everyMs + this.rng.between(-this.jitterMs, this.jitterMs);
    return true;
  }
}
