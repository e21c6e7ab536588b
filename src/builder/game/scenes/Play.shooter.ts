// Space shooter: fly the ship, blast every wave of invaders, pick up power stars for triple shot.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { makeSpark, makeTexture, shade } from "../art";
import { nearest } from "../kit/nearest";

const SHIP_SPEED = 300;
const BULLET_SPEED = 620;
const FIRE_MS = 260;
const POWER_MS = 8000;
const INVULNERABLE_MS = 2000;

export class PlayScene extends Phaser.Scene {
  private ship!: Phaser.Types.Physics.Arcade.ImageWithDynamicBody;
  private shots!: Phaser.Physics.Arcade.Group;
  private enemyShots!: Phaser.Physics.Arcade.Group;
  private invaders!: Phaser.Physics.Arcade.Group;
  private powerUps!: Phaser.Physics.Arcade.Group;
  private stars: Phaser.GameObjects.Image[] = [];
  private controls!: Controls;
  private hud!: Hud;
  private rng!: Phaser.Math.RandomDataGenerator;
  private wave = 0;
  private score = 0;
  private lives = CONFIG.lives;
  private fireCooldown = 0;
  private poweredUntil = 0;
  private invulnerableUntil = 0;
  private ended = false;

  constructor() {
    super("Play");
  }

