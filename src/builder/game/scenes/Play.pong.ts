// Pong: your paddle on the left, the computer's (or a second player's) on the right. Miss the ball
// and the other side scores; first to the goal wins. The ball speeds up with every return.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { css, makeSpark, makeTexture, shade } from "../art";
import { Paddle } from "../kit/paddle";
import { Ball } from "../kit/ball";

const TOP = 80;
const BOTTOM = 590;
const LEFT_X = 50;
const RIGHT_X = 750;
const PADDLE_WIDTH = 18;
/** Bigger paddles when it is easy. */
const PADDLE_LENGTH = Math.round(110 / Math.sqrt(CONFIG.pace));
const PLAYER_SPEED = 440;
/** The computer moves slower than you: fast, steep balls get past it. */
const CPU_SPEED = 250 * CONFIG.pace;
const SERVE_SPEED = 320 * (0.8 + 0.2 * CONFIG.pace);
const SPEED_UP = CONFIG.rules.rising ? 1.09 : 1.05;
const MAX_SPEED = 900;
const BALL_RADIUS = 9;
const SERVE_DELAY_MS = 900;

export class PlayScene extends Phaser.Scene {
  private player!: Paddle;
  private rival!: Paddle;
  private ball!: Ball;
  private controls!: Controls;
  /** Two players: W/S for the left paddle, the arrows for the right one. */
  private twoPlayerKeys: Record<"W" | "S" | "UP" | "DOWN", Phaser.Input.Keyboard.Key> | null = null;
  private hud!: Hud;
  private scoreboard!: Phaser.GameObjects.Text;
  private trail!: Phaser.GameObjects.Particles.ParticleEmitter;
  private rng!: Phaser.Math.RandomDataGenerator;
  private score = 0;
  private rivalScore = 0;
  private returns = 0;
  private rivalReturns = 0;
  private serveAt = 0;
  private serveDirection = 1;
  /** The computer aims a little off, a new error each time the ball comes its way. */
  private rivalError = 0;
  private ended = false;

  constructor() {
    super("Play");
  }

