// Top-down arena shooter: move with WASD or the arrows, aim with the mouse and click (or hold) to
// fire. Enemies pour in from the edges and chase you; clear every wave. Without a mouse, SPACE
// fires at the nearest enemy; on a touch screen, hold a finger where to walk and it fires by itself.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { makeSpark, makeTexture, shade } from "../art";
import { MouseAim } from "../kit/aim";
import { Shots } from "../kit/shots";
import { chase, separate } from "../kit/chase";
import { Spawner } from "../kit/spawner";
import { nearest } from "../kit/nearest";

const WIDTH = 800;
const HEIGHT = 600;
const MARGIN = 28;
const PLAYER_SPEED = 230;
const FIRE_MS = 170;
const SHOT_SPEED = 720;
const HIT_RADIUS = 22;
const TOUCH_RADIUS = 30;
const INVULNERABLE_MS = 2000;
const SPAWN_EVERY_MS = 650;

interface Enemy {
  sprite: Phaser.GameObjects.Image;
  speed: number;
  hp: number;
}

export class PlayScene extends Phaser.Scene {
  private hero!: Phaser.GameObjects.Image;
  private gun!: Phaser.GameObjects.Image;
  private crosshair!: Phaser.GameObjects.Image;
  private aim!: MouseAim;
  private shots!: Shots;
  private spawnClock!: Spawner;
  private enemies: Enemy[] = [];
  /** Hazard index of every enemy still to come in this wave. */
  private queue: number[] = [];
  private controls!: Controls;
  private hud!: Hud;
  private rng!: Phaser.Math.RandomDataGenerator;
  private wave = 0;
  private score = 0;
  private kills = 0;
  private lives = CONFIG.lives;
  private nextShotAt = 0;
  private invulnerableUntil = 0;
  private ended = false;

  constructor() {
    super("Play");
  }

