// Source of the files every generated game shares: config (from the spec), controls, HUD, art
// helpers, title and game-over scenes, main.ts and the Vite project files.
// Game code sits in String.raw templates; values from the spec only enter through config.ts.

import type { GameSpec } from "../spec";
import type { GenreModule } from "./types";

const PACE = { easy: 0.75, normal: 1, hard: 1.3 } as const;

function colour(n: number): string {
  return "0x" + n.toString(16).padStart(6, "0");
}

export function configSource(spec: GameSpec, genre: GenreModule): string {
  const hazards = spec.hazards.map((h) => `    { name: ${JSON.stringify(h.name)}, speed: ${h.speed}, count: ${h.count} },`).join("\n");
  const item = spec.collectibles[0] ?? (genre.needsCollectible ? genre.fallbackCollectible : null);
  const p = spec.palette;
  return `// Settings for this game, generated from game.spec.json by Playforge's offline builder.
// Change numbers and colours here; every scene reads them.

export interface HazardSettings {
  name: string;
  /** Pixels per second before the game speeds up. */
  speed: number;
  count: number;
}

export const CONFIG = {
  title: ${JSON.stringify(spec.title)},
  player: ${JSON.stringify(spec.player)},
  theme: ${JSON.stringify(spec.theme)},
  difficulty: ${JSON.stringify(spec.difficulty)},
  /** Multiplies enemy speed and spawn rates: easy 0.75, normal 1, hard 1.3. */
  pace: ${PACE[spec.difficulty]},
  lives: ${Math.max(1, Math.round(spec.lives))},
  seed: ${JSON.stringify(String(spec.seed))},
  goal: { kind: ${JSON.stringify(spec.goal.kind)}, target: ${Math.max(1, Math.round(spec.goal.target))} },
  hazards: [
${hazards}
  ] as HazardSettings[],
  collectible: ${item ? `{ name: ${JSON.stringify(item.name)}, count: ${Math.max(1, Math.round(item.count))} }` : "null"} as { name: string; count: number } | null,
  colors: {
    background: ${colour(p.background)},
    player: ${colour(p.player)},
    hazard: ${colour(p.hazard)},
    accent: ${colour(p.accent)},
    text: ${colour(p.text)},
  },
  howToPlay: ${JSON.stringify(genre.howTo(spec))},
};
`;
}

export const ART_SOURCE = String.raw`// Small helpers for art drawn in code: textures from Graphics, colour maths, CSS colour strings.
// Backgrounds come from the game's clear colour; big full-screen layers are kept out because they
// are slow on software-rendered WebGL (school laptops, headless playtests).
import Phaser from "phaser";

/** Draws once into a texture called key; later scenes reuse it. */
export function makeTexture(scene: Phaser.Scene, key: string, width: number, height: number, draw: (g: Phaser.GameObjects.Graphics) => void) {
  if (scene.textures.exists(key)) return;
  const g = scene.make.graphics({ x: 0, y: 0 }, false);
  draw(g);
  g.generateTexture(key, width, height);
  g.destroy();
}

/** "#rrggbb" for Text styles, which take CSS colours. */
export function css(color: number): string {
  return "#" + color.toString(16).padStart(6, "0");
}

/** Mixes a colour toward black (amount < 0) or white (amount > 0); amount in -1..1. */
export function shade(color: number, amount: number): number {
  const target = amount < 0 ? 0 : 255;
  const t = Math.min(1, Math.abs(amount));
  const mix = (c: number) => Math.round(c + (target - c) * t);
  const r = mix((color >> 16) & 255);
  const g = mix((color >> 8) & 255);
  const b = mix(color & 255);
  return (r << 16) | (g << 8) | b;
}

/** A soft round dot used by every particle effect. */
export function makeSpark(scene: Phaser.Scene) {
  makeTexture(scene, "spark", 12, 12, (g) => {
    g.fillStyle(0xffffff, 0.35).fillCircle(6, 6, 6);
    g.fillStyle(0xffffff, 1).fillCircle(6, 6, 3);
  });
}
`;

