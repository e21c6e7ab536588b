// Aim-and-launch (golf, slingshots): pull back from the ball with the mouse or a finger and let
// go; the pull's length is the power. Also the speed a rolling ball needs to stop at a distance.

export interface Launch {
  /** Unit direction of the launch. */
  x: number;
  y: number;
  /** 0..1 of the full power. */
  power: number;
}

export class Slingshot {
  private from: { x: number; y: number } | null = null;
  private to = { x: 0, y: 0 };

  constructor(
    /** A pull this long (pixels) is full power. */
    private readonly fullPull: number,
    /** Shorter pulls than this are no launch (a click, a slip of the finger). */
    private readonly deadZone = 12,
  ) {}

  get pulling(): boolean {
    return this.from !== null;
  }

  press(x: number, y: number) {
    this.from = { x, y };
    this.to = { x, y };
  }

  drag(x: number, y: number) {
    if (this.from) this.to = { x, y };
  }

  /** Where the pull says to launch now (opposite the pull), or null for a pull too short. */
  aim(): Launch | null {
    if (!this.from) return null;
    const dx = this.from.x - this.to.x;
    const dy = this.from.y - this.to.y;
    const length = Math.hypot(dx, dy);
    if (length < this.deadZone) return null;
    return { x: dx / length, y: dy / length, power: Math.min(1, length / this.fullPull) };
  }

  /** Lets go: the launch, if the pull was long enough. */
  release(): Launch | null {
    const launch = this.aim();
    this.from = null;
    return launch;
  }
}

/** The starting speed that makes a ball slowing at `deceleration` px/s² come to rest after `distance` px. */
export function speedToStopAt(distance: number, deceleration: number): number {
  return Math.sqrt(2 * deceleration * Math.max(0, distance));
}
