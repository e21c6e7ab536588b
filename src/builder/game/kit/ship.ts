// A ship that turns and thrusts in open space (asteroids, lunar lander): turning changes the
// heading, thrust pushes along it, drag slows it, and it can wrap around the screen's edges.
import Phaser from "phaser";

export class Ship {
  vx = 0;
  vy = 0;
  /** Radians; 0 points up. */
  heading = 0;

  constructor(
    readonly sprite: Phaser.GameObjects.Image,
    /** Radians per second. */
    private readonly turnSpeed: number,
    /** Pixels per second² while thrusting. */
    private readonly thrust: number,
    /** Fraction of speed kept per second (1: none lost). */
    private readonly keep = 0.6,
    private readonly maxSpeed = 420,
  ) {}

  /** One frame of flight: `turn` -1, 0 or 1, `thrusting` true while the engine burns, `gravity` pulls down. */
  fly(seconds: number, turn: number, thrusting: boolean, gravity = 0) {
    this.heading += turn * this.turnSpeed * seconds;
    if (thrusting) {
      this.vx += Math.sin(this.heading) * this.thrust * seconds;
      this.vy -= Math.cos(this.heading) * this.thrust * seconds;
    }
    this.vy += gravity * seconds;
    const keep = Math.pow(this.keep, seconds);
    this.vx *= keep;
    this.vy *= keep;
    const speed = Math.hypot(this.vx, this.vy);
    if (speed > this.maxSpeed) {
      this.vx *= this.maxSpeed / speed;
      this.vy *= this.maxSpeed / speed;
    }
    this.sprite.x += this.vx * seconds;
    this.sprite.y += this.vy * seconds;
    this.sprite.rotation = this.heading;
  }

  /** The unit vector the ship points along. */
  get facing(): { x: number; y: number } {
    return { x: Math.sin(this.heading), y: -Math.cos(this.heading) };
  }
}

/** Moves an object that left the area [0, width] × [0, height] back in at the opposite edge. */
export function wrap(object: { x: number; y: number }, width: number, height: number, margin = 20) {
  if (object.x < -margin) object.x += width + 2 * margin;
  else if (object.x > width + margin) object.x -= width + 2 * margin;
  if (object.y < -margin) object.y += height + 2 * margin;
  else if (object.y > height + margin) object.y -= height + 2 * margin;
}
