// Shots that fly in a straight line until they leave the area, run out of time or hit something
// (top-down shooters). Each is a sprite with a velocity; the scene decides what a hit does.
import Phaser from "phaser";

interface Shot {
  sprite: Phaser.GameObjects.Image;
  vx: number;
  vy: number;
  leftMs: number;
}

export class Shots {
  private list: Shot[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly texture: string,
    /** Pixels per second. */
    private readonly speed: number,
    private readonly lifeMs = 1200,
  ) {}

  /** Fires one shot from (x, y) toward (toX, toY). */
  fire(x: number, y: number, toX: number, toY: number) {
    const angle = Math.atan2(toY - y, toX - x);
    const sprite = this.scene.add.image(x, y, this.texture).setRotation(angle).setDepth(4);
    this.list.push({ sprite, vx: Math.cos(angle) * this.speed, vy: Math.sin(angle) * this.speed, leftMs: this.lifeMs });
  }

  /** Moves every shot one frame; `hits(x, y)` returns true when a shot struck something and is used up. */
  update(deltaMs: number, hits: (x: number, y: number) => boolean) {
    const seconds = deltaMs / 1000;
    this.list = this.list.filter((shot) => {
      shot.sprite.x += shot.vx * seconds;
      shot.sprite.y += shot.vy * seconds;
      shot.leftMs -= deltaMs;
      if (shot.leftMs > 0 && !hits(shot.sprite.x, shot.sprite.y)) return true;
      shot.sprite.destroy();
      return false;
    });
  }

  get count(): number {
    return this.list.length;
  }
}
