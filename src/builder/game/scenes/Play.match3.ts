// Match-3: swap two neighbouring gems to line up three or more of a kind; the line clears, the
// gems above fall and may line up again (a cascade). Clear enough gems before the moves (or the
// clock) run out, or the board costs a life and a fresh one is dealt.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { makeSpark, makeTexture, shade } from "../art";
import { GridCursor } from "../kit/grid-cursor";
import { Countdown } from "../kit/countdown";
import { EMPTY, collapse, findMove, makesMatch, matchedCells, newBoard, swapCells, type Board, type Cell } from "../kit/match-grid";

const COLUMNS = 8;
const ROWS = 8;
const CELL = 60;
const LEFT = 400 - (COLUMNS * CELL) / 2 + CELL / 2;
const TOP = 110;
const KINDS = CONFIG.difficulty === "easy" ? 5 : 6;
const MOVES = { easy: 25, normal: 20, hard: 16 }[CONFIG.difficulty] ?? 20;
const GOAL = CONFIG.goal.target;
const SWAP_MS = 150;
const DRAG_PX = 18;

export class PlayScene extends Phaser.Scene {
  private board: Board = [];
  private gems: (Phaser.GameObjects.Image | null)[][] = [];
  private cursor!: GridCursor;
  private frame!: Phaser.GameObjects.Rectangle;
  private selected: Cell | null = null;
  private pressedAt: { x: number; y: number; cell: Cell } | null = null;
  private clock!: Countdown;
  private controls!: Controls;
  private hud!: Hud;
  private rng!: Phaser.Math.RandomDataGenerator;
  private score = 0;
  private cleared = 0;
  private movesLeft = MOVES;
  private swaps = 0;
  private lives = CONFIG.lives;
  private busy = false;
  private ended = false;

  constructor() {
    super("Play");
  }

