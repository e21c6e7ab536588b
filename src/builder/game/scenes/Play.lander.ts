// Lunar lander: gravity pulls the lander down; fire the main engine to slow the fall and the side
// jets to drift onto the landing pad. Touch down gently on the pad before the fuel runs out.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { makeSpark, makeTexture, shade } from "../art";

const WIDTH = 800;
const GRAVITY = 42 * CONFIG.pace;
const MAIN_THRUST = 125;
const SIDE_THRUST = 70;
const FUEL = 100;
/** Fuel units a second for the main engine and for a side jet. */
const MAIN_BURN = 9;
const SIDE_BURN = 4;
/** Fastest touchdown that still counts as a landing, in pixels per second. */
const SAFE_FALL = 75 / Math.sqrt(CONFIG.pace);
const SAFE_DRIFT = 50;
const PAD_WIDTH = Math.round(110 / Math.sqrt(CONFIG.pace));
const FOOT = 20;

export class PlayScene extends Phaser.Scene {
  private lander!: Phaser.GameObjects.Image;
  private flame!: Phaser.GameObjects.Particles.ParticleEmitter;
  private ground: { x: number; y: number }[] = [];
  private terrain!: Phaser.GameObjects.Graphics;
  private pad = { x: 400, y: 500 };
  private fuelBar!: Phaser.GameObjects.Graphics;
  private controls!: Controls;
  private hud!: Hud;
  private rng!: Phaser.Math.RandomDataGenerator;
  private vx = 0;
  private vy = 0;
  private fuel = FUEL;
  private score = 0;
  private lives = CONFIG.lives;
  private landings = 0;
  /** Milliseconds left of the pause after a landing or a crash. */
  private pauseMs = 0;
  private ended = false;

  constructor() {
    super("Play");
  }

