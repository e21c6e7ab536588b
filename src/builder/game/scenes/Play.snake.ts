// Snake: eat to grow, reach the target length to win. The board wraps around at the edges;
// biting your tail or hitting an obstacle costs a life. Every bite makes the snake faster.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { makeSpark, makeTexture, shade } from "../art";
import { nearest } from "../kit/nearest";

const CELL = 25;
const COLS = 32;
const ROWS = 21;
const TOP = 75;
const START_STEP_MS = 150;
const FASTEST_STEP_MS = 60;

interface Cell {
  x: number;
  y: number;
}

interface Critter extends Cell {
  /** Milliseconds between moves; 0 for things that never move (rocks). */
  stepMs: number;
  timer: number;
  sprite: Phaser.GameObjects.Image;
}

export class PlayScene extends Phaser.Scene {
  private segments: Cell[] = [];
  private direction: Cell = { x: 1, y: 0 };
  private nextDirection: Cell = { x: 1, y: 0 };
  private food: { cell: Cell; sprite: Phaser.GameObjects.Image }[] = [];
  private critters: Critter[] = [];
  private graphics!: Phaser.GameObjects.Graphics;
  private controls!: Controls;
  private hud!: Hud;
  private rng!: Phaser.Math.RandomDataGenerator;
  private stepTimer = 0;
  private pauseMs = 0;
  private score = 0;
  private lives = CONFIG.lives;
  private eaten = 0;
  private ended = false;

  constructor() {
    super("Play");
  }

