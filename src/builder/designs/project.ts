// The generated files around the game code: config.ts (the spec's values), main.ts and the Vite
// project files. The game code itself is real TypeScript under src/builder/game/ (see sources.ts).

import { DESIGNS, type GameSpec } from "../spec";
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
  /** Rules of play: who the opponent is ("cpu" or "human"), whether the speed keeps rising, seconds on the clock (0: no clock). */
  rules: { opponent: ${JSON.stringify(spec.rules?.opponent ?? "cpu")} as "cpu" | "human", rising: ${spec.rules?.rising ?? false}, timeLimit: ${Math.max(0, Math.round(spec.rules?.timeLimit ?? DESIGNS[spec.genre].clock ?? 0))} },
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