  create() {
    this.score = 0;
    this.swaps = 0;
    this.lives = CONFIG.lives;
    this.ended = false;
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed]);
    this.makeTextures();
    makeSpark(this);
    this.add.rectangle(400, TOP - CELL / 2 + (ROWS * CELL) / 2, COLUMNS * CELL + 16, ROWS * CELL + 16, shade(CONFIG.colors.background, -0.25)).setStrokeStyle(4, shade(CONFIG.colors.accent, -0.2));
    for (let row = 0; row < ROWS; row++) {
      for (let col = 0; col < COLUMNS; col++) if ((row + col) % 2 === 0) this.add.rectangle(this.px(col), this.py(row), CELL, CELL, 0xffffff, 0.06);
    }
    this.cursor = new GridCursor(3, 3, COLUMNS, ROWS, 160);
    this.frame = this.add.rectangle(0, 0, CELL - 2, CELL - 2).setStrokeStyle(4, CONFIG.colors.accent).setDepth(5);
    this.tweens.add({ targets: this.frame, alpha: 0.4, duration: 500, yoyo: true, repeat: -1 });
    this.input.on("pointerdown", (p: Phaser.Input.Pointer) => this.press(p.worldX, p.worldY));
    this.input.on("pointermove", (p: Phaser.Input.Pointer) => p.isDown && this.dragTo(p.worldX, p.worldY));
    this.input.on("pointerup", () => (this.pressedAt = null));
    this.controls = new Controls(this);
    this.hud = new Hud(this);
    this.hud.setLives(this.lives);
    this.dealBoard();
  }

  update(time: number, delta: number) {
    if (this.ended) return;
    // The clock waits while gems are falling, so a cascade never ends a board half-way.
    if (!this.busy && this.clock.tick(delta)) this.outOfTurns("Time's up");
    const from = { col: this.cursor.col, row: this.cursor.row };
    if (!this.busy && this.cursor.step(this.controls.keyAxis(), time) && this.selected) this.trySwap(from, { col: this.cursor.col, row: this.cursor.row });
    if (!this.busy && this.controls.actionPressed() && !this.input.activePointer.isDown) this.toggleSelection({ col: this.cursor.col, row: this.cursor.row });
    this.frame.setPosition(this.px(this.cursor.col), this.py(this.cursor.row)).setStrokeStyle(4, this.selected ? 0xffffff : CONFIG.colors.accent);
    if (this.clock.running) this.updateHud();
  }

  private px(col: number): number {
    return LEFT + col * CELL;
  }

  private py(row: number): number {
    return TOP + row * CELL;
  }

  private cellAt(x: number, y: number): Cell | null {
    const col = Math.round((x - LEFT) / CELL);
    const row = Math.round((y - TOP) / CELL);
    return col >= 0 && col < COLUMNS && row >= 0 && row < ROWS ? { col, row } : null;
  }

  /** A fresh board (and fresh moves or clock); cleared gems count from zero again. */
  private dealBoard() {
    this.gems.flat().forEach((g) => g?.destroy());
    do this.board = newBoard(COLUMNS, ROWS, KINDS, this.rng);
    while (!findMove(this.board));
    this.gems = this.board.map((line, row) => line.map((kind, col) => this.add.image(this.px(col), this.py(row), "gem-" + kind).setDepth(2)));
    this.cleared = 0;
    this.movesLeft = MOVES;
    this.clock = new Countdown(CONFIG.rules.timeLimit);
    this.selected = null;
    this.busy = false;
    this.updateHud();
  }

  private press(x: number, y: number) {
    const cell = this.cellAt(x, y);
    if (!cell || this.busy || this.ended) return;
    this.pressedAt = { x, y, cell };
    this.cursor.moveTo(cell.col, cell.row);
    const selected = this.selected;
    if (selected && Math.abs(selected.col - cell.col) + Math.abs(selected.row - cell.row) === 1) this.trySwap(selected, cell);
    else this.toggleSelection(cell, true);
  }

  /** Dragging a gem toward a neighbour swaps them, as on a phone. */
  private dragTo(x: number, y: number) {
    const at = this.pressedAt;
    if (!at || this.busy) return;
    const dx = x - at.x;
    const dy = y - at.y;
    if (Math.max(Math.abs(dx), Math.abs(dy)) < DRAG_PX) return;
    const to = Math.abs(dx) > Math.abs(dy) ? { col: at.cell.col + Math.sign(dx), row: at.cell.row } : { col: at.cell.col, row: at.cell.row + Math.sign(dy) };
    this.pressedAt = null;
    if (to.col >= 0 && to.col < COLUMNS && to.row >= 0 && to.row < ROWS) this.trySwap(at.cell, to);
  }

  private toggleSelection(cell: Cell, keep = false) {
    const same = this.selected && this.selected.col === cell.col && this.selected.row === cell.row;
    this.selected = same && !keep ? null : cell;
    if (this.selected) this.tweens.add({ targets: this.gems[cell.row][cell.col], scale: 1.15, duration: 90, yoyo: true });
  }

  /** Swaps two neighbours; a swap that makes no line swaps back and costs nothing. */
  private trySwap(a: Cell, b: Cell) {
    this.selected = null;
    this.busy = true;
    this.swaps += 1;
    this.cursor.moveTo(b.col, b.row);
    const good = makesMatch(this.board, a, b);
    this.animateSwap(a, b, () => {
      if (good) {
        this.movesLeft -= this.clock.running ? 0 : 1;
        this.clearLines(1);
        return;
      }
      playSfx(this, "bounce");
      this.animateSwap(a, b, () => (this.busy = false));
    });
  }

  private animateSwap(a: Cell, b: Cell, done: () => void) {
    swapCells(this.board, a, b);
    const gemA = this.gems[a.row][a.col];
    const gemB = this.gems[b.row][b.col];
    this.gems[a.row][a.col] = gemB;
    this.gems[b.row][b.col] = gemA;
    this.tweens.add({ targets: gemA, x: this.px(b.col), y: this.py(b.row), duration: SWAP_MS });
    this.tweens.add({ targets: gemB, x: this.px(a.col), y: this.py(a.row), duration: SWAP_MS, onComplete: done });
  }

  /** Clears every line, lets the gems fall, and goes again while new lines form (each cascade scores more). */
  private clearLines(chain: number) {
    const cells = matchedCells(this.board);
    if (cells.length === 0) {
      this.settle();
      return;
    }
    playSfx(this, chain > 1 ? "level" : "collect");
    for (const c of cells) {
      const gem = this.gems[c.row][c.col]!;
      this.burst(gem.x, gem.y, CONFIG.colors.accent);
      this.tweens.add({ targets: gem, scale: 0, duration: 160, onComplete: () => gem.destroy() });
      this.board[c.row][c.col] = EMPTY;
      this.gems[c.row][c.col] = null;
    }
    this.cleared += cells.length;
    this.score += cells.length * 20 * chain + (cells.length > 3 ? 50 : 0);
    if (chain > 1) this.hud.flash("Cascade x" + chain + "!");
    this.updateHud();
    this.time.delayedCall(180, () => this.dropGems(() => this.clearLines(chain + 1)));
  }

  private dropGems(done: () => void) {
    const { falls, fresh } = collapse(this.board, KINDS, this.rng);
    let longest = 0;
    for (const f of falls) {
      const gem = this.gems[f.from][f.col];
      this.gems[f.to][f.col] = gem;
      this.gems[f.from][f.col] = null;
      longest = Math.max(longest, f.to - f.from);
      this.tweens.add({ targets: gem, y: this.py(f.to), duration: 90 * (f.to - f.from), ease: "Quad.easeIn" });
    }
    for (const n of fresh) {
      const gem = this.add.image(this.px(n.col), this.py(n.startRow), "gem-" + this.board[n.row][n.col]).setDepth(2);
      this.gems[n.row][n.col] = gem;
      longest = Math.max(longest, n.row - n.startRow);
      this.tweens.add({ targets: gem, y: this.py(n.row), duration: 90 * (n.row - n.startRow), ease: "Quad.easeIn" });
    }
    this.time.delayedCall(90 * longest + 40, done);
  }

  /** After the cascades: won, out of moves, or (with no swap left anywhere) a reshuffle. */
  private settle() {
    this.busy = false;
    if (this.cleared >= GOAL) {
      this.finish(true);
      return;
    }
    if (!this.clock.running && this.movesLeft <= 0) {
      this.outOfTurns("Out of moves");
      return;
    }
    if (!findMove(this.board)) {
      this.hud.flash("No moves left: new board");
      const cleared = this.cleared;
      const moves = this.movesLeft;
      this.dealBoard();
      this.cleared = cleared;
      this.movesLeft = moves;
    }
    this.updateHud();
  }

  private outOfTurns(message: string) {
    this.lives -= 1;
    this.hud.setLives(this.lives);
    if (this.lives <= 0) {
      this.finish(false);
      return;
    }
    this.hud.flash(message + ": try again");
    this.dealBoard();
  }

  private burst(x: number, y: number, tint: number) {
    const emitter = this.add.particles(x, y, "spark", { speed: { min: 40, max: 150 }, lifespan: 350, scale: { start: 0.8, end: 0 }, tint, emitting: false }).setDepth(6);
    emitter.explode(6);
    this.time.delayedCall(400, () => emitter.destroy());
  }

  private updateHud() {
    this.hud.setScore(this.score);
    const turns = this.clock.running ? this.clock.secondsLeft + " s" : "moves " + this.movesLeft;
    this.hud.setStatus((CONFIG.collectible?.name ?? "gems") + " " + this.cleared + "/" + GOAL + "   " + turns);
  }

  private finish(won: boolean) {
    if (this.ended) return;
    this.ended = true;
    const detail = won ? "Cleared " + this.cleared + " " + (CONFIG.collectible?.name ?? "gems") + "!" : "Cleared " + this.cleared + " of " + GOAL;
    this.time.delayedCall(700, () => this.scene.start("GameOver", { won, score: this.score, detail }));
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    // With a gem picked up that can make a line, where to take it; otherwise which gem to pick up.
    const withSelected = this.selected && findMove(this.board, this.selected);
    const hint = withSelected || findMove(this.board);
    const next = hint ? (withSelected ? hint.b : hint.a) : null;
    return {
      screen: "playing",
      score: this.score,
      lives: this.lives,
      cleared: this.cleared,
      movesLeft: this.movesLeft,
      timeLeft: this.clock.secondsLeft,
      swaps: this.swaps,
      selected: this.selected !== null,
      /** The cell under the keyboard cursor. */
      player: { x: this.px(this.cursor.col), y: this.py(this.cursor.row) },
      targets: next ? [{ x: this.px(next.col), y: this.py(next.row) }] : [],
    };
  }

  private makeTextures() {
    const colors = [0xe63946, 0x3a86ff, 0x2dc653, 0xffbe0b, 0x8338ec, 0xff70a6];
    for (let kind = 0; kind < 6; kind++) {
      makeTexture(this, "gem-" + kind, 52, 52, (g) => drawGem(g, kind, colors[kind]));
    }
  }
}

