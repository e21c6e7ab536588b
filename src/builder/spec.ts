// GameSpec: the offline builder's description of a game, plus the built-in designs (genres) and
// themes it knows. The parser fills a GameSpec from text; the compiler turns it into a project.

import { SPEC_PATH } from "../project";

export const GENRES = ["racing", "diving", "platformer", "shooter", "breakout", "snake", "runner", "maze", "pong", "flappy", "catch", "invaders", "asteroids", "fishing", "frogger", "lander", "whack", "memory", "towers", "climber", "arena", "dungeon", "golf", "match3"] as const;
export type Genre = (typeof GENRES)[number];

export type Difficulty = "easy" | "normal" | "hard";
export type ControlKind = "keyboard" | "pointer" | "touch";
export type GoalKind = "laps" | "collect" | "coins" | "waves" | "levels" | "length" | "distance" | "gems" | "points" | "pairs" | "fish" | "crossings" | "landings" | "height" | "rooms" | "holes";

/** Rules of play a prompt can ask for ("against the computer", "speed keeps rising", "60 second timer"). */
export interface Rules {
  opponent?: "cpu" | "human";
  rising?: boolean;
  /** Seconds on the clock; 0 or absent: no time limit. */
  timeLimit?: number;
}

export interface Hazard {
  name: string;
  /** Pixels per second at normal difficulty before the game's own ramp. */
  speed: number;
  count: number;
}

export interface Collectible {
  name: string;
  count: number;
}

export interface Palette {
  background: number;
  player: number;
  hazard: number;
  accent: number;
  text: number;
}

export interface GameSpec {
  genre: Genre;
  theme: string;
  title: string;
  player: string;
  controls: ControlKind[];
  goal: { kind: GoalKind; target: number };
  hazards: Hazard[];
  collectibles: Collectible[];
  palette: Palette;
  difficulty: Difficulty;
  lives: number;
  seed: number;
  /** Absent in specs written before rules existed; every field is optional. */
  rules?: Rules;
}

export interface GenreDesign {
  label: string;
  /** One line a person reads in the chat or in an ask_user choice. */
  pitch: string;
  player: string;
  goal: { kind: GoalKind; target: number; min: number; max: number };
  /** What hurts by default; null for a design that has nothing of the kind (pong, memory). */
  hazard: Hazard | null;
  collectible: Collectible | null;
  /** True when the collectible is the point of the game, so "no <collectible>" cannot remove it. */
  needsCollectible: boolean;
  theme: string;
  titleWord: string;
  /** Seconds on the clock when the prompt names no time limit (designs with supports.timeLimit). */
  clock?: number;
  /** True when the hazards are the point of the game (something to shoot), so "no enemies" cannot remove them. */
  needsHazard?: boolean;
  /** True when the player is a creature a prompt may name with "with a ...": "flappy bird with a bat". */
  creaturePlayer?: boolean;
  /** The rules this design can play: a rule it lacks is reported as not used. */
  supports: {
    opponent?: boolean;
    /** "always": the design speeds up on its own; "option": rules.rising turns it on. */
    rising?: "always" | "option";
    timeLimit?: boolean;
    meter?: "oxygen" | "fuel";
  };
}

