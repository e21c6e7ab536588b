// compileSpec: GameSpec → a complete Vite + Phaser 4 + TypeScript project (ProjectFiles), plus
// game.spec.json so the project can be rebuilt or edited from the spec later. The game code is
// copied from the real files under src/builder/game/; only config.ts carries the spec's values.

import { SPEC_PATH, writeFile, type ProjectFiles } from "../project";
import type { GameSpec, Genre } from "./spec";
import type { GenreModule } from "./designs/types";
import { TSCONFIG, configSource, indexHtml, mainSource, packageJson } from "./designs/project";
import { gameSource } from "./sources";
import { racing } from "./designs/racing";
import { diving } from "./designs/diving";
import { platformer } from "./designs/platformer";
import { shooter } from "./designs/shooter";
import { breakout } from "./designs/breakout";
import { snake } from "./designs/snake";
import { runner } from "./designs/runner";
import { maze } from "./designs/maze";
import { pong } from "./designs/pong";
import { flappy } from "./designs/flappy";
import { catchGame } from "./designs/catch";
import { invaders } from "./designs/invaders";
import { asteroids } from "./designs/asteroids";
import { fishing } from "./designs/fishing";
import { frogger } from "./designs/frogger";
import { lander } from "./designs/lander";
import { whack } from "./designs/whack";
import { memory } from "./designs/memory";
import { towers } from "./designs/towers";
import { climber } from "./designs/climber";
import { arena } from "./designs/arena";
import { dungeon } from "./designs/dungeon";
import { golf } from "./designs/golf";
import { match3 } from "./designs/match3";

const GENRE_MODULES: Record<Genre, GenreModule> = { racing, diving, platformer, shooter, breakout, snake, runner, maze, pong, flappy, catch: catchGame, invaders, asteroids, fishing, frogger, lander, whack, memory, towers, climber, arena, dungeon, golf, match3 };

/** Files every game shares, as paths under src/builder/game/ (the same path under the project's src/). */
const SHARED_FILES = ["art.ts", "controls.ts", "sfx.ts", "hud.ts", "scenes/Title.ts"];

export class UnknownGenreError extends Error {
  constructor(readonly genre: string) {
    super(`game.spec.json: genre "${genre}" is not a built-in design. Use one of: ${Object.keys(GENRE_MODULES).join(", ")}.`);
    this.name = "UnknownGenreError";
  }
}

export function genreModule(genre: Genre): GenreModule {
  const module = (GENRE_MODULES as Partial<Record<string, GenreModule>>)[genre];
  if (!module) throw new UnknownGenreError(genre);
  return module;
}

export function compileSpec(spec: GameSpec): ProjectFiles {
  const genre = genreModule(spec.genre);
  const play = gameSource(`scenes/Play.${spec.genre}.ts`);
  const entries: [string, string][] = [
    ["package.json", packageJson(spec)],
    ["index.html", indexHtml(spec)],
    ["tsconfig.json", TSCONFIG],
    [SPEC_PATH, JSON.stringify(spec, null, 2) + "\n"],
    ["src/main.ts", mainSource(genre)],
    ["src/config.ts", configSource(spec, genre)],
    ...SHARED_FILES.map((path): [string, string] => [`src/${path}`, gameSource(path)]),
    ["src/scenes/Play.ts", play],
    ["src/scenes/GameOver.ts", gameSource("scenes/GameOver.ts")],
    ...kitFiles(play).map((path): [string, string] => [`src/${path}`, gameSource(path)]),
  ];
  let files: ProjectFiles = {};
  for (const [path, content] of entries) files = writeFile(files, path, content);
  return files;
}

/** A scene's imports of kit blocks ("../kit/paddle"), and a block's imports of other blocks ("./nearest"). */
const SCENE_IMPORT = /from "\.\.\/kit\/([\w-]+)"/g;
const BLOCK_IMPORT = /from "\.\/([\w-]+)"/g;

/** The kit blocks a scene needs, as paths under game/ ("kit/paddle.ts"). */
function kitFiles(scene: string): string[] {
  const found = new Set<string>();
  const visit = (source: string, imports: RegExp) => {
    for (const [, name] of source.matchAll(imports)) {
      const path = `kit/${name}.ts`;
      if (found.has(path)) continue;
      found.add(path);
      visit(gameSource(path), BLOCK_IMPORT);
    }
  };
  visit(scene, SCENE_IMPORT);
  return [...found].sort();
}
