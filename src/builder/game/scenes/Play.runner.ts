// Endless runner: the runner never stops; jump (twice in the air) over obstacles, grab coins,
// and reach the target distance. The world keeps speeding up.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { makeSpark, makeTexture, shade } from "../art";
import { nearest } from "../kit/nearest";

const GROUND_Y = 520;
const RUNNER_X = 170;
const JUMP_SPEED = 700;
const MAX_SPEED = 760;
const INVULNERABLE_MS = 2000;

export class PlayScene extends Phaser.Scene {
  private runner!: Phaser.Types.Physics.Arcade.SpriteWithDynamicBody;
  private ground!: Phaser.Types.Physics.Arcade.ImageWithStaticBody;
  private obstacles!: Phaser.Physics.Arcade.Group;
  private coins!: Phaser.Physics.Arcade.Group;
  /** Scenery that scrolls left at a fraction of the running speed (parallax) and wraps around. */
  private layers: { shape: Phaser.GameObjects.Shape | Phaser.GameObjects.Image; factor: number; span: number }[] = [];
  private controls!: Controls;
  private hud!: Hud;
  private rng!: Phaser.Math.RandomDataGenerator;
  private speed = 300;
  private metres = 0;
  private score = 0;
  private lives = CONFIG.lives;
  private jumpsLeft = 2;
  private spawnTimer = 0;
  private coinTimer = 0;
  private invulnerableUntil = 0;
  private ended = false;

  constructor() {
    super("Play");
  }

