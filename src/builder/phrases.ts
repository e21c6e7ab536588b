// Reading a prompt as phrases: the words of the (English) prompt, which of them a rule has
// claimed ("against the computer", "first to 5", "speed keeps rising"), which were understood,
// and the phrases nothing understood, which the chat lists as "not used".

import { FILLER, NUMBER, numberValue } from "./words";

export class Words {
  readonly tokens: string[];
  readonly text: string;
  private readonly starts: number[] = [];
  /** claimed: a rule owns the word (entities never take it); read: understood, still free for entities. */
  private readonly state: ("free" | "read" | "claimed")[];

  constructor(text: string) {
    this.tokens = text.length ? text.split(" ") : [];
    this.text = this.tokens.join(" ");
    let at = 0;
    for (const token of this.tokens) {
      this.starts.push(at);
      at += token.length + 1;
    }
    this.state = this.tokens.map(() => "free");
  }

  /** Token indices [from, to) covered by a match at char offset `index` of length `length`. */
  private span(index: number, length: number): [number, number] {
    const from = this.starts.findIndex((s) => s >= index);
    let to = from;
    while (to < this.tokens.length && this.starts[to] < index + length) to++;
    return [from, to];
  }

  /**
   * Runs `handle` on every match of `pattern` (word-aligned, global) whose words no rule claimed yet;
   * when it returns true the words become claimed.
   */
  claim(pattern: RegExp, handle: (m: RegExpExecArray) => boolean): void {
    for (const m of this.text.matchAll(pattern)) {
      const [from, to] = this.span(m.index, m[0].length);
      if (from < 0 || this.state.slice(from, to).includes("claimed")) continue;
      if (handle(m as RegExpExecArray)) for (let i = from; i < to; i++) this.state[i] = "claimed";
    }
  }

  /** Claims tokens [from, to) for a rule, unless one of them is claimed already; true when it did. */
  claimTokens(from: number, to: number): boolean {
    if (from < 0 || to > this.tokens.length || this.state.slice(from, to).includes("claimed")) return false;
    for (let i = from; i < to; i++) this.state[i] = "claimed";
    return true;
  }

  /** Whether the prompt has `word` somewhere no rule claimed. */
  hasFree(word: string): boolean {
    return this.tokens.some((token, i) => token === word && this.state[i] !== "claimed");
  }

  /** Marks a token (or a matched phrase) as understood without claiming it. */
  read(index: number, count = 1): void {
    for (let i = index; i < index + count && i < this.tokens.length; i++) if (this.state[i] === "free") this.state[i] = "read";
  }

  readPhrase(phrase: string): void {
    const words = phrase.split(" ");
    for (let i = 0; i + words.length <= this.tokens.length; i++) {
      if (words.every((w, k) => this.tokens[i + k] === w)) this.read(i, words.length);
    }
  }

  isClaimed(index: number): boolean {
    return this.state[index] === "claimed";
  }

  /** Runs of words nothing understood (filler words end a run and are never listed). */
  unused(): string[] {
    const phrases: string[] = [];
    let run: string[] = [];
    const flush = () => {
      if (run.length) phrases.push(run.join(" "));
      run = [];
    };
    this.tokens.forEach((token, i) => {
      if (this.state[i] === "free" && !FILLER.has(token)) run.push(token);
      else flush();
    });
    flush();
    return phrases;
  }
}

/** What the prompt says about the rules of play, independent of the design that plays them. */
export interface RulePhrases {
  opponent?: "cpu" | "human";
  /** "first to 5", "score 20 points". */
  points?: number;
  rising?: boolean;
  meter?: "oxygen" | "fuel";
  /** Seconds; 0 means "no time limit" was asked for. */
  timeLimit?: number;
  /** From "for a 7 year old", "for kids", "for experts". */
  audience?: { difficulty: "easy" | "hard"; says: string };
}

const N = NUMBER;
const word = (alternatives: string) => `(?:${alternatives})`;

