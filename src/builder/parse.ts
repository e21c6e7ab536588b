// parsePrompt: free text (and, for follow-ups, the previous spec) → GameSpec plus notes that say
// what was understood, what was not used and which designs are closest, so the chat can show the
// parse and the user can correct it. The prompt is read as phrases: rules first ("against the
// computer", "first to 5", "speed keeps rising"), then the kind of game, setting, numbers, colours,
// creatures and items. A phrase nothing understands is listed as not used, never made a creature.

import {
  DESIGNS, DIFFICULTY_LIVES, GENRES, THEMES, capitalise, defaultSpec,
  type Difficulty, type GameSpec, type Genre, type Hazard, type Theme,
} from "./spec";
import { LANGUAGE_NAMES, detectLanguage, plainText, toEnglish, type Language } from "./languages";
import { Words, readRules, type RulePhrases } from "./phrases";
import {
  BACKGROUND_WORDS, COLLECT_VERBS, CREATURES, COLLECTIBLE_WORDS, COLOURS, EASY_WORDS, FILLER, GENERIC_COLLECTIBLES, GENERIC_HAZARDS,
  HARD_WORDS, HAZARD_VERBS, HAZARD_WORDS, KINDS, LIFE_WORDS, NUMBER, NUMBER_WORDS, TEXT_WORDS, UNBUILT_KINDS, numberValue, sameNoun, singular,
} from "./words";

export interface ParseResult {
  spec: GameSpec;
  notes: string[];
  /** True when the prompt named no built-in kind of game and the design was picked as the closest (chatty mode asks). */
  vague: boolean;
  /** Phrases of the prompt that changed nothing; the notes list them as "Not used". */
  unused: string[];
  /** The 2–3 built-in designs closest to a vague prompt, the picked one first; empty when a design was named. */
  closest: Genre[];
  language: Language;
}

const LIMITS = { lives: [1, 9], hazardCount: [1, 20], collectibleCount: [1, 40], speed: [10, 900], points: [1, 99], seconds: [10, 600] } as const;

const isGenre = (name: string): name is Genre => (GENRES as readonly string[]).includes(name);