export const DESIGNS: Record<Genre, GenreDesign> = {
  racing: {
    label: "Racing",
    pitch: "top-down road race: steer past traffic, finish the laps",
    player: "car",
    goal: { kind: "laps", target: 3, min: 1, max: 9 },
    hazard: { name: "rival cars", speed: 160, count: 4 },
    collectible: { name: "fuel cans", count: 3 },
    needsCollectible: false,
    theme: "city",
    titleWord: "Racer",
    supports: { rising: "always" },
  },
  diving: {
    label: "Deep-sea diving",
    pitch: "swim deep for pearls, dodge creatures, surface for air",
    player: "diver",
    goal: { kind: "collect", target: 8, min: 1, max: 40 },
    hazard: { name: "jellyfish", speed: 60, count: 6 },
    collectible: { name: "pearls", count: 8 },
    needsCollectible: true,
    theme: "underwater",
    titleWord: "Diver",
    supports: { rising: "always", meter: "oxygen" },
  },
  platformer: {
    label: "Platformer",
    pitch: "run and jump across ledges, grab coins, stomp enemies",
    player: "hero",
    goal: { kind: "levels", target: 3, min: 1, max: 9 },
    hazard: { name: "slimes", speed: 70, count: 3 },
    collectible: { name: "coins", count: 6 },
    needsCollectible: true,
    theme: "forest",
    titleWord: "Jumper",
    supports: {},
  },
  shooter: {
    label: "Space shooter",
    pitch: "fly a ship, blast waves of invaders, grab power-ups",
    player: "ship",
    goal: { kind: "waves", target: 5, min: 1, max: 20 },
    hazard: { name: "aliens", speed: 90, count: 6 },
    collectible: { name: "power stars", count: 2 },
    needsCollectible: false,
    needsHazard: true,
    theme: "space",
    titleWord: "Blaster",
    supports: { rising: "always" },
  },
  breakout: {
    label: "Breakout",
    pitch: "bounce the ball, smash every brick, keep the ball alive",
    player: "paddle",
    goal: { kind: "levels", target: 3, min: 1, max: 9 },
    hazard: { name: "bombs", speed: 120, count: 1 },
    collectible: { name: "power-ups", count: 3 },
    needsCollectible: false,
    theme: "neon",
    titleWord: "Breaker",
    supports: {},
  },
  snake: {
    label: "Snake",
    pitch: "steer a growing snake to the food without biting yourself",
    player: "snake",
    goal: { kind: "length", target: 25, min: 5, max: 200 },
    hazard: { name: "rocks", speed: 0, count: 4 },
    collectible: { name: "apples", count: 1 },
    needsCollectible: true,
    theme: "retro",
    titleWord: "Snake",
    supports: { rising: "always" },
  },
  runner: {
    label: "Endless runner",
    pitch: "run ever faster, jump the obstacles, go the distance",
    player: "runner",
    goal: { kind: "distance", target: 1500, min: 100, max: 100000 },
    hazard: { name: "crates", speed: 300, count: 1 },
    collectible: { name: "coins", count: 5 },
    needsCollectible: false,
    theme: "desert",
    titleWord: "Dash",
    supports: { rising: "always" },
  },
  maze: {
    label: "Maze collector",
    pitch: "explore a dungeon maze, collect gems, escape the monsters",
    player: "explorer",
    goal: { kind: "levels", target: 3, min: 1, max: 9 },
    hazard: { name: "ghosts", speed: 70, count: 3 },
    collectible: { name: "gems", count: 6 },
    needsCollectible: true,
    theme: "dungeon",
    titleWord: "Dungeon",
    supports: {},
  },
  pong: {
    label: "Pong",
    pitch: "bat the ball past the computer's paddle; first to the goal wins",
    player: "paddle",
    goal: { kind: "points", target: 5, min: 1, max: 21 },
    hazard: null,
    collectible: null,
    needsCollectible: false,
    theme: "neon",
    titleWord: "Pong",
    supports: { opponent: true, rising: "option" },
  },
  flappy: {
    label: "Flappy",
    pitch: "tap to flap through the gaps between the pipes",
    player: "bird",
    goal: { kind: "points", target: 20, min: 1, max: 200 },
    hazard: { name: "pipes", speed: 190, count: 1 },
    collectible: null,
    needsCollectible: false,
    theme: "forest",
    titleWord: "Flap",
    supports: { rising: "option" },
    creaturePlayer: true,
  },
  catch: {
    label: "Catch",
    pitch: "slide along the bottom to catch what falls and keep away from the bad things",
    player: "basket",
    goal: { kind: "points", target: 30, min: 1, max: 200 },
    hazard: { name: "rocks", speed: 160, count: 1 },
    collectible: { name: "stars", count: 1 },
    needsCollectible: true,
    theme: "pastel",
    titleWord: "Catcher",
    supports: { rising: "option" },
  },
  invaders: {
    label: "Space invaders",
    pitch: "shoot the marching formation before it lands, hiding behind the bunkers",
    player: "cannon",
    goal: { kind: "waves", target: 3, min: 1, max: 20 },
    hazard: { name: "invaders", speed: 90, count: 32 },
    collectible: null,
    needsCollectible: false,
    needsHazard: true,
    theme: "space",
    titleWord: "Invaders",
    supports: { rising: "always" },
  },
  asteroids: {
    label: "Asteroids",
    pitch: "turn and thrust a ship around the screen, shoot the rocks into smaller rocks",
    player: "ship",
    goal: { kind: "waves", target: 3, min: 1, max: 20 },
    hazard: { name: "asteroids", speed: 60, count: 4 },
    collectible: null,
    needsCollectible: false,
    needsHazard: true,
    theme: "space",
    titleWord: "Rocks",
    supports: { rising: "always" },
  },
  fishing: {
    label: "Fishing",
    pitch: "let the hook down from your boat, reel in the fish, keep the line away from sharks",
    player: "boat",
    goal: { kind: "fish", target: 10, min: 1, max: 60 },
    hazard: { name: "sharks", speed: 90, count: 1 },
    collectible: { name: "fish", count: 10 },
    needsCollectible: true,
    theme: "sunset",
    titleWord: "Fishing",
    clock: 90,
    supports: { timeLimit: true },
  },
  frogger: {
    label: "Frogger",
    pitch: "hop across lanes of traffic to the other side without getting hit",
    player: "frog",
    goal: { kind: "crossings", target: 3, min: 1, max: 20 },
    hazard: { name: "cars", speed: 90, count: 3 },
    collectible: null,
    needsCollectible: false,
    theme: "city",
    titleWord: "Crossing",
    supports: { rising: "always" },
    creaturePlayer: true,
  },
  lander: {
    label: "Lunar lander",
    pitch: "fire the engine against gravity and touch down gently on the landing pad",
    player: "lander",
    goal: { kind: "landings", target: 3, min: 1, max: 20 },
    hazard: null,
    collectible: null,
    needsCollectible: false,
    theme: "space",
    titleWord: "Lander",
    supports: { meter: "fuel" },
  },
  whack: {
    label: "Whack-a-mole",
    pitch: "whack the moles as they pop out of their holes, leave the bombs alone, beat the clock",
    player: "hammer",
    goal: { kind: "points", target: 20, min: 1, max: 200 },
    hazard: { name: "bombs", speed: 0, count: 1 },
    collectible: { name: "moles", count: 1 },
    needsCollectible: true,
    theme: "forest",
    titleWord: "Whack",
    clock: 45,
    supports: { rising: "option", timeLimit: true },
  },
  memory: {
    label: "Memory match",
    pitch: "turn the cards over two at a time and find every matching pair",
    player: "cards",
    goal: { kind: "pairs", target: 8, min: 3, max: 12 },
    hazard: null,
    collectible: null,
    needsCollectible: false,
    theme: "pastel",
    titleWord: "Memory",
    supports: {},
  },
  towers: {
    label: "Tower defense",
    pitch: "build blasters and cannons beside the path to stop every wave of creeps",
    player: "builder",
    goal: { kind: "waves", target: 5, min: 1, max: 30 },
    hazard: { name: "goblins", speed: 60, count: 7 },
    collectible: null,
    needsCollectible: false,
    needsHazard: true,
    theme: "forest",
    titleWord: "Defense",
    supports: { rising: "always" },
  },
  climber: {
    label: "Vertical climber",
    pitch: "bounce up from ledge to ledge while the screen rises behind you; don't fall",
    player: "climber",
    goal: { kind: "height", target: 150, min: 20, max: 2000 },
    hazard: { name: "bats", speed: 110, count: 2 },
    collectible: null,
    needsCollectible: false,
    theme: "snow",
    titleWord: "Climber",
    supports: { rising: "always" },
    creaturePlayer: true,
  },
  arena: {
    label: "Top-down shooter",
    pitch: "move with WASD, aim with the mouse and click to fire at the enemies closing in",
    player: "hero",
    goal: { kind: "waves", target: 5, min: 1, max: 30 },
    hazard: { name: "zombies", speed: 75, count: 5 },
    collectible: null,
    needsCollectible: false,
    needsHazard: true,
    theme: "spooky",
    titleWord: "Arena",
    supports: { rising: "always" },
  },
  dungeon: {
    label: "Dungeon with key and door",
    pitch: "walk the rooms in eight directions, grab the key to open the door, slip past chasers and patrols",
    player: "knight",
    goal: { kind: "rooms", target: 3, min: 1, max: 20 },
    hazard: { name: "skeletons", speed: 75, count: 3 },
    collectible: { name: "keys", count: 1 },
    needsCollectible: true,
    theme: "dungeon",
    titleWord: "Keys",
    supports: {},
  },
  golf: {
    label: "Mini golf",
    pitch: "aim, pull back and putt the ball into the hole in as few strokes as you can; mind the water",
    player: "golfer",
    goal: { kind: "holes", target: 3, min: 1, max: 18 },
    hazard: { name: "ponds", speed: 0, count: 1 },
    collectible: null,
    needsCollectible: false,
    theme: "forest",
    titleWord: "Golf",
    supports: {},
  },
  match3: {
    label: "Match-3",
    pitch: "swap neighbouring gems to line up three of a kind; lines clear and cascades score more",
    player: "cursor",
    goal: { kind: "gems", target: 60, min: 10, max: 500 },
    hazard: null,
    collectible: { name: "gems", count: 6 },
    needsCollectible: true,
    theme: "pastel",
    titleWord: "Match",
    supports: { timeLimit: true },
  },
};

