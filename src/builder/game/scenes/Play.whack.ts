// Whack-a-mole: moles pop out of the holes for a moment; whack them before they duck back. Leave
// the bombs alone. Click or tap a hole, or steer the hammer with the arrows: it comes down where
// it lands (SPACE whacks again). Beat the clock.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { makeSpark, makeTexture, shade } from "../art";
import { GridCursor } from "../kit/grid-cursor";
import { Spawner } from "../kit/spawner";
import { Countdown } from "../kit/countdown";
import { Ramp } from "../kit/ramp";
import { nearest } from "../kit/nearest";

const COLUMNS = 3;
const ROWS = 3;
const SPACING_X = 170;
const SPACING_Y = 140;
const TOP = 210;
const POP_EVERY_MS = 850 / CONFIG.pace;
const UP_MS = 1300 / CONFIG.pace;
const MOST_UP = CONFIG.difficulty === "hard" ? 3 : 2;

interface Hole {
  x: number;
  y: number;
  /** What is up in this hole, if anything. */
  up: { sprite: Phaser.GameObjects.Image; bomb: boolean; downAt: number } | null;
}

export class PlayScene extends Phaser.Scene {
  private holes: Hole[] = [];
  private hammer!: Phaser.GameObjects.Image;
  private cursor!: GridCursor;
  private popClock!: Spawner;
  private clock!: Countdown;
  private ramp!: Ramp;
  private controls!: Controls;
  private hud!: Hud;
  private rng!: Phaser.Math.RandomDataGenerator;
  private score = 0;
  private whacked = 0;
  private lives = CONFIG.lives;
  private ended = false;

  constructor() {
    super("Play");
  }

