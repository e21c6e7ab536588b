// Vertical climber: bounce from ledge to ledge up the tower. The view follows you up and, after a
// moment, starts rising on its own, faster and faster: drop below it and a life is lost. Keep away
// from the flyers and reach the summit.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { makeSpark, makeTexture, shade } from "../art";
import { Bouncer, type Ledge } from "../kit/bouncer";
import { ClimbCamera } from "../kit/climb-camera";
import { nearest } from "../kit/nearest";

const WIDTH = 800;
const FLOOR_Y = 560;
const RUN_SPEED = 330;
const GRAVITY = 1150;
const BOUNCE_SPEED = 650;
const PIXELS_PER_METRE = 10;
const SUMMIT_Y = FLOOR_Y - Math.max(20, CONFIG.goal.target) * PIXELS_PER_METRE;
const CREEP_AFTER_MS = 3000;
const INVULNERABLE_MS = 1500;
const LEDGE_WIDTHS = [90, 120, 150];
const MOST_FLYERS = CONFIG.hazards.reduce((n, h) => n + h.count, 0);

interface PlacedLedge extends Ledge {
  sprite: Phaser.GameObjects.Image;
  /** Pixels per second sideways; 0 for a ledge that stays put. */
  vx: number;
  summit: boolean;
}

interface Flyer {
  sprite: Phaser.GameObjects.Image;
  vx: number;
  baseY: number;
}

export class PlayScene extends Phaser.Scene {
  private climber!: Phaser.GameObjects.Image;
  private bouncer!: Bouncer;
  private view!: ClimbCamera;
  private ledges: PlacedLedge[] = [];
  private flyers: Flyer[] = [];
  private clouds: Phaser.GameObjects.Image[] = [];
  private controls!: Controls;
  private hud!: Hud;
  private rng!: Phaser.Math.RandomDataGenerator;
  private nextLedge = { x: WIDTH / 2, y: FLOOR_Y };
  private landedY = FLOOR_Y;
  private bestY = FLOOR_Y;
  private score = 0;
  private lives = CONFIG.lives;
  private playedMs = 0;
  private invulnerableUntil = 0;
  private ended = false;

  constructor() {
    super("Play");
  }

