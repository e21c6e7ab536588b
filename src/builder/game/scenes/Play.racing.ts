// Top-down road race: steer between lanes, overtake traffic, grab pickups, finish every lap.
import Phaser from "phaser";
import { CONFIG, type HazardSettings } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { makeSpark, makeTexture, shade } from "../art";
import { nearest } from "../kit/nearest";

const ROAD_LEFT = 200;
const ROAD_WIDTH = 400;
const LANES = 4;
const PLAYER_Y = 480;
const STEER_SPEED = 330;
const MIN_SPEED = 180;
const CRUISE_SPEED = 330;
const MAX_SPEED = 520;
/** Metres per lap; one metre is ten pixels of road. */
const LAP_METRES = 500;
const INVULNERABLE_MS = 2000;
/** Scenery wraps around over this height (a multiple of the 80 px dash spacing). */
const SCENERY_SPAN = 720;

export class PlayScene extends Phaser.Scene {
  private car!: Phaser.Types.Physics.Arcade.ImageWithDynamicBody;
  private traffic!: Phaser.Physics.Arcade.Group;
  private pickups!: Phaser.Physics.Arcade.Group;
  /** Lane dashes, kerb stripes and roadside bushes that scroll past to show speed. */
  private scenery: Phaser.GameObjects.Image[] = [];
  private finishLine: Phaser.GameObjects.TileSprite | null = null;
  private controls!: Controls;
  private hud!: Hud;
  private rng!: Phaser.Math.RandomDataGenerator;
  private speed = CRUISE_SPEED;
  private metres = 0;
  private lap = 1;
  private score = 0;
  private lives = CONFIG.lives;
  private spawnTimer = 0;
  private pickupTimer = 0;
  private invulnerableUntil = 0;
  private ended = false;

  constructor() {
    super("Play");
  }

