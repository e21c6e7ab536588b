// English vocabulary the prompt reader understands (other languages are put into English first,
// see languages.ts): kinds of game and their cues, colours, numbers, creature and item words.
// Everything here is written in plain form: lower case, no accents.

/**
 * Kinds of game people name, with weighted cues (a kind's own name outweighs what merely suggests
 * it) and the built-in designs closest to it. A kind that is also a Genre is built in; the others
 * are answered honestly with their closest designs.
 */
export interface Kind {
  /** How the kind is named in a reply ("tower defense"). */
  label: string;
  cues: Record<string, number>;
  /** Designs to offer instead, best first; only those that are built in are offered. */
  closest: string[];
}

export const KINDS: Record<string, Kind> = {
  racing: { label: "racing", closest: ["racing", "runner", "frogger"], cues: { racing: 4, race: 4, racer: 4, "race car": 4, "car racing": 5, kart: 4, karting: 4, driving: 4, drive: 3, car: 2, cars: 1, track: 2, lap: 3, laps: 3, speedway: 4, motorbike: 3, formula: 3, rally: 4, "mario kart": 5, nascar: 5 } },
  diving: { label: "deep-sea diving", closest: ["diving", "fishing", "maze"], cues: { diving: 5, dive: 4, diver: 4, "deep-sea": 4, "deep sea": 4, scuba: 5, submarine: 3, pearl: 2, pearls: 2, oxygen: 2, snorkel: 3, snorkeling: 3, swim: 2, swimming: 2, mermaid: 2 } },
  platformer: { label: "platformer", closest: ["platformer", "runner", "maze"], cues: { platformer: 5, platform: 4, platforms: 4, platforming: 5, jump: 1, jumping: 1, ledge: 2, ledges: 2, mario: 4, "side-scroller": 3, "side scroller": 3, sidescroller: 3, stomp: 3, "jump and run": 4 } },
  shooter: { label: "space shooter", closest: ["shooter", "invaders", "asteroids"], cues: { shooter: 5, shoot: 2, "shoot em up": 5, "shoot-em-up": 5, shmup: 5, blast: 2, blaster: 2, laser: 1, lasers: 1, spaceship: 2, starship: 2, "space ship": 2, alien: 1, aliens: 1, galaga: 4, bullet: 1, bullets: 1, "bullet hell": 5, "space shooter": 6 } },
  breakout: { label: "breakout", closest: ["breakout", "pong"], cues: { breakout: 6, brick: 4, bricks: 4, arkanoid: 6, "brick breaker": 6, "brick-breaker": 6, "break the bricks": 5 } },
  snake: { label: "snake", closest: ["snake", "maze"], cues: { snake: 5, serpent: 4, worm: 3, slither: 4, nibbles: 5 } },
  runner: { label: "endless runner", closest: ["runner", "platformer", "flappy"], cues: { runner: 5, "endless runner": 7, "endless run": 6, endless: 2, run: 1, running: 1, dash: 2, parkour: 3, "temple run": 6, "subway surfers": 6, sprint: 2, "dino game": 5 } },
  maze: { label: "maze", closest: ["maze", "snake", "platformer"], cues: { maze: 5, labyrinth: 5, dungeon: 3, "dungeon crawler": 5, pacman: 6, "pac-man": 6, "pac man": 6, crawler: 3, corridors: 3, rogue: 3, roguelike: 3 } },
  pong: { label: "pong", closest: ["pong", "breakout"], cues: { pong: 7, "ping pong": 6, "ping-pong": 6, "table tennis": 6, "air hockey": 5, tennis: 4, paddle: 2, paddles: 3, volley: 2, squash: 3 } },
  flappy: { label: "flappy bird", closest: ["flappy", "runner", "platformer"], cues: { flappy: 7, "flappy bird": 8, flap: 5, flapping: 5, flaps: 5, pipes: 3, "tap to fly": 5, "helicopter game": 5 } },
  catch: { label: "catch-the-falling-things", closest: ["catch", "breakout", "runner"], cues: { catch: 2, catching: 2, "catch game": 5, "catching game": 5, "catch falling": 5, "falling objects": 5, "falling things": 5, "fall from the sky": 5, "from the sky": 3, umbrella: 4, basket: 3, raining: 3, rain: 2, falling: 2, falls: 1, fall: 1, drops: 2, raindrops: 3, "dodge falling": 5 } },
  asteroids: { label: "asteroids", closest: ["asteroids", "shooter"], cues: { asteroids: 6, asteroid: 3, meteors: 2, "asteroid field": 4, thrust: 2 } },
  whack: { label: "whack-a-mole", closest: ["whack", "memory", "catch", "breakout"], cues: { "whack a mole": 8, "whack-a-mole": 8, whack: 5, mole: 4, moles: 5, hammer: 3, mallet: 3, "pop up": 2, holes: 2 } },
  memory: { label: "memory match", closest: ["memory", "whack", "maze"], cues: { memory: 5, "memory match": 7, "memory game": 7, "matching pairs": 6, "match pairs": 6, pairs: 3, "flip cards": 5, cards: 2, concentration: 4, "find the pairs": 6, "card matching": 6, matching: 2 } },
  invaders: { label: "space invaders", closest: ["invaders", "shooter"], cues: { "space invaders": 8, invaders: 6, invader: 5, galaxian: 5, "alien invasion": 5, formation: 2 } },
  towers: { label: "tower defense", closest: ["towers", "shooter", "maze"], cues: { "tower defense": 8, "tower defence": 8, "tower-defense": 8, towers: 3, tower: 3, turret: 3, turrets: 3, creeps: 3, bloons: 5, path: 1, "single path": 2 } },
  fishing: { label: "fishing", closest: ["fishing", "diving"], cues: { fishing: 6, fish: 2, rod: 3, "fishing rod": 5, hook: 2, bait: 3, angler: 4, "catch fish": 5, lake: 2, pond: 2, "reel in": 4 } },
  frogger: { label: "frogger", closest: ["frogger", "racing", "maze"], cues: { frogger: 8, frog: 4, "cross the road": 7, "crossy road": 8, "cross the street": 7, "crossing the road": 7, logs: 2, chicken: 2, cross: 2, crosses: 2, crossing: 2, "busy road": 2, road: 1, street: 1 } },
  climber: { label: "vertical climber", closest: ["climber", "platformer", "flappy"], cues: { climber: 6, "vertical climber": 8, climbing: 5, climb: 5, climbs: 5, "doodle jump": 9, "icy tower": 9, "jump up": 4, upwards: 3, "higher and higher": 5, vertical: 3, beanstalk: 4, "climbing game": 7, bounce: 2, bouncing: 2, bounces: 2, platforms: 1, platform: 1, ledges: 1, jump: 1, "dont fall": 3 } },
  arena: { label: "top-down shooter", closest: ["arena", "shooter", "asteroids"], cues: { "top-down shooter": 9, "top down shooter": 9, "topdown shooter": 9, "arena shooter": 9, "twin stick": 8, "twin-stick": 8, "twinstick": 8, "zombie shooter": 8, "vampire survivors": 8, "aim with the mouse": 8, "aim with mouse": 8, "mouse aim": 7, "mouse to aim": 7, "click to shoot": 6, "click to fire": 6, "top-down": 3, "top down": 3, arena: 4, crosshair: 4, horde: 3, hordes: 3, wasd: 2, mouse: 2, aim: 2, shooter: 1, shoot: 1, chase: 1, chases: 1 } },
  dungeon: { label: "dungeon with key and door", closest: ["dungeon", "maze", "arena"], cues: { "top-down dungeon": 9, "top down dungeon": 9, "locked door": 7, "locked doors": 7, "find the key": 7, "find the keys": 7, "unlock the door": 7, "open the door": 5, zelda: 7, "top-down adventure": 7, key: 2, keys: 2, door: 3, doors: 3, rooms: 3, room: 2, unlock: 3, locked: 3, dungeon: 1, patrols: 3, patrol: 2, chasers: 3 } },
  golf: { label: "mini golf", closest: ["golf", "breakout", "pong"], cues: { golf: 7, "mini golf": 8, minigolf: 8, "mini-golf": 8, "crazy golf": 8, putt: 5, putting: 5, putts: 5, "hole in one": 7, "golf ball": 7, strokes: 3, stroke: 2, par: 3, holes: 2, hole: 2, slingshot: 4, "pull back": 3, "aim and shoot": 3, fairway: 4, water: 1, ponds: 2, bounce: 1, walls: 1 } },
  match3: { label: "match-3", closest: ["match3", "memory", "whack"], cues: { "match-3": 9, "match 3": 9, match3: 9, "match three": 9, "three in a row": 8, "3 in a row": 8, "candy crush": 9, bejeweled: 9, "swap gems": 8, "swap the gems": 8, "match gems": 7, swap: 4, swapping: 4, swaps: 4, cascade: 3, cascades: 3, "line up": 3, lines: 1, jewels: 2, candies: 2, gems: 1, moves: 2, clear: 1, clears: 1 } },
  lander: { label: "lunar lander", closest: ["lander", "flappy", "shooter"], cues: { "lunar lander": 8, lander: 6, "land on the moon": 7, landing: 3, "land safely": 4, moon: 2, thrusters: 3, "landing pad": 6, rocket: 2, land: 2, gently: 1, softly: 1, safely: 1, touchdown: 3 } },
};

