// One steering input for keyboard (arrows + WASD, SPACE/ENTER) and pointer (mouse or touch).
import Phaser from "phaser";

type KeyName = "UP" | "DOWN" | "LEFT" | "RIGHT" | "W" | "A" | "S" | "D" | "SPACE" | "ENTER";

export class Controls {
  private keys: Record<KeyName, Phaser.Input.Keyboard.Key>;
  private tapped = false;

  constructor(private scene: Phaser.Scene) {
    this.keys = scene.input.keyboard!.addKeys("UP,DOWN,LEFT,RIGHT,W,A,S,D,SPACE,ENTER") as Record<KeyName, Phaser.Input.Keyboard.Key>;
    scene.input.on("pointerdown", () => {
      this.tapped = true;
    });
  }

  /** -1, 0 or 1 on each axis from the arrow keys and WASD. */
  keyAxis(): { x: number; y: number } {
    const k = this.keys;
    return {
      x: (k.RIGHT.isDown || k.D.isDown ? 1 : 0) - (k.LEFT.isDown || k.A.isDown ? 1 : 0),
      y: (k.DOWN.isDown || k.S.isDown ? 1 : 0) - (k.UP.isDown || k.W.isDown ? 1 : 0),
    };
  }

  /** Unit direction from (fromX, fromY) toward a held pointer, in world space; zero when not held. */
  pointerAxis(fromX: number, fromY: number, deadZone = 10): { x: number; y: number } {
    const pointer = this.scene.input.activePointer;
    if (!pointer.isDown) return { x: 0, y: 0 };
    const world = this.scene.cameras.main.getWorldPoint(pointer.x, pointer.y);
    const dx = world.x - fromX;
    const dy = world.y - fromY;
    const length = Math.hypot(dx, dy);
    if (length < deadZone) return { x: 0, y: 0 };
    return { x: dx / length, y: dy / length };
  }

  /** Keys win over the pointer so both can be used without fighting. */
  axis(fromX: number, fromY: number): { x: number; y: number } {
    const keys = this.keyAxis();
    if (keys.x !== 0 || keys.y !== 0) return keys;
    return this.pointerAxis(fromX, fromY);
  }

  /** True once per press of SPACE, ENTER, UP, W or a tap/click. */
  actionPressed(): boolean {
    const k = this.keys;
    const pressed = [k.SPACE, k.ENTER, k.UP, k.W].some((key) => Phaser.Input.Keyboard.JustDown(key)) || this.tapped;
    this.tapped = false;
    return pressed;
  }

  /** True while SPACE is held or the pointer is down. */
  actionHeld(): boolean {
    return this.keys.SPACE.isDown || this.scene.input.activePointer.isDown;
  }

  pointerWorldX(): number | null {
    const pointer = this.scene.input.activePointer;
    if (!pointer.isDown) return null;
    return this.scene.cameras.main.getWorldPoint(pointer.x, pointer.y).x;
  }
}
