// Mouse aim for top-down shooters: the player aims where the mouse points. Without a mouse (keys
// only, or a touch screen) it aims at the nearest target instead, so every way of playing can fire.
import Phaser from "phaser";
import { nearest, type Point } from "./nearest";

/** How long after the mouse last moved it still decides where to aim. */
const MOUSE_AIM_MS = 2000;

export class MouseAim {
  private movedAt = -Infinity;

  constructor(private readonly scene: Phaser.Scene) {
    scene.input.on("pointermove", (pointer: Phaser.Input.Pointer) => {
      if (!pointer.wasTouch) this.movedAt = scene.time.now;
    });
  }

  /** True while the mouse decides the aim. */
  get byMouse(): boolean {
    return this.scene.time.now - this.movedAt < MOUSE_AIM_MS;
  }

  /** The point to aim at from `from`: the mouse, else the nearest of `targets`, else straight up. */
  point(from: Point, targets: Iterable<Point>): Point {
    if (this.byMouse) {
      const pointer = this.scene.input.activePointer;
      return this.scene.cameras.main.getWorldPoint(pointer.x, pointer.y);
    }
    return nearest(from, targets, 1)[0] ?? { x: from.x, y: from.y - 100 };
  }
}
