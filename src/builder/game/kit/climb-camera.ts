// A camera for climbing games: it follows the climber up but never back down, and once it starts
// creeping it also rises on its own, a little faster every second, so standing still is not safe.
import Phaser from "phaser";

export class ClimbCamera {
  private speed = 0;
  private creeping = false;

  constructor(
    private readonly camera: Phaser.Cameras.Scene2D.Camera,
    /** How far below the top of the view the climber is kept while climbing. */
    private readonly lead: number,
    /** Creeping speed at the start, in pixels per second. */
    private readonly startSpeed: number,
    /** Pixels per second added to the creep every second. */
    private readonly growth: number,
    private readonly maxSpeed: number,
  ) {}

  startCreeping() {
    if (this.creeping) return;
    this.creeping = true;
    this.speed = this.startSpeed;
  }

  /** One frame: creep, then catch up with a climber who is above the lead line. */
  update(seconds: number, climberY: number) {
    if (this.creeping) {
      this.speed = Math.min(this.maxSpeed, this.speed + this.growth * seconds);
      this.camera.scrollY -= this.speed * seconds;
    }
    this.camera.scrollY = Math.min(this.camera.scrollY, climberY - this.lead);
  }

  /** World y of the bottom edge of the view. */
  get bottom(): number {
    return this.camera.scrollY + this.camera.height;
  }

  get top(): number {
    return this.camera.scrollY;
  }
}
