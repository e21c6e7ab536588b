// Flappy: tap (or hold) to flap through the gaps between pipes that scroll in from the right.
// Each gap passed scores a point; touching a pipe or the ground costs a life.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { makeSpark, makeTexture, shade } from "../art";
import { Flapper } from "../kit/flap";
import { Ramp } from "../kit/ramp";
import { nearest } from "../kit/nearest";

const FLYER_X = 220;
const GROUND_Y = 560;
const GRAVITY = 1300;
const KICK = 430;
const PIPE_WIDTH = 84;
/** Wider gaps when it is easy. */
const GAP = Math.round(200 / Math.sqrt(CONFIG.pace));
const PIPE_SPACING = 300;
const SPEED = 190 * CONFIG.pace;
const INVULNERABLE_MS = 1500;
const FLYER_RADIUS = 16;

interface PipePair {
  top: Phaser.GameObjects.Image;
  bottom: Phaser.GameObjects.Image;
  gapY: number;
  passed: boolean;
}

export class PlayScene extends Phaser.Scene {
  private flyer!: Phaser.GameObjects.Image;
  private flapper!: Flapper;
  private pipes: PipePair[] = [];
  private ground!: Phaser.GameObjects.TileSprite;
  private clouds: Phaser.GameObjects.Image[] = [];
  private controls!: Controls;
  private hud!: Hud;
  private rng!: Phaser.Math.RandomDataGenerator;
  private ramp!: Ramp;
  private score = 0;
  private lives = CONFIG.lives;
  private invulnerableUntil = 0;
  private nextPipeIn = 0;
  /** Until the first flap the flyer hovers and nothing moves: time to get ready. */
  private waiting = true;
  private readyText!: Phaser.GameObjects.Text;
  private ended = false;

  constructor() {
    super("Play");
  }