  create() {
    this.score = 0;
    this.rivalScore = 0;
    this.returns = 0;
    this.rivalReturns = 0;
    this.ended = false;
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed]);
    this.makeTextures();
    makeSpark(this);
    this.drawCourt();

    const middle = (TOP + BOTTOM) / 2;
    const half = PADDLE_LENGTH / 2;
    this.player = new Paddle(this.add.image(LEFT_X, middle, "paddle-player"), "y", TOP + half, BOTTOM - half, PLAYER_SPEED);
    this.rival = new Paddle(this.add.image(RIGHT_X, middle, "paddle-rival"), "y", TOP + half, BOTTOM - half, CONFIG.rules.opponent === "human" ? PLAYER_SPEED : CPU_SPEED);
    const ballImage = this.add.image(400, middle, "ball").setDepth(3);
    this.ball = new Ball(ballImage, BALL_RADIUS, { top: TOP, bottom: BOTTOM });
    this.trail = this.add.particles(0, 0, "spark", {
      follow: ballImage, lifespan: 300, scale: { start: 0.9, end: 0 }, alpha: { start: 0.6, end: 0 }, tint: CONFIG.colors.accent, frequency: 25,
    }).setDepth(2);

    this.controls = new Controls(this);
    this.twoPlayerKeys = CONFIG.rules.opponent === "human" ? (this.input.keyboard!.addKeys("W,S,UP,DOWN") as Record<"W" | "S" | "UP" | "DOWN", Phaser.Input.Keyboard.Key>) : null;
    this.hud = new Hud(this);
    this.hud.setScore(0);
    this.hud.setStatus("First to " + CONFIG.goal.target);
    this.scoreboard = this.add.text(400, 14, "", { fontFamily: "Arial Black, Arial, sans-serif", fontSize: "44px", color: css(CONFIG.colors.text) }).setOrigin(0.5, 0).setDepth(10);
    const label = { fontFamily: "Arial, sans-serif", fontSize: "14px", color: css(shade(CONFIG.colors.text, -0.3)) };
    this.add.text(340, 64, "YOU", label).setOrigin(0.5, 1);
    this.add.text(460, 64, CONFIG.rules.opponent === "human" ? "P2" : "CPU", label).setOrigin(0.5, 1);
    this.updateScoreboard();
    this.serveSoon(this.rng.pick([-1, 1]));
  }

  update(time: number, delta: number) {
    if (this.ended) return;
    const seconds = delta / 1000;
    this.movePlayers(seconds);
    if (time < this.serveAt) return;
    if (this.ball.speed === 0) this.serve();
    if (this.ball.step(seconds)) playSfx(this, "bounce");
    this.bounceOffPaddles();
    const x = this.ball.sprite.x;
    if (x < -20) this.point("rival");
    else if (x > 820) this.point("player");
  }

  private movePlayers(seconds: number) {
    const axis = (up: Phaser.Input.Keyboard.Key, down: Phaser.Input.Keyboard.Key) => (down.isDown ? 1 : 0) - (up.isDown ? 1 : 0);
    if (this.twoPlayerKeys) {
      const k = this.twoPlayerKeys;
      this.player.drive(axis(k.W, k.S), seconds);
      this.rival.drive(axis(k.UP, k.DOWN), seconds);
      return;
    }
    const keys = this.controls.keyAxis();
    const pointer = this.input.activePointer;
    if (keys.y !== 0) this.player.drive(keys.y, seconds);
    else if (pointer.isDown) this.player.follow(pointer.worldY, seconds);
    // The computer reacts once the ball crosses the middle, heading for where it will arrive;
    // otherwise it drifts back to the middle. Fast, steep balls beat it.
    const arriving = this.ball.vx > 0 && this.ball.sprite.x > 400 ? this.ball.crossingY(RIGHT_X - PADDLE_WIDTH) : null;
    this.rival.follow(arriving === null ? (TOP + BOTTOM) / 2 : arriving + this.rivalError, seconds);
  }

  private bounceOffPaddles() {
    const half = PADDLE_LENGTH / 2;
    const b = this.ball;
    if (b.vx < 0 && b.touches(LEFT_X, this.player.position, PADDLE_WIDTH, PADDLE_LENGTH)) {
      b.returnFrom(this.player.position, half, 1, SPEED_UP, MAX_SPEED);
      this.returns += 1;
      this.aimRival();
      this.hit(this.player);
    } else if (b.vx > 0 && b.touches(RIGHT_X, this.rival.position, PADDLE_WIDTH, PADDLE_LENGTH)) {
      b.returnFrom(this.rival.position, half, -1, SPEED_UP, MAX_SPEED);
      this.rivalReturns += 1;
      this.hit(this.rival);
    }
  }

  private hit(paddle: Paddle) {
    playSfx(this, "bounce");
    this.tweens.add({ targets: paddle.sprite, scaleX: 1.5, duration: 70, yoyo: true });
    const burst = this.add.particles(paddle.sprite.x, this.ball.sprite.y, "spark", { speed: { min: 60, max: 200 }, lifespan: 350, scale: { start: 1, end: 0 }, tint: CONFIG.colors.accent, emitting: false });
    burst.explode(10);
    this.time.delayedCall(400, () => burst.destroy());
  }

  private point(side: "player" | "rival") {
    if (side === "player") this.score += 1;
    else this.rivalScore += 1;
    playSfx(this, side === "player" ? "collect" : "hit");
    this.cameras.main.flash(150, 255, 255, 255, false);
    this.hud.setScore(this.score);
    this.updateScoreboard();
    this.ball.stop();
    this.ball.sprite.setPosition(400, (TOP + BOTTOM) / 2);
    if (this.score >= CONFIG.goal.target || this.rivalScore >= CONFIG.goal.target) {
      this.finish();
      return;
    }
    this.hud.flash(side === "player" ? "Point!" : CONFIG.rules.opponent === "human" ? "Point right!" : "Computer scores");
    // The side that lost the point receives the next serve.
    this.serveSoon(side === "player" ? 1 : -1);
  }

  private serveSoon(direction: number) {
    this.serveDirection = direction;
    this.serveAt = this.time.now + SERVE_DELAY_MS;
  }

  private serve() {
    const points = this.score + this.rivalScore;
    // Rising speed: every point makes the next serve faster.
    const speed = SERVE_SPEED * (CONFIG.rules.rising ? 1 + points * 0.08 : 1);
    this.ball.serve(400, (TOP + BOTTOM) / 2, this.serveDirection, speed, this.rng.realInRange(-0.5, 0.5));
    this.aimRival();
  }

  /** The computer's aim for the coming ball: usually on it, sometimes (more often when it is easy) just off the paddle's end. */
  private aimRival() {
    const reach = (PADDLE_LENGTH / 2) * (1.2 + 0.4 / CONFIG.pace);
    this.rivalError = this.rng.realInRange(-reach, reach);
  }

  private updateScoreboard() {
    this.scoreboard.setText(this.score + " : " + this.rivalScore);
  }

  private finish() {
    this.ended = true;
    this.trail.stop();
    const won = this.score > this.rivalScore;
    const rival = CONFIG.rules.opponent === "human" ? "Right player" : "Computer";
    this.time.delayedCall(500, () =>
      this.scene.start("GameOver", { won, score: this.score, detail: "You " + this.score + " – " + this.rivalScore + " " + rival }),
    );
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    const player = { x: LEFT_X, y: Math.round(this.player.position) };
    const arriving = this.ball.vx < 0 ? this.ball.crossingY(LEFT_X + PADDLE_WIDTH) : null;
    return {
      screen: "playing",
      score: this.score,
      rivalScore: this.rivalScore,
      /** Points the other side still needs to win. */
      lives: CONFIG.goal.target - this.rivalScore,
      returns: this.returns,
      rivalReturns: this.rivalReturns,
      player,
      ball: { x: Math.round(this.ball.sprite.x), y: Math.round(this.ball.sprite.y) },
      ballSpeed: Math.round(this.ball.speed),
      /** Where the paddle should be: where the ball will cross its line (the middle while it moves away). */
      targets: [{ x: LEFT_X, y: Math.round(arriving ?? (TOP + BOTTOM) / 2) }],
    };
  }

  private drawCourt() {
    const line = shade(CONFIG.colors.text, -0.4);
    this.add.rectangle(400, TOP - 3, 800, 6, line).setOrigin(0.5, 1);
    this.add.rectangle(400, BOTTOM + 3, 800, 6, line).setOrigin(0.5, 0);
    for (let y = TOP + 12; y < BOTTOM; y += 34) this.add.rectangle(400, y, 6, 18, line, 0.6);
    this.add.circle(400, (TOP + BOTTOM) / 2, 60).setStrokeStyle(3, line, 0.35);
  }

  private makeTextures() {
    const paddle = (key: string, color: number) =>
      makeTexture(this, key, PADDLE_WIDTH + 8, PADDLE_LENGTH + 8, (g) => {
        g.fillStyle(color, 0.25).fillRoundedRect(0, 0, PADDLE_WIDTH + 8, PADDLE_LENGTH + 8, 10);
        g.fillStyle(color, 1).fillRoundedRect(4, 4, PADDLE_WIDTH, PADDLE_LENGTH, 8);
        g.fillStyle(0xffffff, 0.35).fillRoundedRect(7, 8, 5, PADDLE_LENGTH - 8, 3);
      });
    paddle("paddle-player", CONFIG.colors.player);
    paddle("paddle-rival", CONFIG.colors.hazard);
    makeTexture(this, "ball", BALL_RADIUS * 2 + 8, BALL_RADIUS * 2 + 8, (g) => {
      const c = BALL_RADIUS + 4;
      g.fillStyle(CONFIG.colors.accent, 0.3).fillCircle(c, c, BALL_RADIUS + 4);
      g.fillStyle(0xffffff, 1).fillCircle(c, c, BALL_RADIUS);
    });
  }
}