  create() {
    this.enemies = [];
    this.queue = [];
    this.wave = 0;
    this.score = 0;
    this.kills = 0;
    this.lives = CONFIG.lives;
    this.nextShotAt = 0;
    this.invulnerableUntil = 0;
    this.ended = false;
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed]);
    this.makeTextures();
    makeSpark(this);
    this.drawFloor();

    this.hero = this.add.image(WIDTH / 2, HEIGHT / 2, "hero").setDepth(5);
    this.gun = this.add.image(WIDTH / 2, HEIGHT / 2, "gun").setOrigin(0.1, 0.5).setDepth(6);
    this.crosshair = this.add.image(0, 0, "crosshair").setDepth(20).setVisible(false);
    this.aim = new MouseAim(this);
    this.shots = new Shots(this, "shot", SHOT_SPEED);
    this.spawnClock = new Spawner(SPAWN_EVERY_MS / CONFIG.pace, 150, this.rng, 400);
    this.controls = new Controls(this);
    this.hud = new Hud(this);
    this.hud.setLives(this.lives);
    this.nextWave();
  }

  update(time: number, delta: number) {
    if (this.ended) return;
    const seconds = Math.min(delta, 50) / 1000;
    this.moveHero(seconds);
    const target = this.aim.point(this.hero, this.enemies.map((e) => e.sprite));
    this.gun.setPosition(this.hero.x, this.hero.y).setRotation(Math.atan2(target.y - this.hero.y, target.x - this.hero.x));
    this.crosshair.setVisible(this.aim.byMouse).setPosition(target.x, target.y);
    // The mouse button, SPACE, or a finger on a touch screen (which aims at the nearest enemy).
    if (this.controls.actionHeld() && time >= this.nextShotAt && this.enemies.length + this.queue.length > 0) {
      this.nextShotAt = time + FIRE_MS;
      const muzzle = { x: this.hero.x + Math.cos(this.gun.rotation) * 26, y: this.hero.y + Math.sin(this.gun.rotation) * 26 };
      this.shots.fire(muzzle.x, muzzle.y, target.x, target.y);
      playSfx(this, "shoot");
    }
    this.shots.update(delta, (x, y) => this.shotHits(x, y));
    if (this.queue.length && this.spawnClock.due(delta)) this.spawn(this.queue.shift()!);
    this.moveEnemies(seconds);
    this.hero.setAlpha(time < this.invulnerableUntil ? 0.4 + 0.3 * Math.sin(time / 40) : 1);
    if (this.enemies.length === 0 && this.queue.length === 0) this.nextWave();
  }

  /** Keys move; a finger held on a touch screen walks toward it. */
  private moveHero(seconds: number) {
    let axis = this.controls.keyAxis();
    const pointer = this.input.activePointer;
    if (axis.x === 0 && axis.y === 0 && pointer.isDown && pointer.wasTouch) axis = this.controls.pointerAxis(this.hero.x, this.hero.y, 20);
    const length = Math.hypot(axis.x, axis.y) || 1;
    this.hero.x = Phaser.Math.Clamp(this.hero.x + (axis.x / length) * PLAYER_SPEED * seconds, MARGIN, WIDTH - MARGIN);
    this.hero.y = Phaser.Math.Clamp(this.hero.y + (axis.y / length) * PLAYER_SPEED * seconds, MARGIN + 50, HEIGHT - MARGIN);
  }

  private shotHits(x: number, y: number): boolean {
    if (x < 0 || x > WIDTH || y < 0 || y > HEIGHT) return true;
    const enemy = this.enemies.find((e) => Math.hypot(e.sprite.x - x, e.sprite.y - y) < HIT_RADIUS);
    if (!enemy) return false;
    enemy.hp -= 1;
    this.tweens.add({ targets: enemy.sprite, scale: 1.25, duration: 60, yoyo: true });
    if (enemy.hp <= 0) this.defeat(enemy);
    return true;
  }

  private defeat(enemy: Enemy) {
    this.enemies = this.enemies.filter((e) => e !== enemy);
    this.burst(enemy.sprite.x, enemy.sprite.y, CONFIG.colors.hazard);
    enemy.sprite.destroy();
    this.kills += 1;
    this.score += 10 * this.wave;
    playSfx(this, "pop");
    this.updateHud();
  }

  private nextWave() {
    this.wave += 1;
    if (this.wave > CONFIG.goal.target) {
      this.finish(true);
      return;
    }
    this.queue = [];
    CONFIG.hazards.forEach((hazard, index) => {
      const count = hazard.count + (index === 0 ? (this.wave - 1) * 2 : this.wave - 1);
      for (let i = 0; i < count; i++) this.queue.push(index);
    });
    this.queue = this.rng.shuffle(this.queue);
    this.hud.flash("Wave " + this.wave);
    this.updateHud();
  }

  /** A new enemy walks in from a random edge, away from the player. */
  private spawn(index: number) {
    const hazard = CONFIG.hazards[index];
    const side = this.rng.between(0, 3);
    const along = this.rng.frac();
    const x = side === 0 ? -20 : side === 1 ? WIDTH + 20 : along * WIDTH;
    const y = side === 2 ? -20 : side === 3 ? HEIGHT + 20 : 80 + along * (HEIGHT - 100);
    const sprite = this.add.image(x, y, "enemy-" + index).setDepth(3);
    const speed = hazard.speed * CONFIG.pace * (1 + (this.wave - 1) * 0.08) * this.rng.realInRange(0.85, 1.15);
    this.enemies.push({ sprite, speed, hp: index === 0 ? 1 : 2 });
  }

  private moveEnemies(seconds: number) {
    for (const enemy of this.enemies) {
      const moved = chase(enemy.sprite, this.hero, enemy.speed, seconds);
      if (moved) enemy.sprite.setFlipX(moved.x < 0);
    }
    for (let i = 0; i < this.enemies.length; i++) {
      for (let j = i + 1; j < this.enemies.length; j++) separate(this.enemies[i].sprite, this.enemies[j].sprite, 34);
    }
    const touching = this.enemies.find((e) => Math.hypot(e.sprite.x - this.hero.x, e.sprite.y - this.hero.y) < TOUCH_RADIUS);
    if (touching && this.time.now >= this.invulnerableUntil) this.hurt(touching);
  }

  private hurt(by: Enemy) {
    this.lives -= 1;
    this.hud.setLives(this.lives);
    this.invulnerableUntil = this.time.now + INVULNERABLE_MS;
    this.cameras.main.shake(200, 0.012);
    this.burst(this.hero.x, this.hero.y, CONFIG.colors.player);
    // Everything close is knocked back, so there is a moment to get away.
    for (const enemy of this.enemies) {
      const angle = Math.atan2(enemy.sprite.y - this.hero.y, enemy.sprite.x - this.hero.x);
      if (enemy === by || Math.hypot(enemy.sprite.x - this.hero.x, enemy.sprite.y - this.hero.y) < 90) {
        enemy.sprite.x += Math.cos(angle) * 90;
        enemy.sprite.y += Math.sin(angle) * 90;
      }
    }
    if (this.lives <= 0) this.finish(false);
    else this.hud.flash("Ouch!");
  }

  private burst(x: number, y: number, tint: number) {
    const emitter = this.add.particles(x, y, "spark", { speed: { min: 50, max: 200 }, lifespan: 400, scale: { start: 1, end: 0 }, tint, emitting: false }).setDepth(7);
    emitter.explode(12);
    this.time.delayedCall(450, () => emitter.destroy());
  }

  private updateHud() {
    this.hud.setScore(this.score);
    this.hud.setStatus("Wave " + Math.min(this.wave, CONFIG.goal.target) + "/" + CONFIG.goal.target + "   left: " + (this.enemies.length + this.queue.length));
  }

  private finish(won: boolean) {
    if (this.ended) return;
    this.ended = true;
    const detail = won ? "You cleared all " + CONFIG.goal.target + " waves!" : "Overrun in wave " + this.wave + " after " + this.kills + " hits";
    this.time.delayedCall(600, () => this.scene.start("GameOver", { won, score: this.score, detail }));
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    const player = { x: Math.round(this.hero.x), y: Math.round(this.hero.y) };
    const near = nearest(player, this.enemies.map((e) => e.sprite));
    return {
      screen: "playing",
      score: this.score,
      lives: this.lives,
      wave: this.wave,
      kills: this.kills,
      /** Enemies on the field and still to come in this wave. */
      enemies: this.enemies.length + this.queue.length,
      player,
      /** The nearest enemies: what to aim at, and what to keep away from. */
      targets: near,
      hazards: near,
    };
  }

  /** A tiled floor: faint lines and a few worn slabs, drawn once. */
  private drawFloor() {
    const g = this.add.graphics();
    const line = shade(CONFIG.colors.background, 0.12);
    g.lineStyle(2, line, 1);
    for (let x = 0; x <= WIDTH; x += 64) g.lineBetween(x, 0, x, HEIGHT);
    for (let y = 0; y <= HEIGHT; y += 64) g.lineBetween(0, y, WIDTH, y);
    g.fillStyle(shade(CONFIG.colors.background, -0.2), 1);
    for (let i = 0; i < 14; i++) g.fillRect(this.rng.between(0, 12) * 64 + 2, this.rng.between(0, 9) * 64 + 2, 60, 60);
    g.lineStyle(6, shade(CONFIG.colors.accent, -0.3), 1).strokeRect(3, 3, WIDTH - 6, HEIGHT - 6);
  }

  private makeTextures() {
    makeTexture(this, "hero", 36, 36, (g) => {
      g.fillStyle(shade(CONFIG.colors.player, -0.4), 1).fillCircle(18, 18, 17);
      g.fillStyle(CONFIG.colors.player, 1).fillCircle(18, 18, 14);
      g.fillStyle(shade(CONFIG.colors.player, 0.4), 1).fillCircle(14, 13, 5);
    });
    makeTexture(this, "gun", 34, 12, (g) => {
      g.fillStyle(0x333333, 1).fillRoundedRect(0, 2, 34, 8, 3);
      g.fillStyle(CONFIG.colors.accent, 1).fillRect(26, 3, 8, 6);
    });
    makeTexture(this, "shot", 16, 6, (g) => {
      g.fillStyle(CONFIG.colors.accent, 1).fillRoundedRect(0, 0, 16, 6, 3);
      g.fillStyle(0xffffff, 1).fillRoundedRect(6, 1, 9, 4, 2);
    });
    makeTexture(this, "crosshair", 30, 30, (g) => {
      g.lineStyle(3, CONFIG.colors.accent, 1).strokeCircle(15, 15, 11);
      g.lineBetween(15, 0, 15, 8).lineBetween(15, 22, 15, 30).lineBetween(0, 15, 8, 15).lineBetween(22, 15, 30, 15);
    });
    CONFIG.hazards.forEach((_hazard, index) => {
      const color = index === 0 ? CONFIG.colors.hazard : shade(CONFIG.colors.hazard, index % 2 ? -0.35 : 0.35);
      makeTexture(this, "enemy-" + index, 34, 34, (g) => {
        g.fillStyle(shade(color, -0.4), 1).fillCircle(17, 18, 16);
        g.fillStyle(color, 1).fillCircle(17, 16, 14);
        g.fillStyle(shade(color, -0.5), 1).fillRect(3, 8, 6, 12).fillRect(25, 8, 6, 12);
        g.fillStyle(0xffffff, 1).fillCircle(12, 13, 4).fillCircle(22, 13, 4);
        g.fillStyle(0x000000, 1).fillCircle(13, 14, 2).fillCircle(23, 14, 2);
        g.fillStyle(0x000000, 0.6).fillRect(11, 22, 12, 3);
      });
    });
  }
}
