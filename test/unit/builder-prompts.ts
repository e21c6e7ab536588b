// Seeded prompt generator shared by the builder's property tests (unit and browser sweep).

import { readFileSync } from "node:fs";

/** Small deterministic generator so the property tests are the same on every run. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const GENRE_PHRASES = [
  "a racing game", "a kart race", "a deep-sea diving game", "a scuba dive", "a platformer", "a jumping platform game", "a space shooter", "shoot aliens",
  "breakout", "a brick breaker", "snake", "a slither game", "an endless runner", "a parkour runner", "a maze", "a dungeon crawler", "pong", "ping pong against the computer",
  "flappy bird", "catch falling stars", "asteroids", "whack-a-mole", "a memory match game", "space invaders", "tower defense", "a fishing game", "frogger",
  "lunar lander", "a vertical climber", "doodle jump", "a top-down shooter", "twin stick shooter", "a dungeon with a key and a door", "a zelda dungeon", "mini golf", "a golf game", "a match-3 game", "candy crush", "a game", "something",
];
const EXTRAS = ["in the desert", "underwater", "neon", "pastel colours", "in space", "in a spooky forest", "with a red background", "with a blue player", "where you collect 10 pearls", "where you collect coins", "dodge jellyfish and sharks", "avoid ghosts", "with no enemies", "with three lives", "with 7 lives", "easy", "hard", "very fast", "with 5 laps", "with two levels", "called \"Test Run\"", "with golden gems", "with green aliens", "without coins", "with lots of bombs"];

/** count prompts: a genre phrase (or a vague one) plus up to three extras. */
export function generatedPrompts(count: number, seed = 20261125): string[] {
  const random = seededRandom(seed);
  const prompts: string[] = [];
  for (let i = 0; i < count; i++) {
    const words = [GENRE_PHRASES[Math.floor(random() * GENRE_PHRASES.length)]];
    const extras = Math.floor(random() * 4);
    for (let j = 0; j < extras; j++) words.push(EXTRAS[Math.floor(random() * EXTRAS.length)]);
    prompts.push(words.join(" "));
  }
  return prompts;
}

/** One plain prompt per built-in design, as a person might type it. */
/** One everyday prompt per design, in the order of GENRES (data shared with bench/scaffold). */
export const DESIGN_PROMPTS: string[] = JSON.parse(readFileSync(new URL("../fixtures/design-prompts.json", import.meta.url), "utf8"));

/**
 * Everyday prompts as people type them (classic kinds, six languages) and the design each should
 * get. The parser must choose right for at least 9 in 10 (test/unit/builder-phrases.test.ts).
 */
export const EVERYDAY_PROMPTS: [prompt: string, genre: string][] = [
  ["pong for one player against the computer, first to 5 wins", "pong"],
  ["a cozy fishing game at sunset", "fishing"],
  ["tower defense with a single path and two kinds of towers", "towers"],
  ["flappy bird clone with a bat in a cave", "flappy"],
  ["un juego de carreras de coches en la playa", "racing"],
  ["rain falls and you hold an umbrella", "catch"],
  ["asteroids", "asteroids"],
  ["whack-a-mole with a hammer", "whack"],
  ["memory match with animal cards", "memory"],
  ["frogger where a frog crosses a busy road", "frogger"],
  ["space invaders", "invaders"],
  ["lunar lander, don't run out of fuel", "lander"],
  ["a deep-sea diving game where you collect pearls and dodge jellyfish", "diving"],
  ["a platformer where a fox jumps across ledges", "platformer"],
  ["snake but the apples run away", "snake"],
  ["an endless runner in the desert, speed keeps rising", "runner"],
  ["breakout with pink bricks", "breakout"],
  ["a maze with ghosts like pacman", "maze"],
  ["a racing game on a neon track with 5 laps", "racing"],
  ["a space shooter against aliens", "shooter"],
  ["un jeu de course de voitures dans la ville", "racing"],
  ["ein Spiel, wo man Äpfel fängt, die vom Himmel fallen", "catch"],
  ["jogo da cobrinha com maçãs", "snake"],
  ["gioco di pesca al lago", "fishing"],
  ["juego de memoria con cartas para niños de 5 años", "memory"],
  ["Pong gegen den Computer, wer zuerst 7 Punkte hat, gewinnt", "pong"],
  ["un jeu de plateformes avec des pièces et des ennemis", "platformer"],
  ["defesa de torres com três tipos de torres", "towers"],
  ["a game where you catch falling stars with a basket", "catch"],
  ["shoot the asteroids in space, rotate and thrust", "asteroids"],
  ["help the chicken cross the road", "frogger"],
  ["land the rocket gently on the moon", "lander"],
  ["ping pong for two players", "pong"],
  ["a fishing game: catch 10 fish before the timer runs out", "fishing"],
  ["hit the moles as they pop up, 60 second timer", "whack"],
  ["gioco di invasori spaziali", "invaders"],
  ["a doodle jump clone where you bounce up the platforms", "climber"],
  ["ein Kletterspiel: spring immer höher und fall nicht runter", "climber"],
  ["twin stick shooter with robots", "arena"],
  ["un jeu de tir vu de dessus où tu vises avec la souris", "arena"],
  ["a zelda style dungeon with locked doors", "dungeon"],
  ["una mazmorra donde buscas la llave y abres la puerta", "dungeon"],
  ["crazy golf in the forest, hole in one", "golf"],
  ["ein Minigolf-Spiel mit 9 Löchern", "golf"],
  ["candy crush with candies, clear 80 candies", "match3"],
  ["un gioco tre in fila con caramelle", "match3"],
];
