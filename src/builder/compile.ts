// compileSpec: GameSpec → a complete Vite + Phaser 4 + TypeScript project (ProjectFiles), plus
// game.spec.json so the project can be rebuilt or edited from the spec later.

import { writeFile, type ProjectFiles } from "../project/files";
import type { GameSpec, Genre } from "./spec";
import type { GenreModule } from "./games/types";
import { ART_SOURCE, CONTROLS_SOURCE, GAME_OVER_SOURCE, HUD_SOURCE, TITLE_SOURCE, TSCONFIG, configSource, indexHtml, mainSource, packageJson } from "./games/shared";
import { SFX_SOURCE } from "./games/sfx";
import { racing } from "./games/racing";
import { diving } from "./games/diving";
import { platformer } from "./games/platformer";
import { shooter } from "./games/shooter";
import { breakout } from "./games/breakout";
import { snake } from "./games/snake";
import { runner } from "./games/runner";
import { maze } from "./games/maze";

const GENRE_MODULES: Record<Genre, GenreModule> = { racing, diving, platformer, shooter, breakout, snake, runner, maze };

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
  const entries: [string, string][] = [
    ["package.json", packageJson(spec)],
    ["index.html", indexHtml(spec)],
    ["tsconfig.json", TSCONFIG],
    ["game.spec.json", JSON.stringify(spec, null, 2) + "\n"],
    ["src/main.ts", mainSource(genre)],
    ["src/config.ts", configSource(spec, genre)],
    ["src/art.ts", ART_SOURCE],
    ["src/controls.ts", CONTROLS_SOURCE],
    ["src/sfx.ts", SFX_SOURCE],
    ["src/hud.ts", HUD_SOURCE],
    ["src/scenes/Title.ts", TITLE_SOURCE],
    ["src/scenes/Play.ts", genre.play],
    ["src/scenes/GameOver.ts", GAME_OVER_SOURCE],
  ];
  let files: ProjectFiles = {};
  for (const [path, content] of entries) files = writeFile(files, path, content);
  return files;
}