  create() {
    this.score = 0;
    this.lives = CONFIG.lives;
    this.landings = 0;
    this.ended = false;
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed]);
    this.makeTextures();
    makeSpark(this);
    for (let i = 0; i < 70; i++) this.add.circle(this.rng.between(0, WIDTH), this.rng.between(0, 420), this.rng.realInRange(0.5, 1.5), 0xffffff, this.rng.realInRange(0.2, 0.8));
    this.add.circle(660, 110, 36, shade(CONFIG.colors.accent, 0.2), 0.8);
    this.terrain = this.add.graphics();
    this.lander = this.add.image(0, 0, "lander").setDepth(5);
    this.flame = this.add.particles(0, 0, "spark", { speedY: { min: 80, max: 160 }, speedX: { min: -20, max: 20 }, lifespan: 250, scale: { start: 1, end: 0 }, tint: [0xffd60a, 0xff6d00], frequency: 25, emitting: false }).setDepth(4);
    this.fuelBar = this.add.graphics().setDepth(100);
    this.controls = new Controls(this);
    this.hud = new Hud(this);
    this.hud.setLives(this.lives);
    this.newLevel();
  }

  update(_time: number, delta: number) {
    if (this.ended) return;
    const seconds = delta / 1000;
    if (this.pauseMs > 0) {
      this.pauseMs -= delta;
      if (this.pauseMs <= 0) this.launch();
      return;
    }
    const keys = this.controls.keyAxis();
    const pointer = this.input.activePointer;
    let side = keys.x;
    let main = keys.y < 0 || this.controls.actionHeld();
    if (keys.x === 0 && keys.y === 0 && pointer.isDown) {
      side = Math.abs(pointer.worldX - this.lander.x) > 20 ? Math.sign(pointer.worldX - this.lander.x) : 0;
      main = pointer.worldY < this.lander.y;
    }
    if (this.fuel <= 0) {
      main = false;
      side = 0;
    }
    this.vy += (GRAVITY - (main ? MAIN_THRUST : 0)) * seconds;
    this.vx += side * SIDE_THRUST * seconds;
    this.fuel = Math.max(0, this.fuel - ((main ? MAIN_BURN : 0) + (side !== 0 ? SIDE_BURN : 0)) * seconds);
    this.lander.x = Phaser.Math.Wrap(this.lander.x + this.vx * seconds, 0, WIDTH);
    this.lander.y += this.vy * seconds;
    this.lander.setAngle(Phaser.Math.Clamp(this.vx / 3, -15, 15));
    this.flame.setPosition(this.lander.x, this.lander.y + 18);
    this.flame.emitting = main;

    if (this.lander.y + FOOT >= this.groundY(this.lander.x)) this.touchDown();
    this.updateHud();
  }

  private touchDown() {
    const onPad = Math.abs(this.lander.x - this.pad.x) < PAD_WIDTH / 2 - 8;
    const gentle = this.vy < SAFE_FALL && Math.abs(this.vx) < SAFE_DRIFT;
    this.flame.emitting = false;
    this.lander.y = this.groundY(this.lander.x) - FOOT;
    if (onPad && gentle) {
      this.landings += 1;
      const bonus = Math.round(this.fuel);
      this.score += 100 + bonus;
      playSfx(this, "level");
      this.hud.flash("Landed! +" + (100 + bonus));
      if (this.landings >= CONFIG.goal.target) {
        this.finish(true);
        return;
      }
      this.pauseMs = 1400;
      this.time.delayedCall(1000, () => this.newLevel());
    } else {
      this.lives -= 1;
      this.hud.setLives(this.lives);
      this.cameras.main.shake(300, 0.02);
      const burst = this.add.particles(this.lander.x, this.lander.y, "spark", { speed: { min: 60, max: 240 }, lifespan: 700, scale: { start: 1.2, end: 0 }, tint: [CONFIG.colors.hazard, 0xffd60a], emitting: false });
      burst.explode(30);
      this.time.delayedCall(800, () => burst.destroy());
      this.lander.setVisible(false);
      if (this.lives <= 0) {
        this.finish(false);
        return;
      }
      this.hud.flash(onPad ? "Too fast!" : "Missed the pad!");
      this.pauseMs = 1200;
    }
    this.vx = 0;
    this.vy = 0;
  }

  /** A new moonscape with the pad somewhere else; the lander starts again at the top. */
  private newLevel() {
    const padX = this.rng.between(120, WIDTH - 120);
    const padY = this.rng.between(440, 520);
    this.pad = { x: padX, y: padY };
    this.ground = [];
    for (let x = 0; x <= WIDTH; x += 40) {
      const nearPad = Math.abs(x - padX) <= PAD_WIDTH / 2;
      this.ground.push({ x, y: nearPad ? padY : Phaser.Math.Clamp(padY + this.rng.between(-90, 70), 380, 585) });
    }
    // The pad itself is flat from edge to edge.
    this.ground.push({ x: padX - PAD_WIDTH / 2, y: padY }, { x: padX + PAD_WIDTH / 2, y: padY });
    this.ground.sort((a, b) => a.x - b.x);
    this.ground = this.ground.filter((p) => Math.abs(p.x - padX) > PAD_WIDTH / 2 || p.y === padY);
    this.drawTerrain();
    this.launch();
  }

  private launch() {
    this.lander.setVisible(true).setPosition(this.rng.between(80, WIDTH - 80), 70).setAngle(0);
    this.vx = this.rng.between(-40, 40);
    this.vy = 0;
    this.fuel = FUEL;
    this.pauseMs = 0;
  }

  /** The height of the moon's surface under x. */
  private groundY(x: number): number {
    for (let i = 1; i < this.ground.length; i++) {
      const a = this.ground[i - 1];
      const b = this.ground[i];
      if (x >= a.x && x <= b.x) return b.x === a.x ? a.y : a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x);
    }
    return 600;
  }

  private drawTerrain() {
    const rock = shade(0x8d99ae, -0.45);
    const points = [...this.ground.map((p) => new Phaser.Math.Vector2(p.x, p.y)), new Phaser.Math.Vector2(WIDTH, 600), new Phaser.Math.Vector2(0, 600)];
    this.terrain.clear().fillStyle(rock, 1).fillPoints(points, true);
    this.terrain.lineStyle(3, shade(0x8d99ae, -0.1), 1).strokePoints(this.ground.map((p) => new Phaser.Math.Vector2(p.x, p.y)));
    this.terrain.fillStyle(CONFIG.colors.accent, 1).fillRect(this.pad.x - PAD_WIDTH / 2, this.pad.y - 4, PAD_WIDTH, 8);
    this.terrain.fillStyle(0xffffff, 1);
    for (let x = this.pad.x - PAD_WIDTH / 2; x < this.pad.x + PAD_WIDTH / 2; x += 20) this.terrain.fillRect(x, this.pad.y - 4, 10, 3);
  }

  private updateHud() {
    this.hud.setScore(this.score);
    this.hud.setStatus("Landed " + this.landings + "/" + CONFIG.goal.target + "   fall " + Math.round(this.vy) + " (safe < " + Math.round(SAFE_FALL) + ")");
    const g = this.fuelBar.clear();
    g.fillStyle(0x000000, 0.5).fillRoundedRect(WIDTH - 220, 44, 204, 18, 6);
    g.fillStyle(this.fuel > 25 ? 0xffd60a : 0xff4d6d, 1).fillRoundedRect(WIDTH - 218, 46, 2 * this.fuel, 14, 5);
  }

  private finish(won: boolean) {
    if (this.ended) return;
    this.ended = true;
    this.time.delayedCall(700, () => this.scene.start("GameOver", { won, score: this.score, detail: "Landed " + this.landings + " time" + (this.landings === 1 ? "" : "s") }));
  }

  /**
   * Where to steer: over the pad (leading for the drift, so the jets brake in time), and up
   * while the lander falls faster than is safe for its height, down otherwise.
   */
  private approach(): { x: number; y: number } {
    const height = Math.max(0, this.pad.y - (this.lander.y + FOOT));
    const safe = SAFE_FALL * 0.6 + height * 0.22;
    const x = this.pad.x - this.vx * 1.2;
    return { x: Math.round(x), y: Math.round(this.lander.y + (this.vy > safe ? -40 : 40)) };
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    return {
      screen: "playing",
      score: this.score,
      lives: this.lives,
      landings: this.landings,
      fuel: Math.round(this.fuel),
      fallSpeed: Math.round(this.vy),
      drift: Math.round(this.vx),
      player: { x: Math.round(this.lander.x), y: Math.round(this.lander.y) },
      pad: { x: this.pad.x, y: this.pad.y },
      targets: [this.approach()],
    };
  }

  private makeTextures() {
    makeTexture(this, "lander", 44, 44, (g) => {
      const p = CONFIG.colors.player;
      g.lineStyle(3, shade(p, -0.3), 1).lineBetween(10, 28, 2, 42).lineBetween(34, 28, 42, 42).lineBetween(0, 42, 8, 42).lineBetween(36, 42, 44, 42);
      g.fillStyle(shade(p, -0.2), 1).fillRect(8, 20, 28, 10);
      g.fillStyle(p, 1).fillCircle(22, 14, 12);
      g.fillStyle(0x9bf6ff, 1).fillCircle(22, 12, 5);
      g.fillStyle(0x555555, 1).fillTriangle(16, 30, 28, 30, 22, 36);
    });
  }
}
