// Space invaders: a formation marches side to side and down; slide your cannon along the bottom,
// hide behind the bunkers and shoot them all before they land. The cannon fires on its own.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { makeSpark, makeTexture, shade } from "../art";
import { Paddle } from "../kit/paddle";
import { Formation } from "../kit/formation";
import { nearest } from "../kit/nearest";

const CANNON_Y = 545;
const CANNON_SPEED = 330;
const FIRE_MS = 520;
const SHOT_SPEED = 620;
const BOMB_SPEED = 230 * CONFIG.pace;
const COLUMNS = 8;
const ROWS = 4;
const LANDING_Y = 490;
const INVULNERABLE_MS = 1600;

interface Missile {
  sprite: Phaser.GameObjects.Image;
  vy: number;
}

export class PlayScene extends Phaser.Scene {
  private cannon!: Paddle;
  private formation!: Formation;
  private shots: Missile[] = [];
  private bombs: Missile[] = [];
  private bunkers: Phaser.GameObjects.Rectangle[] = [];
  private controls!: Controls;
  private hud!: Hud;
  private rng!: Phaser.Math.RandomDataGenerator;
  private score = 0;
  private lives = CONFIG.lives;
  private wave = 0;
  private fireCooldown = 0;
  private invulnerableUntil = 0;
  private ended = false;

  constructor() {
    super("Play");
  }

