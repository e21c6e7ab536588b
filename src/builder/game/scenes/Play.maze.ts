// Maze collector: a new maze each level. Collect every gem to open the exit, keep away from the
// monsters (they chase you when they get close), and reach the exit to go deeper.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { makeSpark, makeTexture, shade } from "../art";
import { pathToNearest } from "../kit/grid-path";

const BLOCK = 24;
const GRID_W = 33;
const GRID_H = 21;
const TOP = 76;
const PLAYER_SPEED = 160;
const INVULNERABLE_MS = 2000;

interface Walker {
  sprite: Phaser.GameObjects.Image;
  gx: number;
  gy: number;
  moving: boolean;
  last: { x: number; y: number };
  speed: number;
}

const DIRECTIONS = [{ x: 1, y: 0 }, { x: -1, y: 0 }, { x: 0, y: 1 }, { x: 0, y: -1 }];

export class PlayScene extends Phaser.Scene {
  private open: boolean[][] = [];
  private player!: Walker;
  private monsters: Walker[] = [];
  private gems: { gx: number; gy: number; sprite: Phaser.GameObjects.Image }[] = [];
  private exit!: Phaser.GameObjects.Image;
  private controls!: Controls;
  private hud!: Hud;
  private rng!: Phaser.Math.RandomDataGenerator;
  private level = 1;
  private score = 0;
  private lives = CONFIG.lives;
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
    this.gems = [];
    this.monsters = [];
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed + ":" + this.level]);
    this.makeTextures();
    makeSpark(this);
    this.carveMaze();
    this.drawMaze();

    this.exit = this.add.image(this.px(GRID_W - 2), this.py(GRID_H - 2), "exit").setAlpha(0.3);
    this.placeGems();
    this.player = this.makeWalker("player", 1, 1, PLAYER_SPEED);
    this.player.sprite.setDepth(5);
    this.spawnMonsters();

    this.controls = new Controls(this);
    this.hud = new Hud(this);
    this.hud.setLives(this.lives);
    this.hud.flash("Level " + this.level);
    this.updateHud();
  }

  update() {
    if (this.ended) return;
    if (!this.player.moving) this.steerPlayer();
    for (const monster of this.monsters) {
      if (!monster.moving) this.steerMonster(monster);
      const near = Phaser.Math.Distance.Between(monster.sprite.x, monster.sprite.y, this.player.sprite.x, this.player.sprite.y) < BLOCK * 0.8;
      if (near) this.caught();
    }
    this.player.sprite.setAlpha(this.time.now < this.invulnerableUntil ? 0.35 + 0.35 * Math.sin(this.time.now / 50) : 1);
  }

  private px(gx: number): number {
    return gx * BLOCK + BLOCK / 2 + (this.scale.width - GRID_W * BLOCK) / 2;
  }

  private py(gy: number): number {
    return TOP + gy * BLOCK + BLOCK / 2;
  }

  /** Depth-first carving, then a few extra openings so there are loops to escape through. */
  private carveMaze() {
    this.open = Array.from({ length: GRID_H }, () => Array.from({ length: GRID_W }, () => false));
    const stack = [{ x: 1, y: 1 }];
    this.open[1][1] = true;
    while (stack.length > 0) {
      const cell = stack[stack.length - 1];
      const options = DIRECTIONS.map((d) => ({ x: cell.x + d.x * 2, y: cell.y + d.y * 2, d })).filter((n) => n.x > 0 && n.y > 0 && n.x < GRID_W - 1 && n.y < GRID_H - 1 && !this.open[n.y][n.x]);
      if (options.length === 0) {
        stack.pop();
        continue;
      }
      const next = this.rng.pick(options);
      this.open[cell.y + next.d.y][cell.x + next.d.x] = true;
      this.open[next.y][next.x] = true;
      stack.push({ x: next.x, y: next.y });
    }
    for (let i = 0; i < 40; i++) {
      const x = this.rng.between(1, GRID_W - 2);
      const y = this.rng.between(1, GRID_H - 2);
      if ((x % 2 === 0) !== (y % 2 === 0)) this.open[y][x] = true;
    }
  }

  /** Walls are bars joining neighbouring wall blocks; the floor is the background colour. */
  private drawMaze() {
    const g = this.add.graphics();
    const thick = 10;
    g.fillStyle(shade(CONFIG.colors.background, 0.35), 1);
    for (let gy = 0; gy < GRID_H; gy++) {
      for (let gx = 0; gx < GRID_W; gx++) {
        if (this.open[gy][gx]) continue;
        const x = this.px(gx);
        const y = this.py(gy);
        g.fillRect(x - thick / 2, y - thick / 2, thick, thick);
        if (gx + 1 < GRID_W && !this.open[gy][gx + 1]) g.fillRect(x, y - thick / 2, BLOCK, thick);
        if (gy + 1 < GRID_H && !this.open[gy + 1][gx]) g.fillRect(x - thick / 2, y, thick, BLOCK);
      }
    }
  }

  private isOpen(gx: number, gy: number): boolean {
    return gy >= 0 && gy < GRID_H && gx >= 0 && gx < GRID_W && this.open[gy][gx];
  }

  private randomCell(minDistance: number): { gx: number; gy: number } {
    for (let tries = 0; tries < 500; tries++) {
      const gx = this.rng.between(0, (GRID_W - 3) / 2) * 2 + 1;
      const gy = this.rng.between(0, (GRID_H - 3) / 2) * 2 + 1;
      const taken = this.gems.some((g) => g.gx === gx && g.gy === gy) || (gx === GRID_W - 2 && gy === GRID_H - 2);
      if (!taken && gx + gy >= minDistance) return { gx, gy };
    }
    return { gx: GRID_W - 2, gy: 1 };
  }

  private placeGems() {
    const count = CONFIG.collectible ? CONFIG.collectible.count : 6;
    for (let i = 0; i < count; i++) {
      const cell = this.randomCell(6);
      const sprite = this.add.image(this.px(cell.gx), this.py(cell.gy), "gem");
      this.tweens.add({ targets: sprite, y: sprite.y - 4, angle: { from: -10, to: 10 }, duration: 600, yoyo: true, repeat: -1, ease: "Sine.easeInOut" });
      this.gems.push({ ...cell, sprite });
    }
  }

  private spawnMonsters() {
    CONFIG.hazards.forEach((hazard, index) => {
      const count = hazard.count + (index === 0 ? this.level - 1 : 0);
      for (let i = 0; i < count; i++) {
        const cell = this.randomCell(14);
        const speed = hazard.speed * CONFIG.pace * (1 + (this.level - 1) * 0.15);
        const monster = this.makeWalker("monster-" + index, cell.gx, cell.gy, speed);
        this.tweens.add({ targets: monster.sprite, scale: 1.12, duration: 400, yoyo: true, repeat: -1 });
        this.monsters.push(monster);
      }
    });
  }

  private makeWalker(texture: string, gx: number, gy: number, speed: number): Walker {
    const sprite = this.add.image(this.px(gx), this.py(gy), texture).setDepth(4);
    return { sprite, gx, gy, moving: false, last: { x: 0, y: 0 }, speed };
  }

  /** Slides a walker one block; calls done when it arrives. */
  private move(walker: Walker, dx: number, dy: number, done: () => void) {
    walker.moving = true;
    walker.gx += dx;
    walker.gy += dy;
    walker.last = { x: dx, y: dy };
    if (dx !== 0) walker.sprite.setFlipX(dx < 0);
    this.tweens.add({
      targets: walker.sprite,
      x: this.px(walker.gx),
      y: this.py(walker.gy),
      duration: (BLOCK / Math.max(20, walker.speed)) * 1000,
      onComplete: () => {
        walker.moving = false;
        done();
      },
    });
  }

  private steerPlayer() {
    const p = this.player;
    const axis = this.controls.axis(p.sprite.x, p.sprite.y);
    // Try the stronger axis first, then the other, so diagonal input slides along corridors.
    const tries = Math.abs(axis.x) >= Math.abs(axis.y)
      ? [{ x: Math.sign(axis.x), y: 0 }, { x: 0, y: Math.sign(axis.y) }]
      : [{ x: 0, y: Math.sign(axis.y) }, { x: Math.sign(axis.x), y: 0 }];
    const step = tries.find((d) => (d.x !== 0 || d.y !== 0) && this.isOpen(p.gx + d.x, p.gy + d.y));
    if (step) this.move(p, step.x, step.y, () => this.arrive());
  }

  private steerMonster(monster: Walker) {
    const options = DIRECTIONS.filter((d) => this.isOpen(monster.gx + d.x, monster.gy + d.y));
    const forward = options.filter((d) => d.x !== -monster.last.x || d.y !== -monster.last.y);
    const choices = forward.length > 0 ? forward : options;
    const distance = Math.abs(monster.gx - this.player.gx) + Math.abs(monster.gy - this.player.gy);
    let pick = this.rng.pick(choices);
    // Close monsters usually chase; far ones wander.
    if (distance < 10 && this.rng.frac() < 0.6) {
      pick = choices.reduce((best, d) => {
        const dist = Math.abs(monster.gx + d.x - this.player.gx) + Math.abs(monster.gy + d.y - this.player.gy);
        const bestDist = Math.abs(monster.gx + best.x - this.player.gx) + Math.abs(monster.gy + best.y - this.player.gy);
        return dist < bestDist ? d : best;
      }, choices[0]);
    }
    this.move(monster, pick.x, pick.y, () => undefined);
  }

  private arrive() {
    const p = this.player;
    const index = this.gems.findIndex((g) => g.gx === p.gx && g.gy === p.gy);
    if (index >= 0) {
      const gem = this.gems[index];
      this.burst(gem.sprite.x, gem.sprite.y, CONFIG.colors.accent);
      gem.sprite.destroy();
      this.gems.splice(index, 1);
      playSfx(this, "collect");
      this.score += 100 * this.level;
      if (this.gems.length === 0) {
        this.exit.setAlpha(1);
        this.tweens.add({ targets: this.exit, scale: 1.3, duration: 400, yoyo: true, repeat: -1 });
        this.hud.flash("The exit is open!");
      }
      this.updateHud();
    }
    if (this.gems.length === 0 && p.gx === GRID_W - 2 && p.gy === GRID_H - 2) this.escape();
  }

  private caught() {
    if (this.time.now < this.invulnerableUntil || this.ended) return;
    this.lives -= 1;
    this.hud.setLives(this.lives);
    this.invulnerableUntil = this.time.now + INVULNERABLE_MS;
    this.cameras.main.shake(200, 0.012);
    this.burst(this.player.sprite.x, this.player.sprite.y, CONFIG.colors.hazard);
    if (this.lives <= 0) {
      this.finish(false);
      return;
    }
    this.hud.flash("Caught!");
    // Back to the start, which is always far from where monsters appear.
    const p = this.player;
    this.tweens.killTweensOf(p.sprite);
    p.gx = 1;
    p.gy = 1;
    p.moving = false;
    p.sprite.setPosition(this.px(1), this.py(1));
  }

  private escape() {
    this.ended = true;
    this.score += 500 * this.level;
    playSfx(this, "level");
    if (this.level >= CONFIG.goal.target) {
      this.finish(true);
      return;
    }
    this.cameras.main.fadeOut(400);
    this.time.delayedCall(450, () => this.scene.restart({ level: this.level + 1, score: this.score, lives: this.lives }));
  }

  private burst(x: number, y: number, tint: number) {
    const emitter = this.add.particles(x, y, "spark", { speed: { min: 40, max: 160 }, lifespan: 450, scale: { start: 1, end: 0 }, tint, emitting: false }).setDepth(6);
    emitter.explode(14);
    this.time.delayedCall(500, () => emitter.destroy());
  }

  private updateHud() {
    this.hud.setScore(this.score);
    const name = CONFIG.collectible ? CONFIG.collectible.name : "gems";
    this.hud.setStatus("Level " + this.level + "/" + CONFIG.goal.target + "   " + name + " left: " + this.gems.length);
  }

  private finish(won: boolean) {
    this.ended = true;
    const detail = won ? "You escaped all " + CONFIG.goal.target + " mazes!" : "Caught on level " + this.level;
    this.time.delayedCall(500, () => this.scene.start("GameOver", { won, score: this.score, detail }));
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    const p = this.player;
    const goals = this.gems.length > 0 ? this.gems : [{ gx: GRID_W - 2, gy: GRID_H - 2 }];
    const next = pathToNearest(this.open, p, goals)[0];
    return {
      screen: "playing",
      score: this.score,
      lives: this.lives,
      level: this.level,
      gemsLeft: this.gems.length,
      player: { x: Math.round(p.sprite.x), y: Math.round(p.sprite.y) },
      monsters: this.monsters.length,
      /** The next cell on the shortest way to the nearest gem (or to the open exit). */
      targets: next ? [{ x: this.px(next.gx), y: this.py(next.gy) }] : [],
      hazards: this.monsters.map((m) => ({ x: Math.round(m.sprite.x), y: Math.round(m.sprite.y) })),
    };
  }

  private makeTextures() {
    makeTexture(this, "player", 20, 20, (g) => {
      g.fillStyle(CONFIG.colors.player, 1).fillCircle(10, 10, 9);
      g.fillStyle(0xffffff, 1).fillCircle(13, 8, 3);
      g.fillStyle(0x000000, 1).fillCircle(14, 8, 1.5);
    });
    makeTexture(this, "gem", 16, 18, (g) => {
      g.fillStyle(CONFIG.colors.accent, 1).fillTriangle(4, 0, 12, 0, 8, 7).fillTriangle(0, 6, 16, 6, 8, 18);
      g.fillTriangle(4, 0, 0, 6, 8, 6).fillTriangle(12, 0, 16, 6, 8, 6);
      g.fillStyle(0xffffff, 0.6).fillTriangle(4, 1, 2, 6, 7, 6);
    });
    makeTexture(this, "exit", 22, 22, (g) => {
      g.fillStyle(CONFIG.colors.accent, 1).fillRoundedRect(0, 0, 22, 22, 4);
      g.fillStyle(0x000000, 0.6).fillRoundedRect(4, 4, 14, 14, 3);
      g.fillStyle(CONFIG.colors.accent, 1).fillTriangle(7, 6, 7, 16, 16, 11);
    });
    CONFIG.hazards.forEach((_hazard, index) => {
      const color = index === 0 ? CONFIG.colors.hazard : shade(CONFIG.colors.hazard, index % 2 ? -0.35 : 0.35);
      makeTexture(this, "monster-" + index, 20, 22, (g) => {
        g.fillStyle(color, 1).fillCircle(10, 9, 9).fillRect(1, 9, 18, 9);
        g.fillTriangle(1, 18, 5, 22, 8, 18).fillTriangle(8, 18, 11, 22, 14, 18).fillTriangle(13, 18, 17, 22, 19, 18);
        g.fillStyle(0xffffff, 1).fillCircle(6, 8, 3).fillCircle(14, 8, 3);
        g.fillStyle(0x000000, 1).fillCircle(7, 9, 1.5).fillCircle(15, 9, 1.5);
      });
    });
  }
}
