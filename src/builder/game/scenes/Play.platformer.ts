// Platformer: collect every coin on the level to unlock the door, stomp enemies from above,
// reach the door for the next level. Levels get more enemies and faster ones.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { makeSpark, makeTexture, shade } from "../art";
import { nearest } from "../kit/nearest";

const WORLD_WIDTH = 2000;
const GROUND_Y = 560;
const RUN_SPEED = 240;
const JUMP_SPEED = 560;
const INVULNERABLE_MS = 1800;

interface Ledge {
  x: number;
  y: number;
  width: number;
}

export class PlayScene extends Phaser.Scene {
  private hero!: Phaser.Types.Physics.Arcade.SpriteWithDynamicBody;
  private ledges!: Phaser.Physics.Arcade.StaticGroup;
  private coins!: Phaser.Physics.Arcade.Group;
  private enemies!: Phaser.Physics.Arcade.Group;
  private door!: Phaser.Types.Physics.Arcade.ImageWithStaticBody;
  private controls!: Controls;
  private hud!: Hud;
  private rng!: Phaser.Math.RandomDataGenerator;
  private level = 1;
  private score = 0;
  private lives = CONFIG.lives;
  private coinsLeft = 0;
  private jumpsLeft = 2;
  private invulnerableUntil = 0;
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
    this.invulnerableUntil = 0;
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed + ":" + this.level]);
    this.makeTextures();
    makeSpark(this);
    this.physics.world.setBounds(0, 0, WORLD_WIDTH, 600);
    this.cameras.main.setBounds(0, 0, WORLD_WIDTH, 600);
    // Distant hills drift slower than the level (parallax); shapes only draw their own pixels.
    for (let i = 0; i < 5; i++) {
      this.add.ellipse(i * 260, GROUND_Y, 360, 200, shade(CONFIG.colors.background, i % 2 ? -0.15 : -0.25)).setScrollFactor(0.3, 1);
    }

    this.ledges = this.physics.add.staticGroup();
    for (let x = 0; x < WORLD_WIDTH; x += 64) this.ledges.create(x + 32, GROUND_Y + 20, "ground");
    const layout = this.layLedges();

    this.coins = this.physics.add.group({ allowGravity: false, immovable: true });
    const perLevel = CONFIG.collectible ? CONFIG.collectible.count : 6;
    for (let i = 0; i < perLevel; i++) {
      const ledge = layout[i % layout.length];
      const coin = this.coins.create(ledge.x + this.rng.between(-ledge.width / 3, ledge.width / 3), ledge.y - 40, "coin") as Phaser.Physics.Arcade.Image;
      this.tweens.add({ targets: coin, y: coin.y - 8, duration: 600, yoyo: true, repeat: -1, ease: "Sine.easeInOut" });
    }
    this.coinsLeft = perLevel;

    this.door = this.physics.add.staticImage(WORLD_WIDTH - 80, GROUND_Y - 40, "door").setAlpha(0.4);

    this.enemies = this.physics.add.group();
    this.spawnEnemies(layout);

    this.hero = this.physics.add.sprite(80, GROUND_Y - 60, "hero").setCollideWorldBounds(true).setDepth(5);
    this.hero.body.setSize(28, 40);
    this.cameras.main.startFollow(this.hero, true, 0.1, 0.1);

    this.physics.add.collider(this.hero, this.ledges);
    this.physics.add.collider(this.enemies, this.ledges);
    this.physics.add.overlap(this.hero, this.coins, (_h, coin) => this.collect(coin as Phaser.Physics.Arcade.Image));
    this.physics.add.overlap(this.hero, this.enemies, (_h, enemy) => this.touchEnemy(enemy as Phaser.Physics.Arcade.Sprite));
    this.physics.add.overlap(this.hero, this.door, () => this.enterDoor());

    this.controls = new Controls(this);
    this.hud = new Hud(this);
    this.hud.setLives(this.lives);
    this.hud.flash("Level " + this.level);
    this.updateHud();
  }

  update() {
    if (this.ended) return;
    const body = this.hero.body;
    const keys = this.controls.keyAxis();
    const pointer = this.controls.pointerAxis(this.hero.x, this.hero.y, 24);
    const move = keys.x !== 0 ? keys.x : Math.abs(pointer.x) > 0.3 ? Math.sign(pointer.x) : 0;
    this.hero.setVelocityX(move * RUN_SPEED);
    if (move !== 0) this.hero.setFlipX(move < 0);

    const onGround = body.blocked.down || body.touching.down;
    if (onGround) this.jumpsLeft = 2;
    // Two jumps: one from the ground and one in the air, so missed ledges can be saved.
    if (this.controls.actionPressed() && this.jumpsLeft > 0) {
      this.hero.setVelocityY(-JUMP_SPEED);
      playSfx(this, "jump");
      this.jumpsLeft -= 1;
      this.tweens.add({ targets: this.hero, scaleY: 1.2, scaleX: 0.85, duration: 90, yoyo: true });
    }
    this.hero.setAngle(onGround ? Math.sin(this.time.now / 60) * (move !== 0 ? 6 : 0) : move * 10);
    this.hero.setAlpha(this.time.now < this.invulnerableUntil ? 0.35 + 0.35 * Math.sin(this.time.now / 50) : 1);

    for (const child of this.enemies.getChildren()) {
      const enemy = child as Phaser.Physics.Arcade.Sprite;
      const minX = enemy.getData("minX") as number;
      const maxX = enemy.getData("maxX") as number;
      const speed = enemy.getData("speed") as number;
      if (enemy.x <= minX) enemy.setVelocityX(speed);
      else if (enemy.x >= maxX) enemy.setVelocityX(-speed);
      enemy.setFlipX((enemy.body as Phaser.Physics.Arcade.Body).velocity.x > 0);
    }
  }

  /** Ledges climb and fall across the level; each is reachable from the one before. */
  private layLedges(): Ledge[] {
    const layout: Ledge[] = [];
    let x = 260;
    let y = GROUND_Y - 110;
    while (x < WORLD_WIDTH - 260) {
      const width = this.rng.pick([128, 192, 256]);
      layout.push({ x, y, width });
      for (let dx = -width / 2 + 32; dx < width / 2; dx += 64) this.ledges.create(x + dx, y, "ledge");
      x += width / 2 + this.rng.between(110, 190);
      y = Phaser.Math.Clamp(y + this.rng.pick([-110, -80, 0, 80, 110]), 200, GROUND_Y - 100);
    }
    return layout;
  }

  private spawnEnemies(layout: Ledge[]) {
    if (CONFIG.hazards.length === 0) return;
    const total = CONFIG.hazards.reduce((sum, h) => sum + h.count, 0) + this.level - 1;
    for (let i = 0; i < total; i++) {
      const hazardIndex = i % CONFIG.hazards.length;
      const hazard = CONFIG.hazards[hazardIndex];
      const onGround = i % 2 === 0;
      const ledge = layout[(i * 3 + 1) % layout.length];
      // Ground patrols are spread along the level (wrapping so many enemies still fit inside it).
      const minX = onGround ? 400 + ((i * 150) % (WORLD_WIDTH - 800)) : ledge.x - ledge.width / 2 + 16;
      const maxX = onGround ? minX + 300 : ledge.x + ledge.width / 2 - 16;
      const startY = onGround ? GROUND_Y - 30 : ledge.y - 40;
      const enemy = this.enemies.create((minX + maxX) / 2, startY, "enemy-" + hazardIndex) as Phaser.Physics.Arcade.Sprite;
      const speed = hazard.speed * CONFIG.pace * (1 + (this.level - 1) * 0.2);
      enemy.setData({ minX, maxX, speed }).setVelocityX(speed).setCollideWorldBounds(true);
    }
  }

  private collect(coin: Phaser.Physics.Arcade.Image) {
    this.burst(coin.x, coin.y, CONFIG.colors.accent);
    coin.destroy();
    this.score += 50;
    playSfx(this, "collect");
    this.coinsLeft -= 1;
    if (this.coinsLeft === 0) {
      this.door.setAlpha(1);
      this.tweens.add({ targets: this.door, scale: 1.15, duration: 400, yoyo: true, repeat: -1 });
      this.hud.flash("The door is open!");
    }
    this.updateHud();
  }

  private touchEnemy(enemy: Phaser.Physics.Arcade.Sprite) {
    if (this.ended) return;
    const falling = this.hero.body.velocity.y > 0;
    if (falling && this.hero.y < enemy.y - 10) {
      this.burst(enemy.x, enemy.y, CONFIG.colors.hazard);
      enemy.destroy();
      this.hero.setVelocityY(-JUMP_SPEED * 0.6);
      playSfx(this, "pop");
      this.score += 100;
      this.updateHud();
      return;
    }
    if (this.time.now < this.invulnerableUntil) return;
    this.lives -= 1;
    this.hud.setLives(this.lives);
    this.invulnerableUntil = this.time.now + INVULNERABLE_MS;
    this.hero.setVelocity(this.hero.x < enemy.x ? -260 : 260, -300);
    this.cameras.main.shake(200, 0.01);
    if (this.lives <= 0) this.finish(false);
  }

  private enterDoor() {
    if (this.coinsLeft > 0 || this.ended) return;
    this.ended = true;
    this.score += 250 * this.level;
    playSfx(this, "level");
    if (this.level >= CONFIG.goal.target) {
      this.finish(true);
      return;
    }
    this.cameras.main.fadeOut(400);
    this.time.delayedCall(450, () => this.scene.restart({ level: this.level + 1, score: this.score, lives: this.lives }));
  }

  private burst(x: number, y: number, tint: number) {
    const emitter = this.add.particles(x, y, "spark", { speed: { min: 60, max: 200 }, lifespan: 500, scale: { start: 1, end: 0 }, tint, emitting: false });
    emitter.explode(14);
    this.time.delayedCall(600, () => emitter.destroy());
  }

  private updateHud() {
    this.hud.setScore(this.score);
    const name = CONFIG.collectible ? CONFIG.collectible.name : "coins";
    this.hud.setStatus("Level " + this.level + "/" + CONFIG.goal.target + "   " + name + " left: " + this.coinsLeft);
  }

  private finish(won: boolean) {
    this.ended = true;
    const detail = won ? "You cleared all " + CONFIG.goal.target + " levels!" : "Fell on level " + this.level;
    this.time.delayedCall(400, () => this.scene.start("GameOver", { won, score: this.score, detail }));
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    const player = { x: Math.round(this.hero.x), y: Math.round(this.hero.y) };
    return {
      screen: "playing",
      score: this.score,
      lives: this.lives,
      level: this.level,
      coinsLeft: this.coinsLeft,
      player,
      enemies: this.enemies.countActive(),
      /** Nearest coins and enemies, in world coordinates like player. */
      targets: nearest(player, this.coins.getMatching("active", true) as Phaser.GameObjects.Image[]),
      hazards: nearest(player, this.enemies.getMatching("active", true) as Phaser.GameObjects.Image[]),
    };
  }

  private makeTextures() {
    makeTexture(this, "hero", 32, 44, (g) => {
      g.fillStyle(CONFIG.colors.player, 1).fillRoundedRect(2, 8, 28, 30, 8);
      g.fillStyle(shade(CONFIG.colors.player, -0.4), 1).fillRect(6, 38, 8, 6).fillRect(18, 38, 8, 6);
      g.fillStyle(0xffffff, 1).fillCircle(11, 18, 5).fillCircle(22, 18, 5);
      g.fillStyle(0x000000, 1).fillCircle(12, 18, 2).fillCircle(23, 18, 2);
      g.fillStyle(shade(CONFIG.colors.player, 0.3), 1).fillRoundedRect(4, 0, 24, 10, 4);
    });
    makeTexture(this, "ground", 64, 40, (g) => {
      g.fillStyle(shade(CONFIG.colors.text, 0.2), 1).fillRect(0, 0, 64, 40);
      g.fillStyle(shade(CONFIG.colors.accent, -0.2), 1).fillRect(0, 0, 64, 10);
    });
    makeTexture(this, "ledge", 64, 20, (g) => {
      g.fillStyle(shade(CONFIG.colors.text, 0.35), 1).fillRoundedRect(0, 0, 64, 20, 4);
      g.fillStyle(shade(CONFIG.colors.accent, -0.1), 1).fillRoundedRect(0, 0, 64, 7, 3);
    });
    makeTexture(this, "coin", 22, 22, (g) => {
      g.fillStyle(CONFIG.colors.accent, 1).fillCircle(11, 11, 10);
      g.fillStyle(0xffffff, 0.6).fillCircle(8, 8, 3);
    });
    makeTexture(this, "door", 48, 80, (g) => {
      g.fillStyle(shade(CONFIG.colors.accent, -0.5), 1).fillRoundedRect(0, 0, 48, 80, { tl: 24, tr: 24, bl: 0, br: 0 });
      g.fillStyle(CONFIG.colors.accent, 1).fillCircle(38, 44, 4);
    });
    CONFIG.hazards.forEach((_hazard, index) => {
      const color = index === 0 ? CONFIG.colors.hazard : shade(CONFIG.colors.hazard, index % 2 ? -0.35 : 0.35);
      makeTexture(this, "enemy-" + index, 36, 30, (g) => {
        g.fillStyle(color, 1).fillEllipse(18, 18, 36, 24);
        g.fillStyle(0xffffff, 1).fillCircle(11, 14, 5).fillCircle(25, 14, 5);
        g.fillStyle(0x000000, 1).fillCircle(10, 15, 2).fillCircle(24, 15, 2);
        g.fillStyle(shade(color, -0.4), 1).fillTriangle(8, 6, 14, 8, 10, 0).fillTriangle(28, 6, 22, 8, 26, 0);
      });
    });
  }
}