export const CONTROLS_SOURCE = String.raw`// One steering input for keyboard (arrows + WASD, SPACE/ENTER) and pointer (mouse or touch).
import Phaser from "phaser";

type KeyName = "UP" | "DOWN" | "LEFT" | "RIGHT" | "W" | "A" | "S" | "D" | "SPACE" | "ENTER";

export class Controls {
  private keys: Record<KeyName, Phaser.Input.Keyboard.Key>;
  private tapped = false;

  constructor(private scene: Phaser.Scene) {
    this.keys = scene.input.keyboard!.addKeys("UP,DOWN,LEFT,RIGHT,W,A,S,D,SPACE,ENTER") as Record<KeyName, Phaser.Input.Keyboard.Key>;
    scene.input.on("pointerdown", () => {
      this.tapped = true;
    });
  }

  /** -1, 0 or 1 on each axis from the arrow keys and WASD. */
  keyAxis(): { x: number; y: number } {
    const k = this.keys;
    return {
      x: (k.RIGHT.isDown || k.D.isDown ? 1 : 0) - (k.LEFT.isDown || k.A.isDown ? 1 : 0),
      y: (k.DOWN.isDown || k.S.isDown ? 1 : 0) - (k.UP.isDown || k.W.isDown ? 1 : 0),
    };
  }

  /** Unit direction from (fromX, fromY) toward a held pointer, in world space; zero when not held. */
  pointerAxis(fromX: number, fromY: number, deadZone = 10): { x: number; y: number } {
    const pointer = this.scene.input.activePointer;
    if (!pointer.isDown) return { x: 0, y: 0 };
    const world = this.scene.cameras.main.getWorldPoint(pointer.x, pointer.y);
    const dx = world.x - fromX;
    const dy = world.y - fromY;
    const length = Math.hypot(dx, dy);
    if (length < deadZone) return { x: 0, y: 0 };
    return { x: dx / length, y: dy / length };
  }

  /** Keys win over the pointer so both can be used without fighting. */
  axis(fromX: number, fromY: number): { x: number; y: number } {
    const keys = this.keyAxis();
    if (keys.x !== 0 || keys.y !== 0) return keys;
    return this.pointerAxis(fromX, fromY);
  }

  /** True once per press of SPACE, ENTER, UP, W or a tap/click. */
  actionPressed(): boolean {
    const k = this.keys;
    const pressed = [k.SPACE, k.ENTER, k.UP, k.W].some((key) => Phaser.Input.Keyboard.JustDown(key)) || this.tapped;
    this.tapped = false;
    return pressed;
  }

  /** True while SPACE is held or the pointer is down. */
  actionHeld(): boolean {
    return this.keys.SPACE.isDown || this.scene.input.activePointer.isDown;
  }

  pointerWorldX(): number | null {
    const pointer = this.scene.input.activePointer;
    if (!pointer.isDown) return null;
    return this.scene.cameras.main.getWorldPoint(pointer.x, pointer.y).x;
  }
}
`;

export const HUD_SOURCE = String.raw`// Heads-up display: score, lives as hearts and one status line, fixed to the screen.
import Phaser from "phaser";
import { CONFIG } from "./config";
import { css, makeTexture } from "./art";
import { playSfx } from "./sfx";

export class Hud {
  private scoreText: Phaser.GameObjects.Text;
  private statusText: Phaser.GameObjects.Text;
  private hearts: Phaser.GameObjects.Image[] = [];

  constructor(private scene: Phaser.Scene) {
    makeTexture(scene, "heart", 22, 20, (g) => {
      g.fillStyle(0xff4d6d, 1);
      g.fillCircle(6, 6, 6).fillCircle(16, 6, 6);
      g.fillTriangle(0, 8, 22, 8, 11, 20);
    });
    const style = { fontFamily: "Arial, sans-serif", fontSize: "22px", color: css(CONFIG.colors.text), stroke: "#000000", strokeThickness: 4 };
    this.scoreText = scene.add.text(16, 12, "Score: 0", style).setScrollFactor(0).setDepth(100);
    this.statusText = scene.add.text(scene.scale.width - 16, 12, "", style).setOrigin(1, 0).setScrollFactor(0).setDepth(100);
  }

  setScore(score: number) {
    this.scoreText.setText("Score: " + score);
  }

  /** Shows lives as hearts; losing one plays the "hit" sound. */
  setLives(lives: number) {
    if (lives < this.hearts.length) playSfx(this.scene, "hit");
    this.hearts.forEach((h) => h.destroy());
    this.hearts = [];
    for (let i = 0; i < lives; i++) {
      this.hearts.push(this.scene.add.image(28 + i * 26, 54, "heart").setScrollFactor(0).setDepth(100));
    }
  }

  setStatus(text: string) {
    this.statusText.setText(text);
  }

  /** A short message in the middle of the screen that floats up and fades. */
  flash(message: string) {
    const { width, height } = this.scene.scale;
    const text = this.scene.add
      .text(width / 2, height / 2, message, { fontFamily: "Arial, sans-serif", fontSize: "40px", fontStyle: "bold", color: css(CONFIG.colors.accent), stroke: "#000000", strokeThickness: 6 })
      .setOrigin(0.5)
      .setScrollFactor(0)
      .setDepth(101);
    this.scene.tweens.add({ targets: text, y: height / 2 - 60, alpha: 0, duration: 1200, ease: "Cubic.easeOut", onComplete: () => text.destroy() });
  }
}
`;

