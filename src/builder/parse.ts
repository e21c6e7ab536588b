// parsePrompt: free text (and, for follow-ups, the previous spec) → GameSpec plus notes that say
// what was understood and why, so the chat can show the parse and the user can correct it.

import {
  DESIGNS, DIFFICULTY_LIVES, GENRES, THEMES, capitalise, defaultSpec,
  type Difficulty, type GameSpec, type Genre, type Hazard, type Theme,
} from "./spec";
import {
  BACKGROUND_WORDS, COLLECT_VERBS, COLLECTIBLE_WORDS, COLOURS, EASY_WORDS, GENERIC_COLLECTIBLES, GENERIC_HAZARDS,
  GENRE_CUES, HARD_WORDS, HAZARD_VERBS, HAZARD_WORDS, LIFE_WORDS, NUMBER_WORDS, STOP_WORDS, TEXT_WORDS, sameNoun, singular,
} from "./words";

export interface ParseResult {
  spec: GameSpec;
  notes: string[];
  /** True when the prompt named no genre and the design was guessed (chatty mode asks instead). */
  vague: boolean;
}

const LIMITS = { lives: [1, 9], hazardCount: [1, 20], collectibleCount: [1, 40], speed: [10, 900] } as const;

export function parsePrompt(prompt: string, previous?: GameSpec): ParseResult {
  // Quoted text is a title, not a description; keep it out of the word scan.
  const text = prompt.replace(/["“][^"”]*["”]/g, " ").toLowerCase().replace(/[’']/g, "").replace(/[^a-z0-9\s\-]/g, " ").replace(/\s+/g, " ").trim();
  const tokens = text.length ? text.split(" ") : [];
  const notes: string[] = [];

  const genre = detectGenre(text, tokens);
  const theme = detectTheme(tokens);
  let vague = false;
  let spec: GameSpec;

  if (previous) {
    spec = structuredClone(previous);
    if (genre && genre !== previous.genre) {
      const fresh = defaultSpec(genre, previous.seed);
      spec = { ...fresh, theme: previous.theme, palette: { ...previous.palette }, difficulty: previous.difficulty, lives: previous.lives };
      notes.push(`Switched the design to ${DESIGNS[genre].label.toLowerCase()}, keeping the ${previous.theme} look.`);
    }
  } else {
    let chosen = genre;
    if (!chosen) {
      vague = true;
      if (theme) {
        chosen = theme.suggests;
        notes.push(`No game type named; the ${theme.name} setting suggests ${DESIGNS[chosen].label.toLowerCase()} (${DESIGNS[chosen].pitch}).`);
      } else {
        chosen = closestByWords(tokens);
        notes.push(`No game type named; picked ${DESIGNS[chosen].label.toLowerCase()} as the closest design (${DESIGNS[chosen].pitch}). Name one of: ${GENRES.join(", ")} to choose.`);
      }
    }
    spec = defaultSpec(chosen, seedFrom(prompt));
  }
  const autoTitle = previous ? previous.title === generatedTitle(previous) : true;

  if (theme && (theme.name !== spec.theme || !previous)) {
    spec.theme = theme.name;
    spec.palette = { ...theme.palette };
    if (previous) notes.push(`Changed the setting to ${theme.name}.`);
  }

  applyDifficulty(spec, tokens, previous, notes);
  applyPlayer(spec, text, notes);
  applyThings(spec, tokens, notes, previous !== undefined && spec.genre === previous.genre);
  applyNegations(spec, text, notes);
  applyNumbers(spec, tokens, notes);
  applyComparatives(spec, tokens, notes);
  applyColours(spec, tokens, notes);
  applyTitle(spec, prompt, autoTitle);
  return { spec, notes, vague };
}

function detectGenre(text: string, tokens: string[]): Genre | null {
  let best: Genre | null = null;
  let bestScore = 0;
  const padded = ` ${text} `;
  for (const genre of GENRES) {
    let score = 0;
    for (const [cue, weight] of Object.entries(GENRE_CUES[genre])) {
      if (cue.includes(" ") ? padded.includes(` ${cue} `) : tokens.includes(cue)) score += weight;
    }
    if (score > bestScore) { best = genre; bestScore = score; }
  }
  // A single weak cue ("ball", "tail") is not enough to name a genre.
  return bestScore >= 2 ? best : null;
}

function detectTheme(tokens: string[]): Theme | null {
  let best: Theme | null = null;
  let bestCount = 0;
  for (const theme of THEMES) {
    const count = theme.words.filter((w) => tokens.includes(w)).length + (tokens.includes(theme.name) ? 1 : 0);
    if (count > bestCount) { best = theme; bestCount = count; }
  }
  return best;
}

/** For prompts with no genre or theme words: the design whose hazards or items the prompt mentions. */
function closestByWords(tokens: string[]): Genre {
  for (const token of tokens) {
    for (const genre of GENRES) {
      const d = DESIGNS[genre];
      if (sameNoun(token, d.collectible.name) || sameNoun(token, d.hazard.name) || token === d.player) return genre;
    }
  }
  if (tokens.some((t) => ["fly", "flying", "spaceship", "war", "battle"].includes(t))) return "shooter";
  if (tokens.some((t) => ["jump", "jumping", "hop", "cat", "dog", "fox", "bunny", "rabbit"].includes(t))) return "platformer";
  return "platformer";
}

function seedFrom(prompt: string): number {
  let h = 2166136261;
  for (let i = 0; i < prompt.length; i++) h = Math.imul(h ^ prompt.charCodeAt(i), 16777619);
  return (h >>> 0) % 1_000_000;
}

function applyDifficulty(spec: GameSpec, tokens: string[], previous: GameSpec | undefined, notes: string[]) {
  const order: Difficulty[] = ["easy", "normal", "hard"];
  let next: Difficulty | null = null;
  const relative = previous && tokens.some((t) => t === "harder" || t === "easier" || t === "tougher" || t === "simpler");
  if (relative) {
    const step = tokens.some((t) => t === "harder" || t === "tougher") ? 1 : -1;
    next = order[Math.max(0, Math.min(2, order.indexOf(spec.difficulty) + step))];
  } else if (tokens.some((t) => HARD_WORDS.has(t))) next = "hard";
  else if (tokens.some((t) => EASY_WORDS.has(t))) next = "easy";
  else if (tokens.includes("normal") || tokens.includes("medium")) next = "normal";
  if (!next || next === spec.difficulty) return;
  const livesWereDefault = spec.lives === DIFFICULTY_LIVES[spec.difficulty];
  spec.difficulty = next;
  if (livesWereDefault) spec.lives = DIFFICULTY_LIVES[next];
  notes.push(`Difficulty: ${next}.`);
}

function applyPlayer(spec: GameSpec, text: string, notes: string[]) {
  const m = /\b(?:play as|playing as|you are|you re|youre|you play|control|controlling|as) (?:a|an|the|one) ([a-z\-]+(?: [a-z\-]+)?)/.exec(text);
  if (!m) return;
  const words = m[1].split(" ").filter((w) => !STOP_WORDS.has(w) && !(w in COLOURS));
  if (words.length === 0) return;
  // Two words only when the second is still part of the noun ("space cat"), not a verb ("cat who").
  const name = words.length === 2 && /(ing|ed)$/.test(words[1]) ? words[0] : words.join(" ");
  if (name === spec.player) return;
  spec.player = name;
  notes.push(`You play as a ${name}.`);
}

/** Finds noun phrases after verbs ("dodge jellyfish and sharks", "collect 10 golden pearls"). */
function phrasesAfter(tokens: string[], verbs: Set<string>): string[] {
  const found: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!verbs.has(tokens[i])) continue;
    let j = i + 1;
    if (tokens[j] === "up" || tokens[j] === "over" || tokens[j] === "past") j++;
    while (j < tokens.length) {
      while (j < tokens.length && (tokens[j] === "the" || tokens[j] === "all" || tokens[j] === "some" || isNumber(tokens[j]))) j++;
      const words: string[] = [];
      while (j < tokens.length && words.length < 3 && !STOP_WORDS.has(tokens[j]) && !verbs.has(tokens[j]) && !HAZARD_VERBS.has(tokens[j]) && !COLLECT_VERBS.has(tokens[j])) {
        words.push(tokens[j]);
        j++;
      }
      if (words.length) found.push(words.slice(-2).join(" "));
      const joiner = tokens[j] === "and" || tokens[j] === "or";
      const nextIsVerb = HAZARD_VERBS.has(tokens[j + 1] ?? "") || COLLECT_VERBS.has(tokens[j + 1] ?? "");
      if (!joiner || nextIsVerb) break;
      j++;
    }
  }
  return found;
}

