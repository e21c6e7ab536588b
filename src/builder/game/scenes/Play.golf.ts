// Mini golf: putt the ball into the hole in as few strokes as you can. Pull back from the ball
// with the mouse or a finger and let go, or hold the arrows to move the aim marker and let go (or
// press SPACE): the ball rolls to the marker. Walls bounce it, water costs a ball.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { makeSpark, makeTexture, shade } from "../art";
import { Slingshot, speedToStopAt } from "../kit/launcher";
import { bounceInside, bounceOffBox, roll, speedOf, type Box, type RollingBall } from "../kit/rolling";

const COURSE: Box = { x: 40, y: 80, width: 720, height: 490 };
const BALL_RADIUS = 8;
const HOLE_RADIUS = 14;
const DECELERATION = 260;
const MAX_SPEED = speedToStopAt(620, DECELERATION);
/** Slower than this, a ball over the cup drops in. */
const DROP_SPEED = 320;
/** The marker starts slow (for small corrections) and speeds up while the same keys are held. */
const MARKER_SPEED = { start: 110, most: 460, perSecond: 420 };
/** Letting go of the arrows for this long putts toward the marker. */
const RELEASE_MS = 250;
const PAR = 3;
const MOST_STROKES = 8;

interface Pond {
  x: number;
  y: number;
  radius: number;
  vx: number;
  sprite: Phaser.GameObjects.Image;
}

export class PlayScene extends Phaser.Scene {
  private ball: RollingBall = { x: 0, y: 0, vx: 0, vy: 0 };
  private ballSprite!: Phaser.GameObjects.Image;
  private marker = { x: 0, y: 0 };
  private markerSprite!: Phaser.GameObjects.Image;
  private aimLine!: Phaser.GameObjects.Graphics;
  private cup = { x: 0, y: 0 };
  private tee = { x: 0, y: 0 };
  private blocks: Box[] = [];
  private ponds: Pond[] = [];
  private course!: Phaser.GameObjects.Container;
  private sling!: Slingshot;
  private controls!: Controls;
  private hud!: Hud;
  private rng!: Phaser.Math.RandomDataGenerator;
  private hole = 1;
  private sunk = 0;
  private strokes = 0;
  private holeStrokes = 0;
  private score = 0;
  private lives = CONFIG.lives;
  private lastPuttFrom = { x: 0, y: 0 };
  private keysUpSince = 0;
  private heldAxis = { x: 0, y: 0, ms: 0 };
  private rolling = false;
  /** Between holes: the ball cannot be played. */
  private waiting = false;
  private ended = false;

  constructor() {
    super("Play");
  }

