// A cursor that steps between the cells of a grid with the arrow keys (holding a key keeps
// stepping), for games played on a board: whack-a-mole, memory cards.

export class GridCursor {
  private nextStepAt = 0;

  constructor(
    public col: number,
    public row: number,
    private readonly columns: number,
    private readonly rows: number,
    /** Holding a direction steps again after this many milliseconds. */
    private readonly repeatMs = 180,
  ) {}

  /** Steps toward the axis (-1, 0, 1 each); returns true when the cursor moved to another cell. */
  step(axis: { x: number; y: number }, now: number): boolean {
    if (axis.x === 0 && axis.y === 0) {
      this.nextStepAt = 0;
      return false;
    }
    if (now < this.nextStepAt) return false;
    this.nextStepAt = now + this.repeatMs;
    const col = Math.max(0, Math.min(this.columns - 1, this.col + Math.sign(axis.x)));
    const row = Math.max(0, Math.min(this.rows - 1, this.row + (axis.x === 0 ? Math.sign(axis.y) : 0)));
    if (col === this.col && row === this.row) return false;
    this.col = col;
    this.row = row;
    return true;
  }

  moveTo(col: number, row: number) {
    this.col = col;
    this.row = row;
  }
}
