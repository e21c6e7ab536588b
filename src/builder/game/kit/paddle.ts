// A paddle that slides along one axis inside its track: driven by keys (-1, 0, 1), by a held
// pointer, or toward a point at a limited speed (how a computer player moves).
import Phaser from "phaser";

export class Paddle {
  constructor(
    readonly sprite: Phaser.GameObjects.Image,
    private readonly axis: "x" | "y",
    private readonly min: number,
    private readonly max: number,
    /** Pixels per second. */
    readonly speed: number,
  ) {}

  get position(): number {
    return this.sprite[this.axis];
  }

  /** Moves at full speed in `direction` (-1, 0 or 1) for `seconds`. */
  drive(direction: number, seconds: number) {
    this.moveTo(this.position + Math.sign(direction) * this.speed * seconds);
  }

  /** Moves toward `target`, no faster than `speed` pixels per second. */
  follow(target: number, seconds: number, speed = this.speed) {
    const step = Phaser.Math.Clamp(target - this.position, -speed * seconds, speed * seconds);
    this.moveTo(this.position + step);
  }

  private moveTo(value: number) {
    this.sprite[this.axis] = Phaser.Math.Clamp(value, this.min, this.max);
  }
}