export function parsePrompt(prompt: string, previous?: GameSpec): ParseResult {
  const plain = plainText(prompt.replace(/["“][^"”]*["”]/g, " "));
  const language = detectLanguage(plain);
  const words = new Words(toEnglish(plain, language));
  const notes: string[] = language === "en" ? [] : [`Read as ${LANGUAGE_NAMES[language]}.`];
  const notUsed: string[] = [];

  readTitleWords(words);
  const rules = readRules(words);
  const kind = readKind(words, rules);
  const theme = readTheme(words);

  let vague = false;
  let closest: Genre[] = [];
  let spec: GameSpec;
  const autoTitle = previous ? previous.title === generatedTitle(previous) : true;
  if (previous) {
    spec = structuredClone(previous);
    if (kind.genre && kind.genre !== previous.genre) {
      // A new kind of game comes in its own setting (a setting the prompt names wins below), as a
      // fresh prompt would; the difficulty, lives and a title the user chose carry over.
      const fresh = defaultSpec(kind.genre, previous.seed);
      spec = { ...fresh, title: autoTitle ? fresh.title : previous.title, difficulty: previous.difficulty, lives: previous.lives };
      const look = theme ? "" : ` in its own ${fresh.theme} setting`;
      notes.push(`Switched the design to ${DESIGNS[kind.genre].label.toLowerCase()}${look}.`);
    } else if (kind.missing) notes.push(kind.missing);
  } else {
    let chosen = kind.genre;
    if (!chosen) {
      vague = true;
      closest = [...new Set([...kind.closest, ...closestByWords(words, theme)])].slice(0, 3);
      chosen = closest[0];
      const offered = closest.map((g) => `${DESIGNS[g].label.toLowerCase()} (${DESIGNS[g].pitch})`).join(", ");
      notes.push(`${kind.missing ?? (theme ? `No kind of game named; the ${theme.name} setting suggests` : "No kind of game named; the closest designs are")} ${offered}. Picked ${DESIGNS[chosen].label.toLowerCase()}.`);
    }
    spec = defaultSpec(chosen, seedFrom(prompt));
  }

  if (theme && (theme.name !== spec.theme || !previous)) {
    spec.theme = theme.name;
    spec.palette = { ...theme.palette };
    if (previous) notes.push(`Changed the setting to ${theme.name}.`);
  }

  applyRules(spec, rules, notes, notUsed);
  applyDesignPhrases(spec, words, notes, notUsed);
  applyDifficulty(spec, words, previous, notes);
  applyPlayer(spec, words, notes);
  const negations = readNegations(words, spec);
  applyThings(spec, words, notes, notUsed, previous !== undefined && spec.genre === previous.genre);
  applyNegations(spec, negations, notes);
  applyNumbers(spec, words, notes);
  applyComparatives(spec, words, notes);
  applyColours(spec, words, notes);
  applyTitle(spec, prompt, autoTitle);

  const unused = [...notUsed, ...words.unused()];
  if (unused.length) notes.push(`Not used: ${unused.map((u) => `"${u}"`).join(", ")}.`);
  return { spec, notes, vague, unused, closest, language };
}

function seedFrom(prompt: string): number {
  let h = 2166136261;
  for (let i = 0; i < prompt.length; i++) h = Math.imul(h ^ prompt.charCodeAt(i), 16777619);
  return (h >>> 0) % 1_000_000;
}

/** "called Crypt Run" without quotes: the words are the title (applyTitle reads them from the prompt). */
function readTitleWords(words: Words) {
  words.claim(/\b(?:called|named|titled)((?: (?!with\b|and\b|where\b|in\b|on\b|that\b|for\b)[a-z0-9-]+){1,4})/g, () => true);
}

interface KindReading {
  genre: Genre | null;
  /** Built-in designs to offer when the kind asked for is not built in. */
  closest: Genre[];
  /** The sentence saying which kind is missing, when one is. */
  missing?: string;
}

/** The kind of game with the strongest cues; rules count too (an opponent suggests pong, an oxygen meter diving). */
function readKind(words: Words, rules: RulePhrases): KindReading {
  const padded = ` ${words.text} `;
  const has = (cue: string) => (cue.includes(" ") ? padded.includes(` ${cue} `) : words.tokens.includes(cue));
  let best: string | null = null;
  let bestScore = 0;
  for (const [name, kind] of Object.entries(KINDS)) {
    let score = 0;
    for (const [cue, weight] of Object.entries(kind.cues)) if (has(cue)) score += weight;
    if (name === "pong" && rules.opponent) score += 3;
    if (name === "diving" && rules.meter === "oxygen") score += 3;
    if (name === "lander" && rules.meter === "fuel") score += 3;
    if (score > bestScore) { best = name; bestScore = score; }
  }
  const unbuilt = Object.keys(UNBUILT_KINDS).find(has);
  if (unbuilt) words.readPhrase(unbuilt);
  // A single weak cue ("ball", "tail") does not name a kind; a named unbuilt kind beats weak cues.
  if (best && bestScore >= 2 && !(unbuilt && bestScore < 4)) {
    // A kind's own name ("flappy bird", "space invaders") is claimed whole; single cue words stay free for creatures and items.
    for (const cue of Object.keys(KINDS[best].cues)) {
      if (!has(cue)) continue;
      if (cue.includes(" ")) words.claim(new RegExp(`\\b${cue}\\b`, "g"), () => true);
      else words.readPhrase(cue);
    }
    if (isGenre(best)) return { genre: best, closest: [] };
    return { genre: null, closest: KINDS[best].closest.filter(isGenre), missing: `There is no built-in ${KINDS[best].label} design yet; the closest are` };
  }
  if (unbuilt) return { genre: null, closest: UNBUILT_KINDS[unbuilt].filter(isGenre), missing: `There is no built-in ${unbuilt} design; the closest are` };
  return { genre: null, closest: [] };
}

/** The setting the prompt names most; words a kind's name claimed ("space shooter") do not count, so "a space shooter in a forest" is set in the forest. */
function readTheme(words: Words): Theme | null {
  let best: Theme | null = null;
  let bestCount = 0;
  for (const theme of THEMES) {
    const count = theme.words.filter((w) => words.hasFree(w)).length + (words.hasFree(theme.name) ? 1 : 0);
    if (count > bestCount) { best = theme; bestCount = count; }
  }
  if (best) for (const w of [best.name, ...best.words]) words.readPhrase(w);
  return best;
}

/** For prompts that name no kind: designs ranked by weak cues, the setting and the creatures or items they mention. */
function closestByWords(words: Words, theme: Theme | null): Genre[] {
  const score = new Map<Genre, number>(GENRES.map((g) => [g, 0]));
  const add = (g: string, n: number) => isGenre(g) && score.set(g, (score.get(g) ?? 0) + n);
  for (const [name, kind] of Object.entries(KINDS)) {
    for (const [cue, weight] of Object.entries(kind.cues)) if (words.tokens.includes(cue)) add(name, weight);
  }
  if (theme) add(theme.suggests, 1.5);
  for (const g of GENRES) {
    const d = DESIGNS[g];
    if (words.tokens.some((t) => (d.collectible && sameNoun(t, d.collectible.name)) || (d.hazard && sameNoun(t, d.hazard.name)) || t === d.player)) add(g, 1);
  }
  const fallback: Genre[] = ["platformer", "runner", "maze"];
  const ranked = [...score.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).map(([g]) => g);
  return [...new Set([...ranked, ...fallback])].slice(0, 3);
}

/** The rule phrases applied to the design, or reported as not used when the design cannot play them. */
function applyRules(spec: GameSpec, rules: RulePhrases, notes: string[], notUsed: string[]) {
  const design = DESIGNS[spec.genre];
  const label = design.label.toLowerCase();
  const set = (patch: NonNullable<GameSpec["rules"]>) => (spec.rules = { ...spec.rules, ...patch });
  if (rules.opponent) {
    if (design.supports.opponent) {
      set({ opponent: rules.opponent });
      notes.push(rules.opponent === "cpu" ? "Opponent: the computer." : "Two players: the left paddle plays with W and S, the right one with the arrow keys.");
    } else notUsed.push(`${rules.opponent === "cpu" ? "against the computer" : "two players"} (${label} has no opponent)`);
  }
  if (rules.points !== undefined) {
    if (spec.goal.kind === "points") {
      spec.goal.target = clamp(rules.points, LIMITS.points);
      notes.push(`Goal: first to ${spec.goal.target} points.`);
    } else notUsed.push(`${rules.points} points (${label} is won by ${spec.goal.kind})`);
  }
  if (rules.rising) {
    if (design.supports.rising === "option") {
      set({ rising: true });
      notes.push("Speed keeps rising.");
    } else if (design.supports.rising === "always") notes.push(`Rising speed: ${label} already gets faster as you play.`);
    else notUsed.push(`rising speed (${label} keeps one pace)`);
  }
  if (rules.meter) {
    if (design.supports.meter === rules.meter) notes.push(`${capitalise(rules.meter)} meter: part of ${label}.`);
    else notUsed.push(`${rules.meter} meter (${label} has none)`);
  }
  if (rules.timeLimit !== undefined) {
    if (design.supports.timeLimit) {
      set({ timeLimit: rules.timeLimit === 0 ? 0 : clamp(rules.timeLimit, LIMITS.seconds) });
      notes.push(rules.timeLimit === 0 ? "No time limit." : `Time limit: ${spec.rules!.timeLimit} s.`);
    } else notUsed.push(`${rules.timeLimit === 0 ? "no time limit" : `a ${rules.timeLimit} s time limit`} (${label} has no clock)`);
  }
  if (rules.audience) setDifficulty(spec, rules.audience.difficulty, notes, `Difficulty: ${rules.audience.difficulty} (${rules.audience.says}).`);
}

/** Phrases only one design understands: "two kinds of towers" in tower defense. */
function applyDesignPhrases(spec: GameSpec, words: Words, notes: string[], notUsed: string[]) {
  if (spec.genre !== "towers") return;
  words.claim(new RegExp(`\\b${NUMBER} (?:kinds|types|sorts) of towers?\\b`, "g"), (m) => {
    const n = numberValue(m[1]);
    if (n === 2) notes.push("Two kinds of towers: quick blasters and slow cannons that hit a whole group.");
    else notUsed.push(`${m[0]} (tower defense has two: blasters and cannons)`);
    return true;
  });
}

function setDifficulty(spec: GameSpec, next: Difficulty, notes: string[], note = `Difficulty: ${next}.`) {
  if (next === spec.difficulty) return;
  const livesWereDefault = spec.lives === DIFFICULTY_LIVES[spec.difficulty];
  spec.difficulty = next;
  if (livesWereDefault) spec.lives = DIFFICULTY_LIVES[next];
  notes.push(note);
}

function applyDifficulty(spec: GameSpec, words: Words, previous: GameSpec | undefined, notes: string[]) {
  const order: Difficulty[] = ["easy", "normal", "hard"];
  const at = (test: (t: string) => boolean) => words.tokens.findIndex((t, i) => test(t) && !words.isClaimed(i));
  const relative = at((t) => t === "harder" || t === "easier" || t === "tougher" || t === "simpler");
  let next: Difficulty | null = null;
  if (previous && relative >= 0) {
    const step = ["harder", "tougher"].includes(words.tokens[relative]) ? 1 : -1;
    next = order[Math.max(0, Math.min(2, order.indexOf(spec.difficulty) + step))];
    words.read(relative);
  } else {
    const hard = at((t) => HARD_WORDS.has(t));
    const easy = at((t) => EASY_WORDS.has(t));
    const normal = at((t) => t === "normal" || t === "medium");
    const index = hard >= 0 ? hard : easy >= 0 ? easy : normal;
    if (index >= 0) {
      next = hard >= 0 ? "hard" : easy >= 0 ? "easy" : "normal";
      words.read(index);
    }
  }
  if (next) setDifficulty(spec, next, notes);
}

function applyPlayer(spec: GameSpec, words: Words, notes: string[]) {
  const name = (found: string) => {
    const parts = found.trim().split(" ").filter((w) => !FILLER.has(w) && !(w in COLOURS));
    if (parts.length === 0) return;
    // Two words only when the second is still part of the noun ("space cat"), not a verb ("cat who").
    const player = parts.length === 2 && /(ing|ed)$/.test(parts[1]) ? parts[0] : parts.join(" ");
    if (player !== spec.player) {
      spec.player = player;
      notes.push(`You play as ${/^[aeiou]/.test(player) ? "an" : "a"} ${player}.`);
    }
  };
  // A design whose player is a creature takes "with a bat" as the player too.
  if (DESIGNS[spec.genre].creaturePlayer) {
    const take = (m: RegExpExecArray) => {
      if (!CREATURES.has(m[1])) return false;
      name(m[1]);
      return true;
    };
    words.claim(/\b(?:with|starring|featuring|help|helping|guide|save) (?:a|an|the|my) ([a-z]+)\b/g, take);
    words.claim(/\b(?:a|an|the) ([a-z]+)(?= (?:crosses|cross|flies|fly|hops|hop|jumps|flaps|has to|must|tries)\b)/g, take);
  }
  const role = "play as|playing as|you are|you re|youre|you play as|you play|you control|control|controlling|you hold|holding|you fly|flying as|you drive|you ride|you steer|pilot|piloting|land|as";
  words.claim(new RegExp(`\\b(?:${role}) (?:a|an|the|one|my) ([a-z-]+)( [a-z-]+)?`, "g"), (m) => {
    const next = m[2]?.trim() ?? "";
    // "a space cat" is two words of a name; "the rocket gently" is a name and an adverb.
    const second = next && !FILLER.has(next) && !HAZARD_VERBS.has(next) && !COLLECT_VERBS.has(next) && !/ly$/.test(next) ? m[2] : "";
    name(m[1] + second);
    return true;
  });
}

/** Noun phrases after verbs ("dodge jellyfish and sharks", "collect 10 golden pearls"), skipping claimed words. */
function phrasesAfter(words: Words, verbs: Set<string>, known: (noun: string) => boolean): { name: string; at: number; count: number }[] {
  const t = words.tokens;
  const found: { name: string; at: number; count: number }[] = [];
  for (let i = 0; i < t.length; i++) {
    if (!verbs.has(t[i]) || words.isClaimed(i)) continue;
    let j = i + 1;
    if (t[j] === "up" || t[j] === "over" || t[j] === "past") j++;
    while (j < t.length) {
      // Colours go to the palette, not into the name ("pink jellyfish" are jellyfish); gold and silver stay ("golden shells").
      while (j < t.length && (t[j] === "the" || t[j] === "all" || t[j] === "some" || t[j] === "falling" || isNumber(t[j]) || (t[j] in COLOURS && !/^(gold|golden|silver)$/.test(t[j])))) j++;
      const start = j;
      const phrase: string[] = [];
      while (j < t.length && phrase.length < 3 && !words.isClaimed(j) && !FILLER.has(t[j]) && !HAZARD_VERBS.has(t[j]) && !COLLECT_VERBS.has(t[j])) phrase.push(t[j++]);
      const last = phrase.at(-1);
      // A noun the vocabulary knows, or an unknown plural right after the verb ("collect moonstones").
      if (last && (known(last) || (phrase.length === 1 && /[a-z]{3,}s$/.test(last) && !last.endsWith("ss")))) {
        const name = phrase.slice(-2).join(" ");
        found.push({ name, at: start + phrase.length - name.split(" ").length, count: name.split(" ").length });
      }
      const joiner = t[j] === "and" || t[j] === "or";
      const nextIsVerb = HAZARD_VERBS.has(t[j + 1] ?? "") || COLLECT_VERBS.has(t[j + 1] ?? "");
      if (!joiner || nextIsVerb) break;
      j++;
    }
  }
  return found;
}

const isHazardWord = (w: string) => HAZARD_WORDS.has(w);
const isItemWord = (w: string) => COLLECTIBLE_WORDS.has(w) || GENERIC_COLLECTIBLES.has(w);

/** In a follow-up (merge) new creatures join the existing ones instead of replacing them. */
function applyThings(spec: GameSpec, words: Words, notes: string[], notUsed: string[], merge: boolean) {
  const design = DESIGNS[spec.genre];
  const t = words.tokens;
  const isPlayer = (w: string) => sameNoun(w, spec.player);
  const hazards = phrasesAfter(words, HAZARD_VERBS, isHazardWord).filter((p) => !isItemWord(p.name.split(" ").pop()!));
  // Creature words anywhere in the prompt count too ("jellyfish everywhere").
  t.forEach((w, i) => {
    if (isHazardWord(w) && !words.isClaimed(i) && !GENERIC_HAZARDS.has(w) && !hazards.some((h) => sameNoun(h.name, w)) && !isPlayer(w) && !(spec.genre === "racing" && w.startsWith("car"))) hazards.push({ name: w, at: i, count: 1 });
  });
  for (const h of hazards) words.read(h.at, h.count);
  t.forEach((w, i) => GENERIC_HAZARDS.has(w) && words.read(i));
  // What the design collects is never a hazard, whatever the verb ("hit the moles" in whack-a-mole).
  const isDesignItem = (n: string) => !!design.collectible && sameNoun(n, design.collectible.name);
  const specific = hazards.map((h) => h.name).filter((n) => !GENERIC_HAZARDS.has(n.split(" ").pop() ?? n) && !isPlayer(n) && !isDesignItem(n));
  if (specific.length && !design.hazard) notUsed.push(`${specific.join(", ")} (${design.label.toLowerCase()} has no hazards)`);
  else if (specific.length) {
    const base = spec.hazards[0] ?? design.hazard!;
    const fresh: Hazard[] = specific.map((name) => {
      const existing = spec.hazards.find((h) => sameNoun(h.name, name));
      return existing ? { ...existing, name } : { name, speed: base.speed, count: base.count };
    });
    const added = fresh.filter((f) => !spec.hazards.some((h) => sameNoun(f.name, h.name)));
    const next = (merge ? [...spec.hazards, ...added] : fresh).slice(0, 3);
    if (next.map((h) => h.name).join(",") !== spec.hazards.map((h) => h.name).join(",")) {
      spec.hazards = next;
      notes.push(`Hazards: ${next.map((h) => h.name).join(", ")}.`);
    }
  }
  const items = phrasesAfter(words, COLLECT_VERBS, isItemWord).filter((p) => !isHazardWord(p.name.split(" ").pop()!) || isItemWord(p.name.split(" ").pop()!));
  t.forEach((w, i) => {
    if (COLLECTIBLE_WORDS.has(w) && !HAZARD_WORDS.has(w) && !words.isClaimed(i) && !items.some((it) => sameNoun(it.name, w))) items.push({ name: w, at: i, count: 1 });
  });
  for (const it of items) words.read(it.at, it.count);
  t.forEach((w, i) => (GENERIC_COLLECTIBLES.has(w) || COLLECT_VERBS.has(w) || HAZARD_VERBS.has(w)) && words.read(i));
  const named = items.map((it) => it.name).filter((n) => !GENERIC_COLLECTIBLES.has(n.split(" ").pop() ?? n) && !isPlayer(n));
  if (named.length && !design.collectible) notUsed.push(`${named.join(", ")} (${design.label.toLowerCase()} has nothing to collect)`);
  else if (named.length && !sameNoun(named[0], spec.collectibles[0]?.name ?? "")) {
    spec.collectibles = [{ name: named[0], count: spec.collectibles[0]?.count ?? design.collectible!.count }];
    notes.push(`Collect: ${named[0]}.`);
  }
}

const NEGATIONS = [["get", "rid", "of", "the"], ["get", "rid", "of"], ["dont", "want"], ["not", "any"], ["no", "more"], ["remove", "the"], ["no"], ["without"], ["zero"], ["remove"]];

/**
 * "no enemies", "without sharks", "no pink jellyfish": claimed before creatures are read, so the
 * named ones are not added back. The phrase is the negation and one or two words naming something.
 */
function readNegations(words: Words, spec: GameSpec): string[][] {
  const design = DESIGNS[spec.genre];
  const names = [design.hazard?.name, design.collectible?.name, ...spec.hazards.map((h) => h.name), ...spec.collectibles.map((c) => c.name)].filter((n): n is string => !!n);
  const known = (w: string | undefined) => !!w && (HAZARD_WORDS.has(w) || isItemWord(w) || names.some((n) => mentions(n, [w])));
  const t = words.tokens;
  const found: string[][] = [];
  for (let i = 0; i < t.length; i++) {
    const negation = NEGATIONS.find((n) => n.every((w, k) => t[i + k] === w));
    if (!negation) continue;
    const at = i + negation.length;
    // "no sharks", "no fuel cans" (two known words), "no pink jellyfish" (a word before the noun).
    const count = known(t[at]) ? (known(t[at + 1]) ? 2 : 1) : known(t[at + 1]) && !FILLER.has(t[at]) ? 2 : 0;
    if (count && words.claimTokens(i, at + count)) found.push(t.slice(at, at + count));
  }
  return found;
}

/** True when a name ("fuel cans") is what these words ("fuel", "cans") speak of. */
function mentions(name: string, nouns: string[]): boolean {
  const parts = name.split(" ").map(singular);
  return nouns.some((w) => parts.includes(singular(w)));
}

function applyNegations(spec: GameSpec, negations: string[][], notes: string[]) {
  const design = DESIGNS[spec.genre];
  for (const nouns of negations) {
    if (nouns.some((w) => GENERIC_HAZARDS.has(w))) {
      if (design.needsHazard) { notes.push(`Kept the ${spec.hazards[0]?.name ?? design.hazard?.name}: ${design.label.toLowerCase()} needs something to shoot.`); continue; }
      if (spec.hazards.length) notes.push(`No ${nouns.join(" ")}: removed ${spec.hazards.map((h) => h.name).join(", ")}.`);
      spec.hazards = [];
      continue;
    }
    const hazard = spec.hazards.find((h) => mentions(h.name, nouns));
    if (hazard) {
      if (design.needsHazard && spec.hazards.length === 1) { notes.push(`Kept the ${hazard.name}: ${design.label.toLowerCase()} needs something to shoot.`); continue; }
      spec.hazards = spec.hazards.filter((h) => h !== hazard);
      notes.push(`No ${hazard.name}.`);
      continue;
    }
    const item = spec.collectibles.find((c) => mentions(c.name, nouns)) ?? (nouns.some((w) => GENERIC_COLLECTIBLES.has(w)) ? spec.collectibles[0] : undefined);
    if (item) {
      if (design.needsCollectible) { notes.push(`Kept the ${item.name}: collecting them is the goal of ${design.label.toLowerCase()}.`); continue; }
      spec.collectibles = [];
      notes.push(`No ${item.name}.`);
      continue;
    }
    notes.push(`No ${nouns.join(" ")}: this ${design.label.toLowerCase()} game had none.`);
  }
}

function isNumber(token: string): boolean {
  return /^\d+$/.test(token) || token in NUMBER_WORDS;
}

function clamp(n: number, [lo, hi]: readonly [number, number]): number {
  return Math.max(lo, Math.min(hi, Math.round(n)));
}

function applyNumbers(spec: GameSpec, words: Words, notes: string[]) {
  const design = DESIGNS[spec.genre];
  const t = words.tokens;
  for (let i = 0; i < t.length; i++) {
    if (!isNumber(t[i]) || words.isClaimed(i)) continue;
    const n = numberValue(t[i]);
    // The noun may follow directly or after one adjective ("10 golden pearls", "3 extra lives").
    for (const k of [i + 1, i + 2]) {
      const noun = t[k];
      if (!noun || words.isClaimed(k)) break;
      const understood = () => {
        words.read(i, k - i + 1);
        claimInsteadOf(words, k + 1, noun);
      };
      if (LIFE_WORDS.has(noun)) {
        spec.lives = clamp(n, LIMITS.lives);
        notes.push(`Lives: ${spec.lives}.`);
        understood();
        break;
      }
      const goalWord = goalNoun(spec, noun);
      if (goalWord) {
        spec.goal.target = Math.max(design.goal.min, Math.min(design.goal.max, goalWord === "km" ? n * 1000 : n));
        notes.push(`Goal: ${spec.goal.target} ${spec.goal.kind}.`);
        understood();
        break;
      }
      const hazard = spec.hazards.find((h) => sameNoun(h.name, noun)) ?? (GENERIC_HAZARDS.has(noun) ? spec.hazards[0] : undefined);
      if (hazard) {
        hazard.count = clamp(n, LIMITS.hazardCount);
        notes.push(`${hazard.count} ${hazard.name}.`);
        understood();
        break;
      }
      const item = spec.collectibles.find((c) => sameNoun(c.name, noun)) ?? (GENERIC_COLLECTIBLES.has(noun) ? spec.collectibles[0] : undefined);
      if (item) {
        item.count = clamp(n, LIMITS.collectibleCount);
        if (spec.goal.kind === "collect") spec.goal.target = item.count;
        notes.push(`${item.count} ${item.name}.`);
        understood();
        break;
      }
      if (FILLER.has(noun)) break;
    }
  }
}

/** "three lives instead of one (life)": the old number is what the game had, never a second count. */
function claimInsteadOf(words: Words, at: number, noun: string) {
  const t = words.tokens;
  if (t[at] !== "instead" || t[at + 1] !== "of" || !isNumber(t[at + 2] ?? "")) return;
  const old = t[at + 3];
  words.claimTokens(at, at + 3 + (old && (sameNoun(old, noun) || (LIFE_WORDS.has(old) && LIFE_WORDS.has(noun))) ? 1 : 0));
}

function goalNoun(spec: GameSpec, noun: string): string | null {
  const kind = spec.goal.kind;
  const nouns: Partial<Record<GameSpec["goal"]["kind"], string[]>> = {
    laps: ["laps", "lap"], levels: ["levels", "level", "stages", "stage", "rounds", "round", "floors"], waves: ["waves", "wave", "rounds", "round"],
    distance: ["meters", "metres", "m", "km"], length: ["long", "length", "segments", "tiles"], points: ["points", "point", "goals", "goal", "pipes"],
    pairs: ["pairs", "pair", "cards"], fish: ["fish", "fishes"], crossings: ["crossings", "trips", "times", "frogs"], landings: ["landings", "landing", "levels", "pads"],
    height: ["meters", "metres", "m"], rooms: ["rooms", "room", "levels", "floors"], holes: ["holes", "hole", "courses"], gems: ["gems", "gem", "jewels", "candies", "tiles"],
  };
  // Match-3 is won by clearing its own gems, whatever the prompt calls them ("clear 80 donuts").
  if (kind === "gems" && spec.collectibles[0] && sameNoun(noun, spec.collectibles[0].name)) return noun;
  return nouns[kind]?.includes(noun) ? noun : null;
}

const FASTER = new Set(["faster", "quicker", "speedier", "fast", "quick", "speedy", "zippy"]);
const SLOWER = new Set(["slower", "slow", "sluggish"]);
const MORE = new Set(["more", "extra", "lots", "many", "tons"]);
const FEWER = new Set(["fewer", "less", "few"]);

/** "make the jellyfish faster", "more pearls", "fewer enemies", "faster" (everything that hurts). */
function applyComparatives(spec: GameSpec, words: Words, notes: string[]) {
  const t = words.tokens;
  for (let i = 0; i < t.length; i++) {
    if (words.isClaimed(i)) continue;
    const w = t[i];
    const speed = FASTER.has(w) ? 1.5 : SLOWER.has(w) ? 1 / 1.5 : 0;
    const amount = MORE.has(w) ? 1.5 : FEWER.has(w) ? 1 / 1.5 : 0;
    if (speed) {
      const window = t.slice(Math.max(0, i - 4), i + 3);
      const named = spec.hazards.filter((h) => window.some((x) => sameNoun(x, h.name)));
      // Named creatures, else everything that hurts ("make it faster", "very fast").
      const targets = named.length ? named : spec.hazards;
      for (const h of targets) h.speed = clamp(h.speed * speed, LIMITS.speed);
      if (targets.length) {
        notes.push(`${targets.map((h) => h.name).join(", ")} ${speed > 1 ? "faster" : "slower"} (speed ${targets.map((h) => h.speed).join(", ")}).`);
        words.read(i);
      }
    }
    if (amount) {
      const window = t.slice(i + 1, i + 3);
      const hazard = spec.hazards.find((h) => window.some((x) => sameNoun(x, h.name))) ?? (window.some((x) => GENERIC_HAZARDS.has(x)) ? spec.hazards[0] : undefined);
      const item = spec.collectibles.find((c) => window.some((x) => sameNoun(x, c.name)));
      const grow = (n: number) => clamp(amount > 1 ? Math.max(n + 1, n * amount) : Math.min(n - 1, n * amount), LIMITS.hazardCount);
      if (hazard) {
        hazard.count = grow(hazard.count);
        notes.push(`${hazard.count} ${hazard.name}.`);
      } else if (item) {
        item.count = clamp(amount > 1 ? Math.max(item.count + 1, item.count * amount) : Math.min(item.count - 1, item.count * amount), LIMITS.collectibleCount);
        if (spec.goal.kind === "collect") spec.goal.target = item.count;
        notes.push(`${item.count} ${item.name}.`);
      } else if (window.some((x) => LIFE_WORDS.has(x))) {
        spec.lives = clamp(amount > 1 ? spec.lives + 2 : spec.lives - 1, LIMITS.lives);
        notes.push(`Lives: ${spec.lives}.`);
      } else continue;
      words.read(i, 3);
    }
  }
}

/** Named colours go to what they sit next to: "red background", "make the jellyfish pink", "blue car". */
function applyColours(spec: GameSpec, words: Words, notes: string[]) {
  const t = words.tokens;
  for (let i = 0; i < t.length; i++) {
    const colour = COLOURS[t[i]];
    if (colour === undefined || words.isClaimed(i)) continue;
    words.read(i);
    const near = [i + 1, i + 2, i - 1, i - 2, i - 3].filter((k) => k >= 0 && k < t.length);
    let slot: keyof GameSpec["palette"] = "player";
    for (const k of near) {
      const w = t[k];
      if (BACKGROUND_WORDS.has(w)) { slot = "background"; words.read(k); break; }
      if (TEXT_WORDS.has(w)) { slot = "text"; words.read(k); break; }
      if (spec.hazards.some((h) => sameNoun(h.name, w)) || GENERIC_HAZARDS.has(w)) { slot = "hazard"; break; }
      if (spec.collectibles.some((c) => sameNoun(c.name, w))) { slot = "accent"; break; }
      if (sameNoun(w, spec.player) || w === "player" || w === "me") { slot = "player"; words.read(k); break; }
    }
    spec.palette[slot] = colour;
    notes.push(`${capitalise(t[i])} ${slot === "accent" ? "accents" : slot}.`);
  }
}

export function generatedTitle(spec: GameSpec): string {
  const design = DESIGNS[spec.genre];
  const itemOf = (name: string) => singular(name.split(" ").pop() ?? name);
  const item = design.needsCollectible && spec.collectibles[0] ? itemOf(spec.collectibles[0].name) : null;
  // "Fish Fishing" says nothing twice: the setting leads instead. So does a setting the person
  // chose over the design's own item ("a snake game in space" is Space Snake, not Apple Snake).
  const ownItem = design.collectible ? itemOf(design.collectible.name) : null;
  const settingChosen = spec.theme !== design.theme && item === ownItem;
  const lead = item && !design.titleWord.toLowerCase().includes(item) && !settingChosen ? item : spec.theme;
  return capitalise(`${lead} ${design.titleWord}`);
}

function applyTitle(spec: GameSpec, prompt: string, autoTitle: boolean) {
  const quoted = /["“]([^"”]{2,40})["”]/.exec(prompt) ?? /\b(?:called|named|titled)\s+([^"”.,!?]{2,40}?)(?=\s+(?:with|and|where|in|on|that|for)\b|[.,!?]|$)/i.exec(prompt);
  if (quoted) spec.title = quoted[1].trim();
  else if (autoTitle) spec.title = generatedTitle(spec);
}
