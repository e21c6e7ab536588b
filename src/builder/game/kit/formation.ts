// A marching formation (space invaders): rows of members step sideways together, drop a row at
// either edge and turn, and march faster the fewer are left.
import Phaser from "phaser";

export class Formation {
  readonly members: Phaser.GameObjects.Image[] = [];
  private direction = 1;
  private sinceStep = 0;

  constructor(
    private readonly left: number,
    private readonly right: number,
    /** Pixels per sideways step and per drop. */
    private readonly stepX: number,
    private readonly dropY: number,
    /** Milliseconds between steps with the whole formation alive. */
    private readonly stepMs: number,
  ) {}

  add(member: Phaser.GameObjects.Image) {
    this.members.push(member);
  }

  get alive(): Phaser.GameObjects.Image[] {
    return this.members.filter((m) => m.active);
  }

  /** Advances the march; returns true on the frames it stepped. */
  march(deltaMs: number, speedFactor = 1): boolean {
    const alive = this.alive;
    if (alive.length === 0) return false;
    // Fewer members march faster: at a quarter left, about three times as fast.
    const pace = speedFactor * (1 + 2 * (1 - alive.length / this.members.length));
    this.sinceStep += deltaMs * pace;
    if (this.sinceStep < this.stepMs) return false;
    this.sinceStep = 0;
    const minX = Math.min(...alive.map((m) => m.x));
    const maxX = Math.max(...alive.map((m) => m.x));
    const atEdge = (this.direction > 0 && maxX + this.stepX > this.right) || (this.direction < 0 && minX - this.stepX < this.left);
    for (const m of alive) {
      if (atEdge) m.y += this.dropY;
      else m.x += this.direction * this.stepX;
      m.setFlipX(!m.flipX);
    }
    if (atEdge) this.direction = -this.direction;
    return true;
  }

  /** The lowest member of each column: the ones that can shoot. */
  front(): Phaser.GameObjects.Image[] {
    const byColumn = new Map<number, Phaser.GameObjects.Image>();
    for (const m of this.alive) {
      const column = Math.round(m.x);
      const lowest = byColumn.get(column);
      if (!lowest || m.y > lowest.y) byColumn.set(column, m);
    }
    return [...byColumn.values()];
  }
}