/** In a follow-up (merge) new creatures join the existing ones instead of replacing them. */
function applyThings(spec: GameSpec, tokens: string[], notes: string[], merge: boolean) {
  const design = DESIGNS[spec.genre];
  const hazardNames = phrasesAfter(tokens, HAZARD_VERBS).filter((p) => !isCollectibleWord(p));
  // Creature words anywhere in the prompt count too ("jellyfish everywhere").
  for (const t of tokens) if (HAZARD_WORDS.has(t) && !GENERIC_HAZARDS.has(t) && !hazardNames.some((h) => sameNoun(h, t)) && !isPlayerWord(spec, t) && !(spec.genre === "racing" && t.startsWith("car"))) hazardNames.push(t);
  const specific = hazardNames.filter((n) => !GENERIC_HAZARDS.has(n.split(" ").pop() ?? n) && !isPlayerWord(spec, n));
  if (specific.length) {
    const base = spec.hazards[0] ?? design.hazard;
    const fresh: Hazard[] = specific.map((name) => {
      const existing = spec.hazards.find((h) => sameNoun(h.name, name));
      return existing ? { ...existing, name } : { name, speed: base.speed, count: base.count };
    });
    const added = fresh.filter((f) => !spec.hazards.some((h) => sameNoun(f.name, h.name)));
    const next = (merge ? [...spec.hazards, ...added] : fresh).slice(0, 3);
    const changed = next.map((h) => h.name).join(",") !== spec.hazards.map((h) => h.name).join(",");
    if (changed) {
      spec.hazards = next;
      notes.push(`Hazards: ${next.map((h) => h.name).join(", ")}.`);
    }
  }
  const items = phrasesAfter(tokens, COLLECT_VERBS).filter((p) => !HAZARD_WORDS.has(p.split(" ").pop() ?? p) || isCollectibleWord(p));
  for (const t of tokens) if (COLLECTIBLE_WORDS.has(t) && !HAZARD_WORDS.has(t) && !items.some((i) => sameNoun(i, t))) items.push(t);
  const named = items.filter((i) => !GENERIC_COLLECTIBLES.has(i.split(" ").pop() ?? i) && !isPlayerWord(spec, i));
  if (named.length && !sameNoun(named[0], spec.collectibles[0]?.name ?? "")) {
    spec.collectibles = [{ name: named[0], count: spec.collectibles[0]?.count ?? design.collectible.count }];
    notes.push(`Collect: ${named[0]}.`);
  }
}

