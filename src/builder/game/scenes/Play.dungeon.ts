// Top-down dungeon: walk the room in eight directions, pick up the key, and the locked door in
// the far wall opens; go through it to the next room. Chasers come after you when you get close,
// patrols pace their beat. Clear the rooms to win.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { makeSpark, makeTexture, shade } from "../art";
import { carveRoom } from "../kit/room";
import { patrolStep } from "../kit/patrol";
import { pathToNearest, type GridCell } from "../kit/grid-path";

const TILE = 32;
const COLUMNS = 25;
const ROWS = 17;
const TOP = 56;
const WALK_SPEED = 190;
const CHASE_RANGE = 6 * TILE;
const INVULNERABLE_MS = 2000;
const KEYS = Math.max(1, Math.min(8, CONFIG.collectible?.count ?? 1));

interface Monster {
  sprite: Phaser.GameObjects.Image;
  at: GridCell;
  heading: GridCell;
  chaser: boolean;
  moving: boolean;
  speed: number;
}

export class PlayScene extends Phaser.Scene {
  private open: boolean[][] = [];
  private start: GridCell = { gx: 1, gy: 1 };
  private door: GridCell = { gx: COLUMNS - 1, gy: 1 };
  private hero!: Phaser.Types.Physics.Arcade.ImageWithDynamicBody;
  private doorBlock!: Phaser.Types.Physics.Arcade.ImageWithStaticBody;
  private keys: Phaser.GameObjects.Image[] = [];
  private monsters: Monster[] = [];
  private controls!: Controls;
  private hud!: Hud;
  private rng!: Phaser.Math.RandomDataGenerator;
  private room = 1;
  private score = 0;
  private lives = CONFIG.lives;
  private invulnerableUntil = 0;
  private ended = false;

  constructor() {
    super("Play");
  }

  init(data: { room?: number; score?: number; lives?: number }) {
    this.room = data.room ?? 1;
    this.score = data.score ?? 0;
    this.lives = data.lives ?? CONFIG.lives;
  }

