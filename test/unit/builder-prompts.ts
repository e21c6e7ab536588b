// Seeded prompt generator shared by the builder's property tests (unit and browser sweep).

/** Small deterministic generator so the property tests are the same on every run. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const GENRE_PHRASES = ["a racing game", "a kart race", "a deep-sea diving game", "a scuba dive", "a platformer", "a jumping platform game", "a space shooter", "shoot aliens", "breakout", "a brick breaker", "snake", "a slither game", "an endless runner", "a parkour runner", "a maze", "a dungeon crawler", "a game", "something"];
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
export const DESIGN_PROMPTS = [
  "a deep-sea diving game where you collect pearls and dodge jellyfish",
  "a racing game on a city highway with three lives",
  "a platformer in a forest where you collect coins and stomp slimes",
  "a space shooter against aliens",
  "a neon breakout with bombs",
  "a retro snake game",
  "an endless runner in the desert jumping over cactus and crates",
  "a dungeon maze where you collect gems and avoid ghosts",
];