  create() {
    this.score = 0;
    this.lives = CONFIG.lives;
    this.wave = 0;
    this.fireCooldown = 400;
    this.invulnerableUntil = 0;
    this.ended = false;
    this.shots = [];
    this.bombs = [];
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed]);
    this.makeTextures();
    makeSpark(this);
    for (let i = 0; i < 60; i++) this.add.circle(this.rng.between(0, 800), this.rng.between(0, 600), this.rng.realInRange(0.5, 1.8), 0xffffff, this.rng.realInRange(0.2, 0.7));
    this.buildBunkers();
    this.add.rectangle(400, CANNON_Y + 26, 800, 3, CONFIG.colors.player, 0.6);
    this.cannon = new Paddle(this.add.image(400, CANNON_Y, "cannon").setDepth(5), "x", 30, 770, CANNON_SPEED);
    this.controls = new Controls(this);
    this.hud = new Hud(this);
    this.hud.setLives(this.lives);
    this.nextWave();
  }

  update(time: number, delta: number) {
    if (this.ended) return;
    const seconds = delta / 1000;
    const keys = this.controls.keyAxis();
    const pointerX = this.controls.pointerWorldX();
    if (keys.x !== 0) this.cannon.drive(keys.x, seconds);
    else if (pointerX !== null) this.cannon.follow(pointerX, seconds);
    this.cannon.sprite.setAlpha(time < this.invulnerableUntil ? 0.35 + 0.35 * Math.sin(time / 50) : 1);

    // The cannon fires on its own; holding SPACE (or the pointer) fires twice as fast.
    this.fireCooldown -= delta;
    if (this.fireCooldown <= 0) {
      this.fireCooldown = this.controls.actionHeld() ? FIRE_MS / 2 : FIRE_MS;
      this.shots.push({ sprite: this.add.image(this.cannon.position, CANNON_Y - 22, "shot").setDepth(4), vy: -SHOT_SPEED });
      playSfx(this, "shoot");
    }

    if (this.formation.march(delta, CONFIG.pace * (1 + (this.wave - 1) * 0.2))) playSfx(this, "bounce");
    const front = this.formation.front();
    if (front.length && this.rng.frac() < 0.012 * CONFIG.pace * (delta / 16.7)) {
      const shooter = this.rng.pick(front);
      this.bombs.push({ sprite: this.add.image(shooter.x, shooter.y + 18, "bomb").setDepth(4), vy: BOMB_SPEED });
    }
    this.shots = this.shots.filter((s) => this.moveShot(s, seconds));
    this.bombs = this.bombs.filter((b) => this.moveBomb(b, seconds, time));

    const alive = this.formation.alive;
    if (alive.length === 0) this.nextWave();
    else if (alive.some((m) => m.y > LANDING_Y)) {
      this.lives = 0;
      this.hud.setLives(0);
      this.finish(false, "The invaders landed");
    }
  }

  private moveShot(s: Missile, seconds: number): boolean {
    s.sprite.y += s.vy * seconds;
    const hit = this.formation.alive.find((m) => Math.abs(m.x - s.sprite.x) < 20 && Math.abs(m.y - s.sprite.y) < 16);
    if (hit) {
      this.burst(hit.x, hit.y, CONFIG.colors.hazard);
      hit.destroy();
      this.score += 10 * (1 + Math.floor((LANDING_Y - hit.y) / 60));
      this.hud.setScore(this.score);
      this.updateHud();
      playSfx(this, "pop");
    }
    if (hit || this.hitBunker(s.sprite) || s.sprite.y < 40) {
      s.sprite.destroy();
      return false;
    }
    return true;
  }

  private moveBomb(b: Missile, seconds: number, time: number): boolean {
    b.sprite.y += b.vy * seconds;
    const onCannon = Math.abs(b.sprite.x - this.cannon.position) < 24 && Math.abs(b.sprite.y - CANNON_Y) < 14;
    if (onCannon && time >= this.invulnerableUntil) this.hurt(time);
    if (onCannon || this.hitBunker(b.sprite) || b.sprite.y > 600) {
      b.sprite.destroy();
      return false;
    }
    return true;
  }

  /** Knocks a block out of a bunker when a shot or a bomb hits it. */
  private hitBunker(missile: Phaser.GameObjects.Image): boolean {
    const block = this.bunkers.find((r) => r.active && Math.abs(r.x - missile.x) < 7 && Math.abs(r.y - missile.y) < 9);
    if (!block) return false;
    block.destroy();
    return true;
  }

  private buildBunkers() {
    this.bunkers = [];
    for (const cx of [160, 400, 640]) {
      for (let row = 0; row < 3; row++) {
        for (let col = -3; col <= 3; col++) {
          if (row === 2 && Math.abs(col) < 2) continue;
          this.bunkers.push(this.add.rectangle(cx + col * 12, 455 + row * 12, 11, 11, CONFIG.colors.accent, 0.9));
        }
      }
    }
  }

  private nextWave() {
    if (this.wave >= CONFIG.goal.target) {
      this.finish(true, "All " + CONFIG.goal.target + " waves cleared");
      return;
    }
    this.wave += 1;
    this.shots.forEach((s) => s.sprite.destroy());
    this.shots = [];
    this.formation = new Formation(30, 770, 14, 22, 520);
    const kinds = Math.max(1, CONFIG.hazards.length);
    // Each wave starts a little lower.
    const top = 90 + Math.min(3, this.wave - 1) * 20;
    for (let row = 0; row < ROWS; row++) {
      for (let col = 0; col < COLUMNS; col++) {
        const member = this.add.image(160 + col * 62, top + row * 46, "invader-" + (row % kinds)).setDepth(3);
        this.formation.add(member);
      }
    }
    this.updateHud();
    this.hud.flash("Wave " + this.wave);
  }

  private hurt(time: number) {
    this.lives -= 1;
    this.hud.setLives(this.lives);
    this.invulnerableUntil = time + INVULNERABLE_MS;
    this.burst(this.cannon.position, CANNON_Y, CONFIG.colors.player);
    this.cameras.main.shake(220, 0.012);
    if (this.lives <= 0) this.finish(false, "Your cannon was destroyed");
    else this.hud.flash("Hit!");
  }

  private burst(x: number, y: number, tint: number) {
    const emitter = this.add.particles(x, y, "spark", { speed: { min: 60, max: 200 }, lifespan: 450, scale: { start: 1, end: 0 }, tint, emitting: false });
    emitter.explode(14);
    this.time.delayedCall(500, () => emitter.destroy());
  }

  private updateHud() {
    this.hud.setScore(this.score);
    this.hud.setStatus("Wave " + this.wave + "/" + CONFIG.goal.target + "   " + (CONFIG.hazards[0]?.name ?? "invaders") + " left: " + this.formation.alive.length);
  }

  private finish(won: boolean, detail: string) {
    if (this.ended) return;
    this.ended = true;
    this.time.delayedCall(500, () => this.scene.start("GameOver", { won, score: this.score, detail }));
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    const player = { x: Math.round(this.cannon.position), y: CANNON_Y };
    const front = this.formation.front();
    return {
      screen: "playing",
      score: this.score,
      lives: this.lives,
      wave: this.wave,
      invaders: this.formation.alive.length,
      player,
      /** Where to slide to hit something: under the front invader of each column. */
      targets: nearest(player, front.map((m) => ({ x: m.x, y: CANNON_Y }))),
      hazards: nearest(player, this.bombs.map((b) => b.sprite)),
    };
  }

  private makeTextures() {
    makeTexture(this, "cannon", 48, 30, (g) => {
      g.fillStyle(CONFIG.colors.player, 1).fillRoundedRect(2, 14, 44, 14, 4).fillRect(20, 2, 8, 14);
      g.fillStyle(0xffffff, 0.4).fillRect(6, 16, 36, 3);
    });
    makeTexture(this, "shot", 4, 14, (g) => g.fillStyle(0xffffff, 1).fillRect(0, 0, 4, 14));
    makeTexture(this, "bomb", 8, 14, (g) => {
      g.fillStyle(CONFIG.colors.hazard, 1).fillTriangle(0, 0, 8, 0, 4, 14);
    });
    const looks = CONFIG.hazards.length ? CONFIG.hazards : [{ name: "invaders", speed: 0, count: 0 }];
    looks.forEach((_hazard, index) => {
      const color = index === 0 ? CONFIG.colors.hazard : shade(CONFIG.colors.hazard, index % 2 ? 0.35 : -0.3);
      makeTexture(this, "invader-" + index, 40, 30, (g) => {
        g.fillStyle(color, 1);
        g.fillRoundedRect(6, 4, 28, 16, 6);
        g.fillRect(2, 12, 36, 6);
        g.fillRect(6, 20, 6, 8).fillRect(28, 20, 6, 8).fillRect(16, 20, 8, 5);
        g.fillRect(10, 0, 4, 6).fillRect(26, 0, 4, 6);
        g.fillStyle(0x000000, 1).fillRect(12, 9, 5, 5).fillRect(23, 9, 5, 5);
      });
    });
  }
}