  create() {
    this.keys = [];
    this.monsters = [];
    this.invulnerableUntil = 0;
    this.ended = false;
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed + ":" + this.room]);
    this.makeTextures();
    makeSpark(this);
    const room = carveRoom(COLUMNS, ROWS, this.rng, 5 + this.room);
    this.open = room.open;
    this.start = room.start;
    this.door = room.door;

    const walls = this.physics.add.staticGroup();
    for (let gy = 0; gy < ROWS; gy++) {
      for (let gx = 0; gx < COLUMNS; gx++) {
        if (!this.open[gy][gx]) walls.create(this.px(gx), this.py(gy), "wall");
        else if ((gx * 7 + gy * 3) % 11 === 0) this.add.image(this.px(gx), this.py(gy), "crack");
      }
    }
    this.doorBlock = this.physics.add.staticImage(this.px(this.door.gx), this.py(this.door.gy), "door-shut");
    this.hero = this.physics.add.image(this.px(this.start.gx), this.py(this.start.gy), "hero").setDepth(5);
    this.hero.body.setSize(20, 20);
    this.physics.add.collider(this.hero, walls);
    this.physics.add.collider(this.hero, this.doorBlock);
    this.placeKeys();
    this.placeMonsters();

    this.controls = new Controls(this);
    this.hud = new Hud(this);
    this.hud.setLives(this.lives);
    this.hud.flash("Room " + this.room);
    this.updateHud();
  }

  update(time: number) {
    if (this.ended) return;
    const axis = this.controls.axis(this.hero.x, this.hero.y);
    const length = Math.hypot(axis.x, axis.y) || 1;
    this.hero.setVelocity((axis.x / length) * WALK_SPEED, (axis.y / length) * WALK_SPEED);
    if (axis.x !== 0) this.hero.setFlipX(axis.x < 0);

    const key = this.keys.find((k) => Phaser.Math.Distance.Between(k.x, k.y, this.hero.x, this.hero.y) < 22);
    if (key) this.pickUp(key);
    if (this.keys.length === 0 && this.cellOf(this.hero.x, this.hero.y).gx >= this.door.gx) this.leaveRoom();

    for (const monster of this.monsters) {
      if (!monster.moving) this.stepMonster(monster);
      if (Phaser.Math.Distance.Between(monster.sprite.x, monster.sprite.y, this.hero.x, this.hero.y) < 24) this.caught();
    }
    this.hero.setAlpha(time < this.invulnerableUntil ? 0.4 + 0.3 * Math.sin(time / 50) : 1);
  }

  private px(gx: number): number {
    return gx * TILE + TILE / 2;
  }

  private py(gy: number): number {
    return TOP + gy * TILE + TILE / 2;
  }

  private cellOf(x: number, y: number): GridCell {
    return { gx: Math.floor(x / TILE), gy: Math.floor((y - TOP) / TILE) };
  }

  /** Tiles a walker may be on: open ones, except the door until it is unlocked. */
  private walkable(): boolean[][] {
    return this.open.map((row, gy) => row.map((isOpen, gx) => isOpen && (this.keys.length === 0 || gx !== this.door.gx || gy !== this.door.gy)));
  }

  /** An open tile at least `far` steps (as the crow flies) from the start, not the door. */
  private farCell(far: number): GridCell {
    for (let tries = 0; tries < 400; tries++) {
      const cell = { gx: this.rng.between(3, COLUMNS - 3), gy: this.rng.between(1, ROWS - 2) };
      const distance = Math.abs(cell.gx - this.start.gx) + Math.abs(cell.gy - this.start.gy);
      if (this.open[cell.gy][cell.gx] && distance >= far) return cell;
    }
    return { gx: COLUMNS - 3, gy: this.door.gy };
  }

  private placeKeys() {
    for (let i = 0; i < KEYS; i++) {
      const cell = this.farCell(10);
      const key = this.add.image(this.px(cell.gx), this.py(cell.gy), "key").setDepth(3);
      this.tweens.add({ targets: key, y: key.y - 5, angle: { from: -12, to: 12 }, duration: 700, yoyo: true, repeat: -1, ease: "Sine.easeInOut" });
      this.keys.push(key);
    }
  }

  /** Every other monster chases; the rest patrol a straight beat. Each room brings one more. */
  private placeMonsters() {
    CONFIG.hazards.forEach((hazard, index) => {
      const count = hazard.count + (index === 0 ? this.room - 1 : 0);
      for (let i = 0; i < count; i++) {
        const cell = this.farCell(9);
        const sprite = this.add.image(this.px(cell.gx), this.py(cell.gy), "monster-" + index).setDepth(4);
        this.tweens.add({ targets: sprite, scale: 1.1, duration: 380, yoyo: true, repeat: -1 });
        const heading = this.rng.pick([{ gx: 1, gy: 0 }, { gx: 0, gy: 1 }]);
        const speed = hazard.speed * CONFIG.pace * (1 + (this.room - 1) * 0.12);
        this.monsters.push({ sprite, at: cell, heading, chaser: (this.monsters.length + index) % 2 === 0, moving: false, speed });
      }
    });
  }

  /** One tile's step: a chaser near the hero takes the shortest way to it, otherwise it wanders like a patrol. */
  private stepMonster(monster: Monster) {
    const open = this.walkable();
    const hero = this.cellOf(this.hero.x, this.hero.y);
    const near = Phaser.Math.Distance.Between(monster.sprite.x, monster.sprite.y, this.hero.x, this.hero.y) < CHASE_RANGE;
    let next: GridCell;
    if (monster.chaser && near && this.time.now >= this.invulnerableUntil) {
      next = pathToNearest(open, monster.at, [hero])[0] ?? monster.at;
    } else {
      if (monster.chaser && this.rng.frac() < 0.2) monster.heading = this.rng.pick([{ gx: 1, gy: 0 }, { gx: -1, gy: 0 }, { gx: 0, gy: 1 }, { gx: 0, gy: -1 }]);
      const step = patrolStep(open, monster.at, monster.heading);
      next = step.next;
      monster.heading = step.heading;
    }
    if (next.gx === monster.at.gx && next.gy === monster.at.gy) return;
    if (next.gx !== monster.at.gx) monster.sprite.setFlipX(next.gx < monster.at.gx);
    monster.moving = true;
    monster.at = next;
    this.tweens.add({
      targets: monster.sprite, x: this.px(next.gx), y: this.py(next.gy), duration: (TILE / Math.max(20, monster.speed)) * 1000,
      onComplete: () => (monster.moving = false),
    });
  }

  private pickUp(key: Phaser.GameObjects.Image) {
    this.keys = this.keys.filter((k) => k !== key);
    this.burst(key.x, key.y, CONFIG.colors.accent);
    key.destroy();
    this.score += 100 * this.room;
    playSfx(this, "collect");
    if (this.keys.length === 0) this.unlock();
    this.updateHud();
  }

  private unlock() {
    this.doorBlock.destroy();
    const open = this.add.image(this.px(this.door.gx), this.py(this.door.gy), "door-open");
    this.tweens.add({ targets: open, alpha: 0.5, duration: 400, yoyo: true, repeat: -1 });
    this.hud.flash("The door is open!");
    playSfx(this, "level");
  }

  private leaveRoom() {
    this.ended = true;
    this.score += 500 * this.room;
    if (this.room >= CONFIG.goal.target) {
      this.finish(true);
      return;
    }
    this.cameras.main.fadeOut(350);
    this.time.delayedCall(400, () => this.scene.restart({ room: this.room + 1, score: this.score, lives: this.lives }));
  }

  private caught() {
    if (this.time.now < this.invulnerableUntil || this.ended) return;
    this.lives -= 1;
    this.hud.setLives(this.lives);
    this.invulnerableUntil = this.time.now + INVULNERABLE_MS;
    this.cameras.main.shake(200, 0.012);
    this.burst(this.hero.x, this.hero.y, CONFIG.colors.hazard);
    if (this.lives <= 0) {
      this.finish(false);
      return;
    }
    this.hud.flash("Caught!");
    this.hero.setPosition(this.px(this.start.gx), this.py(this.start.gy));
  }

  private burst(x: number, y: number, tint: number) {
    const emitter = this.add.particles(x, y, "spark", { speed: { min: 40, max: 160 }, lifespan: 450, scale: { start: 1, end: 0 }, tint, emitting: false }).setDepth(6);
    emitter.explode(14);
    this.time.delayedCall(500, () => emitter.destroy());
  }

  private updateHud() {
    this.hud.setScore(this.score);
    const name = CONFIG.collectible?.name ?? "keys";
    this.hud.setStatus("Room " + this.room + "/" + CONFIG.goal.target + "   " + name + ": " + (KEYS - this.keys.length) + "/" + KEYS);
  }

  private finish(won: boolean) {
    this.ended = true;
    this.hero.setVelocity(0, 0);
    const detail = won ? "You escaped all " + CONFIG.goal.target + " rooms!" : "Caught in room " + this.room;
    this.time.delayedCall(500, () => this.scene.start("GameOver", { won, score: this.score, detail }));
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    const player = { x: Math.round(this.hero.x), y: Math.round(this.hero.y) };
    const goals = this.keys.length ? this.keys.map((k) => this.cellOf(k.x, k.y)) : [this.door];
    const next = pathToNearest(this.walkable(), this.cellOf(this.hero.x, this.hero.y), goals)[0];
    return {
      screen: "playing",
      score: this.score,
      lives: this.lives,
      room: this.room,
      keysLeft: this.keys.length,
      doorOpen: this.keys.length === 0,
      player,
      /** The next tile on the shortest way to the nearest key (or, once the door is open, to the door). */
      targets: next ? [{ x: this.px(next.gx), y: this.py(next.gy) }] : [],
      hazards: this.monsters.map((m) => ({ x: Math.round(m.sprite.x), y: Math.round(m.sprite.y) })),
    };
  }

  private makeTextures() {
    const stone = shade(CONFIG.colors.background, 0.3);
    makeTexture(this, "wall", TILE, TILE, (g) => {
      g.fillStyle(shade(stone, -0.3), 1).fillRect(0, 0, TILE, TILE);
      g.fillStyle(stone, 1).fillRect(1, 1, 14, 14).fillRect(17, 1, 14, 14).fillRect(1, 17, 6, 14).fillRect(9, 17, 14, 14).fillRect(25, 17, 6, 14);
    });
    makeTexture(this, "crack", TILE, TILE, (g) => {
      g.lineStyle(2, shade(CONFIG.colors.background, -0.3), 1).lineBetween(6, 10, 16, 16).lineBetween(16, 16, 14, 26).lineBetween(16, 16, 26, 14);
    });
    makeTexture(this, "door-shut", TILE, TILE, (g) => {
      g.fillStyle(0x6b3e1f, 1).fillRect(0, 0, TILE, TILE);
      g.fillStyle(0x8b5a2b, 1).fillRect(3, 2, 11, 28).fillRect(18, 2, 11, 28);
      g.fillStyle(CONFIG.colors.accent, 1).fillRect(12, 13, 8, 8);
      g.fillStyle(0x000000, 1).fillRect(15, 16, 2, 4);
    });
    makeTexture(this, "door-open", TILE, TILE, (g) => {
      g.fillStyle(0x000000, 0.8).fillRect(0, 0, TILE, TILE);
      g.fillStyle(CONFIG.colors.accent, 1).fillTriangle(8, 8, 8, 24, 24, 16);
    });
    makeTexture(this, "hero", 24, 24, (g) => {
      g.fillStyle(shade(CONFIG.colors.player, -0.4), 1).fillCircle(12, 13, 11);
      g.fillStyle(CONFIG.colors.player, 1).fillCircle(12, 12, 9);
      g.fillStyle(0xffffff, 1).fillCircle(9, 10, 3).fillCircle(16, 10, 3);
      g.fillStyle(0x000000, 1).fillCircle(10, 10, 1.5).fillCircle(17, 10, 1.5);
    });
    makeTexture(this, "key", 26, 14, (g) => {
      g.fillStyle(CONFIG.colors.accent, 1).fillCircle(6, 7, 6).fillRect(10, 5, 16, 4).fillRect(20, 9, 3, 4).fillRect(24, 9, 2, 5);
      g.fillStyle(0x000000, 0.6).fillCircle(6, 7, 2.5);
    });
    CONFIG.hazards.forEach((_hazard, index) => {
      const color = index === 0 ? CONFIG.colors.hazard : shade(CONFIG.colors.hazard, index % 2 ? -0.35 : 0.35);
      makeTexture(this, "monster-" + index, 26, 26, (g) => {
        g.fillStyle(color, 1).fillCircle(13, 11, 11).fillRect(2, 11, 22, 10);
        g.fillTriangle(2, 21, 7, 26, 10, 21).fillTriangle(10, 21, 14, 26, 17, 21).fillTriangle(16, 21, 20, 26, 24, 21);
        g.fillStyle(0x000000, 1).fillCircle(8, 10, 3).fillCircle(18, 10, 3);
        g.fillStyle(0xffffff, 1).fillCircle(9, 9, 1).fillCircle(19, 9, 1);
      });
    });
  }
}
