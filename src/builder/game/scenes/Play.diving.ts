// Deep-sea diving: swim in 8 directions, collect everything on the sea floor, dodge the creatures,
// and come up for air (or catch rising bubbles) before the oxygen runs out.
import Phaser from "phaser";
import { CONFIG, type HazardSettings } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { makeSpark, makeTexture, shade } from "../art";
import { nearest } from "../kit/nearest";

const WORLD_WIDTH = 800;
const WORLD_HEIGHT = 2400;
const SURFACE_Y = 140;
const SWIM_SPEED = 240;
/** Seconds a full tank lasts underwater. */
const OXYGEN_SECONDS = 34 / CONFIG.pace;
const BUBBLE_OXYGEN = 0.35;
const INVULNERABLE_MS = 2000;

export class PlayScene extends Phaser.Scene {
  private diver!: Phaser.Types.Physics.Arcade.ImageWithDynamicBody;
  private creatures!: Phaser.Physics.Arcade.Group;
  private treasures!: Phaser.Physics.Arcade.Group;
  private bubbles!: Phaser.Physics.Arcade.Group;
  private controls!: Controls;
  private hud!: Hud;
  private oxygenBar!: Phaser.GameObjects.Graphics;
  private rng!: Phaser.Math.RandomDataGenerator;
  private score = 0;
  private lives = CONFIG.lives;
  private oxygen = 1;
  private collected = 0;
  private target = 1;
  private creatureSpeedScale = 1;
  private invulnerableUntil = 0;
  private ended = false;

  constructor() {
    super("Play");
  }

