// Fishing: steer the boat along the surface and let the hook down to where the fish swim; a fish
// that touches the hook is reeled in and counts. Keep the line away from the biters. Beat the clock.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { makeSpark, makeTexture, shade } from "../art";
import { Spawner } from "../kit/spawner";
import { Countdown } from "../kit/countdown";
import { nearest } from "../kit/nearest";

const SURFACE_Y = 170;
const BOTTOM_Y = 580;
const BOAT_SPEED = 240;
const HOOK_DOWN_SPEED = 240;
const HOOK_UP_SPEED = 300;
const REEL_SPEED = 420;
/** Small, medium and big fish: how they look, how fast they swim and what they are worth. */
const SIZES = [
  { scale: 0.7, speed: 120, points: 10 },
  { scale: 1, speed: 85, points: 25 },
  { scale: 1.4, speed: 55, points: 50 },
];

interface Swimmer {
  sprite: Phaser.GameObjects.Image;
  vx: number;
  /** Index into SIZES for fish; -1 for a biter (one of CONFIG.hazards). */
  size: number;
}

export class PlayScene extends Phaser.Scene {
  private boat!: Phaser.GameObjects.Image;
  private hook!: Phaser.GameObjects.Image;
  private line!: Phaser.GameObjects.Graphics;
  private swimmers: Swimmer[] = [];
  private hooked: Swimmer | null = null;
  private fishClock!: Spawner;
  private biterClock!: Spawner;
  private clock!: Countdown;
  private controls!: Controls;
  private hud!: Hud;
  private rng!: Phaser.Math.RandomDataGenerator;
  private score = 0;
  private caught = 0;
  private lives = CONFIG.lives;
  private ended = false;

  constructor() {
    super("Play");
  }