export interface Theme {
  name: string;
  palette: Palette;
  /** Words that select the theme. */
  words: string[];
  /** Genre a theme implies when a prompt names no genre at all. */
  suggests: Genre;
}

export const THEMES: Theme[] = [
  { name: "underwater", words: ["underwater", "ocean", "sea", "deep-sea", "reef", "aquatic", "marine"], suggests: "diving",
    palette: { background: 0x0b3d5c, player: 0xffd166, hazard: 0xff70a6, accent: 0xf4f1de, text: 0xe0fbfc } },
  { name: "space", words: ["space", "galaxy", "galactic", "cosmic", "cosmos", "planet", "stars", "starry", "asteroid", "orbit", "moon", "lunar", "mars", "nebula", "interstellar"], suggests: "shooter",
    palette: { background: 0x0a0a23, player: 0x4cc9f0, hazard: 0xf72585, accent: 0xffd60a, text: 0xffffff } },
  { name: "neon", words: ["neon", "synthwave", "cyber", "cyberpunk", "glow", "glowing", "arcade"], suggests: "breakout",
    palette: { background: 0x0d0221, player: 0x2de2e6, hazard: 0xff3864, accent: 0xf6019d, text: 0xfdfdfd } },
  { name: "desert", words: ["desert", "sand", "sandy", "dune", "dunes", "canyon", "egypt", "western"], suggests: "runner",
    palette: { background: 0xf4a261, player: 0x264653, hazard: 0x9c2c13, accent: 0xe9c46a, text: 0x3d2b1f } },
  { name: "pastel", words: ["pastel", "cute", "candy", "kawaii", "soft", "sweet", "cozy"], suggests: "snake",
    palette: { background: 0xfde2e4, player: 0x9d8df1, hazard: 0xf08080, accent: 0x90dbf4, text: 0x5a4a78 } },
  { name: "forest", words: ["forest", "jungle", "woods", "nature", "garden", "grass", "meadow"], suggests: "platformer",
    palette: { background: 0x8ecae6, player: 0xe63946, hazard: 0x6a4c93, accent: 0xffb703, text: 0x1b4332 } },
  { name: "snow", words: ["snow", "snowy", "frosty", "ice", "icy", "winter", "frozen", "arctic", "christmas"], suggests: "runner",
    palette: { background: 0xdff3fc, player: 0xd62828, hazard: 0x1d3557, accent: 0x48cae4, text: 0x1d3557 } },
  { name: "lava", words: ["lava", "volcano", "fire", "fiery", "hell", "inferno", "magma"], suggests: "platformer",
    palette: { background: 0x2b0a0a, player: 0xffe66d, hazard: 0xff4800, accent: 0xff9e00, text: 0xfff3e0 } },
  { name: "spooky", words: ["spooky", "halloween", "haunted", "ghost", "ghostly", "graveyard", "night", "creepy"], suggests: "maze",
    palette: { background: 0x1a1423, player: 0xf7b32b, hazard: 0x9bf6ff, accent: 0xb5179e, text: 0xf1faee } },
  { name: "dungeon", words: ["dungeon", "castle", "cave", "cavern", "crypt", "medieval", "temple"], suggests: "maze",
    palette: { background: 0x22181c, player: 0x7bdff2, hazard: 0xe63946, accent: 0xffd166, text: 0xf2e9e4 } },
  { name: "city", words: ["city", "street", "highway", "urban", "downtown", "traffic"], suggests: "racing",
    palette: { background: 0x3a3d46, player: 0xef233c, hazard: 0x2b9eb3, accent: 0xfcbf49, text: 0xffffff } },
  { name: "beach", words: ["beach", "beaches", "seaside", "shore", "tropical", "island", "sunny", "summer"], suggests: "runner",
    palette: { background: 0x8fd3f4, player: 0xef476f, hazard: 0x073b4c, accent: 0xffd166, text: 0x073b4c } },
  { name: "sunset", words: ["sunset", "dusk", "evening", "twilight", "sundown"], suggests: "fishing",
    palette: { background: 0x3d2c5e, player: 0xffd6a5, hazard: 0x2b193d, accent: 0xff9f1c, text: 0xfff1e6 } },
  { name: "retro", words: ["retro", "pixel", "8-bit", "classic", "oldschool", "old-school", "gameboy"], suggests: "snake",
    palette: { background: 0x0f380f, player: 0x9bbc0f, hazard: 0x306230, accent: 0x8bac0f, text: 0xcadc9f } },
];