  create() {
    this.score = 0;
    this.lives = CONFIG.lives;
    this.eaten = 0;
    this.ended = false;
    this.food = [];
    this.critters = [];
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed]);
    this.makeTextures();
    makeSpark(this);
    this.add.rectangle(0, TOP, COLS * CELL, ROWS * CELL).setOrigin(0).setStrokeStyle(3, shade(CONFIG.colors.background, 0.25));
    this.graphics = this.add.graphics().setDepth(2);

    this.resetSnake();
    CONFIG.hazards.forEach((hazard, index) => {
      for (let i = 0; i < hazard.count; i++) this.addCritter(index);
    });
    const onBoard = Math.max(1, CONFIG.collectible ? Math.min(CONFIG.collectible.count, 5) : 1);
    for (let i = 0; i < onBoard; i++) this.addFood();

    this.controls = new Controls(this);
    this.hud = new Hud(this);
    this.hud.setLives(this.lives);
    this.updateHud();
    this.draw();
  }

  update(_time: number, delta: number) {
    if (this.ended) return;
    this.readTurn();
    if (this.pauseMs > 0) {
      this.pauseMs -= delta;
      return;
    }
    for (const critter of this.critters) {
      if (critter.stepMs === 0) continue;
      critter.timer -= delta;
      if (critter.timer <= 0) this.moveCritter(critter);
    }
    this.stepTimer -= delta;
    if (this.stepTimer <= 0) {
      this.stepTimer = this.stepMs();
      this.step();
    }
  }

  private stepMs(): number {
    return Math.max(FASTEST_STEP_MS, (START_STEP_MS - this.eaten * 3) / CONFIG.pace);
  }

  /** Turns never reverse straight into the neck. */
  private readTurn() {
    const head = this.segments[0];
    let want = this.controls.keyAxis();
    if (want.x === 0 && want.y === 0) {
      const p = this.controls.pointerAxis(head.x * CELL + CELL / 2, TOP + head.y * CELL + CELL / 2, CELL);
      want = Math.abs(p.x) > Math.abs(p.y) ? { x: Math.sign(p.x), y: 0 } : { x: 0, y: Math.sign(p.y) };
    }
    if (want.x !== 0 && want.y !== 0) want = this.direction.x !== 0 ? { x: 0, y: want.y } : { x: want.x, y: 0 };
    if ((want.x === 0 && want.y === 0) || (want.x === -this.direction.x && want.y === -this.direction.y)) return;
    this.nextDirection = want;
  }

  private step() {
    this.direction = this.nextDirection;
    const head = this.segments[0];
    const next = { x: (head.x + this.direction.x + COLS) % COLS, y: (head.y + this.direction.y + ROWS) % ROWS };
    const eating = this.food.findIndex((f) => f.cell.x === next.x && f.cell.y === next.y);
    const tailMoves = eating < 0;
    const bodyToCheck = tailMoves ? this.segments.slice(0, -1) : this.segments;
    if (bodyToCheck.some((c) => c.x === next.x && c.y === next.y)) {
      this.loseLife("Ouch, your tail!");
      return;
    }
    if (this.critters.some((c) => c.x === next.x && c.y === next.y)) {
      this.loseLife("Bonk!");
      return;
    }
    this.segments.unshift(next);
    if (tailMoves) this.segments.pop();
    else this.eat(eating);
    this.draw();
  }

  private eat(index: number) {
    const item = this.food[index];
    this.burst(item.sprite.x, item.sprite.y, CONFIG.colors.accent);
    item.sprite.destroy();
    playSfx(this, "collect");
    this.food.splice(index, 1);
    this.eaten += 1;
    this.score += 10 * this.segments.length;
    this.addFood();
    // Every fifth bite drops another obstacle on the board.
    if (this.eaten % 5 === 0 && CONFIG.hazards.length > 0) this.addCritter(this.rng.between(0, CONFIG.hazards.length - 1));
    if (this.segments.length >= CONFIG.goal.target) this.finish(true);
    this.updateHud();
  }

  private loseLife(message: string) {
    this.lives -= 1;
    this.hud.setLives(this.lives);
    this.cameras.main.shake(200, 0.01);
    if (this.lives <= 0) {
      this.finish(false);
      return;
    }
    this.hud.flash(message);
    this.resetSnake();
    this.pauseMs = 900;
    this.draw();
  }

  private resetSnake() {
    const y = Math.floor(ROWS / 2);
    const x = Math.floor(COLS / 2);
    const length = Math.max(3, Math.floor(this.segments.length / 2));
    this.segments = [];
    for (let i = 0; i < length; i++) this.segments.push({ x: (x - i + COLS) % COLS, y });
    this.direction = { x: 1, y: 0 };
    this.nextDirection = { x: 1, y: 0 };
    this.stepTimer = this.stepMs();
    // Clear the row ahead of the fresh snake so it does not respawn into an obstacle.
    for (const critter of this.critters) if (critter.y === y) this.placeAway(critter);
  }

  private freeCell(): Cell {
    for (let tries = 0; tries < 400; tries++) {
      const cell = { x: this.rng.between(0, COLS - 1), y: this.rng.between(0, ROWS - 1) };
      const taken = this.segments.some((c) => c.x === cell.x && c.y === cell.y) || this.critters.some((c) => c.x === cell.x && c.y === cell.y) || this.food.some((f) => f.cell.x === cell.x && f.cell.y === cell.y);
      const nearHead = this.segments.length > 0 && Math.abs(cell.x - this.segments[0].x) + Math.abs(cell.y - this.segments[0].y) < 4;
      if (!taken && !nearHead) return cell;
    }
    return { x: 0, y: 0 };
  }

  private addFood() {
    const cell = this.freeCell();
    const sprite = this.add.image(cell.x * CELL + CELL / 2, TOP + cell.y * CELL + CELL / 2, "food").setDepth(1);
    this.tweens.add({ targets: sprite, scale: 1.25, duration: 450, yoyo: true, repeat: -1, ease: "Sine.easeInOut" });
    this.food.push({ cell, sprite });
  }

  private addCritter(index: number) {
    const hazard = CONFIG.hazards[index];
    const cell = this.freeCell();
    const sprite = this.add.image(0, 0, "hazard-" + index).setDepth(1);
    const stepMs = hazard.speed > 0 ? Math.max(120, (CELL * 1000) / (hazard.speed * CONFIG.pace)) : 0;
    const critter: Critter = { ...cell, stepMs, timer: stepMs, sprite };
    this.critters.push(critter);
    this.placeCritter(critter);
  }

  private placeAway(critter: Critter) {
    const cell = this.freeCell();
    critter.x = cell.x;
    critter.y = cell.y;
    this.placeCritter(critter);
  }

  private placeCritter(critter: Critter) {
    critter.sprite.setPosition(critter.x * CELL + CELL / 2, TOP + critter.y * CELL + CELL / 2);
  }

  private moveCritter(critter: Critter) {
    critter.timer = critter.stepMs;
    const dir = this.rng.pick([{ x: 1, y: 0 }, { x: -1, y: 0 }, { x: 0, y: 1 }, { x: 0, y: -1 }]);
    const x = (critter.x + dir.x + COLS) % COLS;
    const y = (critter.y + dir.y + ROWS) % ROWS;
    if (this.segments.some((c) => c.x === x && c.y === y) || this.food.some((f) => f.cell.x === x && f.cell.y === y)) return;
    critter.x = x;
    critter.y = y;
    this.tweens.add({ targets: critter.sprite, x: x * CELL + CELL / 2, y: TOP + y * CELL + CELL / 2, duration: 100 });
  }

  private draw() {
    const g = this.graphics.clear();
    this.segments.forEach((cell, i) => {
      const t = i / Math.max(1, this.segments.length - 1);
      g.fillStyle(shade(CONFIG.colors.player, -t * 0.45), 1);
      g.fillRoundedRect(cell.x * CELL + 2, TOP + cell.y * CELL + 2, CELL - 4, CELL - 4, i === 0 ? 9 : 6);
    });
    const head = this.segments[0];
    const cx = head.x * CELL + CELL / 2;
    const cy = TOP + head.y * CELL + CELL / 2;
    const side = { x: -this.direction.y, y: this.direction.x };
    g.fillStyle(0xffffff, 1);
    g.fillCircle(cx + this.direction.x * 4 + side.x * 5, cy + this.direction.y * 4 + side.y * 5, 4);
    g.fillCircle(cx + this.direction.x * 4 - side.x * 5, cy + this.direction.y * 4 - side.y * 5, 4);
    g.fillStyle(0x000000, 1);
    g.fillCircle(cx + this.direction.x * 6 + side.x * 5, cy + this.direction.y * 6 + side.y * 5, 2);
    g.fillCircle(cx + this.direction.x * 6 - side.x * 5, cy + this.direction.y * 6 - side.y * 5, 2);
  }

  private burst(x: number, y: number, tint: number) {
    const emitter = this.add.particles(x, y, "spark", { speed: { min: 40, max: 160 }, lifespan: 450, scale: { start: 1, end: 0 }, tint, emitting: false }).setDepth(3);
    emitter.explode(12);
    this.time.delayedCall(500, () => emitter.destroy());
  }

  private updateHud() {
    this.hud.setScore(this.score);
    this.hud.setStatus("Length " + this.segments.length + "/" + CONFIG.goal.target);
  }

  private finish(won: boolean) {
    this.ended = true;
    const detail = won ? "You grew to " + this.segments.length + "!" : "Final length " + this.segments.length;
    this.time.delayedCall(500, () => this.scene.start("GameOver", { won, score: this.score, detail }));
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    const head = this.segments[0];
    const centre = (c: Cell) => ({ x: c.x * CELL + CELL / 2, y: TOP + c.y * CELL + CELL / 2 });
    const player = centre(head);
    return {
      screen: "playing",
      score: this.score,
      lives: this.lives,
      length: this.segments.length,
      target: CONFIG.goal.target,
      player,
      direction: this.direction,
      targets: nearest(player, this.food.map((f) => centre(f.cell))),
      hazards: nearest(player, this.critters.map(centre)),
    };
  }

  private makeTextures() {
    makeTexture(this, "food", CELL, CELL, (g) => {
      g.fillStyle(CONFIG.colors.accent, 1).fillCircle(CELL / 2, CELL / 2 + 1, CELL / 2 - 3);
      g.fillStyle(0x2dc653, 1).fillEllipse(CELL / 2 + 4, 4, 8, 5);
      g.fillStyle(0xffffff, 0.6).fillCircle(CELL / 2 - 3, CELL / 2 - 2, 3);
    });
    CONFIG.hazards.forEach((hazard, index) => {
      const color = index === 0 ? CONFIG.colors.hazard : shade(CONFIG.colors.hazard, index % 2 ? -0.35 : 0.35);
      makeTexture(this, "hazard-" + index, CELL, CELL, (g) => {
        if (hazard.speed > 0) {
          g.fillStyle(color, 1).fillEllipse(CELL / 2, CELL / 2, CELL - 4, CELL - 8);
          g.fillStyle(0xffffff, 1).fillCircle(CELL / 2 - 4, CELL / 2 - 2, 3).fillCircle(CELL / 2 + 4, CELL / 2 - 2, 3);
        } else {
          g.fillStyle(color, 1).fillRoundedRect(1, 3, CELL - 2, CELL - 5, 6);
          g.fillStyle(0xffffff, 0.25).fillRoundedRect(4, 5, CELL - 12, 5, 2);
        }
      });
    });
  }
}
