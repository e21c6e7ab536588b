// Breakout: keep the ball in play with the paddle, clear every brick, dodge falling bombs,
// catch power-ups for a wider paddle. Each level adds a row and speeds the ball up.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { makeSpark, makeTexture, shade } from "../art";
import { nearest } from "../kit/nearest";

const PADDLE_Y = 560;
const PADDLE_SPEED = 560;
const BALL_SPEED = 340;
const BRICK_WIDTH = 64;
const BRICK_HEIGHT = 24;
const COLUMNS = 10;
const WIDE_MS = 9000;

export class PlayScene extends Phaser.Scene {
  private paddle!: Phaser.Types.Physics.Arcade.ImageWithDynamicBody;
  private ball!: Phaser.Types.Physics.Arcade.ImageWithDynamicBody;
  private bricks!: Phaser.Physics.Arcade.StaticGroup;
  private bombs!: Phaser.Physics.Arcade.Group;
  private powerUps!: Phaser.Physics.Arcade.Group;
  private controls!: Controls;
  private hud!: Hud;
  private rng!: Phaser.Math.RandomDataGenerator;
  private level = 1;
  private score = 0;
  private lives = CONFIG.lives;
  private served = false;
  private serveTimer = 0;
  private bombTimer = 0;
  private wideUntil = 0;
  private ended = false;

  constructor() {
    super("Play");
  }

  init(data: { level?: number; score?: number; lives?: number }) {
    this.level = data.level ?? 1;
    this.score = data.score ?? 0;
    this.lives = data.lives ?? CONFIG.lives;
  }