  create() {
    this.ledges = [];
    this.flyers = [];
    this.clouds = [];
    this.score = 0;
    this.lives = CONFIG.lives;
    this.playedMs = 0;
    this.invulnerableUntil = 0;
    this.ended = false;
    this.landedY = this.bestY = FLOOR_Y;
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed]);
    this.makeTextures();
    makeSpark(this);
    for (let i = 0; i < 7; i++) {
      const cloud = this.add.image(this.rng.between(0, WIDTH), i * 100, "cloud").setScrollFactor(0, 0.4).setAlpha(0.5);
      this.clouds.push(cloud);
    }

    this.addLedge(WIDTH / 2, FLOOR_Y, WIDTH, 0, false);
    this.nextLedge = { x: WIDTH / 2, y: FLOOR_Y };
    this.climber = this.add.image(WIDTH / 2, FLOOR_Y, "climber").setOrigin(0.5, 1).setDepth(5);
    this.bouncer = new Bouncer(GRAVITY, BOUNCE_SPEED);
    this.bouncer.vy = -BOUNCE_SPEED;
    const creep = 16 * CONFIG.pace;
    this.view = new ClimbCamera(this.cameras.main, 230, creep, 1.6 * CONFIG.pace, 95 * CONFIG.pace);
    this.buildUpTo(-200);

    this.controls = new Controls(this);
    this.hud = new Hud(this);
    this.hud.setLives(this.lives);
    this.updateHud();
  }

  update(_time: number, delta: number) {
    if (this.ended) return;
    const seconds = Math.min(delta, 50) / 1000;
    this.playedMs += delta;
    if (this.playedMs >= CREEP_AFTER_MS) this.view.startCreeping();
    this.steer(seconds);
    this.moveLedges(seconds);
    const landed = this.bouncer.step(this.climber, seconds, this.ledges);
    if (landed) this.land(landed);
    this.view.update(seconds, this.climber.y);
    this.buildUpTo(this.view.top - 200);
    this.moveFlyers(seconds);
    this.recycle();
    if (this.climber.y > this.view.bottom + 40) this.fell();
    this.climber.setAlpha(this.time.now < this.invulnerableUntil ? 0.4 + 0.3 * Math.sin(this.time.now / 40) : 1);
    this.climber.setScale(1, this.bouncer.vy < 0 ? 1.06 : 0.96);
  }

  /** Keys (or the mouse / a finger held to one side) steer left and right; the edges wrap around. */
  private steer(seconds: number) {
    let dx = this.controls.keyAxis().x;
    const pointerX = this.controls.pointerWorldX();
    if (dx === 0 && pointerX !== null && Math.abs(pointerX - this.climber.x) > 12) dx = Math.sign(pointerX - this.climber.x);
    this.climber.x += dx * RUN_SPEED * seconds;
    if (dx !== 0) this.climber.setFlipX(dx < 0);
    if (this.climber.x < -16) this.climber.x += WIDTH + 32;
    else if (this.climber.x > WIDTH + 16) this.climber.x -= WIDTH + 32;
  }

  private land(ledge: PlacedLedge) {
    playSfx(this, "jump");
    this.landedY = ledge.y;
    this.tweens.add({ targets: ledge.sprite, y: ledge.y + 4, duration: 70, yoyo: true });
    if (ledge.y < this.bestY) {
      this.bestY = ledge.y;
      this.score = this.height() * 10;
      this.updateHud();
    }
    if (ledge.summit) this.finish(true);
  }

  /** Metres between the floor and the highest ledge landed on. */
  private height(): number {
    return Math.max(0, Math.round((FLOOR_Y - this.bestY) / PIXELS_PER_METRE));
  }

  /** Places ledges up to world y `top`: each one a jump's reach from the last, the summit last. */
  private buildUpTo(top: number) {
    while (this.nextLedge.y > Math.max(top, SUMMIT_Y)) {
      const y = Math.max(SUMMIT_Y, this.nextLedge.y - this.rng.between(70, 115));
      if (y === SUMMIT_Y) {
        this.addLedge(WIDTH / 2, y, 260, 0, true);
        this.add.image(WIDTH / 2 + 90, y, "flag").setOrigin(0.5, 1).setDepth(2);
      } else {
        const metres = (FLOOR_Y - y) / PIXELS_PER_METRE;
        const width = this.rng.pick(LEDGE_WIDTHS);
        const x = Phaser.Math.Clamp(this.nextLedge.x + this.rng.between(-240, 240), width / 2 + 10, WIDTH - width / 2 - 10);
        const moving = metres > 40 && this.rng.frac() < 0.3;
        this.addLedge(x, y, width, moving ? this.rng.pick([-1, 1]) * 70 * CONFIG.pace : 0, false);
        if (metres > 15 && this.rng.frac() < 0.25) this.addFlyer(y - 45);
      }
      this.nextLedge = { x: this.ledges[this.ledges.length - 1].x, y };
    }
  }

  private addLedge(x: number, y: number, width: number, vx: number, summit: boolean) {
    const texture = width >= WIDTH ? "floor" : summit ? "summit" : "ledge-" + width;
    const sprite = this.add.image(x, y, texture).setOrigin(0.5, 0).setDepth(1);
    if (vx !== 0) sprite.setTint(shade(CONFIG.colors.accent, 0.3));
    this.ledges.push({ x, y, width, sprite, vx, summit });
  }

  private addFlyer(y: number) {
    if (this.flyers.length >= MOST_FLYERS) return;
    const index = this.flyers.length % CONFIG.hazards.length;
    const hazard = CONFIG.hazards[index];
    const fromLeft = this.rng.frac() < 0.5;
    const sprite = this.add.image(fromLeft ? 40 : WIDTH - 40, y, "flyer-" + index).setDepth(4);
    this.tweens.add({ targets: sprite, scaleY: 0.7, duration: 160, yoyo: true, repeat: -1 });
    this.flyers.push({ sprite, vx: (fromLeft ? 1 : -1) * hazard.speed * CONFIG.pace, baseY: y });
  }

  private moveLedges(seconds: number) {
    for (const ledge of this.ledges) {
      if (ledge.vx === 0) continue;
      ledge.x += ledge.vx * seconds;
      if (ledge.x < ledge.width / 2 || ledge.x > WIDTH - ledge.width / 2) ledge.vx = -ledge.vx;
      ledge.sprite.x = ledge.x;
    }
  }

  private moveFlyers(seconds: number) {
    for (const flyer of this.flyers) {
      const s = flyer.sprite;
      s.x += flyer.vx * seconds;
      if (s.x < 30 || s.x > WIDTH - 30) flyer.vx = -flyer.vx;
      s.setFlipX(flyer.vx < 0);
      s.y = flyer.baseY + Math.sin(this.time.now / 300 + flyer.baseY) * 12;
      const hit = Math.abs(s.x - this.climber.x) < 30 && Math.abs(s.y - (this.climber.y - 20)) < 28;
      if (hit && this.time.now >= this.invulnerableUntil) this.hurt("Ouch!");
    }
  }

  /** Ledges, flyers and clouds that dropped below the view are gone or come round again above. */
  private recycle() {
    const below = this.view.bottom + 60;
    this.ledges = this.ledges.filter((l) => (l.y > below ? (l.sprite.destroy(), false) : true));
    this.flyers = this.flyers.filter((f) => (f.baseY > below ? (f.sprite.destroy(), false) : true));
    const shift = this.cameras.main.scrollY * 0.4;
    for (const cloud of this.clouds) if (cloud.y - shift > 640) cloud.setPosition(this.rng.between(0, WIDTH), cloud.y - 700);
  }

  private hurt(message: string) {
    this.lives -= 1;
    this.hud.setLives(this.lives);
    this.invulnerableUntil = this.time.now + INVULNERABLE_MS;
    this.cameras.main.shake(200, 0.01);
    this.burst(this.climber.x, this.climber.y - 20, CONFIG.colors.hazard);
    if (this.lives <= 0) this.finish(false);
    else this.hud.flash(message);
  }

  /** Dropped out of the view: a life, and a rescue ledge at the bottom of the view to start again. */
  private fell() {
    this.hurt("Fell!");
    if (this.ended) return;
    const y = this.view.bottom - 70;
    const x = Phaser.Math.Clamp(this.climber.x, 80, WIDTH - 80);
    this.addLedge(x, y, 150, 0, false);
    this.climber.setPosition(x, y);
    this.bouncer.vy = -BOUNCE_SPEED;
    this.landedY = y;
  }

  private burst(x: number, y: number, tint: number) {
    const emitter = this.add.particles(x, y, "spark", { speed: { min: 40, max: 180 }, lifespan: 450, scale: { start: 1, end: 0 }, tint, emitting: false }).setDepth(6);
    emitter.explode(14);
    this.time.delayedCall(500, () => emitter.destroy());
  }

  private updateHud() {
    this.hud.setScore(this.score);
    this.hud.setStatus("Height " + this.height() + " m / " + Math.max(20, CONFIG.goal.target) + " m");
  }

  private finish(won: boolean) {
    if (this.ended) return;
    this.ended = true;
    if (won) playSfx(this, "level");
    const detail = won ? "You reached the summit!" : "Fell at " + this.height() + " m";
    this.time.delayedCall(600, () => this.scene.start("GameOver", { won, score: this.score, detail }));
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    const player = { x: Math.round(this.climber.x), y: Math.round(this.climber.y - 20) };
    const above = this.ledges.filter((l) => l.y < this.landedY - 5);
    return {
      screen: "playing",
      score: this.score,
      lives: this.lives,
      /** Metres climbed: the highest ledge landed on. */
      height: this.height(),
      player,
      /** The nearest ledges above the one last landed on, in world coordinates like player. */
      targets: nearest(player, above),
      hazards: nearest(player, this.flyers.map((f) => f.sprite)),
    };
  }

  private makeTextures() {
    makeTexture(this, "climber", 30, 40, (g) => {
      g.fillStyle(CONFIG.colors.player, 1).fillRoundedRect(3, 6, 24, 28, 9);
      g.fillStyle(shade(CONFIG.colors.player, -0.4), 1).fillRect(7, 34, 6, 6).fillRect(17, 34, 6, 6);
      g.fillStyle(CONFIG.colors.accent, 1).fillRect(3, 20, 24, 5);
      g.fillStyle(0xffffff, 1).fillCircle(11, 14, 4).fillCircle(20, 14, 4);
      g.fillStyle(0x000000, 1).fillCircle(12, 14, 2).fillCircle(21, 14, 2);
      g.fillStyle(shade(CONFIG.colors.player, 0.35), 1).fillTriangle(6, 7, 24, 7, 15, 0);
    });
    const stone = shade(CONFIG.colors.text, CONFIG.theme === "snow" ? 0.2 : 0.1);
    for (const width of LEDGE_WIDTHS) {
      makeTexture(this, "ledge-" + width, width, 16, (g) => {
        g.fillStyle(shade(stone, -0.35), 1).fillRoundedRect(0, 2, width, 14, 6);
        g.fillStyle(stone, 1).fillRoundedRect(0, 0, width, 11, 6);
        g.fillStyle(0xffffff, 0.35).fillRect(6, 2, width - 12, 3);
      });
    }
    makeTexture(this, "floor", WIDTH, 40, (g) => {
      g.fillStyle(shade(stone, -0.3), 1).fillRect(0, 0, WIDTH, 40);
      g.fillStyle(stone, 1).fillRect(0, 0, WIDTH, 10);
    });
    makeTexture(this, "summit", 260, 18, (g) => {
      g.fillStyle(shade(CONFIG.colors.accent, -0.35), 1).fillRoundedRect(0, 2, 260, 16, 7);
      g.fillStyle(CONFIG.colors.accent, 1).fillRoundedRect(0, 0, 260, 12, 7);
    });
    makeTexture(this, "flag", 40, 60, (g) => {
      g.fillStyle(0x5a4a3a, 1).fillRect(4, 0, 4, 60);
      g.fillStyle(CONFIG.colors.hazard, 1).fillTriangle(8, 2, 40, 12, 8, 24);
    });
    makeTexture(this, "cloud", 120, 50, (g) => {
      g.fillStyle(0xffffff, 1).fillCircle(30, 30, 20).fillCircle(60, 22, 22).fillCircle(90, 30, 18).fillRect(30, 30, 60, 20);
    });
    CONFIG.hazards.forEach((_hazard, index) => {
      const color = index === 0 ? CONFIG.colors.hazard : shade(CONFIG.colors.hazard, index % 2 ? -0.35 : 0.35);
      makeTexture(this, "flyer-" + index, 44, 26, (g) => {
        g.fillStyle(color, 1).fillTriangle(0, 4, 22, 14, 6, 22).fillTriangle(44, 4, 22, 14, 38, 22);
        g.fillCircle(22, 14, 10);
        g.fillStyle(0xffffff, 1).fillCircle(18, 12, 3).fillCircle(26, 12, 3);
        g.fillStyle(0x000000, 1).fillCircle(18, 12, 1.5).fillCircle(26, 12, 1.5);
      });
    });
  }
}