  create() {
    this.score = 0;
    this.caught = 0;
    this.lives = CONFIG.lives;
    this.ended = false;
    this.swimmers = [];
    this.hooked = null;
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed]);
    this.fishClock = new Spawner(1300 / CONFIG.pace, 500, this.rng, 100);
    this.biterClock = new Spawner(6500 / CONFIG.pace ** 2, 1500, this.rng, 4000);
    this.clock = new Countdown(CONFIG.rules.timeLimit);
    this.makeTextures();
    makeSpark(this);
    this.drawScenery();
    for (let i = 0; i < 4; i++) this.addSwimmer(this.rng.between(0, 2), this.rng.between(80, 720));

    this.boat = this.add.image(400, SURFACE_Y - 14, "boat").setDepth(6);
    this.tweens.add({ targets: this.boat, angle: { from: -2, to: 2 }, duration: 1400, yoyo: true, repeat: -1, ease: "Sine.easeInOut" });
    this.hook = this.add.image(400, SURFACE_Y + 40, "hook").setDepth(6);
    this.line = this.add.graphics().setDepth(5);
    this.controls = new Controls(this);
    this.hud = new Hud(this);
    this.hud.setLives(this.lives);
    this.updateHud();
  }

  update(_time: number, delta: number) {
    if (this.ended) return;
    const seconds = delta / 1000;
    if (this.clock.tick(delta)) {
      this.finish(this.caught >= CONFIG.goal.target, "Time's up");
      return;
    }
    this.steer(seconds);
    if (this.fishClock.due(delta)) this.addSwimmer(this.pickSize());
    if (CONFIG.hazards.length > 0 && this.biterClock.due(delta)) this.addSwimmer(-1);
    for (const s of this.swimmers) {
      if (s === this.hooked) continue;
      s.sprite.x += s.vx * seconds;
      s.sprite.y += Math.sin(this.time.now / 400 + s.sprite.x / 60) * 12 * seconds;
    }
    this.swimmers = this.swimmers.filter((s) => {
      if (s === this.hooked || (s.sprite.x > -80 && s.sprite.x < 880)) return true;
      s.sprite.destroy();
      return false;
    });
    this.checkBites();
    this.drawLine();
    this.updateHud();
  }

  /** LEFT/RIGHT move the boat, DOWN/UP (or SPACE held) let the hook down and up; a held pointer leads both. */
  private steer(seconds: number) {
    const keys = this.controls.keyAxis();
    const pointer = this.input.activePointer;
    let dx = keys.x;
    let dy = keys.y !== 0 ? keys.y : this.controls.actionHeld() && !pointer.isDown ? 1 : 0;
    if (keys.x === 0 && keys.y === 0 && pointer.isDown) {
      dx = Math.abs(pointer.worldX - this.boat.x) > 8 ? Math.sign(pointer.worldX - this.boat.x) : 0;
      dy = Math.abs(pointer.worldY - this.hook.y) > 8 ? Math.sign(pointer.worldY - this.hook.y) : 0;
    }
    this.boat.x = Phaser.Math.Clamp(this.boat.x + dx * BOAT_SPEED * seconds, 40, 760);
    this.hook.x = this.boat.x + 24;
    if (this.hooked) {
      // A bite reels in by itself.
      this.hook.y -= REEL_SPEED * seconds;
      this.hooked.sprite.setPosition(this.hook.x, this.hook.y + 16);
      if (this.hook.y <= SURFACE_Y + 20) this.land();
    } else {
      const speed = dy > 0 ? HOOK_DOWN_SPEED : HOOK_UP_SPEED;
      this.hook.y = Phaser.Math.Clamp(this.hook.y + dy * speed * seconds, SURFACE_Y + 20, BOTTOM_Y);
    }
  }

  private checkBites() {
    for (const s of this.swimmers) {
      if (s === this.hooked) continue;
      const reach = s.size < 0 ? 22 : 18 * SIZES[s.size].scale;
      if (Phaser.Math.Distance.Between(s.sprite.x, s.sprite.y, this.hook.x, this.hook.y) > reach + 8) continue;
      if (s.size < 0) {
        this.snap();
        return;
      }
      if (!this.hooked) {
        this.hooked = s;
        s.sprite.setAngle(-80);
        playSfx(this, "pop");
      }
    }
  }

  private land() {
    const fish = this.hooked!;
    const points = SIZES[fish.size].points;
    this.score += points;
    this.caught += 1;
    playSfx(this, "collect");
    this.burst(fish.sprite.x, SURFACE_Y, CONFIG.colors.accent);
    this.hud.flash("+" + points);
    fish.sprite.destroy();
    this.swimmers = this.swimmers.filter((s) => s !== fish);
    this.hooked = null;
    if (this.caught >= CONFIG.goal.target) this.finish(true, "Caught " + this.caught + " " + (CONFIG.collectible?.name ?? "fish"));
  }

  /** A biter takes the line: the catch (if any) is lost, the hook goes back up, and a life with it. */
  private snap() {
    if (this.hooked) {
      this.hooked.sprite.destroy();
      this.swimmers = this.swimmers.filter((s) => s !== this.hooked);
      this.hooked = null;
    }
    this.lives -= 1;
    this.hud.setLives(this.lives);
    this.burst(this.hook.x, this.hook.y, CONFIG.colors.hazard);
    this.cameras.main.shake(200, 0.01);
    this.hook.y = SURFACE_Y + 20;
    if (this.lives <= 0) this.finish(false, "The line snapped once too often");
    else this.hud.flash("Snap!");
  }

  /** Bigger fish are rarer. */
  private pickSize(): number {
    const r = this.rng.frac();
    return r < 0.5 ? 0 : r < 0.85 ? 1 : 2;
  }

  private addSwimmer(size: number, x?: number) {
    const fromLeft = this.rng.frac() < 0.5;
    const biter = size < 0;
    const hazardIndex = biter ? this.rng.between(0, CONFIG.hazards.length - 1) : 0;
    const speed = biter ? CONFIG.hazards[hazardIndex].speed * CONFIG.pace : SIZES[size].speed * CONFIG.pace * this.rng.realInRange(0.8, 1.2);
    // Biters keep to the deep water: a hook near the surface is safe.
    const y = this.rng.between(SURFACE_Y + (biter ? 170 : 70), BOTTOM_Y - 20);
    const sprite = this.add.image(x ?? (fromLeft ? -60 : 860), y, biter ? "biter-" + hazardIndex : "fish-" + size).setDepth(4);
    sprite.setFlipX(!fromLeft);
    this.swimmers.push({ sprite, vx: (fromLeft ? 1 : -1) * speed, size });
  }

  private drawLine() {
    this.line.clear().lineStyle(2, 0xffffff, 0.8).lineBetween(this.boat.x + 24, SURFACE_Y - 38, this.hook.x, this.hook.y - 8);
  }

  private burst(x: number, y: number, tint: number) {
    const emitter = this.add.particles(x, y, "spark", { speed: { min: 50, max: 160 }, lifespan: 500, scale: { start: 1, end: 0 }, tint, emitting: false });
    emitter.explode(14);
    this.time.delayedCall(600, () => emitter.destroy());
  }

  private updateHud() {
    this.hud.setScore(this.score);
    const left = this.clock.running ? "   " + this.clock.secondsLeft + " s" : "";
    this.hud.setStatus((CONFIG.collectible?.name ?? "fish") + ": " + this.caught + "/" + CONFIG.goal.target + left);
  }

  private finish(won: boolean, detail: string) {
    if (this.ended) return;
    this.ended = true;
    this.time.delayedCall(500, () => this.scene.start("GameOver", { won, score: this.score, detail }));
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    const player = { x: Math.round(this.hook.x), y: Math.round(this.hook.y) };
    const free = this.swimmers.filter((s) => s !== this.hooked);
    return {
      screen: "playing",
      score: this.score,
      caught: this.caught,
      lives: this.lives,
      timeLeft: this.clock.secondsLeft,
      /** The hook: it is what has to reach the fish. */
      player,
      boat: { x: Math.round(this.boat.x), y: SURFACE_Y },
      reeling: this.hooked !== null,
      targets: nearest(player, free.filter((s) => s.size >= 0).map((s) => s.sprite)),
      hazards: nearest(player, free.filter((s) => s.size < 0).map((s) => s.sprite)),
    };
  }

  private drawScenery() {
    const sky = shade(CONFIG.colors.background, 0.35);
    this.add.rectangle(400, 0, 800, SURFACE_Y, sky).setOrigin(0.5, 0);
    this.add.circle(640, SURFACE_Y - 10, 46, CONFIG.colors.accent, 0.9);
    this.add.rectangle(400, SURFACE_Y, 800, 600 - SURFACE_Y, shade(CONFIG.colors.background, -0.15)).setOrigin(0.5, 0);
    for (let i = 1; i <= 3; i++) this.add.rectangle(400, SURFACE_Y + i * 110, 800, 600, 0x000000, 0.1).setOrigin(0.5, 0);
    const waves = this.add.tileSprite(0, SURFACE_Y - 6, 800, 12, "wave").setOrigin(0).setDepth(7);
    this.tweens.add({ targets: waves, tilePositionX: 48, duration: 1600, repeat: -1 });
    for (let i = 0; i < 9; i++) {
      const weed = this.add.image(this.rng.between(10, 790), 600, "weed").setOrigin(0.5, 1).setAlpha(0.7);
      this.tweens.add({ targets: weed, angle: { from: -6, to: 6 }, duration: 1500 + this.rng.between(0, 800), yoyo: true, repeat: -1, ease: "Sine.easeInOut" });
    }
  }

  private makeTextures() {
    makeTexture(this, "boat", 110, 60, (g) => {
      g.fillStyle(shade(CONFIG.colors.player, -0.3), 1).fillTriangle(6, 34, 104, 34, 88, 56).fillTriangle(6, 34, 88, 56, 22, 56);
      g.fillStyle(CONFIG.colors.player, 1).fillRect(10, 30, 90, 8);
      g.fillStyle(0xffe0bd, 1).fillCircle(44, 14, 8);
      g.fillStyle(shade(CONFIG.colors.player, 0.4), 1).fillRect(37, 20, 14, 12);
      g.lineStyle(3, 0x6b4423, 1).lineBetween(50, 28, 76, 2);
    });
    makeTexture(this, "hook", 14, 20, (g) => {
      g.lineStyle(3, 0xdddddd, 1).beginPath().arc(7, 12, 5, 0, Math.PI, false).strokePath();
      g.lineBetween(12, 12, 12, 0);
      g.fillStyle(0xff4d6d, 1).fillCircle(12, 2, 3);
    });
    makeTexture(this, "wave", 48, 12, (g) => {
      g.fillStyle(0xffffff, 0.45);
      for (let x = 0; x < 48; x += 12) g.fillCircle(x + 6, 8, 6);
    });
    makeTexture(this, "weed", 14, 70, (g) => g.fillStyle(0x2a9d8f, 1).fillEllipse(7, 35, 10, 70));
    SIZES.forEach(({ scale }, size) => {
      const w = Math.round(40 * scale);
      const h = Math.round(20 * scale);
      const color = [CONFIG.colors.accent, shade(CONFIG.colors.accent, -0.25), shade(CONFIG.colors.player, 0.2)][size];
      makeTexture(this, "fish-" + size, w + 12, h + 4, (g) => {
        g.fillStyle(color, 1).fillEllipse(w / 2 + 10, h / 2 + 2, w, h);
        g.fillTriangle(0, 2, 0, h + 2, 12, h / 2 + 2);
        g.fillStyle(0xffffff, 1).fillCircle(w, h / 2, Math.max(2, h / 6));
        g.fillStyle(0x111111, 1).fillCircle(w + 1, h / 2, Math.max(1, h / 12));
      });
    });
    CONFIG.hazards.forEach((hazard, index) => {
      const color = index === 0 ? CONFIG.colors.hazard : shade(CONFIG.colors.hazard, 0.3);
      makeTexture(this, "biter-" + index, 74, 36, (g) => {
        if (/jelly/.test(hazard.name)) {
          g.fillStyle(color, 0.9).fillEllipse(37, 12, 34, 22);
          for (let i = 0; i < 5; i++) g.fillRect(24 + i * 6, 20, 3, 14);
        } else {
          // Faces right, like the fish: tail on the left.
          g.fillStyle(color, 1).fillEllipse(34, 20, 60, 24);
          g.fillTriangle(8, 20, 0, 6, 0, 34).fillTriangle(40, 9, 30, 0, 26, 10);
          g.fillStyle(0xffffff, 1).fillTriangle(50, 22, 60, 22, 55, 27);
          g.fillStyle(0x111111, 1).fillCircle(54, 15, 3);
        }
      });
    });
  }
}