export function themeByName(name: string): Theme {
  return THEMES.find((t) => t.name === name) ?? THEMES[0];
}

export const DIFFICULTY_LIVES: Record<Difficulty, number> = { easy: 5, normal: 3, hard: 2 };

/** The design a genre starts from before any words of the prompt change it. */
export function defaultSpec(genre: Genre, seed = 1): GameSpec {
  const design = DESIGNS[genre];
  const theme = themeByName(design.theme);
  return {
    genre,
    theme: theme.name,
    title: `${capitalise(theme.name)} ${design.titleWord}`,
    player: design.player,
    controls: ["keyboard", "pointer", "touch"],
    goal: { kind: design.goal.kind, target: design.goal.target },
    hazards: design.hazard ? [{ ...design.hazard }] : [],
    collectibles: design.collectible ? [{ ...design.collectible }] : [],
    palette: { ...theme.palette },
    difficulty: "normal",
    lives: DIFFICULTY_LIVES.normal,
    seed,
  };
}

export function capitalise(text: string): string {
  return text.replace(/(^|[\s-])([a-z])/g, (_m, pre: string, ch: string) => pre + ch.toUpperCase());
}

export function isGameSpec(value: unknown): value is GameSpec {
  return specProblem(value) === null;
}

/** The one spec finder: the GameSpec in a project's game.spec.json, or why it cannot be used (none: both null). */
export function projectSpec(files: Readonly<Record<string, string | Uint8Array>>): { spec: GameSpec | null; problem: string | null } {
  const text = files[SPEC_PATH];
  if (text === undefined) return { spec: null, problem: null };
  if (typeof text !== "string") return { spec: null, problem: "it is not a text file" };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { spec: null, problem: `it is not valid JSON (${(error as Error).message})` };
  }
  const problem = specProblem(value);
  return problem ? { spec: null, problem } : { spec: value as GameSpec, problem: null };
}

