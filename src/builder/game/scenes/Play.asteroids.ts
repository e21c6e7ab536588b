// Asteroids: turn and thrust a ship that wraps around the screen, shoot the rocks; big ones
// split into smaller, faster ones. Clear every wave. The gun fires on its own.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { makeSpark, makeTexture, shade } from "../art";
import { Ship, wrap } from "../kit/ship";
import { nearest } from "../kit/nearest";

const WIDTH = 800;
const HEIGHT = 600;
const TURN_SPEED = 3.6;
const THRUST = 360;
const FIRE_MS = 420;
const SHOT_SPEED = 560;
const SHOT_LIFE_MS = 900;
const INVULNERABLE_MS = 2200;
/** Radius and points for big, medium and small rocks. */
const SIZES = [{ radius: 44, points: 20 }, { radius: 26, points: 50 }, { radius: 14, points: 100 }];

interface Rock {
  sprite: Phaser.GameObjects.Image;
  /** 0 big, 1 medium, 2 small. */
  size: number;
  /** Which of CONFIG.hazards it is (its look and speed). */
  hazardIndex: number;
  vx: number;
  vy: number;
  spin: number;
}

interface Shot {
  sprite: Phaser.GameObjects.Image;
  vx: number;
  vy: number;
  dies: number;
}