/** Each kind of gem has its own colour and cut, so colour-blind players can tell them apart. */
function drawGem(g: Phaser.GameObjects.Graphics, kind: number, color: number) {
  const c = 26;
  const points = (sides: number, radius: number, turn: number) =>
    Array.from({ length: sides }, (_, i) => new Phaser.Math.Vector2(c + radius * Math.cos(turn + (i * 2 * Math.PI) / sides), c + radius * Math.sin(turn + (i * 2 * Math.PI) / sides)));
  const star = (outer: number, inner: number) =>
    Array.from({ length: 10 }, (_, i) => new Phaser.Math.Vector2(c + (i % 2 ? inner : outer) * Math.cos(-Math.PI / 2 + (i * Math.PI) / 5), c + (i % 2 ? inner : outer) * Math.sin(-Math.PI / 2 + (i * Math.PI) / 5)));
  g.fillStyle(shade(color, -0.35), 1);
  const shape = (radius: number) => {
    switch (kind) {
      case 0: g.fillCircle(c, c, radius); break;
      case 1: g.fillPoints(points(4, radius + 2, -Math.PI / 2), true); break;
      case 2: g.fillRoundedRect(c - radius + 3, c - radius + 3, 2 * radius - 6, 2 * radius - 6, 6); break;
      case 3: g.fillPoints(points(3, radius + 3, -Math.PI / 2), true); break;
      case 4: g.fillPoints(points(6, radius, 0), true); break;
      default: g.fillPoints(star(radius + 2, radius * 0.5), true);
    }
  };
  shape(24);
  g.fillStyle(color, 1);
  shape(19);
  g.fillStyle(0xffffff, 0.45).fillCircle(c - 7, c - 8, 5);
}