  create() {
    this.ended = false;
    this.wideUntil = 0;
    this.bombTimer = 3000;
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed + ":" + this.level]);
    this.makeTextures();
    makeSpark(this);
    this.physics.world.setBoundsCollision(true, true, true, false);

    this.bricks = this.physics.add.staticGroup();
    const rows = Math.min(8, 3 + this.level);
    const left = (this.scale.width - COLUMNS * BRICK_WIDTH) / 2 + BRICK_WIDTH / 2;
    for (let row = 0; row < rows; row++) {
      for (let col = 0; col < COLUMNS; col++) {
        // Patterned gaps make every level look different.
        if ((row + col + this.level) % 7 === 0) continue;
        const brick = this.bricks.create(left + col * BRICK_WIDTH, 100 + row * (BRICK_HEIGHT + 6), "brick-" + (row % 4)) as Phaser.Physics.Arcade.Image;
        brick.setData("hp", row < this.level - 1 ? 2 : 1);
      }
    }

    this.paddle = this.physics.add.image(this.scale.width / 2, PADDLE_Y, "paddle").setImmovable(true).setCollideWorldBounds(true);
    this.paddle.body.allowGravity = false;
    this.ball = this.physics.add.image(this.paddle.x, PADDLE_Y - 24, "ball").setCollideWorldBounds(true).setBounce(1);
    this.ball.body.setCircle(9);
    this.add.particles(0, 0, "spark", { follow: this.ball, scale: { start: 0.8, end: 0 }, alpha: { start: 0.6, end: 0 }, tint: CONFIG.colors.accent, lifespan: 250, frequency: 25 });
    this.bombs = this.physics.add.group();
    this.powerUps = this.physics.add.group();

    this.physics.add.collider(this.ball, this.paddle, () => this.bounceOffPaddle());
    this.physics.add.collider(this.ball, this.bricks, (_b, brick) => this.hitBrick(brick as Phaser.Physics.Arcade.Image));
    this.physics.add.overlap(this.paddle, this.bombs, (_p, bomb) => this.bombHit(bomb as Phaser.Physics.Arcade.Image));
    this.physics.add.overlap(this.paddle, this.powerUps, (_p, item) => this.widen(item as Phaser.Physics.Arcade.Image));

    this.controls = new Controls(this);
    this.hud = new Hud(this);
    this.hud.setLives(this.lives);
    this.hud.flash("Level " + this.level);
    this.resetBall();
    this.updateHud();
  }

  update(time: number, delta: number) {
    if (this.ended) return;
    const keys = this.controls.keyAxis();
    const pointerX = this.controls.pointerWorldX();
    if (keys.x !== 0) this.paddle.setVelocityX(keys.x * PADDLE_SPEED);
    else if (pointerX !== null) this.paddle.setVelocityX(Phaser.Math.Clamp((pointerX - this.paddle.x) * 10, -PADDLE_SPEED, PADDLE_SPEED));
    else this.paddle.setVelocityX(0);
    this.paddle.setScale(time < this.wideUntil ? 1.6 : 1, 1);

    if (!this.served) {
      this.ball.setPosition(this.paddle.x, PADDLE_Y - 24);
      this.serveTimer -= delta;
      // Serve on SPACE/tap, or by itself after a moment so the game never stalls.
      if (this.controls.actionPressed() || this.serveTimer <= 0) this.serve();
    } else if (this.ball.y > this.scale.height + 20) {
      this.loseLife();
    }

    this.bombTimer -= delta;
    if (this.bombTimer <= 0) this.dropBomb();
    for (const group of [this.bombs, this.powerUps]) {
      for (const child of group.getChildren()) {
        if ((child as Phaser.Physics.Arcade.Image).y > this.scale.height + 30) child.destroy();
      }
    }
  }

  private resetBall() {
    this.served = false;
    this.serveTimer = 1500;
    this.ball.setVelocity(0, 0);
  }

  private serve() {
    this.served = true;
    const speed = this.ballSpeed();
    const angle = Phaser.Math.DegToRad(this.rng.between(-60, -120));
    this.ball.setVelocity(Math.cos(angle) * speed, Math.sin(angle) * speed);
  }

  private ballSpeed(): number {
    return BALL_SPEED * (0.85 + 0.15 * CONFIG.pace) * (1 + (this.level - 1) * 0.12);
  }

  /** Where the ball lands on the paddle sets its angle, so players can aim. */
  private bounceOffPaddle() {
    playSfx(this, "bounce");
    const offset = Phaser.Math.Clamp((this.ball.x - this.paddle.x) / (this.paddle.displayWidth / 2), -1, 1);
    const angle = Phaser.Math.DegToRad(-90 + offset * 60);
    const speed = this.ballSpeed();
    this.ball.setVelocity(Math.cos(angle) * speed, Math.sin(angle) * speed);
  }

  private hitBrick(brick: Phaser.Physics.Arcade.Image) {
    playSfx(this, "pop");
    const hp = (brick.getData("hp") as number) - 1;
    if (hp > 0) {
      brick.setData("hp", hp).setAlpha(0.6);
      this.score += 5;
      return;
    }
    this.burst(brick.x, brick.y, CONFIG.colors.accent);
    if (CONFIG.collectible && this.rng.frac() < 0.1) {
      const item = this.powerUps.create(brick.x, brick.y, "power") as Phaser.Physics.Arcade.Image;
      item.setVelocityY(150);
    }
    brick.destroy();
    this.score += 10 * this.level;
    this.updateHud();
    if (this.bricks.countActive() === 0) this.levelCleared();
  }

  private dropBomb() {
    this.bombTimer = Math.max(900, 3200 / (CONFIG.pace * (1 + (this.level - 1) * 0.3))) + this.rng.between(0, 1200);
    if (CONFIG.hazards.length === 0 || !this.served) return;
    const index = this.rng.between(0, CONFIG.hazards.length - 1);
    const hazard = CONFIG.hazards[index];
    if (this.bombs.countActive() >= hazard.count + this.level - 1) return;
    const bomb = this.bombs.create(this.rng.between(60, this.scale.width - 60), 70, "bomb-" + index) as Phaser.Physics.Arcade.Image;
    bomb.setVelocityY(hazard.speed * CONFIG.pace);
    this.tweens.add({ targets: bomb, angle: 360, duration: 900, repeat: -1 });
  }

  private bombHit(bomb: Phaser.Physics.Arcade.Image) {
    this.burst(bomb.x, bomb.y, CONFIG.colors.hazard);
    bomb.destroy();
    this.cameras.main.shake(200, 0.01);
    this.loseLife();
  }

  private widen(item: Phaser.Physics.Arcade.Image) {
    item.destroy();
    this.wideUntil = this.time.now + WIDE_MS;
    this.score += 50;
    playSfx(this, "collect");
    this.hud.flash("Wide paddle!");
  }

  private loseLife() {
    this.lives -= 1;
    this.hud.setLives(this.lives);
    if (this.lives <= 0) {
      this.finish(false);
      return;
    }
    this.hud.flash("Ball lost!");
    this.resetBall();
  }

  private levelCleared() {
    this.ended = true;
    this.ball.setVelocity(0, 0);
    playSfx(this, "level");
    if (this.level >= CONFIG.goal.target) {
      this.finish(true);
      return;
    }
    this.time.delayedCall(600, () => this.scene.restart({ level: this.level + 1, score: this.score + 100 * this.level, lives: this.lives }));
  }

  private burst(x: number, y: number, tint: number) {
    const emitter = this.add.particles(x, y, "spark", { speed: { min: 60, max: 200 }, lifespan: 450, scale: { start: 1, end: 0 }, tint, emitting: false });
    emitter.explode(12);
    this.time.delayedCall(500, () => emitter.destroy());
  }

  private updateHud() {
    this.hud.setScore(this.score);
    this.hud.setStatus("Level " + this.level + "/" + CONFIG.goal.target + "   bricks " + this.bricks.countActive());
  }

  private finish(won: boolean) {
    this.ended = true;
    this.ball.setVelocity(0, 0);
    const detail = won ? "Every wall smashed!" : "Out of balls on level " + this.level;
    this.time.delayedCall(500, () => this.scene.start("GameOver", { won, score: this.score, detail }));
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    const player = { x: Math.round(this.paddle.x), y: Math.round(this.paddle.y) };
    return {
      screen: "playing",
      score: this.score,
      lives: this.lives,
      level: this.level,
      bricks: this.bricks.countActive(),
      served: this.served,
      player,
      ball: { x: Math.round(this.ball.x), y: Math.round(this.ball.y) },
      /** Where the paddle should be: under the ball. */
      targets: [{ x: Math.round(this.ball.x), y: player.y }],
      hazards: nearest(player, this.bombs.getMatching("active", true) as Phaser.GameObjects.Image[]),
    };
  }

  private makeTextures() {
    makeTexture(this, "paddle", 110, 18, (g) => {
      g.fillStyle(CONFIG.colors.player, 1).fillRoundedRect(0, 0, 110, 18, 9);
      g.fillStyle(0xffffff, 0.4).fillRoundedRect(8, 3, 94, 5, 2);
    });
    makeTexture(this, "ball", 18, 18, (g) => {
      g.fillStyle(0xffffff, 1).fillCircle(9, 9, 9);
      g.fillStyle(CONFIG.colors.accent, 1).fillCircle(9, 9, 6);
    });
    const rowColors = [CONFIG.colors.accent, CONFIG.colors.hazard, CONFIG.colors.player, shade(CONFIG.colors.accent, -0.35)];
    rowColors.forEach((color, row) => {
      makeTexture(this, "brick-" + row, BRICK_WIDTH - 4, BRICK_HEIGHT, (g) => {
        g.fillStyle(color, 1).fillRoundedRect(0, 0, BRICK_WIDTH - 4, BRICK_HEIGHT, 5);
        g.fillStyle(0xffffff, 0.3).fillRect(4, 3, BRICK_WIDTH - 12, 4);
        g.fillStyle(0x000000, 0.2).fillRect(4, BRICK_HEIGHT - 5, BRICK_WIDTH - 12, 3);
      });
    });
    makeTexture(this, "power", 28, 16, (g) => {
      g.fillStyle(CONFIG.colors.accent, 1).fillRoundedRect(0, 0, 28, 16, 8);
      g.fillStyle(0xffffff, 1).fillRect(6, 7, 16, 3);
    });
    CONFIG.hazards.forEach((_hazard, index) => {
      const color = index === 0 ? CONFIG.colors.hazard : shade(CONFIG.colors.hazard, index % 2 ? -0.35 : 0.35);
      makeTexture(this, "bomb-" + index, 24, 28, (g) => {
        g.fillStyle(color, 1).fillCircle(12, 16, 11);
        g.fillStyle(0xffd166, 1).fillRect(10, 0, 4, 6);
        g.fillStyle(0xffffff, 0.5).fillCircle(8, 12, 3);
      });
    });
  }
}