/** Kinds of game no design covers, named so the reply can say so, with the closest built-in ones. */
export const UNBUILT_KINDS: Record<string, string[]> = {
  chess: ["memory", "maze"], checkers: ["memory", "maze"], tetris: ["breakout", "snake", "memory"],
  puzzle: ["memory", "maze"], rpg: ["maze", "platformer"],
  "role playing": ["maze", "platformer"], fighting: ["shooter", "platformer"], boxing: ["whack", "pong"], soccer: ["pong", "breakout"], football: ["pong", "breakout"],
  basketball: ["catch", "pong"], bowling: ["breakout", "pong"], poker: ["memory"], solitaire: ["memory"], sudoku: ["memory"], crossword: ["memory"],
  rhythm: ["whack", "flappy"], "guitar hero": ["whack"], farming: ["catch", "snake"], "city builder": ["towers"], strategy: ["towers", "maze"],
  minecraft: ["platformer", "maze"], sandbox: ["platformer", "maze"], stealth: ["maze"], "visual novel": ["memory"], quiz: ["memory"], trivia: ["memory"],
  "hidden object": ["memory"], pinball: ["breakout", "pong"], billiards: ["breakout", "pong"], pool: ["breakout", "pong"], darts: ["whack"], archery: ["whack"],
  skiing: ["runner", "racing"], snowboarding: ["runner", "racing"], surfing: ["runner", "racing"], "battle royale": ["shooter", "maze"], survival: ["shooter", "maze"],
};