  create() {
    this.hole = 1;
    this.sunk = 0;
    this.strokes = 0;
    this.score = 0;
    this.lives = CONFIG.lives;
    this.waiting = false;
    this.ended = false;
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed]);
    this.makeTextures();
    makeSpark(this);
    this.add.rectangle(COURSE.x - 10, COURSE.y - 10, COURSE.width + 20, COURSE.height + 20, shade(CONFIG.colors.accent, -0.45)).setOrigin(0);
    this.add.rectangle(COURSE.x, COURSE.y, COURSE.width, COURSE.height, 0x3a9d4f).setOrigin(0);
    this.course = this.add.container(0, 0);
    this.aimLine = this.add.graphics().setDepth(4);
    this.markerSprite = this.add.image(0, 0, "marker").setDepth(5);
    this.ballSprite = this.add.image(0, 0, "ball").setDepth(6);
    this.sling = new Slingshot(220);
    this.input.on("pointerdown", (p: Phaser.Input.Pointer) => this.canPutt() && this.sling.press(p.worldX, p.worldY));
    this.input.on("pointermove", (p: Phaser.Input.Pointer) => this.sling.drag(p.worldX, p.worldY));
    this.input.on("pointerup", () => {
      const launch = this.sling.release();
      if (launch && this.canPutt()) this.putt(launch.x * launch.power * MAX_SPEED, launch.y * launch.power * MAX_SPEED);
    });
    this.controls = new Controls(this);
    this.hud = new Hud(this);
    this.hud.setLives(this.lives);
    this.layOutHole();
  }

  update(time: number, delta: number) {
    if (this.ended || this.waiting) return;
    const seconds = Math.min(delta, 50) / 1000;
    if (this.rolling) this.rollBall(seconds);
    else this.aimWithKeys(time, seconds);
    for (const pond of this.ponds) this.driftPond(pond, seconds);
    this.ballSprite.setPosition(this.ball.x, this.ball.y);
    this.markerSprite.setPosition(this.marker.x, this.marker.y).setAlpha(this.rolling ? 0.3 : 1);
    this.drawAim();
  }

  /** Arrows move the marker; letting go of them (or SPACE) putts the ball to it. */
  private aimWithKeys(time: number, seconds: number) {
    const axis = this.controls.keyAxis();
    if (axis.x !== this.heldAxis.x || axis.y !== this.heldAxis.y) this.heldAxis = { ...axis, ms: 0 };
    if (axis.x !== 0 || axis.y !== 0) {
      this.heldAxis.ms += seconds * 1000;
      const speed = Math.min(MARKER_SPEED.most, MARKER_SPEED.start + (this.heldAxis.ms / 1000) * MARKER_SPEED.perSecond);
      const length = Math.hypot(axis.x, axis.y);
      this.marker.x = Phaser.Math.Clamp(this.marker.x + (axis.x / length) * speed * seconds, COURSE.x, COURSE.x + COURSE.width);
      this.marker.y = Phaser.Math.Clamp(this.marker.y + (axis.y / length) * speed * seconds, COURSE.y, COURSE.y + COURSE.height);
      this.keysUpSince = time;
      return;
    }
    const away = Phaser.Math.Distance.Between(this.ball.x, this.ball.y, this.marker.x, this.marker.y);
    const spacePressed = this.controls.actionPressed() && !this.input.activePointer.isDown;
    if (away > 12 && (spacePressed || time - this.keysUpSince >= RELEASE_MS)) {
      const speed = Math.min(MAX_SPEED, speedToStopAt(away, DECELERATION));
      this.putt(((this.marker.x - this.ball.x) / away) * speed, ((this.marker.y - this.ball.y) / away) * speed);
    }
  }

  private canPutt(): boolean {
    return !this.rolling && !this.waiting && !this.ended;
  }

  private putt(vx: number, vy: number) {
    this.lastPuttFrom = { x: this.ball.x, y: this.ball.y };
    this.ball.vx = vx;
    this.ball.vy = vy;
    this.rolling = true;
    this.strokes += 1;
    this.holeStrokes += 1;
    playSfx(this, "bounce");
    this.updateHud();
  }

  private rollBall(seconds: number) {
    roll(this.ball, seconds, DECELERATION);
    let bounced = bounceInside(this.ball, COURSE, BALL_RADIUS);
    for (const block of this.blocks) bounced = bounceOffBox(this.ball, block, BALL_RADIUS) || bounced;
    if (bounced) playSfx(this, "bounce");
    const toCup = Phaser.Math.Distance.Between(this.ball.x, this.ball.y, this.cup.x, this.cup.y);
    // Over the cup and slow enough it drops; rolling slowly past the lip it is pulled in.
    if ((toCup < HOLE_RADIUS && speedOf(this.ball) < DROP_SPEED) || (toCup < HOLE_RADIUS + 6 && speedOf(this.ball) < 80)) {
      this.holeOut();
      return;
    }
    if (this.ponds.some((p) => Phaser.Math.Distance.Between(this.ball.x, this.ball.y, p.x, p.y) < p.radius)) {
      this.splash();
      return;
    }
    if (speedOf(this.ball) === 0) this.atRest();
  }

  private atRest() {
    this.rolling = false;
    this.marker = { x: this.ball.x, y: this.ball.y };
    if (this.holeStrokes >= MOST_STROKES) this.loseBall("Too many strokes", true);
  }

  private holeOut() {
    this.rolling = false;
    this.ball.vx = this.ball.vy = 0;
    this.ballSprite.setVisible(false);
    this.burst(this.cup.x, this.cup.y, CONFIG.colors.accent);
    playSfx(this, "collect");
    this.sunk += 1;
    this.score += 100 + Math.max(0, PAR + 2 - this.holeStrokes) * 50;
    this.hud.flash(this.holeStrokes === 1 ? "Hole in one!" : this.holeStrokes <= PAR ? "In the hole!" : "Holed in " + this.holeStrokes);
    this.updateHud();
    this.nextHole();
  }

  private splash() {
    this.burst(this.ball.x, this.ball.y, 0x4cc9f0);
    this.loseBall("Splash!", false);
  }

  /** A lost ball costs a life; it comes back where it was hit from, or the hole is given up. */
  private loseBall(message: string, giveUp: boolean) {
    this.rolling = false;
    this.ball.vx = this.ball.vy = 0;
    this.lives -= 1;
    this.hud.setLives(this.lives);
    this.cameras.main.shake(180, 0.01);
    if (this.lives <= 0) {
      this.finish(false);
      return;
    }
    this.hud.flash(message);
    if (giveUp) {
      this.nextHole();
      return;
    }
    this.ball.x = this.lastPuttFrom.x;
    this.ball.y = this.lastPuttFrom.y;
    this.marker = { ...this.lastPuttFrom };
  }

  private nextHole() {
    this.waiting = true;
    this.time.delayedCall(900, () => {
      if (this.hole >= CONFIG.goal.target) {
        this.finish(this.sunk > 0);
        return;
      }
      this.hole += 1;
      this.waiting = false;
      this.layOutHole();
    });
  }

  /** A new hole: tee on the left, cup on the right, walls and water beside (never across) the straight line. */
  private layOutHole() {
    this.course.removeAll(true);
    this.blocks = [];
    this.ponds = [];
    this.holeStrokes = 0;
    this.tee = { x: COURSE.x + 70, y: this.rng.between(COURSE.y + 70, COURSE.y + COURSE.height - 70) };
    this.cup = { x: this.rng.between(520, COURSE.x + COURSE.width - 60), y: this.rng.between(COURSE.y + 60, COURSE.y + COURSE.height - 60) };
    const clearOf = (x: number, y: number, reach: number) => distanceToSegment(x, y, this.tee, this.cup) > reach + 30;
    for (let tries = 0; tries < 60 && this.blocks.length < 2 + this.hole; tries++) {
      const block = { x: this.rng.between(COURSE.x + 120, 680), y: this.rng.between(COURSE.y + 20, COURSE.y + COURSE.height - 80), width: this.rng.between(30, 110), height: this.rng.between(30, 100) };
      if (!clearOf(block.x + block.width / 2, block.y + block.height / 2, Math.hypot(block.width, block.height) / 2)) continue;
      this.blocks.push(block);
      this.course.add(this.add.tileSprite(block.x, block.y, block.width, block.height, "brick").setOrigin(0));
    }
    CONFIG.hazards.forEach((hazard) => {
      for (let i = 0, tries = 0; i < hazard.count && tries < 60; tries++) {
        const radius = this.rng.between(30, 48);
        const x = this.rng.between(COURSE.x + 160, 660);
        const y = this.rng.between(COURSE.y + radius, COURSE.y + COURSE.height - radius);
        if (!clearOf(x, y, radius + (hazard.speed > 0 ? 60 : 0))) continue;
        const sprite = this.add.image(x, y, "pond").setDisplaySize(radius * 2, radius * 2);
        this.course.add(sprite);
        this.ponds.push({ x, y, radius, vx: hazard.speed * 0.3 * CONFIG.pace * this.rng.pick([-1, 1]), sprite });
        i++;
      }
    });
    this.course.add(this.add.image(this.tee.x, this.tee.y, "tee"));
    this.course.add(this.add.image(this.cup.x, this.cup.y, "cup"));
    const flag = this.add.image(this.cup.x + 2, this.cup.y, "flag").setOrigin(0, 1);
    this.tweens.add({ targets: flag, scaleX: 0.85, duration: 500, yoyo: true, repeat: -1, ease: "Sine.easeInOut" });
    this.course.add(flag);
    this.ball = { x: this.tee.x, y: this.tee.y, vx: 0, vy: 0 };
    this.marker = { ...this.tee };
    this.lastPuttFrom = { ...this.tee };
    this.ballSprite.setVisible(true);
    this.rolling = false;
    this.hud.flash("Hole " + this.hole + " · par " + PAR);
    this.updateHud();
  }

  /** Ponds of moving water (a hazard with a speed) drift to and fro across the fairway. */
  private driftPond(pond: Pond, seconds: number) {
    if (pond.vx === 0) return;
    pond.x += pond.vx * seconds;
    if (pond.x < COURSE.x + 120 || pond.x > COURSE.x + COURSE.width - 120) pond.vx = -pond.vx;
    pond.sprite.x = pond.x;
  }

  private drawAim() {
    this.aimLine.clear();
    const launch = this.sling.aim();
    const to = launch && !this.rolling ? { x: this.ball.x + launch.x * launch.power * 160, y: this.ball.y + launch.y * launch.power * 160 } : this.rolling ? null : this.marker;
    if (!to || Phaser.Math.Distance.Between(this.ball.x, this.ball.y, to.x, to.y) < 12) return;
    this.aimLine.lineStyle(3, 0xffffff, 0.7);
    const steps = Math.floor(Phaser.Math.Distance.Between(this.ball.x, this.ball.y, to.x, to.y) / 14);
    for (let i = 1; i <= steps; i += 2) {
      const a = (i - 1) / steps;
      const b = i / steps;
      this.aimLine.lineBetween(this.ball.x + (to.x - this.ball.x) * a, this.ball.y + (to.y - this.ball.y) * a, this.ball.x + (to.x - this.ball.x) * b, this.ball.y + (to.y - this.ball.y) * b);
    }
  }

  private burst(x: number, y: number, tint: number) {
    const emitter = this.add.particles(x, y, "spark", { speed: { min: 40, max: 180 }, lifespan: 500, scale: { start: 1, end: 0 }, tint, emitting: false }).setDepth(7);
    emitter.explode(16);
    this.time.delayedCall(550, () => emitter.destroy());
  }

  private updateHud() {
    this.hud.setScore(this.score);
    this.hud.setStatus("Hole " + this.hole + "/" + CONFIG.goal.target + "   strokes " + this.holeStrokes + " (par " + PAR + ")");
  }

  private finish(won: boolean) {
    this.ended = true;
    const detail = won ? "Sank " + this.sunk + " of " + CONFIG.goal.target + " holes in " + this.strokes + " strokes" : "Out of balls on hole " + this.hole;
    this.time.delayedCall(600, () => this.scene.start("GameOver", { won, score: this.score, detail }));
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    return {
      screen: "playing",
      score: this.score,
      lives: this.lives,
      hole: this.hole,
      sunk: this.sunk,
      strokes: this.strokes,
      rolling: this.rolling,
      ball: { x: Math.round(this.ball.x), y: Math.round(this.ball.y) },
      /** The aim marker the arrows move; the ball rolls to it. */
      player: { x: Math.round(this.marker.x), y: Math.round(this.marker.y) },
      targets: [{ x: this.cup.x, y: this.cup.y }],
      hazards: this.ponds.map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) })),
    };
  }

  private makeTextures() {
    makeTexture(this, "ball", 18, 18, (g) => {
      g.fillStyle(0x000000, 0.25).fillCircle(10, 11, 8);
      g.fillStyle(0xffffff, 1).fillCircle(9, 9, 8);
      g.fillStyle(0xdddddd, 1).fillCircle(11, 11, 3);
    });
    makeTexture(this, "marker", 30, 30, (g) => {
      g.lineStyle(3, CONFIG.colors.player, 1).strokeCircle(15, 15, 12);
      g.fillStyle(CONFIG.colors.player, 1).fillCircle(15, 15, 3);
    });
    makeTexture(this, "cup", 30, 30, (g) => {
      g.fillStyle(shade(0x3a9d4f, 0.25), 1).fillCircle(15, 15, 15);
      g.fillStyle(0x111111, 1).fillCircle(15, 15, HOLE_RADIUS);
    });
    makeTexture(this, "flag", 30, 56, (g) => {
      g.fillStyle(0xeeeeee, 1).fillRect(0, 0, 3, 56);
      g.fillStyle(CONFIG.colors.hazard, 1).fillTriangle(3, 2, 30, 11, 3, 20);
    });
    makeTexture(this, "tee", 40, 40, (g) => {
      g.fillStyle(shade(0x3a9d4f, 0.35), 1).fillRoundedRect(0, 0, 40, 40, 8);
    });
    makeTexture(this, "brick", 32, 16, (g) => {
      g.fillStyle(shade(CONFIG.colors.accent, -0.5), 1).fillRect(0, 0, 32, 16);
      g.fillStyle(shade(CONFIG.colors.accent, -0.2), 1).fillRect(1, 1, 14, 6).fillRect(17, 1, 14, 6).fillRect(0, 9, 7, 6).fillRect(9, 9, 14, 6).fillRect(25, 9, 7, 6);
    });
    makeTexture(this, "pond", 100, 100, (g) => {
      g.fillStyle(shade(0x1d6fa5, -0.2), 1).fillCircle(50, 50, 50);
      g.fillStyle(0x1d6fa5, 1).fillCircle(50, 50, 44);
      g.fillStyle(0xffffff, 0.35).fillEllipse(36, 34, 30, 10);
    });
  }
}

function distanceToSegment(x: number, y: number, a: { x: number; y: number }, b: { x: number; y: number }): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy));
}
