// A ball that flies in straight lines, bounces off the top and bottom of its court and off
// paddles (the further from a paddle's centre it hits, the steeper it leaves), speeding up a
// little with every return. Plain maths on a game object, no physics engine.
import Phaser from "phaser";

export interface Court {
  top: number;
  bottom: number;
}

export class Ball {
  vx = 0;
  vy = 0;

  constructor(readonly sprite: Phaser.GameObjects.Image, readonly radius: number, private readonly court: Court) {}

  get speed(): number {
    return Math.hypot(this.vx, this.vy);
  }

  /** Sends the ball from (x, y) toward `direction` (-1 left, 1 right) at `speed`, a little up or down. */
  serve(x: number, y: number, direction: number, speed: number, slope: number) {
    this.sprite.setPosition(x, y);
    const angle = Phaser.Math.Clamp(slope, -0.6, 0.6);
    this.vx = Math.sign(direction) * speed * Math.cos(angle);
    this.vy = speed * Math.sin(angle);
  }

  stop() {
    this.vx = 0;
    this.vy = 0;
  }

  /** Moves for `seconds`; true when it bounced off the top or bottom. */
  step(seconds: number): boolean {
    const s = this.sprite;
    s.x += this.vx * seconds;
    s.y += this.vy * seconds;
    if (s.y < this.court.top + this.radius && this.vy < 0) {
      s.y = this.court.top + this.radius;
      this.vy = -this.vy;
      return true;
    }
    if (s.y > this.court.bottom - this.radius && this.vy > 0) {
      s.y = this.court.bottom - this.radius;
      this.vy = -this.vy;
      return true;
    }
    return false;
  }

  /** True when the ball touches the rectangle centred on (x, y). */
  touches(x: number, y: number, width: number, height: number): boolean {
    const nearX = Phaser.Math.Clamp(this.sprite.x, x - width / 2, x + width / 2);
    const nearY = Phaser.Math.Clamp(this.sprite.y, y - height / 2, y + height / 2);
    return Math.hypot(this.sprite.x - nearX, this.sprite.y - nearY) <= this.radius;
  }

  /** Returns the ball off a paddle centred at `centre` (half its length `half`), toward `direction`, faster by `speedUp`. */
  returnFrom(centre: number, half: number, direction: number, speedUp: number, maxSpeed: number) {
    const offset = Phaser.Math.Clamp((this.sprite.y - centre) / half, -1, 1);
    const speed = Math.min(maxSpeed, this.speed * speedUp);
    const angle = offset * 0.9;
    this.vx = Math.sign(direction) * speed * Math.cos(angle);
    this.vy = speed * Math.sin(angle);
  }

  /** Where the ball will cross x (following its bounces off the top and bottom), or null if it moves away from x. */
  crossingY(x: number): number | null {
    const dt = (x - this.sprite.x) / this.vx;
    if (!Number.isFinite(dt) || dt < 0) return null;
    const top = this.court.top + this.radius;
    const span = this.court.bottom - this.radius - top;
    // Unfold the bounces: the path is a straight line on a court mirrored again and again.
    const raw = this.sprite.y + this.vy * dt - top;
    const folded = ((raw % (2 * span)) + 2 * span) % (2 * span);
    return top + (folded <= span ? folded : 2 * span - folded);
  }
}