  create() {
    this.wave = 0;
    this.score = 0;
    this.lives = CONFIG.lives;
    this.fireCooldown = 0;
    this.poweredUntil = 0;
    this.invulnerableUntil = 0;
    this.ended = false;
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed]);
    this.makeTextures();
    makeSpark(this);
    const { width, height } = this.scale;
    // Stars at three depths: nearer ones are bigger and fall faster.
    this.stars = [];
    for (let i = 0; i < 60; i++) {
      const depth = 1 + (i % 3);
      const star = this.add.image(this.rng.between(0, width), this.rng.between(0, height), "star").setScale(depth * 0.5).setAlpha(0.3 + depth * 0.2);
      star.setData("speed", depth * 40);
      this.stars.push(star);
    }

    this.shots = this.physics.add.group();
    this.enemyShots = this.physics.add.group();
    this.invaders = this.physics.add.group();
    this.powerUps = this.physics.add.group();
    this.ship = this.physics.add.image(width / 2, height - 80, "ship").setCollideWorldBounds(true).setDepth(5);
    this.ship.body.setSize(30, 30);
    this.add.particles(0, 0, "spark", {
      follow: this.ship,
      followOffset: { x: 0, y: 24 },
      speedY: { min: 120, max: 220 },
      scale: { start: 0.9, end: 0 },
      tint: [CONFIG.colors.accent, 0xffffff],
      lifespan: 260,
      frequency: 30,
    }).setDepth(4);

    this.physics.add.overlap(this.shots, this.invaders, (shot, invader) => this.hitInvader(shot as Phaser.Physics.Arcade.Image, invader as Phaser.Physics.Arcade.Image));
    this.physics.add.overlap(this.ship, this.enemyShots, (_s, shot) => {
      (shot as Phaser.Physics.Arcade.Image).destroy();
      this.hurt();
    });
    this.physics.add.overlap(this.ship, this.invaders, () => this.hurt());
    this.physics.add.overlap(this.ship, this.powerUps, (_s, star) => this.powerUp(star as Phaser.Physics.Arcade.Image));

    this.controls = new Controls(this);
    this.hud = new Hud(this);
    this.hud.setLives(this.lives);
    this.nextWave();
  }

  update(time: number, delta: number) {
    for (const star of this.stars) {
      star.y += ((star.getData("speed") as number) * delta) / 1000;
      if (star.y > this.scale.height) star.y -= this.scale.height;
    }
    if (this.ended) return;
    const axis = this.controls.axis(this.ship.x, this.ship.y);
    this.ship.setVelocity(axis.x * SHIP_SPEED, axis.y * SHIP_SPEED);
    this.ship.y = Math.max(this.ship.y, this.scale.height * 0.45);
    this.ship.setAngle(axis.x * 10);
    this.ship.setAlpha(time < this.invulnerableUntil ? 0.35 + 0.35 * Math.sin(time / 50) : 1);

    // The guns fire on their own; holding SPACE or the pointer fires twice as fast.
    this.fireCooldown -= delta;
    if (this.fireCooldown <= 0) {
      this.fire();
      this.fireCooldown = this.controls.actionHeld() ? FIRE_MS / 2 : FIRE_MS;
    }

    const { width, height } = this.scale;
    for (const child of this.invaders.getChildren()) {
      const invader = child as Phaser.Physics.Arcade.Image;
      const baseX = invader.getData("baseX") as number;
      invader.x = baseX + Math.sin(time / 700 + (invader.getData("phase") as number)) * 70;
      if (invader.y > height + 40) invader.y = -40;
      if (this.rng.frac() < (0.0012 + this.wave * 0.0004) * CONFIG.pace * (delta / 16.7)) this.enemyFire(invader);
    }
    for (const group of [this.shots, this.enemyShots, this.powerUps]) {
      for (const child of group.getChildren()) {
        const obj = child as Phaser.Physics.Arcade.Image;
        if (obj.y < -30 || obj.y > height + 30 || obj.x < -30 || obj.x > width + 30) obj.destroy();
      }
    }
    if (this.invaders.countActive() === 0) this.nextWave();
    this.updateHud();
  }

  private nextWave() {
    if (this.wave >= CONFIG.goal.target) {
      this.finish(true);
      return;
    }
    this.wave += 1;
    this.hud.flash("Wave " + this.wave);
    const types = Math.max(1, CONFIG.hazards.length);
    const base = CONFIG.hazards.reduce((sum, h) => sum + h.count, 0) || 6;
    const count = base + (this.wave - 1) * 2;
    const columns = Math.min(8, count);
    for (let i = 0; i < count; i++) {
      const typeIndex = i % types;
      const hazard = CONFIG.hazards[typeIndex];
      const col = i % columns;
      const row = Math.floor(i / columns);
      const x = 100 + col * ((this.scale.width - 200) / Math.max(1, columns - 1 || 1));
      const invader = this.invaders.create(x, -40 - row * 60, "invader-" + typeIndex) as Phaser.Physics.Arcade.Image;
      // Later waves dive faster.
      const speed = (hazard ? hazard.speed : 90) * CONFIG.pace * (0.35 + this.wave * 0.08);
      invader.setData({ baseX: x, phase: this.rng.frac() * Math.PI * 2, hp: 1 + Math.floor(this.wave / 3) });
      invader.setVelocityY(speed);
    }
  }

  private fire() {
    playSfx(this, "shoot");
    const spread = this.time.now < this.poweredUntil ? [-140, 0, 140] : [0];
    for (const vx of spread) {
      const shot = this.shots.create(this.ship.x, this.ship.y - 26, "shot") as Phaser.Physics.Arcade.Image;
      shot.setVelocity(vx, -BULLET_SPEED);
    }
  }

  private enemyFire(invader: Phaser.Physics.Arcade.Image) {
    if (invader.y < 0 || invader.y > this.ship.y - 80) return;
    const shot = this.enemyShots.create(invader.x, invader.y + 20, "enemy-shot") as Phaser.Physics.Arcade.Image;
    this.physics.moveToObject(shot, this.ship, 200 + this.wave * 15);
  }

  private hitInvader(shot: Phaser.Physics.Arcade.Image, invader: Phaser.Physics.Arcade.Image) {
    shot.destroy();
    const hp = (invader.getData("hp") as number) - 1;
    invader.setData("hp", hp);
    if (hp > 0) {
      this.tweens.add({ targets: invader, alpha: 0.3, duration: 60, yoyo: true });
      return;
    }
    this.burst(invader.x, invader.y, CONFIG.colors.hazard);
    if (CONFIG.collectible && this.rng.frac() < 0.08) {
      const star = this.powerUps.create(invader.x, invader.y, "power") as Phaser.Physics.Arcade.Image;
      star.setVelocityY(120);
      this.tweens.add({ targets: star, angle: 360, duration: 1200, repeat: -1 });
    }
    invader.destroy();
    this.score += 100 * this.wave;
    playSfx(this, "pop");
  }

  private powerUp(star: Phaser.Physics.Arcade.Image) {
    star.destroy();
    this.poweredUntil = this.time.now + POWER_MS;
    this.score += 250;
    playSfx(this, "collect");
    this.hud.flash("Triple shot!");
  }

  private hurt() {
    if (this.time.now < this.invulnerableUntil || this.ended) return;
    this.lives -= 1;
    this.hud.setLives(this.lives);
    this.invulnerableUntil = this.time.now + INVULNERABLE_MS;
    this.burst(this.ship.x, this.ship.y, CONFIG.colors.player);
    this.cameras.main.shake(250, 0.012);
    if (this.lives <= 0) this.finish(false);
  }

  private burst(x: number, y: number, tint: number) {
    const emitter = this.add.particles(x, y, "spark", { speed: { min: 60, max: 240 }, lifespan: 500, scale: { start: 1.1, end: 0 }, tint, emitting: false });
    emitter.explode(18);
    this.time.delayedCall(600, () => emitter.destroy());
  }

  private updateHud() {
    this.hud.setScore(this.score);
    const power = this.time.now < this.poweredUntil ? "  TRIPLE" : "";
    this.hud.setStatus("Wave " + this.wave + "/" + CONFIG.goal.target + power);
  }

  private finish(won: boolean) {
    if (this.ended) return;
    this.ended = true;
    this.ship.setVelocity(0, 0);
    const detail = won ? "All " + CONFIG.goal.target + " waves cleared!" : "Shot down in wave " + this.wave;
    this.time.delayedCall(600, () => this.scene.start("GameOver", { won, score: this.score, detail }));
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    const player = { x: Math.round(this.ship.x), y: Math.round(this.ship.y) };
    const invaders = this.invaders.getMatching("active", true) as Phaser.GameObjects.Image[];
    return {
      screen: "playing",
      score: this.score,
      lives: this.lives,
      wave: this.wave,
      invaders: invaders.length,
      player,
      /** Where to fly to shoot: straight below the nearest invaders. */
      targets: nearest(player, invaders.map((i) => ({ x: i.x, y: player.y }))),
      hazards: nearest(player, invaders),
    };
  }

  private makeTextures() {
    makeTexture(this, "ship", 44, 44, (g) => {
      g.fillStyle(CONFIG.colors.player, 1).fillTriangle(22, 0, 2, 40, 42, 40);
      g.fillStyle(shade(CONFIG.colors.player, -0.4), 1).fillTriangle(22, 14, 12, 40, 32, 40);
      g.fillStyle(0xffffff, 0.9).fillEllipse(22, 20, 8, 12);
    });
    makeTexture(this, "shot", 6, 18, (g) => {
      g.fillStyle(CONFIG.colors.accent, 1).fillRoundedRect(0, 0, 6, 18, 3);
    });
    makeTexture(this, "enemy-shot", 10, 10, (g) => {
      g.fillStyle(CONFIG.colors.hazard, 1).fillCircle(5, 5, 5);
      g.fillStyle(0xffffff, 1).fillCircle(5, 5, 2);
    });
    makeTexture(this, "power", 26, 26, (g) => {
      g.fillStyle(CONFIG.colors.accent, 1);
      g.fillPoints([
        new Phaser.Math.Vector2(13, 0), new Phaser.Math.Vector2(17, 9), new Phaser.Math.Vector2(26, 10),
        new Phaser.Math.Vector2(19, 16), new Phaser.Math.Vector2(21, 26), new Phaser.Math.Vector2(13, 20),
        new Phaser.Math.Vector2(5, 26), new Phaser.Math.Vector2(7, 16), new Phaser.Math.Vector2(0, 10), new Phaser.Math.Vector2(9, 9),
      ], true);
    });
    makeTexture(this, "star", 4, 4, (g) => {
      g.fillStyle(0xffffff, 1).fillCircle(2, 2, 2);
    });
    const count = Math.max(1, CONFIG.hazards.length);
    for (let index = 0; index < count; index++) {
      const color = index === 0 ? CONFIG.colors.hazard : shade(CONFIG.colors.hazard, index % 2 ? -0.35 : 0.35);
      makeTexture(this, "invader-" + index, 44, 34, (g) => {
        g.fillStyle(color, 1).fillEllipse(22, 14, 40, 22);
        g.fillRect(4, 18, 6, 14).fillRect(34, 18, 6, 14).fillRect(19, 20, 6, 12);
        g.fillStyle(0x000000, 1).fillCircle(14, 12, 4).fillCircle(30, 12, 4);
        g.fillStyle(0xffffff, 1).fillCircle(15, 11, 1.5).fillCircle(31, 11, 1.5);
      });
    }
  }
}