  create() {
    this.score = 0;
    this.whacked = 0;
    this.lives = CONFIG.lives;
    this.ended = false;
    this.holes = [];
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed]);
    this.popClock = new Spawner(POP_EVERY_MS, POP_EVERY_MS * 0.3, this.rng, 300);
    this.clock = new Countdown(CONFIG.rules.timeLimit);
    this.ramp = new Ramp(CONFIG.rules.rising, 0.02, 2);
    this.makeTextures();
    makeSpark(this);

    this.add.rectangle(400, TOP - 70, 800, 600, shade(0x6a994e, -0.1)).setOrigin(0.5, 0);
    this.add.rectangle(400, TOP - 70, 800, 8, shade(0x6a994e, 0.3)).setOrigin(0.5, 0);
    for (let row = 0; row < ROWS; row++) {
      for (let col = 0; col < COLUMNS; col++) {
        const x = 400 + (col - 1) * SPACING_X;
        const y = TOP + row * SPACING_Y;
        this.add.image(x, y + 18, "hole");
        const index = this.holes.length;
        // Each hole is a click target, so a tap anywhere on it whacks.
        this.add.zone(x, y, 130, 120).setInteractive().on("pointerdown", () => this.whackAt(index));
        this.holes.push({ x, y, up: null });
      }
    }
    this.cursor = new GridCursor(1, 1, COLUMNS, ROWS);
    this.hammer = this.add.image(400, TOP + SPACING_Y, "hammer").setDepth(10).setOrigin(0.2, 0.8);
    this.controls = new Controls(this);
    this.hud = new Hud(this);
    this.hud.setLives(this.lives);
    this.updateHud();
  }

  update(time: number, delta: number) {
    if (this.ended) return;
    this.ramp.tick(delta);
    if (this.clock.tick(delta)) {
      this.finish(this.whacked >= CONFIG.goal.target, "Time's up");
      return;
    }
    if (this.cursor.step(this.controls.keyAxis(), time)) this.whackAt(this.cursor.row * COLUMNS + this.cursor.col);
    else if (this.controls.actionPressed() && !this.input.activePointer.isDown) this.whackAt(this.cursor.row * COLUMNS + this.cursor.col);
    const at = this.holes[this.cursor.row * COLUMNS + this.cursor.col];
    this.hammer.x = Phaser.Math.Linear(this.hammer.x, at.x + 20, 0.35);
    this.hammer.y = Phaser.Math.Linear(this.hammer.y, at.y - 10, 0.35);

    if (this.popClock.due(delta, this.ramp.factor)) this.pop(time);
    for (const hole of this.holes) if (hole.up && time >= hole.up.downAt) this.duck(hole);
    this.updateHud();
  }

  /** Something pops out of a free hole: usually a mole, sometimes a bomb. */
  private pop(time: number) {
    const free = this.holes.filter((h) => !h.up);
    if (free.length === 0 || this.holes.length - free.length >= MOST_UP) return;
    const hole = this.rng.pick(free);
    const bomb = CONFIG.hazards.length > 0 && this.rng.frac() < 0.22;
    const sprite = this.add.image(hole.x, hole.y + 40, bomb ? "bomb" : "mole").setDepth(2).setScale(1, 0.2);
    this.tweens.add({ targets: sprite, y: hole.y, scaleY: 1, duration: 140, ease: "Back.easeOut" });
    hole.up = { sprite, bomb, downAt: time + UP_MS / this.ramp.factor };
  }

  private duck(hole: Hole) {
    const sprite = hole.up!.sprite;
    hole.up = null;
    this.tweens.add({ targets: sprite, y: hole.y + 40, scaleY: 0.2, duration: 120, onComplete: () => sprite.destroy() });
  }

  private whackAt(index: number) {
    if (this.ended) return;
    this.cursor.moveTo(index % COLUMNS, Math.floor(index / COLUMNS));
    const hole = this.holes[index];
    this.tweens.add({ targets: this.hammer, angle: { from: 0, to: -50 }, duration: 90, yoyo: true });
    if (!hole.up) return;
    const { sprite, bomb } = hole.up;
    hole.up = null;
    this.burst(sprite.x, sprite.y, bomb ? CONFIG.colors.hazard : CONFIG.colors.accent);
    sprite.destroy();
    if (bomb) {
      this.lives -= 1;
      this.hud.setLives(this.lives);
      this.cameras.main.shake(220, 0.015);
      if (this.lives <= 0) this.finish(false, "Too many bombs");
      else this.hud.flash("Boom!");
      return;
    }
    this.whacked += 1;
    this.score += 10;
    playSfx(this, "pop");
    if (this.whacked >= CONFIG.goal.target) this.finish(true, "Whacked " + this.whacked);
  }

  private burst(x: number, y: number, tint: number) {
    const emitter = this.add.particles(x, y, "spark", { speed: { min: 60, max: 200 }, lifespan: 450, scale: { start: 1, end: 0 }, tint, emitting: false });
    emitter.explode(14);
    this.time.delayedCall(500, () => emitter.destroy());
  }

  private updateHud() {
    this.hud.setScore(this.score);
    const left = this.clock.running ? "   " + this.clock.secondsLeft + " s" : "";
    this.hud.setStatus((CONFIG.collectible?.name ?? "moles") + ": " + this.whacked + "/" + CONFIG.goal.target + left);
  }

  private finish(won: boolean, detail: string) {
    if (this.ended) return;
    this.ended = true;
    this.time.delayedCall(500, () => this.scene.start("GameOver", { won, score: this.score, detail }));
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    const at = this.holes[this.cursor.row * COLUMNS + this.cursor.col];
    const player = { x: at.x, y: at.y };
    const up = (bomb: boolean) => this.holes.filter((h) => h.up && h.up.bomb === bomb);
    return {
      screen: "playing",
      score: this.score,
      whacked: this.whacked,
      lives: this.lives,
      timeLeft: this.clock.secondsLeft,
      /** The hole the hammer is over. */
      player,
      targets: nearest(player, up(false)),
      hazards: nearest(player, up(true)),
    };
  }

  private makeTextures() {
    makeTexture(this, "hole", 130, 50, (g) => {
      g.fillStyle(shade(CONFIG.colors.accent, -0.55), 1).fillEllipse(65, 25, 126, 46);
      g.fillStyle(0x1a1a1a, 1).fillEllipse(65, 22, 104, 32);
    });
    const p = shade(CONFIG.colors.accent, -0.15);
    makeTexture(this, "mole", 80, 80, (g) => {
      g.fillStyle(shade(p, -0.2), 1).fillEllipse(40, 50, 70, 70);
      g.fillStyle(shade(p, 0.35), 1).fillEllipse(40, 58, 40, 34);
      g.fillStyle(0x111111, 1).fillCircle(28, 36, 5).fillCircle(52, 36, 5);
      g.fillStyle(0xff8fab, 1).fillEllipse(40, 48, 16, 11);
      g.fillStyle(0xffffff, 1).fillRect(35, 56, 10, 8);
    });
    makeTexture(this, "bomb", 70, 76, (g) => {
      g.fillStyle(0x222222, 1).fillCircle(35, 44, 28);
      g.fillStyle(0x555555, 1).fillRect(29, 10, 12, 10);
      g.fillStyle(CONFIG.colors.hazard, 1).fillCircle(40, 6, 6);
      g.fillStyle(0xffffff, 0.35).fillCircle(25, 34, 7);
    });
    makeTexture(this, "hammer", 70, 70, (g) => {
      g.fillStyle(0x8b5a2b, 1).fillRect(12, 22, 8, 46);
      g.fillStyle(CONFIG.colors.player, 1).fillRoundedRect(0, 4, 52, 24, 6);
      g.fillStyle(0xffffff, 0.3).fillRect(4, 8, 44, 5);
    });
  }
}