  create() {
    this.speed = CRUISE_SPEED;
    this.metres = 0;
    this.lap = 1;
    this.score = 0;
    this.lives = CONFIG.lives;
    this.spawnTimer = 1000;
    this.pickupTimer = 3000;
    this.invulnerableUntil = 0;
    this.ended = false;
    this.finishLine = null;
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed]);
    this.makeTextures();
    makeSpark(this);

    this.layRoad();

    this.traffic = this.physics.add.group();
    this.pickups = this.physics.add.group();
    this.car = this.physics.add.image(ROAD_LEFT + ROAD_WIDTH / 2, PLAYER_Y, "car").setDepth(5);
    this.car.body.setSize(30, 56);
    this.add.particles(0, 0, "spark", {
      follow: this.car,
      followOffset: { x: 0, y: 36 },
      speedY: { min: 80, max: 160 },
      speedX: { min: -20, max: 20 },
      scale: { start: 0.8, end: 0 },
      alpha: { start: 0.5, end: 0 },
      tint: 0xbbbbbb,
      lifespan: 400,
      frequency: 40,
    }).setDepth(4);

    this.physics.add.overlap(this.car, this.traffic, (_c, other) => this.crash(other as Phaser.Physics.Arcade.Image));
    this.physics.add.overlap(this.car, this.pickups, (_c, item) => this.pickUp(item as Phaser.Physics.Arcade.Image));

    this.controls = new Controls(this);
    this.hud = new Hud(this);
    this.hud.setLives(this.lives);
    this.updateHud();
  }

  update(_time: number, delta: number) {
    if (this.ended) return;
    const seconds = delta / 1000;
    this.steer();
    const scroll = this.speed * seconds;
    for (const piece of this.scenery) {
      piece.y += scroll;
      if (piece.y > this.scale.height + 40) piece.y -= SCENERY_SPAN;
    }
    this.metres += scroll / 10;
    this.score += Math.round(scroll / 10);

    // Traffic drives forward at its own speed, so on screen it moves at the difference.
    for (const child of this.traffic.getChildren()) {
      const other = child as Phaser.Physics.Arcade.Image;
      other.y += (this.speed - (other.getData("speed") as number)) * seconds;
      if (other.y > this.scale.height + 60) {
        this.score += 50;
        other.destroy();
      } else if (other.y < -120) other.destroy();
    }
    for (const child of this.pickups.getChildren()) {
      const item = child as Phaser.Physics.Arcade.Image;
      item.y += this.speed * seconds;
      if (item.y > this.scale.height + 40) item.destroy();
    }
    if (this.finishLine) this.finishLine.y += scroll;

    this.spawnTimer -= delta;
    if (this.spawnTimer <= 0) this.spawnTraffic();
    this.pickupTimer -= delta;
    if (this.pickupTimer <= 0) this.spawnPickup();

    const lapDone = Math.floor(this.metres / LAP_METRES) + 1;
    if (lapDone > this.lap) this.completeLap();
    if (this.lap === CONFIG.goal.target && !this.finishLine && this.metres % LAP_METRES > LAP_METRES - PLAYER_Y / 10) {
      this.finishLine = this.add.tileSprite(ROAD_LEFT, -20, ROAD_WIDTH, 24, "checker").setOrigin(0).setDepth(1);
    }
    this.car.setAlpha(this.time.now < this.invulnerableUntil ? 0.35 + 0.35 * Math.sin(this.time.now / 50) : 1);
    this.updateHud();
  }

  /** The road is one flat rectangle; only small pieces move, which keeps drawing cheap. */
  private layRoad() {
    this.scenery = [];
    this.add.rectangle(ROAD_LEFT, 0, ROAD_WIDTH, this.scale.height, shade(CONFIG.colors.background, -0.35)).setOrigin(0);
    for (let y = -40; y < SCENERY_SPAN - 40; y += 80) {
      for (let lane = 1; lane < LANES; lane++) this.scenery.push(this.add.image(ROAD_LEFT + (lane * ROAD_WIDTH) / LANES, y, "dash"));
      this.scenery.push(this.add.image(ROAD_LEFT - 6, y, "kerb"), this.add.image(ROAD_LEFT + ROAD_WIDTH + 6, y, "kerb"));
    }
    for (let i = 0; i < 6; i++) {
      const side = i % 2 === 0 ? this.rng.between(30, ROAD_LEFT - 40) : this.rng.between(ROAD_LEFT + ROAD_WIDTH + 40, this.scale.width - 30);
      this.scenery.push(this.add.image(side, (i * SCENERY_SPAN) / 6, "bush"));
    }
  }

  private steer() {
    const keys = this.controls.keyAxis();
    const pointerX = this.controls.pointerWorldX();
    let turn = keys.x;
    if (turn === 0 && pointerX !== null) turn = Phaser.Math.Clamp((pointerX - this.car.x) / 40, -1, 1);
    this.car.setVelocityX(turn * STEER_SPEED);
    this.car.setAngle(turn * 12);
    this.car.x = Phaser.Math.Clamp(this.car.x, ROAD_LEFT + 22, ROAD_LEFT + ROAD_WIDTH - 22);
    // Up speeds up, down brakes; with no key the car settles back to cruising speed.
    const target = keys.y < 0 ? MAX_SPEED : keys.y > 0 ? MIN_SPEED : CRUISE_SPEED;
    this.speed = Phaser.Math.Linear(this.speed, target, 0.02);
  }

  private spawnTraffic() {
    // Gaps shrink every lap: the race gets busier as it goes on.
    const busy = 1 + (this.lap - 1) * 0.25;
    this.spawnTimer = Math.max(450, 1300 / (CONFIG.pace * busy)) + this.rng.between(0, 500);
    if (CONFIG.hazards.length === 0) return;
    const index = this.rng.between(0, CONFIG.hazards.length - 1);
    const hazard = CONFIG.hazards[index];
    const maxOnRoad = hazard.count + this.lap - 1;
    if (this.traffic.countActive() >= maxOnRoad) return;
    const lane = this.rng.between(0, LANES - 1);
    const x = ROAD_LEFT + (lane + 0.5) * (ROAD_WIDTH / LANES);
    const other = this.traffic.create(x, -70, "hazard-" + index) as Phaser.Physics.Arcade.Image;
    other.setData("speed", this.hazardSpeed(hazard));
    (other.body as Phaser.Physics.Arcade.Body).setSize(other.width * 0.8, other.height * 0.85);
  }

  private hazardSpeed(hazard: HazardSettings): number {
    return isStaticObstacle(hazard.name) ? 0 : Math.min(CRUISE_SPEED - 60, hazard.speed * CONFIG.pace * this.rng.realInRange(0.8, 1.1));
  }

  private spawnPickup() {
    this.pickupTimer = 4000 + this.rng.between(0, 3000);
    if (!CONFIG.collectible) return;
    const lane = this.rng.between(0, LANES - 1);
    const item = this.pickups.create(ROAD_LEFT + (lane + 0.5) * (ROAD_WIDTH / LANES), -30, "pickup") as Phaser.Physics.Arcade.Image;
    this.tweens.add({ targets: item, angle: 360, duration: 1500, repeat: -1 });
  }

  private pickUp(item: Phaser.Physics.Arcade.Image) {
    this.burst(item.x, item.y, CONFIG.colors.accent);
    item.destroy();
    this.score += 200;
    playSfx(this, "collect");
    this.speed = MAX_SPEED;
    this.hud.flash("+200 boost!");
  }

  private crash(other: Phaser.Physics.Arcade.Image) {
    if (this.time.now < this.invulnerableUntil || this.ended) return;
    this.burst(other.x, other.y, CONFIG.colors.hazard);
    other.destroy();
    this.lives -= 1;
    this.hud.setLives(this.lives);
    this.invulnerableUntil = this.time.now + INVULNERABLE_MS;
    this.speed = MIN_SPEED;
    this.cameras.main.shake(250, 0.015);
    if (this.lives <= 0) this.finish(false);
    else this.hud.flash("Crash!");
  }

  private completeLap() {
    this.lap += 1;
    this.score += 500;
    playSfx(this, "level");
    if (this.lap > CONFIG.goal.target) {
      this.lap = CONFIG.goal.target;
      this.finish(true);
      return;
    }
    this.hud.flash(this.lap === CONFIG.goal.target ? "Final lap!" : "Lap " + this.lap);
  }

  private burst(x: number, y: number, tint: number) {
    const emitter = this.add.particles(x, y, "spark", { speed: { min: 80, max: 220 }, lifespan: 500, scale: { start: 1.2, end: 0 }, tint, emitting: false });
    emitter.explode(20);
    this.time.delayedCall(600, () => emitter.destroy());
  }

  private updateHud() {
    this.hud.setScore(this.score);
    const inLap = Math.floor(this.metres % LAP_METRES);
    this.hud.setStatus("Lap " + this.lap + "/" + CONFIG.goal.target + "  " + inLap + "/" + LAP_METRES + " m  " + Math.round(this.speed / 3) + " km/h");
  }

  private finish(won: boolean) {
    if (this.ended) return;
    this.ended = true;
    this.car.setVelocity(0, 0);
    const detail = won ? "You finished all " + CONFIG.goal.target + " laps!" : "Wrecked on lap " + this.lap + " of " + CONFIG.goal.target;
    this.time.delayedCall(500, () => this.scene.start("GameOver", { won, score: this.score, detail }));
  }

  /** A point ahead of the car in the lane whose next car is furthest away (the nearest such lane on a tie). */
  private openLaneAhead(): { x: number; y: number } {
    const laneWidth = ROAD_WIDTH / LANES;
    const others = this.traffic.getMatching("active", true) as Phaser.GameObjects.Image[];
    let best = { x: this.car.x, gap: -1 };
    for (let lane = 0; lane < LANES; lane++) {
      const x = ROAD_LEFT + (lane + 0.5) * laneWidth;
      const ahead = others.filter((o) => Math.abs(o.x - x) < laneWidth * 0.75 && o.y < this.car.y + 60);
      const gap = ahead.length ? Math.min(...ahead.map((o) => this.car.y - o.y)) : 10_000;
      if (gap > best.gap || (gap === best.gap && Math.abs(x - this.car.x) < Math.abs(best.x - this.car.x))) best = { x, gap };
    }
    return { x: Math.round(best.x), y: Math.round(this.car.y - 120) };
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    const player = { x: Math.round(this.car.x), y: Math.round(this.car.y) };
    return {
      screen: "playing",
      score: this.score,
      lives: this.lives,
      lap: this.lap,
      laps: CONFIG.goal.target,
      metres: Math.round(this.metres),
      speed: Math.round(this.speed),
      player,
      traffic: this.traffic.countActive(),
      /** The racing line: ahead in the lane with the most open road. */
      targets: [this.openLaneAhead()],
      pickups: nearest(player, this.pickups.getMatching("active", true) as Phaser.GameObjects.Image[]),
      hazards: nearest(player, this.traffic.getMatching("active", true) as Phaser.GameObjects.Image[]),
    };
  }

  private makeTextures() {
    const drawCar = (g: Phaser.GameObjects.Graphics, color: number) => {
      g.fillStyle(0x111111, 1).fillRect(0, 8, 6, 14).fillRect(34, 8, 6, 14).fillRect(0, 46, 6, 14).fillRect(34, 46, 6, 14);
      g.fillStyle(color, 1).fillRoundedRect(4, 2, 32, 64, 10);
      g.fillStyle(0xbde0fe, 1).fillRoundedRect(9, 16, 22, 12, 3);
      g.fillStyle(shade(color, -0.3), 1).fillRoundedRect(9, 34, 22, 20, 3);
      g.fillStyle(0xffffff, 0.9).fillRect(8, 3, 6, 3).fillRect(26, 3, 6, 3);
    };
    makeTexture(this, "car", 40, 68, (g) => drawCar(g, CONFIG.colors.player));
    CONFIG.hazards.forEach((hazard, index) => {
      const color = index === 0 ? CONFIG.colors.hazard : shade(CONFIG.colors.hazard, index % 2 ? -0.35 : 0.35);
      if (isStaticObstacle(hazard.name)) {
        makeTexture(this, "hazard-" + index, 40, 40, (g) => {
          g.fillStyle(color, 1).fillTriangle(20, 0, 2, 38, 38, 38);
          g.fillStyle(0xffffff, 1).fillRect(10, 22, 20, 5);
        });
      } else {
        makeTexture(this, "hazard-" + index, 40, 68, (g) => drawCar(g, color));
      }
    });
    makeTexture(this, "pickup", 28, 28, (g) => {
      g.fillStyle(CONFIG.colors.accent, 1).fillRoundedRect(2, 2, 24, 24, 6);
      g.fillStyle(0xffffff, 1).fillRect(12, 6, 4, 16).fillRect(6, 12, 16, 4);
    });
    makeTexture(this, "dash", 6, 40, (g) => {
      g.fillStyle(CONFIG.colors.accent, 0.9).fillRect(0, 0, 6, 40);
    });
    makeTexture(this, "kerb", 12, 80, (g) => {
      g.fillStyle(0xffffff, 1).fillRect(0, 0, 12, 40);
      g.fillStyle(0xe63946, 1).fillRect(0, 40, 12, 40);
    });
    makeTexture(this, "bush", 48, 48, (g) => {
      g.fillStyle(shade(CONFIG.colors.background, 0.3), 1).fillCircle(24, 24, 22);
      g.fillStyle(shade(CONFIG.colors.background, 0.45), 1).fillCircle(18, 18, 9);
    });
    makeTexture(this, "checker", 32, 24, (g) => {
      g.fillStyle(0xffffff, 1).fillRect(0, 0, 32, 24);
      g.fillStyle(0x000000, 1).fillRect(0, 0, 16, 12).fillRect(16, 12, 16, 12);
    });
  }
}

/** Cones, oil and rocks sit still on the road; everything else drives. */
function isStaticObstacle(name: string): boolean {
  return /cone|oil|rock|crate|barrel|spike|mine|bomb|hole|puddle|cact/.test(name);
}
