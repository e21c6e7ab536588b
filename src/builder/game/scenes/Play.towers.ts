// Tower defense: creeps walk the path in waves; build towers on the spots beside it to stop them
// before they reach the end. Two kinds: quick blasters and slow cannons that hit a whole group.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { css, makeSpark, makeTexture, shade } from "../art";
import { WalkPath } from "../kit/path";
import { nearest } from "../kit/nearest";

const PATH = [{ x: -30, y: 150 }, { x: 250, y: 150 }, { x: 250, y: 420 }, { x: 550, y: 420 }, { x: 550, y: 190 }, { x: 830, y: 190 }];
/** Build spots, the most useful first. */
const SPOTS = [{ x: 320, y: 345 }, { x: 160, y: 240 }, { x: 640, y: 300 }, { x: 340, y: 510 }, { x: 460, y: 250 }, { x: 160, y: 70 }, { x: 680, y: 100 }, { x: 640, y: 480 }];
const KINDS = [
  { name: "blaster", cost: 50, range: 120, everyMs: 420, damage: 1, splash: 0 },
  { name: "cannon", cost: 80, range: 160, everyMs: 1300, damage: 3, splash: 50 },
] as const;
const START_MONEY = 110;
const KILL_MONEY = 8;
const WAVE_MONEY = 30;
const SHOT_SPEED = 520;
const WAVE_GAP_MS = 2500;

interface Creep {
  sprite: Phaser.GameObjects.Image;
  travelled: number;
  speed: number;
  hp: number;
}

interface Tower {
  spot: number;
  kind: number;
  base: Phaser.GameObjects.Image;
  readyAt: number;
}

interface Shell {
  sprite: Phaser.GameObjects.Image;
  target: Creep;
  tower: Tower;
}

export class PlayScene extends Phaser.Scene {
  private path = new WalkPath(PATH);
  private creeps: Creep[] = [];
  private towers: Tower[] = [];
  private shells: Shell[] = [];
  private selected = 0;
  private cursorSpot = 0;
  private ring!: Phaser.GameObjects.Arc;
  private kindButtons: Phaser.GameObjects.Text[] = [];
  private controls!: Controls;
  private numberKeys!: Record<"ONE" | "TWO", Phaser.Input.Keyboard.Key>;
  private hud!: Hud;
  private rng!: Phaser.Math.RandomDataGenerator;
  private score = 0;
  private money = START_MONEY;
  private lives = CONFIG.lives * 3;
  private wave = 0;
  private kills = 0;
  private toSpawn = 0;
  private spawnAt = 0;
  private moveAt = 0;
  private ended = false;

  constructor() {
    super("Play");
  }