function isCollectibleWord(phrase: string): boolean {
  return COLLECTIBLE_WORDS.has(phrase.split(" ").pop() ?? phrase);
}

function isPlayerWord(spec: GameSpec, word: string): boolean {
  return sameNoun(word, spec.player);
}

function applyNegations(spec: GameSpec, text: string, notes: string[]) {
  const re = /\b(?:no|without|dont want|not any|zero|remove the|remove|get rid of the|get rid of) ([a-z\-]+(?: [a-z\-]+)?)/g;
  for (const m of text.matchAll(re)) {
    const words = m[1].split(" ");
    const noun = words.find((w) => HAZARD_WORDS.has(w) || COLLECTIBLE_WORDS.has(w) || GENERIC_COLLECTIBLES.has(w) || spec.hazards.some((h) => sameNoun(h.name, w)) || spec.collectibles.some((c) => sameNoun(c.name, w))) ?? words[0];
    const design = DESIGNS[spec.genre];
    if (GENERIC_HAZARDS.has(noun)) {
      if (spec.genre === "shooter") { notes.push(`Kept the ${spec.hazards[0]?.name ?? design.hazard.name}: a shooter needs something to shoot.`); continue; }
      if (spec.hazards.length) notes.push(`No ${noun}: removed ${spec.hazards.map((h) => h.name).join(", ")}.`);
      spec.hazards = [];
      continue;
    }
    const hazard = spec.hazards.find((h) => sameNoun(h.name, noun));
    if (hazard) {
      if (spec.genre === "shooter" && spec.hazards.length === 1) { notes.push(`Kept the ${hazard.name}: a shooter needs something to shoot.`); continue; }
      spec.hazards = spec.hazards.filter((h) => h !== hazard);
      notes.push(`No ${hazard.name}.`);
      continue;
    }
    const item = spec.collectibles.find((c) => sameNoun(c.name, noun)) ?? (GENERIC_COLLECTIBLES.has(noun) ? spec.collectibles[0] : undefined);
    if (item) {
      if (design.needsCollectible) { notes.push(`Kept the ${item.name}: collecting them is the goal of ${design.label.toLowerCase()}.`); continue; }
      spec.collectibles = [];
      notes.push(`No ${item.name}.`);
    }
  }
}