export const COLOURS: Record<string, number> = {
  red: 0xe63946, crimson: 0xb5172f, maroon: 0x800020, orange: 0xf77f00, yellow: 0xffd60a, gold: 0xffc300,
  golden: 0xffc300, green: 0x2dc653, lime: 0xa7f432, teal: 0x2a9d8f, cyan: 0x00e5ff, turquoise: 0x40e0d0,
  blue: 0x3a86ff, navy: 0x14213d, indigo: 0x4b0082, purple: 0x8338ec, violet: 0x9d4edd, magenta: 0xff00c8,
  pink: 0xff70a6, white: 0xf8f9fa, black: 0x111111, grey: 0x8d99ae, gray: 0x8d99ae, silver: 0xc0c0c0, brown: 0x8b5a2b,
};

export const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, single: 1, two: 2, couple: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8,
  nine: 9, ten: 10, eleven: 11, twelve: 12, dozen: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
};

/** A number as digits or a word, for use inside the phrase patterns. */
export const NUMBER = `(\\d+|${Object.keys(NUMBER_WORDS).join("|")})`;

export function numberValue(token: string): number {
  return /^\d+$/.test(token) ? parseInt(token, 10) : NUMBER_WORDS[token];
}

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
  "pipe", "pipes", "log", "logs", "bus", "buses", "tractor", "tractors", "hailstones", "hail", "lightning", "storm", "storms",
  "knight", "knights", "pirate", "pirates", "ninja", "ninjas", "creep", "creeps", "tank", "tanks", "boulder", "boulders",
]);

/** Creatures and craft a flying or hopping player can be ("flappy bird with a bat"). */
export const CREATURES = new Set([
  "bat", "bird", "bee", "dragon", "owl", "chicken", "duck", "parrot", "penguin", "butterfly", "fairy", "ghost", "frog", "cat", "dog",
  "fox", "bunny", "rabbit", "pig", "unicorn", "plane", "helicopter", "rocket", "ufo", "balloon", "fish", "dinosaur", "dino", "bug", "ladybug",
]);