  create() {
    this.score = 0;
    this.lives = CONFIG.lives;
    this.invulnerableUntil = 0;
    this.ended = false;
    this.pipes = [];
    this.clouds = [];
    this.nextPipeIn = 260;
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed]);
    this.ramp = new Ramp(CONFIG.rules.rising, 0.015, 2);
    this.makeTextures();
    makeSpark(this);

    // Clouds under a light sky; faint drifting motes in a dark one (caves, night, space).
    const dark = Phaser.Display.Color.IntegerToColor(CONFIG.colors.background).v < 0.35;
    for (let i = 0; i < (dark ? 14 : 5); i++) {
      const x = this.rng.between(0, 800);
      const y = this.rng.between(40, 480);
      this.clouds.push(dark ? this.add.image(x, y, "mote").setAlpha(this.rng.realInRange(0.2, 0.6)) : this.add.image(x, y, "cloud").setAlpha(0.6).setScale(this.rng.realInRange(0.7, 1.3)));
    }
    this.ground = this.add.tileSprite(0, GROUND_Y, 800, 600 - GROUND_Y, "ground").setOrigin(0).setDepth(4);
    this.flyer = this.add.image(FLYER_X, 260, "flyer").setDepth(5).setScale(1.25);
    this.flapper = new Flapper(GRAVITY, KICK);
    this.waiting = true;

    this.controls = new Controls(this);
    this.hud = new Hud(this);
    this.hud.setLives(this.lives);
    this.updateHud();
    this.readyText = this.add.text(400, 360, "Tap, click or press SPACE to flap", { fontFamily: "Arial, sans-serif", fontSize: "26px", color: "#ffffff", stroke: "#000000", strokeThickness: 5 }).setOrigin(0.5).setDepth(20);
  }

  update(time: number, delta: number) {
    if (this.ended) return;
    const seconds = delta / 1000;
    this.ramp.tick(delta);
    const speed = SPEED * this.ramp.factor;

    // UP and W count as the flap button too, and holding any of them keeps flapping.
    const held = this.controls.actionHeld() || this.controls.keyAxis().y < 0;
    const pressed = this.controls.actionPressed();
    if (this.waiting) {
      this.flyer.y = 260 + Math.sin(time / 250) * 8;
      if (!pressed && !held) return;
      this.waiting = false;
      this.readyText.destroy();
    }
    if (this.flapper.step(seconds, time, pressed, held)) {
      playSfx(this, "jump");
      this.tweens.add({ targets: this.flyer, scaleY: 0.8, duration: 80, yoyo: true });
    }
    this.flyer.y += this.flapper.vy * seconds;
    this.flyer.setAngle(Phaser.Math.Clamp(this.flapper.vy / 12, -25, 70));
    this.flyer.setAlpha(time < this.invulnerableUntil ? 0.4 + 0.4 * Math.sin(time / 50) : 1);
    if (this.flyer.y < FLYER_RADIUS) {
      this.flyer.y = FLYER_RADIUS;
      this.flapper.vy = 0;
    }

    this.nextPipeIn -= speed * seconds;
    if (this.nextPipeIn <= 0) this.addPipe();
    for (const pipe of this.pipes) {
      pipe.top.x -= speed * seconds;
      pipe.bottom.x = pipe.top.x;
      if (!pipe.passed && pipe.top.x + PIPE_WIDTH / 2 < FLYER_X - FLYER_RADIUS) this.pass(pipe);
    }
    this.pipes = this.pipes.filter((pipe) => {
      if (pipe.top.x > -PIPE_WIDTH) return true;
      pipe.top.destroy();
      pipe.bottom.destroy();
      return false;
    });
    this.ground.tilePositionX += speed * seconds;
    for (const cloud of this.clouds) {
      cloud.x -= speed * 0.2 * seconds;
      if (cloud.x < -80) cloud.setPosition(880, this.rng.between(40, 480));
    }

    if (time >= this.invulnerableUntil && (this.touchesPipe() || this.flyer.y > GROUND_Y - FLYER_RADIUS)) this.crash(time);
    if (this.flyer.y > GROUND_Y - FLYER_RADIUS) {
      this.flyer.y = GROUND_Y - FLYER_RADIUS;
      this.flapper.vy = -KICK;
    }
  }

  private addPipe() {
    this.nextPipeIn = PIPE_SPACING;
    const gapY = this.rng.between(150, GROUND_Y - 130);
    const top = this.add.image(860, gapY - GAP / 2, "pipe").setOrigin(0.5, 1).setFlipY(true).setDepth(3);
    const bottom = this.add.image(860, gapY + GAP / 2, "pipe").setOrigin(0.5, 0).setDepth(3);
    this.pipes.push({ top, bottom, gapY, passed: false });
  }

  private touchesPipe(): boolean {
    const r = FLYER_RADIUS - 3;
    return this.pipes.some((p) => {
      const inColumn = Math.abs(p.top.x - this.flyer.x) < PIPE_WIDTH / 2 + r;
      return inColumn && Math.abs(this.flyer.y - p.gapY) > GAP / 2 - r;
    });
  }

  private pass(pipe: PipePair) {
    pipe.passed = true;
    this.score += 1;
    playSfx(this, "collect");
    this.updateHud();
    if (this.score >= CONFIG.goal.target) this.finish(true);
    else if (this.score % 5 === 0) this.hud.flash(this.score + "!");
  }

  private crash(time: number) {
    this.lives -= 1;
    this.hud.setLives(this.lives);
    this.invulnerableUntil = time + INVULNERABLE_MS;
    this.cameras.main.shake(200, 0.012);
    const burst = this.add.particles(this.flyer.x, this.flyer.y, "spark", { speed: { min: 60, max: 200 }, lifespan: 500, scale: { start: 1, end: 0 }, tint: CONFIG.colors.hazard, emitting: false });
    burst.explode(16);
    this.time.delayedCall(600, () => burst.destroy());
    if (this.lives <= 0) this.finish(false);
    else this.hud.flash("Ouch!");
  }

  private updateHud() {
    this.hud.setScore(this.score);
    this.hud.setStatus((CONFIG.hazards[0]?.name ?? "gaps") + " passed: " + this.score + "/" + CONFIG.goal.target);
  }

  private finish(won: boolean) {
    if (this.ended) return;
    this.ended = true;
    this.time.delayedCall(500, () => this.scene.start("GameOver", { won, score: this.score, detail: "Flew through " + this.score + " of " + CONFIG.goal.target }));
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    const player = { x: FLYER_X, y: Math.round(this.flyer.y) };
    const ahead = this.pipes.filter((p) => p.top.x + PIPE_WIDTH / 2 >= FLYER_X - FLYER_RADIUS);
    return {
      screen: "playing",
      score: this.score,
      lives: this.lives,
      player,
      fallSpeed: Math.round(this.flapper.vy),
      /** The middle of the next gap: where to fly. */
      targets: ahead.slice(0, 1).map((p) => ({ x: Math.round(p.top.x), y: p.gapY })),
      hazards: nearest(player, ahead.flatMap((p) => [{ x: p.top.x, y: p.gapY - GAP / 2 - 40 }, { x: p.top.x, y: p.gapY + GAP / 2 + 40 }])),
    };
  }

  private makeTextures() {
    const body = CONFIG.colors.player;
    makeTexture(this, "flyer", 48, 40, (g) => {
      if (/bat/.test(CONFIG.player)) {
        g.fillStyle(shade(body, -0.3), 1).fillTriangle(2, 10, 22, 18, 10, 32).fillTriangle(46, 10, 26, 18, 38, 32);
        g.fillStyle(body, 1).fillEllipse(24, 22, 20, 24);
        g.fillTriangle(17, 12, 20, 4, 23, 12).fillTriangle(25, 12, 28, 4, 31, 12);
      } else {
        g.fillStyle(body, 1).fillCircle(22, 22, 16);
        g.fillStyle(shade(body, 0.35), 1).fillEllipse(15, 25, 16, 10);
        g.fillStyle(0xff9f1c, 1).fillTriangle(36, 20, 47, 24, 36, 28);
      }
      g.fillStyle(0xffffff, 1).fillCircle(30, 16, 5);
      g.fillStyle(0x111111, 1).fillCircle(31, 16, 2.5);
    });
    makeTexture(this, "pipe", PIPE_WIDTH, 520, (g) => {
      const c = CONFIG.colors.hazard;
      g.fillStyle(shade(c, -0.25), 1).fillRect(6, 0, PIPE_WIDTH - 12, 520);
      g.fillStyle(c, 1).fillRect(10, 0, PIPE_WIDTH - 28, 520);
      g.fillStyle(0xffffff, 0.25).fillRect(16, 0, 8, 520);
      g.fillStyle(shade(c, -0.35), 1).fillRoundedRect(0, 0, PIPE_WIDTH, 30, 6);
      g.fillStyle(c, 1).fillRoundedRect(3, 3, PIPE_WIDTH - 6, 24, 5);
    });
    makeTexture(this, "ground", 64, 600 - GROUND_Y, (g) => {
      g.fillStyle(shade(CONFIG.colors.accent, -0.45), 1).fillRect(0, 0, 64, 600 - GROUND_Y);
      g.fillStyle(shade(CONFIG.colors.accent, -0.2), 1).fillRect(0, 0, 64, 10);
      g.fillStyle(shade(CONFIG.colors.accent, -0.55), 1).fillTriangle(0, 40, 32, 10, 64, 40);
    });
    makeTexture(this, "mote", 8, 8, (g) => g.fillStyle(CONFIG.colors.accent, 1).fillCircle(4, 4, 3));
    makeTexture(this, "cloud", 120, 50, (g) => {
      g.fillStyle(0xffffff, 1).fillCircle(30, 30, 20).fillCircle(60, 22, 24).fillCircle(90, 30, 18).fillRect(30, 30, 60, 20);
    });
  }
}