function isNumber(token: string): boolean {
  return /^\d+$/.test(token) || (token in NUMBER_WORDS && token !== "a" && token !== "an");
}

function numberValue(token: string): number {
  return /^\d+$/.test(token) ? parseInt(token, 10) : NUMBER_WORDS[token];
}

function clamp(n: number, [lo, hi]: readonly [number, number]): number {
  return Math.max(lo, Math.min(hi, Math.round(n)));
}

function applyNumbers(spec: GameSpec, tokens: string[], notes: string[]) {
  const design = DESIGNS[spec.genre];
  for (let i = 0; i < tokens.length; i++) {
    if (!isNumber(tokens[i])) continue;
    const n = numberValue(tokens[i]);
    // The noun may follow directly or after one adjective ("10 golden pearls", "3 extra lives").
    const nouns = [tokens[i + 1], tokens[i + 2]].filter((t): t is string => !!t);
    for (const noun of nouns) {
      if (LIFE_WORDS.has(noun)) {
        spec.lives = clamp(n, LIMITS.lives);
        notes.push(`Lives: ${spec.lives}.`);
        break;
      }
      const goalWord = goalNoun(spec, noun);
      if (goalWord) {
        spec.goal.target = Math.max(design.goal.min, Math.min(design.goal.max, goalWord === "km" ? n * 1000 : n));
        notes.push(`Goal: ${spec.goal.target} ${spec.goal.kind}.`);
        break;
      }
      const hazard = spec.hazards.find((h) => sameNoun(h.name, noun)) ?? (GENERIC_HAZARDS.has(noun) ? spec.hazards[0] : undefined);
      if (hazard) {
        hazard.count = clamp(n, LIMITS.hazardCount);
        notes.push(`${hazard.count} ${hazard.name}.`);
        break;
      }
      const item = spec.collectibles.find((c) => sameNoun(c.name, noun)) ?? (GENERIC_COLLECTIBLES.has(noun) ? spec.collectibles[0] : undefined);
      if (item) {
        item.count = clamp(n, LIMITS.collectibleCount);
        if (spec.goal.kind === "collect") spec.goal.target = item.count;
        notes.push(`${item.count} ${item.name}.`);
        break;
      }
      if (STOP_WORDS.has(noun)) break;
    }
  }
}

function goalNoun(spec: GameSpec, noun: string): string | null {
  const kind = spec.goal.kind;
  if (kind === "laps" && (noun === "laps" || noun === "lap")) return noun;
  if (kind === "levels" && ["levels", "level", "stages", "stage", "rounds", "round", "floors"].includes(noun)) return noun;
  if (kind === "waves" && (noun === "waves" || noun === "wave")) return noun;
  if (kind === "distance" && ["meters", "metres", "m", "km"].includes(noun)) return noun;
  if (kind === "length" && ["long", "length", "segments", "tiles"].includes(noun)) return noun;
  return null;
}

const FASTER = new Set(["faster", "quicker", "speedier", "fast", "quick", "speedy", "zippy"]);
const SLOWER = new Set(["slower", "slow", "sluggish"]);
const MORE = new Set(["more", "extra", "lots", "many", "tons"]);
const FEWER = new Set(["fewer", "less", "few"]);