export class PlayScene extends Phaser.Scene {
  private ship!: Ship;
  private flame!: Phaser.GameObjects.Particles.ParticleEmitter;
  private rocks: Rock[] = [];
  private shots: Shot[] = [];
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
    this.fireCooldown = 300;
    this.invulnerableUntil = this.time.now + INVULNERABLE_MS;
    this.ended = false;
    this.rocks = [];
    this.shots = [];
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed]);
    this.makeTextures();
    makeSpark(this);
    for (let i = 0; i < 80; i++) this.add.circle(this.rng.between(0, WIDTH), this.rng.between(0, HEIGHT), this.rng.realInRange(0.5, 1.6), 0xffffff, this.rng.realInRange(0.2, 0.8));

    const sprite = this.add.image(WIDTH / 2, HEIGHT / 2, "ship").setDepth(5);
    this.ship = new Ship(sprite, TURN_SPEED, THRUST);
    this.flame = this.add.particles(0, 0, "spark", {
      speed: { min: 40, max: 120 }, lifespan: 260, scale: { start: 0.9, end: 0 }, tint: [0xffa400, 0xff4d00], frequency: 30, emitting: false,
    }).setDepth(4);
    this.controls = new Controls(this);
    this.hud = new Hud(this);
    this.hud.setLives(this.lives);
    this.nextWave();
  }

  update(time: number, delta: number) {
    if (this.ended) return;
    const seconds = delta / 1000;
    this.steer(seconds);
    this.ship.sprite.setAlpha(time < this.invulnerableUntil ? 0.35 + 0.35 * Math.sin(time / 50) : 1);

    // The gun fires on its own; holding SPACE fires twice as fast.
    this.fireCooldown -= delta;
    if (this.fireCooldown <= 0) {
      this.fireCooldown = this.controls.actionHeld() ? FIRE_MS / 2 : FIRE_MS;
      this.fire(time);
    }
    for (const rock of this.rocks) {
      rock.sprite.x += rock.vx * seconds;
      rock.sprite.y += rock.vy * seconds;
      rock.sprite.rotation += rock.spin * seconds;
      wrap(rock.sprite, WIDTH, HEIGHT, SIZES[rock.size].radius);
    }
    this.shots = this.shots.filter((shot) => this.moveShot(shot, seconds, time));
    if (time >= this.invulnerableUntil) {
      const hit = this.rocks.find((r) => Phaser.Math.Distance.Between(r.sprite.x, r.sprite.y, this.ship.sprite.x, this.ship.sprite.y) < SIZES[r.size].radius * 0.8 + 12);
      if (hit) this.crash(time);
    }
    if (this.rocks.length === 0) this.nextWave();
    this.updateHud();
  }

  /** Keys turn and thrust; a held pointer turns the ship toward it and thrusts. */
  private steer(seconds: number) {
    const keys = this.controls.keyAxis();
    let turn = keys.x;
    let thrusting = keys.y < 0;
    const pointer = this.input.activePointer;
    if (keys.x === 0 && keys.y === 0 && pointer.isDown) {
      const wanted = Math.atan2(pointer.worldX - this.ship.sprite.x, -(pointer.worldY - this.ship.sprite.y));
      const diff = Phaser.Math.Angle.Wrap(wanted - this.ship.heading);
      turn = Math.abs(diff) < 0.08 ? 0 : Math.sign(diff);
      thrusting = Math.abs(diff) < 0.6;
    }
    this.ship.fly(seconds, turn, thrusting);
    wrap(this.ship.sprite, WIDTH, HEIGHT);
    const back = this.ship.facing;
    this.flame.setPosition(this.ship.sprite.x - back.x * 18, this.ship.sprite.y - back.y * 18);
    this.flame.emitting = thrusting;
  }

  private fire(time: number) {
    const f = this.ship.facing;
    const sprite = this.add.image(this.ship.sprite.x + f.x * 20, this.ship.sprite.y + f.y * 20, "shot").setDepth(4);
    this.shots.push({ sprite, vx: f.x * SHOT_SPEED + this.ship.vx, vy: f.y * SHOT_SPEED + this.ship.vy, dies: time + SHOT_LIFE_MS });
    playSfx(this, "shoot");
  }

  private moveShot(shot: Shot, seconds: number, time: number): boolean {
    shot.sprite.x += shot.vx * seconds;
    shot.sprite.y += shot.vy * seconds;
    wrap(shot.sprite, WIDTH, HEIGHT, 4);
    const hit = this.rocks.find((r) => Phaser.Math.Distance.Between(r.sprite.x, r.sprite.y, shot.sprite.x, shot.sprite.y) < SIZES[r.size].radius);
    if (hit) this.breakRock(hit);
    if (hit || time > shot.dies) {
      shot.sprite.destroy();
      return false;
    }
    return true;
  }

  private breakRock(rock: Rock) {
    this.rocks = this.rocks.filter((r) => r !== rock);
    this.score += SIZES[rock.size].points;
    playSfx(this, "pop");
    this.burst(rock.sprite.x, rock.sprite.y, CONFIG.colors.hazard, 8 + 6 * (2 - rock.size));
    if (rock.size < SIZES.length - 1) {
      for (let i = 0; i < 2; i++) this.addRock(rock.size + 1, rock.sprite.x, rock.sprite.y, rock.hazardIndex);
    }
    rock.sprite.destroy();
  }

  private addRock(size: number, x: number, y: number, hazardIndex: number) {
    const hazard = CONFIG.hazards[hazardIndex];
    const speed = (hazard ? hazard.speed : 60) * CONFIG.pace * (1 + size * 0.5) * this.rng.realInRange(0.7, 1.3) * (1 + (this.wave - 1) * 0.1);
    const angle = this.rng.realInRange(0, Math.PI * 2);
    const sprite = this.add.image(x, y, `rock-${hazardIndex}-${size}`).setDepth(3);
    this.rocks.push({ sprite, size, vx: Math.cos(angle) * speed, vy: Math.sin(angle) * speed, spin: this.rng.realInRange(-1.5, 1.5), hazardIndex });
  }

  private nextWave() {
    if (this.wave >= CONFIG.goal.target) {
      this.finish(true, "Cleared all " + CONFIG.goal.target + " waves");
      return;
    }
    this.wave += 1;
    const kinds = Math.max(1, CONFIG.hazards.length);
    const count = (CONFIG.hazards[0]?.count ?? 4) + this.wave - 1;
    for (let i = 0; i < count; i++) {
      // Rocks start near the edges, away from the ship.
      const edge = this.rng.pick([0, 1, 2, 3]);
      const x = edge === 0 ? 20 : edge === 1 ? WIDTH - 20 : this.rng.between(0, WIDTH);
      const y = edge === 2 ? 20 : edge === 3 ? HEIGHT - 20 : this.rng.between(0, HEIGHT);
      this.addRock(0, x, y, i % kinds);
    }
    this.hud.flash("Wave " + this.wave);
  }

  private crash(time: number) {
    this.lives -= 1;
    this.hud.setLives(this.lives);
    this.burst(this.ship.sprite.x, this.ship.sprite.y, CONFIG.colors.player, 24);
    this.cameras.main.shake(250, 0.015);
    if (this.lives <= 0) {
      this.finish(false, "Reached wave " + this.wave);
      return;
    }
    this.ship.sprite.setPosition(WIDTH / 2, HEIGHT / 2);
    this.ship.vx = 0;
    this.ship.vy = 0;
    this.invulnerableUntil = time + INVULNERABLE_MS;
    this.hud.flash("Ship lost!");
  }

  private burst(x: number, y: number, tint: number, count: number) {
    const emitter = this.add.particles(x, y, "spark", { speed: { min: 40, max: 200 }, lifespan: 600, scale: { start: 1, end: 0 }, tint, emitting: false });
    emitter.explode(count);
    this.time.delayedCall(700, () => emitter.destroy());
  }

  private updateHud() {
    this.hud.setScore(this.score);
    this.hud.setStatus("Wave " + this.wave + "/" + CONFIG.goal.target + "   " + (CONFIG.hazards[0]?.name ?? "asteroids") + ": " + this.rocks.length);
  }

  private finish(won: boolean, detail: string) {
    if (this.ended) return;
    this.ended = true;
    this.flame.emitting = false;
    this.time.delayedCall(600, () => this.scene.start("GameOver", { won, score: this.score, detail }));
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    const player = { x: Math.round(this.ship.sprite.x), y: Math.round(this.ship.sprite.y) };
    const rocks = this.rocks.map((r) => r.sprite);
    return {
      screen: "playing",
      score: this.score,
      lives: this.lives,
      wave: this.wave,
      asteroids: this.rocks.length,
      player,
      heading: Math.round(Phaser.Math.RadToDeg(this.ship.heading)),
      targets: nearest(player, rocks),
      hazards: nearest(player, rocks),
    };
  }

  private makeTextures() {
    makeTexture(this, "ship", 32, 36, (g) => {
      g.fillStyle(CONFIG.colors.player, 1).fillTriangle(16, 0, 2, 34, 30, 34);
      g.fillStyle(shade(CONFIG.colors.player, -0.4), 1).fillTriangle(16, 12, 8, 30, 24, 30);
      g.fillStyle(0xffffff, 0.9).fillCircle(16, 16, 3);
    });
    makeTexture(this, "shot", 6, 6, (g) => g.fillStyle(0xffffff, 1).fillCircle(3, 3, 3));
    const kinds = Math.max(1, CONFIG.hazards.length);
    for (let kind = 0; kind < kinds; kind++) {
      const color = kind === 0 ? CONFIG.colors.hazard : shade(CONFIG.colors.hazard, kind % 2 ? 0.3 : -0.3);
      SIZES.forEach(({ radius }, size) => {
        makeTexture(this, `rock-${kind}-${size}`, radius * 2 + 4, radius * 2 + 4, (g) => {
          // A lumpy outline: every corner a little nearer or further than the radius.
          const points: Phaser.Math.Vector2[] = [];
          for (let i = 0; i < 11; i++) {
            const t = (i / 11) * Math.PI * 2;
            const r = radius * (0.78 + 0.22 * Math.abs(Math.sin(i * 2.3 + kind + size)));
            points.push(new Phaser.Math.Vector2(radius + 2 + Math.cos(t) * r, radius + 2 + Math.sin(t) * r));
          }
          g.fillStyle(shade(color, -0.35), 1).fillPoints(points, true);
          g.lineStyle(2, color, 1).strokePoints(points, true);
          g.fillStyle(shade(color, -0.55), 1).fillCircle(radius * 0.8, radius * 0.9, radius * 0.18).fillCircle(radius * 1.3, radius * 1.3, radius * 0.12);
        });
      });
    }
  }
}
