// Frogger: hop across lanes of traffic to the far side, one cell at a time, without being hit.
// Every crossing sends you back to the start, and the traffic gets faster.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { makeSpark, makeTexture, shade } from "../art";
import { Traffic } from "../kit/lanes";
import { nearest } from "../kit/nearest";

const CELL = 50;
const COLUMNS = 16;
const ROWS = 12;
/** Rows (from the top, 0 = home) that carry traffic; the others are grass. */
const ROAD_ROWS = [1, 2, 3, 4, 6, 7, 8, 9, 10];
const START_ROW = ROWS - 1;
const HOP_MS = 120;
/** Holding a direction keeps hopping at this beat. */
const REPEAT_MS = 200;
const INVULNERABLE_MS = 1200;

export class PlayScene extends Phaser.Scene {
  private frog!: Phaser.GameObjects.Image;
  private col = COLUMNS / 2;
  private row = START_ROW;
  private bestRow = START_ROW;
  private hopping = false;
  private nextHopAt = 0;
  private traffic!: Traffic;
  private controls!: Controls;
  private hud!: Hud;
  private rng!: Phaser.Math.RandomDataGenerator;
  private score = 0;
  private lives = CONFIG.lives;
  private crossings = 0;
  private invulnerableUntil = 0;
  private ended = false;

  constructor() {
    super("Play");
  }