  create() {
    this.score = 0;
    this.lives = CONFIG.lives;
    this.oxygen = 1;
    this.collected = 0;
    this.creatureSpeedScale = 1;
    this.invulnerableUntil = 0;
    this.ended = false;
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed]);
    this.makeTextures();

    this.physics.world.setBounds(0, SURFACE_Y - 40, WORLD_WIDTH, WORLD_HEIGHT - SURFACE_Y + 40);
    this.cameras.main.setBounds(0, 0, WORLD_WIDTH, WORLD_HEIGHT);
    this.events.once("shutdown", () => this.setWaterColor(CONFIG.colors.background));
    this.drawSea();

    this.treasures = this.physics.add.group({ allowGravity: false, immovable: true });
    const count = CONFIG.collectible ? CONFIG.collectible.count : 8;
    this.target = count;
    for (let i = 0; i < count; i++) {
      // Spread treasure from shallow to deep so the player has to go down for the last ones.
      const y = Phaser.Math.Linear(SURFACE_Y + 260, WORLD_HEIGHT - 80, (i + this.rng.frac()) / count);
      const shell = this.treasures.create(this.rng.between(60, WORLD_WIDTH - 60), y, "pearl") as Phaser.Physics.Arcade.Image;
      this.tweens.add({ targets: shell, scale: 1.2, duration: 700 + this.rng.between(0, 400), yoyo: true, repeat: -1 });
    }

    this.creatures = this.physics.add.group({ allowGravity: false });
    CONFIG.hazards.forEach((hazard, index) => this.spawnCreatures(hazard, index));

    this.bubbles = this.physics.add.group({ allowGravity: false });
    this.time.addEvent({ delay: 1800, loop: true, callback: () => this.releaseBubble() });

    this.diver = this.physics.add.image(WORLD_WIDTH / 2, SURFACE_Y + 40, "diver").setCollideWorldBounds(true).setDepth(5);
    this.diver.body.setSize(40, 26);
    this.cameras.main.startFollow(this.diver, true, 0.12, 0.12);
    makeSpark(this);
    this.add.particles(0, 0, "spark", {
      follow: this.diver,
      followOffset: { x: 0, y: -10 },
      speedY: { min: -90, max: -40 },
      speedX: { min: -15, max: 15 },
      scale: { start: 0.6, end: 0.1 },
      alpha: { start: 0.7, end: 0 },
      lifespan: 1400,
      frequency: 220,
    }).setDepth(4);

    this.physics.add.overlap(this.diver, this.treasures, (_d, t) => this.collect(t as Phaser.Physics.Arcade.Image));
    this.physics.add.overlap(this.diver, this.bubbles, (_d, b) => this.breathe(b as Phaser.Physics.Arcade.Image));
    this.physics.add.overlap(this.diver, this.creatures, () => this.hurt("Stung!"));

    this.oxygenBar = this.add.graphics().setScrollFactor(0).setDepth(100);
    this.controls = new Controls(this);
    this.hud = new Hud(this);
    this.hud.setLives(this.lives);
    this.updateHud();
  }

  update(_time: number, delta: number) {
    if (this.ended) return;
    const seconds = delta / 1000;
    const axis = this.controls.axis(this.diver.x, this.diver.y);
    const body = this.diver.body;
    // Water drag: velocity eases toward the wanted direction instead of snapping.
    body.velocity.x = Phaser.Math.Linear(body.velocity.x, axis.x * SWIM_SPEED, 0.12);
    body.velocity.y = Phaser.Math.Linear(body.velocity.y, axis.y * SWIM_SPEED + 12, 0.12);
    if (axis.x !== 0) this.diver.setFlipX(axis.x < 0);
    this.diver.setAlpha(this.time.now < this.invulnerableUntil ? 0.4 + 0.4 * Math.sin(this.time.now / 60) : 1);

    const atSurface = this.diver.y < SURFACE_Y + 20;
    this.oxygen = atSurface ? Math.min(1, this.oxygen + seconds * 0.6) : this.oxygen - seconds / OXYGEN_SECONDS;
    if (this.oxygen <= 0) this.drown();

    for (const child of this.creatures.getChildren()) {
      const creature = child as Phaser.Physics.Arcade.Image;
      const base = creature.getData("speed") as number;
      const phase = creature.getData("phase") as number;
      creature.setVelocityY(Math.sin(this.time.now / 600 + phase) * base * 0.6 * this.creatureSpeedScale);
      creature.setFlipX((creature.body as Phaser.Physics.Arcade.Body).velocity.x < 0);
    }
    for (const child of this.bubbles.getChildren()) {
      const bubble = child as Phaser.Physics.Arcade.Image;
      if (bubble.y < SURFACE_Y) bubble.destroy();
    }

    // The water darkens the deeper the diver goes.
    const depth = Phaser.Math.Clamp((this.cameras.main.scrollY + 300 - SURFACE_Y) / (WORLD_HEIGHT - SURFACE_Y), 0, 1);
    this.setWaterColor(shade(CONFIG.colors.background, -depth * 0.8));
    this.updateHud();
  }

  /**
   * The water is the renderer's clear colour, darkened with depth. Changing the clear colour is
   * free, while a camera background would paint the whole screen again every frame.
   */
  private setWaterColor(color: number) {
    const renderer = this.renderer as unknown as { config?: { backgroundColor?: Phaser.Display.Color } };
    renderer.config?.backgroundColor?.setFromRGB(Phaser.Display.Color.IntegerToRGB(color));
  }

  /** Sky, waves, light rays and the sea floor; the water itself is the clear colour (see setWaterColor). */
  private drawSea() {
    this.add.rectangle(0, 0, WORLD_WIDTH, SURFACE_Y, shade(CONFIG.colors.background, 0.55)).setOrigin(0);
    const waves = this.add.tileSprite(0, SURFACE_Y - 8, WORLD_WIDTH, 16, "wave").setOrigin(0);
    this.tweens.add({ targets: waves, tilePositionX: 64, duration: 1500, repeat: -1 });
    for (let i = 0; i < 3; i++) {
      const ray = this.add.triangle(150 + i * 220, SURFACE_Y, 0, 0, 40, 0, 110, 420, 0xffffff, 0.07).setOrigin(0);
      this.tweens.add({ targets: ray, alpha: 0.02, duration: 1600 + i * 300, yoyo: true, repeat: -1 });
    }
    this.add.image(0, WORLD_HEIGHT - 50, "seabed").setOrigin(0);
    for (let i = 0; i < 14; i++) {
      const weed = this.add.image(this.rng.between(10, WORLD_WIDTH - 10), WORLD_HEIGHT - 20, "weed").setOrigin(0.5, 1);
      this.tweens.add({ targets: weed, angle: { from: -8, to: 8 }, duration: 1400 + this.rng.between(0, 900), yoyo: true, repeat: -1, ease: "Sine.easeInOut" });
    }
  }

  private spawnCreatures(hazard: HazardSettings, index: number) {
    const texture = "creature-" + index;
    for (let i = 0; i < hazard.count; i++) {
      const y = this.rng.between(SURFACE_Y + 220, WORLD_HEIGHT - 120);
      const creature = this.creatures.create(this.rng.between(40, WORLD_WIDTH - 40), y, texture) as Phaser.Physics.Arcade.Image;
      const speed = hazard.speed * CONFIG.pace;
      creature.setData("speed", speed).setData("phase", this.rng.frac() * Math.PI * 2);
      creature.setVelocityX(this.rng.pick([-1, 1]) * speed).setBounce(1, 1).setCollideWorldBounds(true);
      (creature.body as Phaser.Physics.Arcade.Body).setSize(creature.width * 0.7, creature.height * 0.7);
    }
  }

  private releaseBubble() {
    if (this.ended) return;
    const x = this.rng.between(40, WORLD_WIDTH - 40);
    const bubble = this.bubbles.create(x, WORLD_HEIGHT - 30, "bubble") as Phaser.Physics.Arcade.Image;
    bubble.setVelocityY(-70 - this.rng.between(0, 40));
    this.tweens.add({ targets: bubble, x: x + 24, duration: 900, yoyo: true, repeat: -1, ease: "Sine.easeInOut" });
  }

  private collect(item: Phaser.Physics.Arcade.Image) {
    const depthBonus = Math.round((item.y - SURFACE_Y) / 20);
    this.score += 100 + depthBonus;
    this.collected += 1;
    playSfx(this, "collect");
    this.burst(item.x, item.y, CONFIG.colors.accent);
    item.destroy();
    // Each find stirs the sea a little: creatures speed up as you collect.
    this.creatureSpeedScale += 0.08;
    for (const child of this.creatures.getChildren()) {
      const body = (child as Phaser.Physics.Arcade.Image).body as Phaser.Physics.Arcade.Body;
      body.velocity.x = Math.sign(body.velocity.x || 1) * ((child as Phaser.Physics.Arcade.Image).getData("speed") as number) * this.creatureSpeedScale;
    }
    if (this.collected >= this.target) this.finish(true);
    else this.hud.flash("+" + (100 + depthBonus));
  }

  private breathe(bubble: Phaser.Physics.Arcade.Image) {
    this.oxygen = Math.min(1, this.oxygen + BUBBLE_OXYGEN);
    this.score += 5;
    playSfx(this, "pop");
    this.burst(bubble.x, bubble.y, 0xffffff);
    bubble.destroy();
  }

  private hurt(message: string) {
    if (this.time.now < this.invulnerableUntil || this.ended) return;
    this.lives -= 1;
    this.hud.setLives(this.lives);
    this.invulnerableUntil = this.time.now + INVULNERABLE_MS;
    this.cameras.main.shake(200, 0.01);
    this.diver.setVelocity(0, -260);
    if (this.lives <= 0) this.finish(false);
    else this.hud.flash(message);
  }

  private drown() {
    this.oxygen = 1;
    this.invulnerableUntil = 0;
    this.hurt("Out of air!");
    if (!this.ended) this.diver.setPosition(this.diver.x, SURFACE_Y + 30);
  }

  private burst(x: number, y: number, tint: number) {
    const emitter = this.add.particles(x, y, "spark", { speed: { min: 60, max: 180 }, lifespan: 600, scale: { start: 1, end: 0 }, tint, emitting: false });
    emitter.explode(16);
    this.time.delayedCall(700, () => emitter.destroy());
  }

  private updateHud() {
    this.hud.setScore(this.score);
    const name = CONFIG.collectible ? CONFIG.collectible.name : "treasure";
    const depth = Math.max(0, Math.round((this.diver.y - SURFACE_Y) / 10));
    this.hud.setStatus(name + ": " + this.collected + "/" + this.target + "   depth " + depth + " m");
    const g = this.oxygenBar.clear();
    g.fillStyle(0x000000, 0.5).fillRoundedRect(this.scale.width - 220, 44, 204, 18, 6);
    g.fillStyle(this.oxygen > 0.25 ? 0x4cc9f0 : 0xff4d6d, 1).fillRoundedRect(this.scale.width - 218, 46, 200 * Math.max(0, this.oxygen), 14, 5);
  }

  private finish(won: boolean) {
    if (this.ended) return;
    this.ended = true;
    const name = CONFIG.collectible ? CONFIG.collectible.name : "treasure";
    this.time.delayedCall(400, () =>
      this.scene.start("GameOver", { won, score: this.score, detail: "Collected " + this.collected + " of " + this.target + " " + name }),
    );
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    const player = { x: Math.round(this.diver.x), y: Math.round(this.diver.y) };
    return {
      screen: "playing",
      score: this.score,
      lives: this.lives,
      oxygen: Math.round(this.oxygen * 100),
      collected: this.collected,
      target: this.target,
      player,
      creatures: this.creatures.countActive(),
      /** Nearest treasure and creatures, in world coordinates like player. */
      targets: nearest(player, this.treasures.getMatching("active", true) as Phaser.GameObjects.Image[]),
      hazards: nearest(player, this.creatures.getMatching("active", true) as Phaser.GameObjects.Image[]),
    };
  }

  private makeTextures() {
    makeTexture(this, "diver", 56, 32, (g) => {
      g.fillStyle(CONFIG.colors.player, 1).fillEllipse(26, 16, 44, 20);
      g.fillStyle(0x333333, 1).fillRect(10, 4, 14, 8);
      g.fillStyle(0xbde0fe, 1).fillCircle(44, 14, 8);
      g.fillStyle(0x222222, 1).fillTriangle(0, 10, 8, 16, 0, 24);
    });
    makeTexture(this, "pearl", 30, 24, (g) => {
      g.fillStyle(shade(CONFIG.colors.accent, -0.3), 1).fillEllipse(15, 16, 30, 14);
      g.fillStyle(CONFIG.colors.accent, 1).fillCircle(15, 10, 8);
      g.fillStyle(0xffffff, 0.8).fillCircle(12, 7, 3);
    });
    makeTexture(this, "bubble", 22, 22, (g) => {
      g.lineStyle(2, 0xffffff, 0.9).strokeCircle(11, 11, 9);
      g.fillStyle(0xffffff, 0.25).fillCircle(11, 11, 9);
      g.fillStyle(0xffffff, 0.9).fillCircle(8, 7, 2);
    });
    makeTexture(this, "wave", 64, 16, (g) => {
      g.fillStyle(0xffffff, 0.5);
      for (let x = 0; x < 64; x += 16) g.fillCircle(x + 8, 10, 8);
    });
    makeTexture(this, "seabed", WORLD_WIDTH, 50, (g) => {
      g.fillStyle(shade(CONFIG.colors.accent, -0.6), 1);
      for (let x = 0; x <= WORLD_WIDTH; x += 40) g.fillCircle(x, 50, 30 + ((x * 7) % 20));
    });
    makeTexture(this, "weed", 16, 90, (g) => {
      g.fillStyle(0x2a9d8f, 1).fillEllipse(8, 45, 10, 90);
    });
    CONFIG.hazards.forEach((hazard, index) => {
      const color = index === 0 ? CONFIG.colors.hazard : shade(CONFIG.colors.hazard, index % 2 ? -0.3 : 0.3);
      const key = "creature-" + index;
      if (/shark|fish|eel|piranha/.test(hazard.name) && !/jelly/.test(hazard.name)) {
        makeTexture(this, key, 64, 32, (g) => {
          g.fillStyle(color, 1).fillEllipse(30, 16, 52, 22);
          g.fillTriangle(50, 16, 64, 4, 64, 28);
          g.fillTriangle(24, 6, 34, 0, 36, 10);
          g.fillStyle(0xffffff, 1).fillCircle(14, 13, 4);
          g.fillStyle(0x000000, 1).fillCircle(13, 13, 2);
        });
      } else {
        makeTexture(this, key, 40, 48, (g) => {
          g.fillStyle(color, 0.9).fillEllipse(20, 14, 36, 26);
          g.fillStyle(color, 0.6);
          for (let i = 0; i < 5; i++) g.fillRect(5 + i * 7, 22, 3, 22 + (i % 2) * 4);
          g.fillStyle(0xffffff, 0.5).fillEllipse(14, 9, 10, 6);
        });
      }
    });
  }
}