export const TITLE_SOURCE = String.raw`// Title screen: animated name, how to play, starts on SPACE, ENTER or a click/tap.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { css, makeSpark, makeTexture } from "../art";
import { playSfx } from "../sfx";

export class TitleScene extends Phaser.Scene {
  constructor() {
    super("Title");
  }

  create() {
    const { width, height } = this.scale;
    makeSpark(this);
    this.add.particles(0, 0, "spark", {
      x: { min: 0, max: width },
      y: height + 10,
      speedY: { min: -160, max: -60 },
      lifespan: 4500,
      scale: { start: 1.2, end: 0.2 },
      alpha: { start: 0.8, end: 0 },
      tint: [CONFIG.colors.accent, CONFIG.colors.player],
      frequency: 150,
    });

    makeTexture(this, "title-badge", 64, 64, (g) => {
      g.fillStyle(CONFIG.colors.player, 1).fillRoundedRect(4, 4, 56, 56, 14);
      g.fillStyle(0xffffff, 0.35).fillRoundedRect(12, 10, 40, 14, 7);
    });
    const badge = this.add.image(width / 2, height / 2 - 150, "title-badge");
    this.tweens.add({ targets: badge, angle: 360, duration: 4000, repeat: -1 });

    const title = this.add
      .text(width / 2, height / 2 - 60, CONFIG.title.toUpperCase(), { fontFamily: "Arial Black, Arial, sans-serif", fontSize: "54px", color: css(CONFIG.colors.accent), stroke: "#000000", strokeThickness: 8 })
      .setOrigin(0.5);
    this.tweens.add({ targets: title, scale: 1.08, duration: 900, yoyo: true, repeat: -1, ease: "Sine.easeInOut" });

    this.add
      .text(width / 2, height / 2 + 30, CONFIG.howToPlay.join("\n"), { fontFamily: "Arial, sans-serif", fontSize: "20px", color: css(CONFIG.colors.text), align: "center", stroke: "#000000", strokeThickness: 3 })
      .setOrigin(0.5, 0);
    const hint = this.add
      .text(width / 2, height - 70, "Press SPACE or ENTER, or click to start", { fontFamily: "Arial, sans-serif", fontSize: "24px", color: css(CONFIG.colors.text), stroke: "#000000", strokeThickness: 4 })
      .setOrigin(0.5);
    this.tweens.add({ targets: hint, alpha: 0.3, duration: 700, yoyo: true, repeat: -1 });

    // An empty data object starts from level 1: Phaser would otherwise hand Play its last data again.
    const start = () => {
      playSfx(this, "start");
      this.scene.start("Play", {});
    };
    this.input.keyboard?.once("keydown-SPACE", start);
    this.input.keyboard?.once("keydown-ENTER", start);
    this.input.once("pointerdown", start);
  }

  describe() {
    return { screen: "title", title: CONFIG.title };
  }
}
`;