  create() {
    this.score = 0;
    this.lives = CONFIG.lives;
    this.crossings = 0;
    this.invulnerableUntil = 0;
    this.ended = false;
    this.hopping = false;
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed]);
    this.makeTextures();
    makeSpark(this);
    this.layRoad();
    this.frog = this.add.image(0, 0, "frog").setDepth(5);
    this.toStart();
    this.controls = new Controls(this);
    this.hud = new Hud(this);
    this.hud.setLives(this.lives);
    this.updateHud();
  }

  /** Traffic speeds up with every crossing (and faster still when the rules say it keeps rising). */
  private get speedFactor(): number {
    return 1 + this.crossings * (CONFIG.rules.rising ? 0.3 : 0.15);
  }

  update(time: number, delta: number) {
    if (this.ended) return;
    this.traffic.drive(delta / 1000, this.speedFactor);
    this.readHop(time);
    this.frog.setAlpha(time < this.invulnerableUntil ? 0.4 + 0.4 * Math.sin(time / 50) : 1);
    if (!this.hopping && time >= this.invulnerableUntil && this.traffic.blocked(this.frog.x, this.frog.y, -12)) this.squash(time);
  }

  private readHop(time: number) {
    if (this.hopping || time < this.nextHopAt) return;
    let { x, y } = this.controls.keyAxis();
    const pointer = this.input.activePointer;
    if (x === 0 && y === 0 && pointer.isDown) {
      const dx = pointer.worldX - this.frog.x;
      const dy = pointer.worldY - this.frog.y;
      if (Math.max(Math.abs(dx), Math.abs(dy)) > CELL / 2) {
        if (Math.abs(dx) > Math.abs(dy)) x = Math.sign(dx);
        else y = Math.sign(dy);
      }
    }
    if (y !== 0) x = 0;
    if (x === 0 && y === 0) return;
    this.nextHopAt = time + REPEAT_MS;
    this.hop(x, y);
  }

  private hop(dx: number, dy: number) {
    const col = Phaser.Math.Clamp(this.col + dx, 0, COLUMNS - 1);
    const row = Phaser.Math.Clamp(this.row + dy, 0, START_ROW);
    if (col === this.col && row === this.row) return;
    this.col = col;
    this.row = row;
    this.hopping = true;
    this.frog.setAngle(dx > 0 ? 90 : dx < 0 ? -90 : dy > 0 ? 180 : 0);
    playSfx(this, "jump");
    this.tweens.add({
      targets: this.frog, x: this.cellX(col), y: this.cellY(row), duration: HOP_MS,
      onComplete: () => {
        this.hopping = false;
        this.arrive();
      },
    });
    this.tweens.add({ targets: this.frog, scale: 1.25, duration: HOP_MS / 2, yoyo: true });
  }

  private arrive() {
    if (this.row < this.bestRow) {
      this.bestRow = this.row;
      this.score += 10;
    }
    if (this.row === 0) {
      this.crossings += 1;
      this.score += 100;
      playSfx(this, "level");
      if (this.crossings >= CONFIG.goal.target) {
        this.finish(true);
        return;
      }
      this.hud.flash("Made it! " + this.crossings + "/" + CONFIG.goal.target);
      this.toStart();
    }
    this.updateHud();
  }

  private squash(time: number) {
    this.lives -= 1;
    this.hud.setLives(this.lives);
    this.cameras.main.shake(200, 0.012);
    const burst = this.add.particles(this.frog.x, this.frog.y, "spark", { speed: { min: 60, max: 180 }, lifespan: 500, scale: { start: 1, end: 0 }, tint: CONFIG.colors.player, emitting: false });
    burst.explode(16);
    this.time.delayedCall(600, () => burst.destroy());
    if (this.lives <= 0) {
      this.finish(false);
      return;
    }
    this.invulnerableUntil = time + INVULNERABLE_MS;
    this.hud.flash("Splat!");
    this.toStart();
  }

  private toStart() {
    this.col = COLUMNS / 2;
    this.row = START_ROW;
    this.bestRow = START_ROW;
    this.frog.setPosition(this.cellX(this.col), this.cellY(this.row)).setAngle(0);
  }

  private cellX(col: number): number {
    return col * CELL + CELL / 2;
  }

  private cellY(row: number): number {
    return row * CELL + CELL / 2;
  }

  private layRoad() {
    const grass = shade(0x52b788, -0.35);
    const road = shade(CONFIG.colors.background, -0.45);
    for (let row = 0; row < ROWS; row++) {
      const isRoad = ROAD_ROWS.includes(row);
      this.add.rectangle(400, this.cellY(row), 800, CELL, isRoad ? road : row === 0 ? shade(grass, 0.25) : grass);
      if (isRoad && ROAD_ROWS.includes(row + 1)) for (let x = 20; x < 800; x += 60) this.add.rectangle(x, (row + 1) * CELL, 30, 3, 0xffffff, 0.5);
    }
    for (let x = 25; x < 800; x += 100) this.add.image(x, this.cellY(0), "goal-flag");
    this.traffic = new Traffic(800);
    const kinds = Math.max(1, CONFIG.hazards.length);
    ROAD_ROWS.forEach((row, i) => {
      const hazardIndex = i % kinds;
      const hazard = CONFIG.hazards[hazardIndex];
      const direction = i % 2 === 0 ? -1 : 1;
      // Lanes nearer home are faster; each has its own speed.
      const speed = direction * (hazard ? hazard.speed : 90) * CONFIG.pace * (0.7 + (ROWS - row) * 0.06) * this.rng.realInRange(0.85, 1.15);
      const long = hazard ? isLong(hazard.name) : false;
      const count = long ? 2 : this.rng.between(2, 3);
      const things: Phaser.GameObjects.Image[] = [];
      const gap = 800 / count;
      const offset = this.rng.between(0, gap);
      for (let k = 0; k < count; k++) {
        const thing = this.add.image(offset + k * gap + this.rng.between(-20, 20), this.cellY(row), "vehicle-" + hazardIndex).setDepth(3);
        thing.setFlipX(direction < 0);
        // Every lane its own paint: a tint over the hazard colour.
        thing.setTint([0xffffff, 0xffd6a5, 0xcaffbf, 0xffadad, 0xbdb2ff][i % 5]);
        things.push(thing);
      }
      this.traffic.addLane(this.cellY(row), speed, things);
    });
  }

  private updateHud() {
    this.hud.setScore(this.score);
    this.hud.setStatus("Crossed: " + this.crossings + "/" + CONFIG.goal.target);
  }

  private finish(won: boolean) {
    if (this.ended) return;
    this.ended = true;
    this.time.delayedCall(500, () => this.scene.start("GameOver", { won, score: this.score, detail: "Crossed " + this.crossings + " time" + (this.crossings === 1 ? "" : "s") }));
  }

  /**
   * The cell to hop to next: straight ahead when that lane is clear for the hop, otherwise where
   * the frog is (wait), or back a row when its own lane is about to be hit.
   */
  private nextSafeCell(): { x: number; y: number } {
    const x = this.cellX(this.col);
    const here = this.cellY(this.row);
    const ahead = this.cellY(Math.max(0, this.row - 1));
    const soon = (HOP_MS + 250) / 1000;
    const f = this.speedFactor;
    if (!this.traffic.blocked(x, ahead, 10, soon, f)) return { x, y: ahead };
    if (!this.traffic.blocked(x, here, 10, soon, f)) return { x, y: here };
    return { x, y: this.cellY(Math.min(START_ROW, this.row + 1)) };
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    const player = { x: Math.round(this.frog.x), y: Math.round(this.frog.y) };
    return {
      screen: "playing",
      score: this.score,
      lives: this.lives,
      crossings: this.crossings,
      /** Rows still to go: 0 on the far side. */
      row: this.row,
      player,
      targets: [this.nextSafeCell()],
      hazards: nearest(player, this.traffic.lanes.flatMap((lane) => lane.things)),
    };
  }

  private makeTextures() {
    makeTexture(this, "frog", 40, 40, (g) => {
      const p = CONFIG.colors.player;
      if (/chicken|duck|bird/.test(CONFIG.player)) {
        g.fillStyle(0xf8f9fa, 1).fillCircle(20, 22, 14);
        g.fillStyle(0xe63946, 1).fillCircle(20, 7, 5);
        g.fillStyle(0xffa400, 1).fillTriangle(16, 12, 24, 12, 20, 18);
      } else {
        g.fillStyle(shade(p, -0.3), 1).fillEllipse(8, 30, 14, 10).fillEllipse(32, 30, 14, 10).fillEllipse(8, 12, 12, 8).fillEllipse(32, 12, 12, 8);
        g.fillStyle(p, 1).fillEllipse(20, 22, 26, 30);
        g.fillStyle(0xffffff, 1).fillCircle(13, 9, 5).fillCircle(27, 9, 5);
        g.fillStyle(0x111111, 1).fillCircle(13, 8, 2.5).fillCircle(27, 8, 2.5);
      }
    });
    makeTexture(this, "goal-flag", 30, 40, (g) => {
      g.fillStyle(0xffffff, 1).fillRect(4, 4, 3, 34);
      g.fillStyle(CONFIG.colors.accent, 1).fillTriangle(7, 4, 28, 11, 7, 18);
    });
    const looks = CONFIG.hazards.length ? CONFIG.hazards : [{ name: "cars", speed: 90, count: 1 }];
    looks.forEach((hazard, index) => {
      const color = index === 0 ? CONFIG.colors.hazard : shade(CONFIG.colors.hazard, index % 2 ? 0.35 : -0.3);
      const long = isLong(hazard.name);
      const w = long ? 120 : 70;
      makeTexture(this, "vehicle-" + index, w, 40, (g) => {
        g.fillStyle(color, 1).fillRoundedRect(0, 4, w, 32, 8);
        g.fillStyle(shade(color, 0.4), 1).fillRoundedRect(w - 26, 8, 18, 24, 4);
        g.fillStyle(0x111111, 1).fillRect(10, 0, 14, 6).fillRect(w - 24, 0, 14, 6).fillRect(10, 34, 14, 6).fillRect(w - 24, 34, 14, 6);
        g.fillStyle(0xffe066, 1).fillCircle(w - 3, 10, 3).fillCircle(w - 3, 30, 3);
      });
    });
  }
}

function isLong(name: string): boolean {
  return /truck|bus|tractor|lorry|log|train/.test(name);
}
