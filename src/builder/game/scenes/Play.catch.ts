// Catch: things fall from the sky; slide along the bottom to catch the good ones and keep away
// from the bad ones. Every catch scores; catching something bad costs a life.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { makeSpark, makeTexture, shade } from "../art";
import { Paddle } from "../kit/paddle";
import { Spawner } from "../kit/spawner";
import { Ramp } from "../kit/ramp";
import { nearest } from "../kit/nearest";

const CATCHER_Y = 530;
const CATCHER_WIDTH = Math.round(110 / Math.sqrt(CONFIG.pace));
const CATCHER_SPEED = 520;
const FALL_SPEED = 150 * CONFIG.pace;
const ITEM_EVERY_MS = 900 / CONFIG.pace;
const HAZARD_EVERY_MS = 2300 / CONFIG.pace;
const INVULNERABLE_MS = 1200;

interface Faller {
  sprite: Phaser.GameObjects.Image;
  good: boolean;
  speed: number;
}

export class PlayScene extends Phaser.Scene {
  private catcher!: Paddle;
  private fallers: Faller[] = [];
  private itemClock!: Spawner;
  private hazardClock!: Spawner;
  private controls!: Controls;
  private hud!: Hud;
  private rng!: Phaser.Math.RandomDataGenerator;
  private ramp!: Ramp;
  private score = 0;
  private caught = 0;
  private lives = CONFIG.lives;
  private invulnerableUntil = 0;
  private ended = false;

  constructor() {
    super("Play");
  }

