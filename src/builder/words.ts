// Vocabulary the prompt parser understands: genre cues, colours, numbers, creature and item words.

import type { Genre } from "./spec";

/** Genre cues with weights: a genre's own name outweighs things that merely suggest it. */
export const GENRE_CUES: Record<Genre, Record<string, number>> = {
  racing: { racing: 4, race: 4, racer: 4, "race car": 4, kart: 4, driving: 4, drive: 3, car: 2, cars: 1, road: 2, track: 2, lap: 3, laps: 3, speedway: 4, motorbike: 3, formula: 3, rally: 4, highway: 1 },
  diving: { diving: 5, dive: 4, diver: 4, "deep-sea": 4, "deep sea": 4, scuba: 4, submarine: 3, pearl: 2, pearls: 2, oxygen: 3, snorkel: 3, underwater: 1, ocean: 1, reef: 1, swim: 2, swimming: 2 },
  platformer: { platformer: 5, platform: 4, platforms: 4, platforming: 5, jump: 1, jumping: 1, ledge: 2, ledges: 2, mario: 4, "side-scroller": 3, climb: 2, stomp: 3 },
  shooter: { shooter: 5, shoot: 3, "shoot-em-up": 5, shmup: 5, "space invaders": 5, invaders: 4, blast: 3, blaster: 3, laser: 2, lasers: 2, spaceship: 3, starship: 3, "space ship": 3, alien: 2, aliens: 2, asteroids: 2, galaga: 5, bullet: 2, bullets: 2 },
  breakout: { breakout: 5, brick: 4, bricks: 4, paddle: 4, arkanoid: 5, "brick breaker": 5, ball: 1, bounce: 1 },
  snake: { snake: 5, serpent: 4, worm: 3, slither: 4, nibbles: 5, tail: 1, grow: 1 },
  runner: { runner: 5, "endless runner": 6, "endless run": 6, endless: 2, run: 2, running: 2, dash: 2, parkour: 3, "temple run": 5, "subway surfers": 5, sprint: 2, jetpack: 2 },
  maze: { maze: 5, labyrinth: 5, dungeon: 4, "dungeon crawler": 5, pacman: 5, "pac-man": 5, crawler: 3, explore: 2, explorer: 2, corridors: 3, rogue: 3, roguelike: 3, maze_runner: 5 },
};

export const COLOURS: Record<string, number> = {
  red: 0xe63946, crimson: 0xb5172f, maroon: 0x800020, orange: 0xf77f00, yellow: 0xffd60a, gold: 0xffc300,
  golden: 0xffc300, green: 0x2dc653, lime: 0xa7f432, teal: 0x2a9d8f, cyan: 0x00e5ff, turquoise: 0x40e0d0,
  blue: 0x3a86ff, navy: 0x14213d, indigo: 0x4b0082, purple: 0x8338ec, violet: 0x9d4edd, magenta: 0xff00c8,
  pink: 0xff70a6, white: 0xf8f9fa, black: 0x111111, grey: 0x8d99ae, gray: 0x8d99ae, silver: 0xc0c0c0, brown: 0x8b5a2b,
};

export const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, a: 1, an: 1, single: 1, two: 2, couple: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8,
  nine: 9, ten: 10, eleven: 11, twelve: 12, dozen: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
};

export const LIFE_WORDS = new Set(["life", "lives", "lifes", "heart", "hearts", "chance", "chances", "try", "tries"]);

export const HAZARD_WORDS = new Set([
  "jellyfish", "shark", "sharks", "eel", "eels", "octopus", "octopuses", "piranha", "piranhas", "crab", "crabs", "pufferfish",
  "enemy", "enemies", "monster", "monsters", "ghost", "ghosts", "zombie", "zombies", "bat", "bats", "spider", "spiders",
  "alien", "aliens", "asteroid", "asteroids", "meteor", "meteors", "robot", "robots", "drone", "drones", "skeleton", "skeletons",
  "slime", "slimes", "bug", "bugs", "bee", "bees", "wasp", "wasps", "bird", "birds", "wolf", "wolves", "rock", "rocks",
  "obstacle", "obstacles", "hazard", "hazards", "bomb", "bombs", "mine", "mines", "spike", "spikes", "cactus", "cacti",
  "crate", "crates", "barrel", "barrels", "cone", "cones", "truck", "trucks", "cop", "cops", "rival", "rivals",
  "opponent", "opponents", "goblin", "goblins", "orc", "orcs", "dragon", "dragons", "snowman", "snowmen", "mummy", "mummies",
  "scorpion", "scorpions", "fireball", "fireballs", "car", "cars", "ufo", "ufos", "invader", "invaders", "baddies", "villains",
]);