export const GAME_OVER_SOURCE = String.raw`// Game-over screen: win or lose, score and best score, restarts on SPACE, ENTER or a click/tap.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { css, makeSpark } from "../art";
import { playSfx } from "../sfx";

export interface GameOverData {
  won: boolean;
  score: number;
  detail: string;
}

export class GameOverScene extends Phaser.Scene {
  private result: GameOverData = { won: false, score: 0, detail: "" };

  constructor() {
    super("GameOver");
  }

  init(data: GameOverData) {
    this.result = data;
  }

  create() {
    const { width, height } = this.scale;
    const best = Math.max(this.result.score, (this.registry.get("best") as number | undefined) ?? 0);
    this.registry.set("best", best);
    playSfx(this, this.result.won ? "win" : "lose");
    makeSpark(this);
    this.add.particles(width / 2, this.result.won ? -10 : height + 10, "spark", {
      x: { min: -width / 2, max: width / 2 },
      speedY: this.result.won ? { min: 60, max: 200 } : { min: -80, max: -20 },
      lifespan: 4000,
      tint: this.result.won ? [CONFIG.colors.accent, CONFIG.colors.player, 0xffffff] : [CONFIG.colors.hazard],
      scale: { start: 1, end: 0.3 },
      frequency: this.result.won ? 60 : 160,
    });

    const heading = this.add
      .text(width / 2, height / 2 - 110, this.result.won ? "YOU WIN!" : "GAME OVER", { fontFamily: "Arial Black, Arial, sans-serif", fontSize: "64px", color: css(this.result.won ? CONFIG.colors.accent : CONFIG.colors.hazard), stroke: "#000000", strokeThickness: 8 })
      .setOrigin(0.5)
      .setScale(0.2);
    this.tweens.add({ targets: heading, scale: 1, duration: 600, ease: "Back.easeOut" });
    this.tweens.add({ targets: heading, angle: { from: -3, to: 3 }, duration: 1200, yoyo: true, repeat: -1, ease: "Sine.easeInOut" });

    const lines = [this.result.detail, "Score: " + this.result.score, "Best: " + best].filter((line) => line.length > 0);
    this.add
      .text(width / 2, height / 2 - 20, lines.join("\n"), { fontFamily: "Arial, sans-serif", fontSize: "26px", color: css(CONFIG.colors.text), align: "center", stroke: "#000000", strokeThickness: 4 })
      .setOrigin(0.5, 0);
    const hint = this.add
      .text(width / 2, height - 80, "Press SPACE or ENTER, or click to play again", { fontFamily: "Arial, sans-serif", fontSize: "22px", color: css(CONFIG.colors.text), stroke: "#000000", strokeThickness: 4 })
      .setOrigin(0.5);
    this.tweens.add({ targets: hint, alpha: 0.3, duration: 600, yoyo: true, repeat: -1 });

    // A short pause so the key that ended the game does not restart it by accident.
    this.time.delayedCall(600, () => {
      // An empty data object starts from level 1: Phaser would otherwise hand Play its last data again.
      const restart = () => this.scene.start("Play", {});
      this.input.keyboard?.once("keydown-SPACE", restart);
      this.input.keyboard?.once("keydown-ENTER", restart);
      this.input.once("pointerdown", restart);
    });
  }

  describe() {
    return { screen: "gameover", won: this.result.won, score: this.result.score };
  }
}
`;

export function mainSource(genre: GenreModule): string {
  return `// Boots the game: one Phaser 4 game with a title, the ${genre.label.toLowerCase()} itself and a game-over screen.
import Phaser from "phaser";
import { CONFIG } from "./config";
import { TitleScene } from "./scenes/Title";
import { PlayScene } from "./scenes/Play";
import { GameOverScene } from "./scenes/GameOver";

const game = new Phaser.Game({
  type: Phaser.AUTO,
  parent: "game",
  width: ${genre.size.width},
  height: ${genre.size.height},
  backgroundColor: CONFIG.colors.background,
  physics: { default: "arcade", arcade: { gravity: { x: 0, y: ${genre.gravity} } } },
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
  scene: [TitleScene, PlayScene, GameOverScene],
});

// Lets Playforge watch and playtest the game; does nothing outside Playforge.
(window as any).__playforge?.register(game);
`;
}

export function indexHtml(spec: GameSpec): string {
  const bg = "#" + spec.palette.background.toString(16).padStart(6, "0");
  const title = spec.title.replace(/[<>&"]/g, "");
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>${title}</title>
    <style>
      html, body { margin: 0; height: 100%; background: ${bg}; overflow: hidden; touch-action: none; }
      #game { width: 100%; height: 100%; display: flex; align-items: center; justify-content: center; }
    </style>
  </head>
  <body>
    <div id="game"></div>
    <script type="module" src="/src/main.ts"></script>
  </body>
</html>
`;
}

export function packageJson(spec: GameSpec): string {
  const name = spec.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "playforge-game";
  return JSON.stringify({
    name,
    private: true,
    version: "0.0.1",
    type: "module",
    scripts: { dev: "vite", build: "vite build", preview: "vite preview" },
    dependencies: { phaser: "^4.2.1" },
    devDependencies: { typescript: "^5.9.3", vite: "^8.3.8" },
  }, null, 2) + "\n";
}

export const TSCONFIG = JSON.stringify({
  compilerOptions: {
    target: "ES2022",
    module: "ESNext",
    moduleResolution: "Bundler",
    lib: ["ES2022", "DOM"],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  },
  include: ["src"],
}, null, 2) + "\n";