/** Reads (and claims) the rule phrases; none of their words can then become a creature or an item. */
export function readRules(words: Words): RulePhrases {
  const rules: RulePhrases = {};
  const claim = (pattern: string, handle: (m: RegExpExecArray) => void) =>
    words.claim(new RegExp(`\\b${pattern}\\b`, "g"), (m) => {
      handle(m);
      return true;
    });

  const machine = word("computer|computers|cpu|ai|bot|bots|robot|machine");
  claim(`(?:play(?:ing)? )?${word("against|vs|versus|verses")} (?:the |a |an )?${machine}(?: opponent| player)?`, () => (rules.opponent = "cpu"));
  claim(`(?:a |an |the )?${word("computer|cpu|ai")}[ -]${word("opponent|player|paddle|enemy|rival")}`, () => (rules.opponent = "cpu"));
  // A second person: "two players", "with a friend on WASD", "for me and my brother", "my friend
  // uses W and S", "WASD for my friend", "add a second player on WASD".
  const mate = word("friend|friends|brother|sister|dad|mum|mom|sibling|buddy|partner");
  const keys = `(?:the )?${word("wasd|w and s|w/s|keyboard|arrow keys|arrows")}(?: keys)?`;
  const onKeys = `(?: (?:who )?${word("on|with|using|uses|plays with|plays on")} ${keys})`;
  claim(
    `${word("two|2")}[ -]players?(?: mode| game)?${onKeys}?|multiplayer|multi-player|1v1|pvp` +
      `|${word("with|against|vs|versus|for me and|me and|and")} (?:a |my )?${mate}${onKeys}?` +
      `|(?:my |a )${mate}${onKeys}|${keys} for (?:my |a |the )?(?:${mate}|second player|player (?:2|two))` +
      `|(?:add |with )?(?:a |another )?(?:second|2nd) player${onKeys}?`,
    () => (rules.opponent = "human"),
  );
  claim(`(?:for )?${word("one|1|single")}[ -]player`, () => undefined);

  claim(`first to ${N}(?: ${word("points?|goals?|wins?|scores?|rounds?")})?(?: ${word("wins?|win the game")})?`, (m) => (rules.points = numberValue(m[1])));
  claim(`${word("score|get|reach|make|collect|win with")} ${N} points?(?: to win)?`, (m) => (rules.points = numberValue(m[1])));
  claim(`${N} points? to win|win (?:at|with) ${N}(?: points?)?`, (m) => (rules.points = numberValue(m[1] ?? m[2])));

  const goesUp = word("keeps? (?:rising|going up|increasing|getting faster|speeding up)|gets? (?:faster|quicker|harder)|goes up|rises|increases|ramps up|speeds up");
  claim(`${word("speed|pace|it|the game|game|things|everything|difficulty|the ball|ball|enemies|obstacles|they")} ${goesUp}(?: (?:and|over) (?:faster|harder|time))*`, () => (rules.rising = true));
  claim(`${word("faster and faster|harder and harder|quicker and quicker|ever faster|increasing speed|rising speed|increasing difficulty|rising difficulty|gets faster over time|speeds up over time|keeps getting faster|getting faster")}`, () => (rules.rising = true));

  claim(`(?:${word("dont|do not|never|without|try not to|careful not to")} )?${word("run|running|runs")} out of ${word("oxygen|air|fuel|gas|petrol")}`, (m) => (rules.meter = /oxygen|air/.test(m[0]) ? "oxygen" : "fuel"));
  claim(`(?:limited |an |the )?${word("oxygen|air|fuel|gas")}(?: ${word("meter|bar|tank|gauge|supply|level|limit")})`, (m) => (rules.meter = /oxygen|air/.test(m[0]) ? "oxygen" : "fuel"));
  claim(`limited ${word("oxygen|air|fuel|gas")}`, (m) => (rules.meter = /oxygen|air/.test(m[0]) ? "oxygen" : "fuel"));

  claim(`(?:before )?the ${word("timer|clock|time")} ${word("runs out|is up|ends")}`, () => (rules.timeLimit ??= 60));
  claim(`(?:${word("dont|do not|never")} )?run out of time|no ${word("time limit|timer|countdown|clock")}|without (?:a )?${word("time limit|timer")}`, (m) => (rules.timeLimit = /^(no|without)/.test(m[0]) ? 0 : 60));
  claim(`${word("in|within|under|for")} ${N} ${word("seconds?|secs?|s|minutes?|mins?")}|${N}[ -]${word("second|minute")}s? ${word("timer|time limit|countdown|limit|round")}|${word("survive|last") } (?:for )?${N} ${word("seconds?|minutes?")}`, (m) => {
    const n = numberValue(m[1] ?? m[2] ?? m[3]);
    rules.timeLimit = /min/.test(m[0]) ? n * 60 : n;
  });
  claim(`(?:a |with a )?${word("time limit|countdown|timer|clock")}`, () => (rules.timeLimit ??= 60));

  claim(`for (?:a |an |my )?(?:${word("little|young|small")} )?${N}[ -]?(?:years?|yrs?)?[ -]?olds?(?: ${word("kid|child|boy|girl|son|daughter")})?|for (?:a )?(?:kid|child|boy|girl) (?:aged |of )?${N}`, (m) => {
    const age = numberValue(m[1] ?? m[2]);
    if (age <= 10) rules.audience = { difficulty: "easy", says: `for a ${age}-year-old` };
  });
  claim(`(?:of |aged )?${N}[ -]?(?:years?|yrs?)[ -]?olds?`, (m) => {
    const age = numberValue(m[1]);
    if (age <= 10) rules.audience = { difficulty: "easy", says: `for a ${age}-year-old` };
  });
  claim(`for ${word("kids|children|toddlers|little ones|young kids|small kids|my (?:son|daughter|kid|kids|little brother|little sister)|beginners|a beginner")}`, (m) => (rules.audience = { difficulty: "easy", says: m[0] }));
  claim(`for ${word("experts|pros|hardcore gamers|pro gamers|grown-ups|adults")}`, (m) => (rules.audience = { difficulty: "hard", says: m[0] }));
  return rules;
}