/** What is wrong with a would-be spec (for a hand-edited game.spec.json), or null when it is valid. */
export function specProblem(value: unknown): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "it is not a JSON object";
  const v = value as Record<string, unknown>;
  if (typeof v.genre !== "string" || !(GENRES as readonly string[]).includes(v.genre)) return `"genre" must be one of ${GENRES.join(", ")}`;
  for (const key of ["theme", "title", "player"]) if (typeof v[key] !== "string") return `"${key}" must be text`;
  for (const key of ["hazards", "collectibles", "controls"]) if (!Array.isArray(v[key])) return `"${key}" must be a list`;
  const things = [...(v.hazards as unknown[]), ...(v.collectibles as unknown[])];
  if (things.some((t) => typeof t !== "object" || t === null || typeof (t as Record<string, unknown>).name !== "string" || typeof (t as Record<string, unknown>).count !== "number")) {
    return `every hazard and collectible needs a "name" and a "count"`;
  }
  if ((v.hazards as Record<string, unknown>[]).some((h) => typeof h.speed !== "number")) return `every hazard needs a "speed" number`;
  const goal = v.goal as Record<string, unknown> | undefined;
  if (typeof goal !== "object" || goal === null || typeof goal.target !== "number" || typeof goal.kind !== "string") return `"goal" must look like { "kind": "collect", "target": 8 }`;
  const palette = v.palette as Record<string, unknown> | undefined;
  const colours = ["background", "player", "hazard", "accent", "text"];
  if (typeof palette !== "object" || palette === null || !colours.every((k) => typeof palette[k] === "number")) return `"palette" needs number colours for ${colours.join(", ")}`;
  if (v.difficulty !== "easy" && v.difficulty !== "normal" && v.difficulty !== "hard") return `"difficulty" must be easy, normal or hard`;
  if (typeof v.lives !== "number" || typeof v.seed !== "number") return `"lives" and "seed" must be numbers`;
  if (v.rules !== undefined) {
    const rules = v.rules as Record<string, unknown>;
    if (typeof rules !== "object" || rules === null || Array.isArray(rules)) return `"rules" must be an object like { "opponent": "cpu", "rising": true, "timeLimit": 60 }`;
    if (rules.opponent !== undefined && rules.opponent !== "cpu" && rules.opponent !== "human") return `"rules.opponent" must be "cpu" or "human"`;
    if (rules.rising !== undefined && typeof rules.rising !== "boolean") return `"rules.rising" must be true or false`;
    if (rules.timeLimit !== undefined && typeof rules.timeLimit !== "number") return `"rules.timeLimit" must be a number of seconds`;
  }
  return null;
}