/** Words that mean "whatever hurts you" without naming a creature. */
export const GENERIC_HAZARDS = new Set(["enemy", "enemies", "monster", "monsters", "obstacle", "obstacles", "hazard", "hazards", "baddies", "villains", "opponents", "opponent", "creep", "creeps"]);

export const COLLECTIBLE_WORDS = new Set([
  "pearl", "pearls", "coin", "coins", "gem", "gems", "star", "stars", "apple", "apples", "fruit", "fruits", "treasure",
  "treasures", "diamond", "diamonds", "crystal", "crystals", "key", "keys", "shell", "shells", "fuel", "ring", "rings",
  "candy", "candies", "cookie", "cookies", "mushroom", "mushrooms", "banana", "bananas", "cherry", "cherries", "egg", "eggs",
  "flower", "flowers", "gold", "orb", "orbs", "jewel", "jewels", "berry", "berries", "carrot", "carrots", "donut", "donuts",
  "power-up", "power-ups", "powerup", "powerups", "battery", "batteries", "acorn", "acorns", "snowflake", "snowflakes", "bubble", "bubbles",
  "mice", "mouse", "pizza", "pizzas", "cupcake", "cupcakes", "raindrop", "raindrops", "drop", "drops", "rain", "leaf", "leaves",
  "fish", "trout", "salmon", "tuna", "carp", "bass", "goldfish", "presents", "present", "gifts", "gift", "balloons", "balloon",
]);

export const GENERIC_COLLECTIBLES = new Set(["collectible", "collectibles", "items", "item", "things", "stuff", "pickups", "points", "objects"]);

export const HAZARD_VERBS = new Set(["dodge", "dodging", "avoid", "avoiding", "escape", "escaping", "evade", "evading", "fight", "fighting", "shoot", "shooting", "blast", "blasting", "beware", "flee", "fleeing", "outrun", "outrunning", "defeat", "destroy", "stomp", "overtake", "chased", "chasing", "hit", "whack", "smash", "against", "versus", "vs"]);

export const COLLECT_VERBS = new Set(["collect", "collecting", "collects", "gather", "gathering", "grab", "grabbing", "catch", "catching", "catches", "find", "finding", "eat", "eating", "eats", "get", "getting", "loot", "looting", "pick", "picking", "save", "saving", "rescue", "rescuing", "hunt", "hunting"]);

/** Words that carry no meaning of their own in a prompt: read, and never listed as "not used". */
export const FILLER = new Set([
  "and", "or", "but", "while", "to", "in", "on", "at", "from", "with", "where", "that", "which", "who", "the", "a", "an", "of", "for",
  "as", "by", "into", "under", "over", "up", "then", "so", "it", "its", "you", "your", "yours", "them", "they", "game", "games", "before", "after",
  "until", "is", "are", "be", "make", "makes", "making", "some", "all", "every", "each", "i", "me", "my", "we", "our", "can", "could", "should",
  "would", "will", "want", "like", "please", "create", "build", "write", "give", "has", "have", "there", "this", "these", "those", "just",
  "very", "really", "also", "too", "clone", "style", "version", "kind", "type", "sort", "similar", "fun", "cool", "nice", "little", "small",
  "big", "play", "playing", "plays", "player", "let", "lets", "around", "through", "across", "about", "one", "when", "if", "do", "does",
  "get", "gets", "need", "needs", "try", "new", "simple", "classic", "basic", "quick", "short", "good", "great", "awesome", "amazing",
  "here", "now", "again", "only", "other", "another", "way", "ways", "out", "off", "down", "back", "lot", "lots", "has", ".", "win", "wins", "winner",
  "something", "anything", "colours", "colors", "colour", "color", "colourful", "colorful", "look", "looks", "graphics", "art", "called", "named", "titled",
]);

export const EASY_WORDS = new Set(["easy", "easier", "relaxed", "relaxing", "chill", "casual", "kids", "kid", "children", "child", "beginner", "beginners", "gentle", "calm", "cozy", "cosy", "toddler", "toddlers"]);
export const HARD_WORDS = new Set(["hard", "harder", "difficult", "challenging", "tough", "tougher", "insane", "brutal", "expert", "experts", "extreme", "nightmare", "hardcore"]);

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