/** Words that mean "whatever hurts you" without naming a creature. */
export const GENERIC_HAZARDS = new Set(["enemy", "enemies", "monster", "monsters", "obstacle", "obstacles", "hazard", "hazards", "baddies", "villains", "bad guys", "opponents", "opponent"]);

export const COLLECTIBLE_WORDS = new Set([
  "pearl", "pearls", "coin", "coins", "gem", "gems", "star", "stars", "apple", "apples", "fruit", "fruits", "treasure",
  "treasures", "diamond", "diamonds", "crystal", "crystals", "key", "keys", "shell", "shells", "fuel", "ring", "rings",
  "candy", "candies", "cookie", "cookies", "mushroom", "mushrooms", "banana", "bananas", "cherry", "cherries", "egg", "eggs",
  "flower", "flowers", "gold", "orb", "orbs", "jewel", "jewels", "berry", "berries", "carrot", "carrots", "donut", "donuts",
  "power-up", "power-ups", "powerup", "powerups", "battery", "batteries", "acorn", "acorns", "snowflake", "snowflakes", "bubble", "bubbles",
  "mice", "mouse", "bug", "bugs", "pizza", "pizzas", "cupcake", "cupcakes",
]);

export const GENERIC_COLLECTIBLES = new Set(["collectible", "collectibles", "items", "item", "things", "stuff", "pickups", "points"]);

export const HAZARD_VERBS = new Set(["dodge", "dodging", "avoid", "avoiding", "escape", "escaping", "evade", "evading", "fight", "fighting", "shoot", "shooting", "blast", "blasting", "beware", "flee", "fleeing", "outrun", "outrunning", "survive", "defeat", "destroy", "stomp", "overtake", "pass", "against", "chased", "chasing"]);

export const COLLECT_VERBS = new Set(["collect", "collecting", "collects", "gather", "gathering", "grab", "grabbing", "catch", "catching", "find", "finding", "eat", "eating", "eats", "get", "getting", "loot", "looting", "pick", "picking", "save", "saving", "rescue", "rescuing", "hunt", "hunting"]);

export const STOP_WORDS = new Set(["and", "or", "but", "while", "to", "in", "on", "at", "from", "with", "where", "that", "which", "who", "the", "a", "an", "of", "for", "as", "by", "into", "under", "over", "up", "then", "so", "it", "you", "your", "them", "game", "before", "after", "until", "is", "are", "be", "make", "makes", "more", "fewer", "less", "faster", "slower", "some", "lots", "many", "all", "every", "each", "no", "not", "without", "called", "named", "titled"]);

export const EASY_WORDS = new Set(["easy", "easier", "simple", "simpler", "relaxed", "relaxing", "chill", "casual", "kids", "kid", "children", "beginner", "beginners", "gentle", "calm", "cozy"]);
export const HARD_WORDS = new Set(["hard", "harder", "difficult", "challenging", "tough", "tougher", "insane", "brutal", "expert", "extreme", "nightmare"]);

export const BACKGROUND_WORDS = new Set(["background", "backgrounds", "sky", "water", "sea", "screen", "world", "backdrop", "bg", "level", "walls", "road"]);
export const TEXT_WORDS = new Set(["text", "font", "hud", "score", "letters", "title"]);

/** Crude singular form, good enough to match "pearl" with "pearls" and "jellyfish" with itself. */
export function singular(word: string): string {
  if (word.endsWith("ies") && word.length > 4) return word.slice(0, -3) + "y";
  if (/(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && word.length > 3) return word.slice(0, -1);
  return word;
}

export function sameNoun(a: string, b: string): boolean {
  const lastA = a.split(" ").pop() ?? a;
  const lastB = b.split(" ").pop() ?? b;
  return singular(lastA) === singular(lastB);
}