  create() {
    this.score = 0;
    this.caught = 0;
    this.lives = CONFIG.lives;
    this.invulnerableUntil = 0;
    this.ended = false;
    this.fallers = [];
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed]);
    this.ramp = new Ramp(CONFIG.rules.rising, 0.02, 2.2);
    this.itemClock = new Spawner(ITEM_EVERY_MS, ITEM_EVERY_MS * 0.3, this.rng, 400);
    this.hazardClock = new Spawner(HAZARD_EVERY_MS, HAZARD_EVERY_MS * 0.3, this.rng);
    this.makeTextures();
    makeSpark(this);

    this.add.rectangle(400, CATCHER_Y + 30, 800, 70, shade(CONFIG.colors.accent, -0.25)).setOrigin(0.5, 0);
    this.add.rectangle(400, CATCHER_Y + 30, 800, 6, shade(CONFIG.colors.accent, 0.2)).setOrigin(0.5, 0);
    const half = CATCHER_WIDTH / 2;
    this.catcher = new Paddle(this.add.image(400, CATCHER_Y, "catcher").setDepth(5), "x", half, 800 - half, CATCHER_SPEED);
    this.controls = new Controls(this);
    this.hud = new Hud(this);
    this.hud.setLives(this.lives);
    this.updateHud();
  }

  update(time: number, delta: number) {
    if (this.ended) return;
    const seconds = delta / 1000;
    this.ramp.tick(delta);
    const keys = this.controls.keyAxis();
    const pointerX = this.controls.pointerWorldX();
    if (keys.x !== 0) this.catcher.drive(keys.x, seconds);
    else if (pointerX !== null) this.catcher.follow(pointerX, seconds);
    this.catcher.sprite.setAlpha(time < this.invulnerableUntil ? 0.4 + 0.4 * Math.sin(time / 50) : 1);

    if (CONFIG.collectible && this.itemClock.due(delta, this.ramp.factor)) this.drop(true);
    if (CONFIG.hazards.length > 0 && this.hazardClock.due(delta, this.ramp.factor)) this.drop(false);
    this.fallers = this.fallers.filter((f) => this.fall(f, seconds, time));
  }

  private drop(good: boolean) {
    const hazard = good ? null : this.rng.pick(CONFIG.hazards);
    const key = good ? "item" : "hazard-" + CONFIG.hazards.indexOf(hazard!);
    const sprite = this.add.image(this.rng.between(30, 770), -30, key).setDepth(3);
    const base = good ? FALL_SPEED : (hazard!.speed / 160) * FALL_SPEED;
    this.fallers.push({ sprite, good, speed: base * this.rng.realInRange(0.85, 1.25) });
    if (!good) this.tweens.add({ targets: sprite, angle: 360, duration: 1600, repeat: -1 });
  }

  /** Moves one falling thing; false when it is gone (caught or fallen past the bottom). */
  private fall(f: Faller, seconds: number, time: number): boolean {
    f.sprite.y += f.speed * this.ramp.factor * seconds;
    const inReach = Math.abs(f.sprite.x - this.catcher.position) < CATCHER_WIDTH / 2 + 8 && Math.abs(f.sprite.y - CATCHER_Y) < 22;
    if (inReach && f.good) {
      this.catch(f);
      return false;
    }
    if (inReach && !f.good && time >= this.invulnerableUntil) {
      this.hurt(f, time);
      return false;
    }
    if (f.sprite.y > 640) {
      f.sprite.destroy();
      return false;
    }
    return true;
  }

  private catch(f: Faller) {
    this.caught += 1;
    this.score += 10;
    playSfx(this, "collect");
    this.burst(f.sprite.x, f.sprite.y, CONFIG.colors.accent);
    this.tweens.add({ targets: this.catcher.sprite, scaleY: 0.8, duration: 70, yoyo: true });
    f.sprite.destroy();
    this.updateHud();
    if (this.caught >= CONFIG.goal.target) this.finish(true);
    else if (this.caught % 10 === 0) this.hud.flash(this.caught + " caught!");
  }

  private hurt(f: Faller, time: number) {
    this.lives -= 1;
    this.hud.setLives(this.lives);
    this.invulnerableUntil = time + INVULNERABLE_MS;
    this.cameras.main.shake(200, 0.012);
    this.burst(f.sprite.x, f.sprite.y, CONFIG.colors.hazard);
    f.sprite.destroy();
    if (this.lives <= 0) this.finish(false);
    else this.hud.flash("Ouch!");
  }

  private burst(x: number, y: number, tint: number) {
    const emitter = this.add.particles(x, y, "spark", { speed: { min: 60, max: 180 }, lifespan: 450, scale: { start: 1, end: 0 }, tint, emitting: false });
    emitter.explode(12);
    this.time.delayedCall(500, () => emitter.destroy());
  }

  private updateHud() {
    this.hud.setScore(this.score);
    this.hud.setStatus((CONFIG.collectible?.name ?? "caught") + ": " + this.caught + "/" + CONFIG.goal.target);
  }

  private finish(won: boolean) {
    if (this.ended) return;
    this.ended = true;
    const name = CONFIG.collectible?.name ?? "things";
    this.time.delayedCall(400, () => this.scene.start("GameOver", { won, score: this.score, detail: "Caught " + this.caught + " " + name }));
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    const player = { x: Math.round(this.catcher.position), y: CATCHER_Y };
    const falling = (good: boolean) => this.fallers.filter((f) => f.good === good && f.sprite.y < CATCHER_Y).map((f) => f.sprite);
    return {
      screen: "playing",
      score: this.score,
      caught: this.caught,
      lives: this.lives,
      player,
      /** Falling things to catch and to keep away from, nearest first. */
      targets: nearest(player, falling(true)),
      hazards: nearest(player, falling(false)),
    };
  }

  private makeTextures() {
    const p = CONFIG.colors.player;
    makeTexture(this, "catcher", CATCHER_WIDTH, 56, (g) => {
      if (/umbrella|parasol/.test(CONFIG.player)) {
        // A dome: the top half of a flat ellipse, scalloped along its rim, on a handle.
        const dome: Phaser.Math.Vector2[] = [];
        for (let i = 0; i <= 16; i++) {
          const t = Math.PI + (i / 16) * Math.PI;
          dome.push(new Phaser.Math.Vector2(CATCHER_WIDTH / 2 + (CATCHER_WIDTH / 2 - 2) * Math.cos(t), 30 + 28 * Math.sin(t)));
        }
        g.fillStyle(p, 1).fillPoints(dome, true);
        g.fillStyle(shade(p, 0.3), 1).fillTriangle(CATCHER_WIDTH / 2, 2, CATCHER_WIDTH / 2 - 14, 30, CATCHER_WIDTH / 2 + 14, 30);
        g.fillStyle(shade(p, -0.3), 1);
        for (let x = 2; x < CATCHER_WIDTH - 8; x += 18) g.fillTriangle(x, 30, x + 9, 36, x + 18, 30);
        g.fillStyle(0x333333, 1).fillRect(CATCHER_WIDTH / 2 - 2, 30, 4, 22).fillRect(CATCHER_WIDTH / 2 - 8, 50, 8, 4);
      } else {
        g.fillStyle(shade(p, -0.3), 1).fillRoundedRect(0, 18, CATCHER_WIDTH, 36, 10);
        g.fillStyle(p, 1).fillRoundedRect(4, 22, CATCHER_WIDTH - 8, 28, 8);
        g.lineStyle(3, shade(p, -0.45), 1);
        for (let x = 14; x < CATCHER_WIDTH - 8; x += 16) g.lineBetween(x, 24, x, 48);
      }
    });
    const a = CONFIG.colors.accent;
    const item = CONFIG.collectible?.name ?? "stars";
    makeTexture(this, "item", 32, 32, (g) => {
      if (/rain|drop|water/.test(item)) {
        g.fillStyle(0x4cc9f0, 1).fillTriangle(16, 2, 6, 20, 26, 20).fillCircle(16, 21, 10);
        g.fillStyle(0xffffff, 0.6).fillCircle(12, 20, 3);
      } else if (/star|snow/.test(item)) {
        const points: Phaser.Math.Vector2[] = [];
        for (let i = 0; i < 10; i++) {
          const r = i % 2 === 0 ? 15 : 6;
          const t = -Math.PI / 2 + (i * Math.PI) / 5;
          points.push(new Phaser.Math.Vector2(16 + r * Math.cos(t), 16 + r * Math.sin(t)));
        }
        g.fillStyle(a, 1).fillPoints(points, true);
      } else {
        g.fillStyle(a, 1).fillCircle(16, 18, 12);
        g.fillStyle(0x2dc653, 1).fillEllipse(20, 5, 10, 6);
        g.fillStyle(0xffffff, 0.5).fillCircle(11, 13, 4);
      }
    });
    CONFIG.hazards.forEach((hazard, index) => {
      const color = index === 0 ? CONFIG.colors.hazard : shade(CONFIG.colors.hazard, 0.3);
      makeTexture(this, "hazard-" + index, 36, 36, (g) => {
        if (/bomb/.test(hazard.name)) {
          g.fillStyle(0x222222, 1).fillCircle(18, 20, 14);
          g.fillStyle(0xffa400, 1).fillCircle(26, 5, 4);
        } else {
          g.fillStyle(shade(color, -0.3), 1).fillCircle(18, 19, 15);
          g.fillStyle(color, 1).fillCircle(16, 16, 12);
          g.fillStyle(0x000000, 0.25).fillCircle(22, 22, 4);
        }
      });
    });
  }
}