  create() {
    this.speed = this.baseSpeed();
    this.metres = 0;
    this.score = 0;
    this.lives = CONFIG.lives;
    this.spawnTimer = 2200;
    this.coinTimer = 2500;
    this.invulnerableUntil = 0;
    this.ended = false;
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed]);
    this.makeTextures();
    makeSpark(this);
    const { width } = this.scale;
    this.layScenery(width);
    this.ground = this.physics.add.staticImage(width / 2, GROUND_Y + 40, "ground-body").setVisible(false);

    this.runner = this.physics.add.sprite(RUNNER_X, GROUND_Y - 40, "runner").setDepth(5);
    this.runner.body.setSize(28, 44);
    this.add.particles(0, 0, "spark", {
      follow: this.runner,
      followOffset: { x: -12, y: 22 },
      speedX: { min: -160, max: -60 },
      speedY: { min: -40, max: 0 },
      scale: { start: 0.7, end: 0 },
      tint: shade(CONFIG.colors.text, 0.4),
      lifespan: 300,
      frequency: 60,
    }).setDepth(4);
    this.obstacles = this.physics.add.group({ allowGravity: false, immovable: true });
    this.coins = this.physics.add.group({ allowGravity: false });

    this.physics.add.collider(this.runner, this.ground);
    this.physics.add.overlap(this.runner, this.obstacles, (_r, obstacle) => this.hit(obstacle as Phaser.Physics.Arcade.Image));
    this.physics.add.overlap(this.runner, this.coins, (_r, coin) => this.collect(coin as Phaser.Physics.Arcade.Image));

    this.controls = new Controls(this);
    this.hud = new Hud(this);
    this.hud.setLives(this.lives);
    this.updateHud();
  }

  private layScenery(width: number) {
    this.layers = [];
    const far = shade(CONFIG.colors.background, -0.12);
    const near = shade(CONFIG.colors.background, -0.28);
    for (let i = 0; i < 5; i++) {
      const height = 220 + (i % 2) * 60;
      const peak = this.add.triangle(i * 250, GROUND_Y - height, 0, height, 150, 0, 300, height, far).setOrigin(0, 0);
      this.layers.push({ shape: peak, factor: 0.15, span: 1250 });
    }
    for (let i = 0; i < 4; i++) {
      this.layers.push({ shape: this.add.ellipse(i * 300 + 100, GROUND_Y, 320, 180, near), factor: 0.45, span: 1200 });
    }
    this.add.rectangle(0, GROUND_Y, width, 80, shade(CONFIG.colors.text, 0.15)).setOrigin(0);
    this.add.rectangle(0, GROUND_Y, width, 12, shade(CONFIG.colors.accent, -0.25)).setOrigin(0);
    for (let i = 0; i < 8; i++) {
      this.layers.push({ shape: this.add.image(i * 120, GROUND_Y + 30 + (i % 3) * 14, "pebble"), factor: 1, span: 960 });
    }
  }

  /** The first obstacle's speed sets the pace of the whole run. */
  private baseSpeed(): number {
    return (CONFIG.hazards[0]?.speed ?? 300) * CONFIG.pace;
  }

  update(_time: number, delta: number) {
    if (this.ended) return;
    const seconds = delta / 1000;
    this.speed = Math.min(MAX_SPEED, this.speed + seconds * 6 * CONFIG.pace);
    this.metres += (this.speed * seconds) / 10;
    for (const layer of this.layers) {
      layer.shape.x -= this.speed * seconds * layer.factor;
      if (layer.shape.x < -200) layer.shape.x += layer.span;
    }

    const body = this.runner.body;
    const onGround = body.blocked.down || body.touching.down;
    if (onGround) this.jumpsLeft = 2;
    if (this.controls.actionPressed() && this.jumpsLeft > 0) {
      this.runner.setVelocityY(-JUMP_SPEED * (this.jumpsLeft === 2 ? 1 : 0.85));
      playSfx(this, "jump");
      this.jumpsLeft -= 1;
    }
    // DOWN (or S) drops fast from a jump.
    if (this.controls.keyAxis().y > 0 && !onGround) this.runner.setVelocityY(Math.max(body.velocity.y, 600));
    this.runner.setAngle(onGround ? Math.sin(this.metres) * 6 : body.velocity.y / 40);
    this.runner.setAlpha(this.time.now < this.invulnerableUntil ? 0.35 + 0.35 * Math.sin(this.time.now / 50) : 1);

    for (const group of [this.obstacles, this.coins]) {
      for (const child of group.getChildren()) {
        const obj = child as Phaser.Physics.Arcade.Image;
        obj.x -= this.speed * seconds * ((obj.getData("factor") as number | undefined) ?? 1);
        if (obj.x < -60) {
          if (group === this.obstacles) this.score += 10;
          obj.destroy();
        }
      }
    }
    this.spawnTimer -= delta;
    if (this.spawnTimer <= 0) this.spawnObstacle();
    this.coinTimer -= delta;
    if (this.coinTimer <= 0) this.spawnCoins();

    if (this.metres >= CONFIG.goal.target) this.finish(true);
    this.updateHud();
  }

  private spawnObstacle() {
    // Gaps shrink as the world speeds up, but always leave room to land and jump again.
    const minGap = Math.max(650, 1500 - this.metres * 0.3) / CONFIG.pace;
    this.spawnTimer = minGap + this.rng.between(0, 900);
    if (CONFIG.hazards.length === 0) return;
    const index = this.rng.between(0, CONFIG.hazards.length - 1);
    const hazard = CONFIG.hazards[index];
    const flying = isFlying(hazard.name);
    const y = flying ? GROUND_Y - 120 : GROUND_Y - 22;
    const obstacle = this.obstacles.create(this.scale.width + 40, y, "hazard-" + index) as Phaser.Physics.Arcade.Image;
    obstacle.setData("factor", Math.max(0.8, hazard.speed / (CONFIG.hazards[0]?.speed ?? 300)));
    (obstacle.body as Phaser.Physics.Arcade.Body).setSize(obstacle.width * 0.75, obstacle.height * 0.8);
    if (flying) this.tweens.add({ targets: obstacle, y: y - 30, duration: 500, yoyo: true, repeat: -1, ease: "Sine.easeInOut" });
  }

  private spawnCoins() {
    this.coinTimer = 2200 + this.rng.between(0, 1800);
    if (!CONFIG.collectible) return;
    const count = Math.min(8, CONFIG.collectible.count);
    const high = this.rng.frac() < 0.5;
    for (let i = 0; i < count; i++) {
      const arc = Math.sin((i / Math.max(1, count - 1)) * Math.PI) * (high ? 120 : 40);
      const coin = this.coins.create(this.scale.width + 40 + i * 36, GROUND_Y - 60 - arc, "coin") as Phaser.Physics.Arcade.Image;
      this.tweens.add({ targets: coin, scaleX: 0.3, duration: 400, yoyo: true, repeat: -1 });
    }
  }

  private collect(coin: Phaser.Physics.Arcade.Image) {
    this.burst(coin.x, coin.y, CONFIG.colors.accent, 6);
    coin.destroy();
    this.score += 25;
    playSfx(this, "collect");
  }

  private hit(obstacle: Phaser.Physics.Arcade.Image) {
    if (this.time.now < this.invulnerableUntil || this.ended) return;
    this.burst(obstacle.x, obstacle.y, CONFIG.colors.hazard, 18);
    obstacle.destroy();
    this.lives -= 1;
    this.hud.setLives(this.lives);
    this.invulnerableUntil = this.time.now + INVULNERABLE_MS;
    this.speed = Math.max(this.baseSpeed(), this.speed * 0.8);
    this.cameras.main.shake(220, 0.012);
    if (this.lives <= 0) this.finish(false);
    else this.hud.flash("Ouch!");
  }

  private burst(x: number, y: number, tint: number, count: number) {
    const emitter = this.add.particles(x, y, "spark", { speed: { min: 60, max: 200 }, lifespan: 450, scale: { start: 1, end: 0 }, tint, emitting: false });
    emitter.explode(count);
    this.time.delayedCall(500, () => emitter.destroy());
  }

  private updateHud() {
    this.hud.setScore(this.score + Math.floor(this.metres));
    this.hud.setStatus(Math.floor(this.metres) + " / " + CONFIG.goal.target + " m");
  }

  private finish(won: boolean) {
    if (this.ended) return;
    this.ended = true;
    this.runner.setVelocity(0, 0);
    const total = this.score + Math.floor(this.metres);
    const detail = won ? "You ran all " + CONFIG.goal.target + " m!" : "You ran " + Math.floor(this.metres) + " m";
    this.time.delayedCall(500, () => this.scene.start("GameOver", { won, score: total, detail }));
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    const player = { x: Math.round(this.runner.x), y: Math.round(this.runner.y) };
    return {
      screen: "playing",
      score: this.score + Math.floor(this.metres),
      lives: this.lives,
      metres: Math.floor(this.metres),
      speed: Math.round(this.speed),
      player,
      obstacles: this.obstacles.countActive(),
      targets: nearest(player, this.coins.getMatching("active", true) as Phaser.GameObjects.Image[]),
      hazards: nearest(player, this.obstacles.getMatching("active", true) as Phaser.GameObjects.Image[]),
    };
  }

  private makeTextures() {
    makeTexture(this, "runner", 34, 48, (g) => {
      g.fillStyle(CONFIG.colors.player, 1).fillRoundedRect(4, 10, 26, 26, 8);
      g.fillStyle(shade(CONFIG.colors.player, 0.35), 1).fillCircle(17, 9, 9);
      g.fillStyle(0x000000, 1).fillCircle(21, 8, 2);
      g.fillStyle(shade(CONFIG.colors.player, -0.45), 1).fillRect(7, 36, 8, 12).fillRect(19, 36, 8, 12);
    });
    makeTexture(this, "coin", 20, 20, (g) => {
      g.fillStyle(CONFIG.colors.accent, 1).fillCircle(10, 10, 9);
      g.fillStyle(0xffffff, 0.6).fillCircle(7, 7, 3);
    });
    makeTexture(this, "pebble", 16, 6, (g) => {
      g.fillStyle(shade(CONFIG.colors.text, 0.3), 1).fillRoundedRect(0, 0, 16, 6, 3);
    });
    makeTexture(this, "ground-body", 800, 80, (g) => {
      g.fillStyle(0xffffff, 1).fillRect(0, 0, 800, 80);
    });
    CONFIG.hazards.forEach((hazard, index) => {
      const color = index === 0 ? CONFIG.colors.hazard : shade(CONFIG.colors.hazard, index % 2 ? -0.35 : 0.35);
      makeTexture(this, "hazard-" + index, 44, 44, (g) => {
        if (isFlying(hazard.name)) {
          g.fillStyle(color, 1).fillEllipse(22, 22, 26, 18);
          g.fillTriangle(10, 22, 0, 6, 18, 16).fillTriangle(34, 22, 44, 6, 26, 16);
          g.fillStyle(0xffffff, 1).fillCircle(27, 20, 3);
        } else if (/cact|spike/.test(hazard.name)) {
          g.fillStyle(color, 1).fillRoundedRect(16, 0, 12, 44, 6).fillRoundedRect(2, 12, 10, 18, 5).fillRoundedRect(32, 8, 10, 18, 5);
          g.fillRect(8, 24, 10, 6).fillRect(26, 20, 10, 6);
        } else {
          g.fillStyle(color, 1).fillRect(2, 2, 40, 40);
          g.lineStyle(4, shade(color, -0.4), 1).strokeRect(4, 4, 36, 36);
          g.lineBetween(4, 4, 40, 40).lineBetween(40, 4, 4, 40);
        }
      });
    });
  }
}

/** Birds, bats and drones fly at head height; everything else sits on the ground. */
function isFlying(name: string): boolean {
  return /bird|bat|drone|bee|wasp|ufo|ghost|dragon|fireball|meteor/.test(name);
}