/** "make the jellyfish faster", "more pearls", "fewer enemies", "faster" (everything that hurts). */
function applyComparatives(spec: GameSpec, tokens: string[], notes: string[]) {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const speed = FASTER.has(t) ? 1.5 : SLOWER.has(t) ? 1 / 1.5 : 0;
    const amount = MORE.has(t) ? 1.5 : FEWER.has(t) ? 1 / 1.5 : 0;
    if (speed) {
      const window = tokens.slice(Math.max(0, i - 4), i + 3);
      const named = spec.hazards.filter((h) => window.some((w) => sameNoun(w, h.name)));
      const targets = named.length ? named : window.some((w) => GENERIC_HAZARDS.has(w) || w === "everything" || w === "it" || w === "game" || w === "faster" || w === "slower") ? spec.hazards : [];
      for (const h of targets) h.speed = clamp(h.speed * speed, LIMITS.speed);
      if (targets.length) notes.push(`${targets.map((h) => h.name).join(", ")} ${speed > 1 ? "faster" : "slower"} (speed ${targets.map((h) => h.speed).join(", ")}).`);
    }
    if (amount) {
      const window = tokens.slice(i + 1, i + 3);
      const hazard = spec.hazards.find((h) => window.some((w) => sameNoun(w, h.name))) ?? (window.some((w) => GENERIC_HAZARDS.has(w)) ? spec.hazards[0] : undefined);
      const item = spec.collectibles.find((c) => window.some((w) => sameNoun(w, c.name)));
      if (hazard) {
        hazard.count = clamp(amount > 1 ? Math.max(hazard.count + 1, hazard.count * amount) : Math.min(hazard.count - 1, hazard.count * amount), LIMITS.hazardCount);
        notes.push(`${hazard.count} ${hazard.name}.`);
      } else if (item) {
        item.count = clamp(amount > 1 ? Math.max(item.count + 1, item.count * amount) : Math.min(item.count - 1, item.count * amount), LIMITS.collectibleCount);
        if (spec.goal.kind === "collect") spec.goal.target = item.count;
        notes.push(`${item.count} ${item.name}.`);
      } else if (window.some((w) => LIFE_WORDS.has(w))) {
        spec.lives = clamp(amount > 1 ? spec.lives + 2 : spec.lives - 1, LIMITS.lives);
        notes.push(`Lives: ${spec.lives}.`);
      }
    }
  }
}

/** Named colours go to what they sit next to: "red background", "make the jellyfish pink", "blue car". */
function applyColours(spec: GameSpec, tokens: string[], notes: string[]) {
  for (let i = 0; i < tokens.length; i++) {
    const colour = COLOURS[tokens[i]];
    if (colour === undefined) continue;
    const near = [tokens[i + 1], tokens[i + 2], tokens[i - 1], tokens[i - 2], tokens[i - 3]].filter((t): t is string => !!t);
    let slot: keyof GameSpec["palette"] = "player";
    for (const w of near) {
      if (BACKGROUND_WORDS.has(w)) { slot = "background"; break; }
      if (TEXT_WORDS.has(w)) { slot = "text"; break; }
      if (spec.hazards.some((h) => sameNoun(h.name, w)) || GENERIC_HAZARDS.has(w)) { slot = "hazard"; break; }
      if (spec.collectibles.some((c) => sameNoun(c.name, w))) { slot = "accent"; break; }
      if (sameNoun(w, spec.player) || w === "player" || w === "me") { slot = "player"; break; }
    }
    spec.palette[slot] = colour;
    notes.push(`${capitalise(tokens[i])} ${slot === "accent" ? "accents" : slot}.`);
  }
}

export function generatedTitle(spec: GameSpec): string {
  const design = DESIGNS[spec.genre];
  const lead = design.needsCollectible && spec.collectibles[0]
    ? singular(spec.collectibles[0].name.split(" ").pop() ?? spec.collectibles[0].name)
    : spec.theme;
  return capitalise(`${lead} ${design.titleWord}`);
}

function applyTitle(spec: GameSpec, prompt: string, autoTitle: boolean) {
  const quoted = /(?:called|named|titled|title)\s+["“']?([^"”'.,!?]{2,40})["”']?/i.exec(prompt) ?? /["“]([^"”]{2,40})["”]/.exec(prompt);
  if (quoted) spec.title = quoted[1].trim();
  else if (autoTitle) spec.title = generatedTitle(spec);
}