  create() {
    this.score = 0;
    this.money = START_MONEY;
    this.lives = CONFIG.lives * 3;
    this.wave = 0;
    this.kills = 0;
    this.creeps = [];
    this.towers = [];
    this.shells = [];
    this.selected = 0;
    this.ended = false;
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed]);
    this.makeTextures();
    makeSpark(this);
    this.drawMap();
    this.ring = this.add.circle(0, 0, 30).setStrokeStyle(3, CONFIG.colors.accent).setDepth(6);
    this.controls = new Controls(this);
    this.numberKeys = this.input.keyboard!.addKeys("ONE,TWO") as Record<"ONE" | "TWO", Phaser.Input.Keyboard.Key>;
    this.hud = new Hud(this);
    this.makeKindButtons();
    // One tower to start with, so the first creeps meet some resistance.
    this.build(0, 0, true);
    this.cursorSpot = 1;
    this.startWaveSoon(1500);
    this.updateHud();
  }

  update(time: number, delta: number) {
    if (this.ended) return;
    const seconds = delta / 1000;
    this.readInput(time);
    if (this.toSpawn > 0 && time >= this.spawnAt) this.spawnCreep(time);
    this.creeps = this.creeps.filter((c) => this.walk(c, seconds));
    for (const tower of this.towers) this.aim(tower, time);
    this.shells = this.shells.filter((s) => this.fly(s, seconds));
    if (this.toSpawn === 0 && this.creeps.length === 0 && this.spawnAt === Infinity) this.waveCleared();
    const spot = SPOTS[this.cursorSpot];
    this.ring.setPosition(spot.x, spot.y);
    this.updateHud();
  }

  /** 1 and 2 pick the kind; the arrows move between build spots; SPACE or ENTER builds there. */
  private readInput(time: number) {
    if (Phaser.Input.Keyboard.JustDown(this.numberKeys.ONE)) this.select(0);
    if (Phaser.Input.Keyboard.JustDown(this.numberKeys.TWO)) this.select(1);
    const axis = this.controls.keyAxis();
    if ((axis.x !== 0 || axis.y !== 0) && time >= this.moveAt) {
      this.moveAt = time + 200;
      this.cursorSpot = this.spotToward(axis);
    } else if (axis.x === 0 && axis.y === 0) this.moveAt = 0;
    if (this.controls.actionPressed() && !this.input.activePointer.isDown) this.build(this.cursorSpot, this.selected);
  }

  /** The nearest spot in the direction of the arrows held, or the same spot when none lies that way. */
  private spotToward(axis: { x: number; y: number }): number {
    const from = SPOTS[this.cursorSpot];
    let best = this.cursorSpot;
    let bestDistance = Infinity;
    SPOTS.forEach((s, i) => {
      const dx = s.x - from.x;
      const dy = s.y - from.y;
      if (i === this.cursorSpot || dx * axis.x + dy * axis.y <= 0) return;
      const d = Math.hypot(dx, dy);
      if (d < bestDistance) { best = i; bestDistance = d; }
    });
    return best;
  }

  private select(kind: number) {
    this.selected = kind;
    this.kindButtons.forEach((b, i) => b.setBackgroundColor(i === kind ? css(CONFIG.colors.accent) : "#00000088"));
  }

  private build(spot: number, kind: number, free = false) {
    if (this.towers.some((t) => t.spot === spot)) return;
    const cost = KINDS[kind].cost;
    if (!free && this.money < cost) {
      this.hud.flash("Need " + cost + " coins");
      return;
    }
    if (!free) this.money -= cost;
    const base = this.add.image(SPOTS[spot].x, SPOTS[spot].y, "tower-" + kind).setDepth(4);
    this.tweens.add({ targets: base, scale: { from: 0.3, to: 1 }, duration: 200, ease: "Back.easeOut" });
    this.towers.push({ spot, kind, base, readyAt: 0 });
    playSfx(this, "level");
  }

  private startWaveSoon(delayMs: number) {
    this.wave += 1;
    this.toSpawn = 5 + this.wave * 2;
    this.spawnAt = this.time.now + delayMs;
    this.hud.flash("Wave " + this.wave);
  }

  private spawnCreep(time: number) {
    const hazard = CONFIG.hazards.length ? this.rng.pick(CONFIG.hazards) : null;
    const index = hazard ? CONFIG.hazards.indexOf(hazard) : 0;
    const start = this.path.at(0);
    const sprite = this.add.image(start.x, start.y, "creep-" + index).setDepth(3);
    const speed = (hazard ? hazard.speed : 60) * CONFIG.pace * (1 + this.wave * 0.05);
    this.creeps.push({ sprite, travelled: 0, speed, hp: 2 + Math.floor(this.wave * 1.2) });
    this.toSpawn -= 1;
    this.spawnAt = this.toSpawn > 0 ? time + 900 / CONFIG.pace : Infinity;
  }

  /** Moves a creep along the path; false once it is gone (reached the end or defeated). */
  private walk(c: Creep, seconds: number): boolean {
    if (c.hp <= 0) return false;
    c.travelled += c.speed * seconds;
    const at = this.path.at(c.travelled);
    c.sprite.setPosition(at.x, at.y + Math.sin(c.travelled / 8) * 2);
    if (c.travelled < this.path.length) return true;
    c.sprite.destroy();
    this.lives -= 1;
    this.cameras.main.shake(150, 0.008);
    playSfx(this, "hit");
    if (this.lives <= 0) this.finish(false);
    return false;
  }

  /** A ready tower fires at the creep furthest along the path within its range. */
  private aim(tower: Tower, time: number) {
    if (time < tower.readyAt) return;
    const kind = KINDS[tower.kind];
    const inRange = this.creeps.filter((c) => c.hp > 0 && Phaser.Math.Distance.Between(c.sprite.x, c.sprite.y, tower.base.x, tower.base.y) <= kind.range);
    if (inRange.length === 0) return;
    const target = inRange.reduce((a, b) => (b.travelled > a.travelled ? b : a));
    tower.readyAt = time + kind.everyMs;
    tower.base.setRotation(Phaser.Math.Angle.Between(tower.base.x, tower.base.y, target.sprite.x, target.sprite.y) + Math.PI / 2);
    this.shells.push({ sprite: this.add.image(tower.base.x, tower.base.y, "shell-" + tower.kind).setDepth(5), target, tower });
    playSfx(this, "shoot");
  }

  private fly(shell: Shell, seconds: number): boolean {
    const t = shell.target.sprite;
    const d = Phaser.Math.Distance.Between(shell.sprite.x, shell.sprite.y, t.x, t.y);
    const step = SHOT_SPEED * seconds;
    if (d > step && shell.target.hp > 0) {
      shell.sprite.x += ((t.x - shell.sprite.x) / d) * step;
      shell.sprite.y += ((t.y - shell.sprite.y) / d) * step;
      return true;
    }
    const kind = KINDS[shell.tower.kind];
    const hit = kind.splash > 0 ? this.creeps.filter((c) => Phaser.Math.Distance.Between(c.sprite.x, c.sprite.y, shell.sprite.x, shell.sprite.y) <= kind.splash) : [shell.target];
    for (const c of hit) this.damage(c, kind.damage);
    shell.sprite.destroy();
    return false;
  }

  private damage(c: Creep, amount: number) {
    if (c.hp <= 0) return;
    c.hp -= amount;
    this.tweens.add({ targets: c.sprite, alpha: 0.4, duration: 60, yoyo: true });
    if (c.hp > 0) return;
    this.kills += 1;
    this.score += 10;
    this.money += KILL_MONEY;
    const burst = this.add.particles(c.sprite.x, c.sprite.y, "spark", { speed: { min: 40, max: 160 }, lifespan: 400, scale: { start: 1, end: 0 }, tint: CONFIG.colors.hazard, emitting: false });
    burst.explode(12);
    this.time.delayedCall(500, () => burst.destroy());
    c.sprite.destroy();
    playSfx(this, "pop");
  }

  private waveCleared() {
    this.money += WAVE_MONEY;
    this.score += 50;
    if (this.wave >= CONFIG.goal.target) {
      this.finish(true);
      return;
    }
    this.startWaveSoon(WAVE_GAP_MS);
  }

  private updateHud() {
    this.hud.setScore(this.score);
    this.hud.setStatus("Wave " + this.wave + "/" + CONFIG.goal.target + "   coins " + this.money + "   lives " + this.lives);
  }

  private finish(won: boolean) {
    if (this.ended) return;
    this.ended = true;
    this.time.delayedCall(600, () => this.scene.start("GameOver", { won, score: this.score, detail: won ? "Held off all " + CONFIG.goal.target + " waves" : "Fell in wave " + this.wave }));
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    const spot = SPOTS[this.cursorSpot];
    const player = { x: spot.x, y: spot.y };
    const free = SPOTS.filter((_, i) => !this.towers.some((t) => t.spot === i));
    return {
      screen: "playing",
      score: this.score,
      kills: this.kills,
      money: this.money,
      lives: this.lives,
      wave: this.wave,
      towers: this.towers.length,
      /** The build cursor. */
      player,
      /** The most useful free build spot. */
      targets: free.slice(0, 1),
      hazards: nearest(player, this.creeps.filter((c) => c.hp > 0).map((c) => c.sprite)),
    };
  }

  private drawMap() {
    this.add.rectangle(400, 300, 800, 600, shade(0x6a994e, -0.15));
    const road = shade(CONFIG.colors.accent, -0.45);
    const g = this.add.graphics();
    g.lineStyle(56, shade(road, -0.2), 1).strokePoints(PATH.map((p) => new Phaser.Math.Vector2(p.x, p.y)));
    g.lineStyle(46, road, 1).strokePoints(PATH.map((p) => new Phaser.Math.Vector2(p.x, p.y)));
    const end = PATH[PATH.length - 2];
    this.add.image(end.x + 200, end.y, "gate").setDepth(2);
    SPOTS.forEach((spot, i) => {
      this.add.image(spot.x, spot.y, "spot").setDepth(1);
      // Each spot is a click target: a click builds the selected kind there.
      this.add.zone(spot.x, spot.y, 60, 60).setInteractive().on("pointerdown", () => {
        this.cursorSpot = i;
        this.build(i, this.selected);
      });
    });
  }

  private makeKindButtons() {
    this.kindButtons = KINDS.map((kind, i) =>
      this.add.text(20 + i * 200, 560, `${i + 1}: ${kind.name} (${kind.cost})`, { fontFamily: "Arial, sans-serif", fontSize: "20px", color: "#ffffff", backgroundColor: "#00000088", padding: { x: 10, y: 6 } })
        .setDepth(20).setInteractive().on("pointerdown", () => this.select(i)),
    );
    this.select(0);
  }

  private makeTextures() {
    makeTexture(this, "spot", 56, 56, (g) => {
      g.lineStyle(3, 0xffffff, 0.35).strokeCircle(28, 28, 24);
      g.fillStyle(0x000000, 0.2).fillCircle(28, 28, 22);
    });
    const p = CONFIG.colors.player;
    makeTexture(this, "tower-0", 44, 44, (g) => {
      g.fillStyle(shade(p, -0.35), 1).fillCircle(22, 22, 20);
      g.fillStyle(p, 1).fillCircle(22, 22, 13).fillRect(19, 0, 6, 18);
    });
    makeTexture(this, "tower-1", 50, 50, (g) => {
      g.fillStyle(shade(p, -0.5), 1).fillRoundedRect(3, 3, 44, 44, 8);
      g.fillStyle(shade(p, 0.2), 1).fillCircle(25, 27, 14).fillRect(19, 0, 12, 20);
    });
    makeTexture(this, "shell-0", 8, 8, (g) => g.fillStyle(CONFIG.colors.accent, 1).fillCircle(4, 4, 4));
    makeTexture(this, "shell-1", 14, 14, (g) => g.fillStyle(0x222222, 1).fillCircle(7, 7, 7));
    makeTexture(this, "gate", 40, 70, (g) => {
      g.fillStyle(shade(CONFIG.colors.accent, -0.3), 1).fillRect(0, 0, 40, 70);
      g.fillStyle(CONFIG.colors.accent, 1).fillRect(6, 10, 28, 50);
    });
    const looks = CONFIG.hazards.length ? CONFIG.hazards : [{ name: "creeps", speed: 60, count: 1 }];
    looks.forEach((_hazard, index) => {
      const color = index === 0 ? CONFIG.colors.hazard : shade(CONFIG.colors.hazard, index % 2 ? 0.35 : -0.3);
      makeTexture(this, "creep-" + index, 30, 30, (g) => {
        g.fillStyle(shade(color, -0.3), 1).fillCircle(15, 17, 13);
        g.fillStyle(color, 1).fillCircle(15, 14, 11);
        g.fillStyle(0xffffff, 1).fillCircle(11, 12, 3).fillCircle(19, 12, 3);
        g.fillStyle(0x000000, 1).fillCircle(11, 12, 1.5).fillCircle(19, 12, 1.5);
      });
    });
  }
}
