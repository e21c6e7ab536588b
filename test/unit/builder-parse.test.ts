// Specification of the offline builder's prompt parser, one feature per block.
import { describe, expect, it } from "vitest";
import { parsePrompt } from "../../src/builder";

const DIVING = "a deep-sea diving game where you collect pearls and dodge jellyfish";

describe("parsePrompt: genre words", () => {
  const cases: [string, string][] = [
    [DIVING, "diving"],
    ["a racing game on a neon track", "racing"],
    ["a platformer where a fox jumps across ledges", "platformer"],
    ["space shooter with lasers", "shooter"],
    ["breakout with pink bricks", "breakout"],
    ["classic snake", "snake"],
    ["an endless runner in the desert", "runner"],
    ["a dungeon maze full of gems", "maze"],
  ];
  for (const [prompt, genre] of cases) {
    it(`reads "${prompt}" as ${genre}`, () => {
      expect(parsePrompt(prompt).spec.genre).toBe(genre);
      expect(parsePrompt(prompt).vague).toBe(false);
    });
  }

  it("maps a prompt with only a setting to the design that setting suggests, and says why", () => {
    const { spec, notes, vague } = parsePrompt("something set in outer space");
    expect(spec.genre).toBe("shooter");
    expect(vague).toBe(true);
    expect(notes.join(" ")).toMatch(/space setting suggests/);
  });

  it("maps a prompt with no cues to the closest design and names the choices", () => {
    const { spec, notes, vague } = parsePrompt("make me something fun");
    expect(vague).toBe(true);
    expect(spec.genre).toBe("platformer");
    expect(notes.join(" ")).toMatch(/closest design/);
  });
});

describe("parsePrompt: creatures and collectibles", () => {
  it("takes hazards and collectibles from verbs", () => {
    const { spec } = parsePrompt(DIVING);
    expect(spec.hazards.map((h) => h.name)).toEqual(["jellyfish"]);
    expect(spec.collectibles.map((c) => c.name)).toEqual(["pearls"]);
  });

  it("reads lists of hazards joined by and", () => {
    const { spec } = parsePrompt("a diving game where you dodge sharks and eels");
    expect(spec.hazards.map((h) => h.name)).toEqual(["sharks", "eels"]);
  });

  it("reads the player from 'play as'", () => {
    expect(parsePrompt("a platformer where you play as a fox").spec.player).toBe("fox");
  });

  it("takes a quoted title", () => {
    expect(parsePrompt('a maze game called "Crypt Run" with skeletons').spec.title).toBe("Crypt Run");
  });
});

describe("parsePrompt: colours and themes", () => {
  it("uses a theme's palette", () => {
    const neon = parsePrompt("a neon breakout").spec;
    const desert = parsePrompt("a desert breakout").spec;
    expect(neon.theme).toBe("neon");
    expect(desert.theme).toBe("desert");
    expect(neon.palette.background).not.toBe(desert.palette.background);
  });

  it("sets the background from 'red background'", () => {
    expect(parsePrompt("a snake game with a red background").spec.palette.background).toBe(0xe63946);
  });

  it("colours the thing a colour word sits next to", () => {
    const { spec } = parsePrompt("a diving game with pink jellyfish and a blue diver");
    expect(spec.palette.hazard).toBe(0xff70a6);
    expect(spec.palette.player).toBe(0x3a86ff);
  });

  it("reads pastel and underwater as themes", () => {
    expect(parsePrompt("a pastel snake").spec.theme).toBe("pastel");
    expect(parsePrompt("an underwater maze").spec.theme).toBe("underwater");
  });

  it("sets a game on the moon or Mars in space", () => {
    expect(parsePrompt("a platformer on the moon").spec).toMatchObject({ genre: "platformer", theme: "space", title: "Space Jumper" });
    expect(parsePrompt("a runner on mars").spec).toMatchObject({ genre: "runner", theme: "space" });
  });

  it("takes the setting from where the game is, not from a kind's name: a space shooter in a forest is in the forest", () => {
    expect(parsePrompt("a space shooter in a forest").spec).toMatchObject({ genre: "shooter", theme: "forest", title: "Forest Blaster" });
    expect(parsePrompt("space invaders in the snow").spec).toMatchObject({ genre: "invaders", theme: "snow" });
  });

  it("names the game after a setting the person chose, and after an item they chose over it", () => {
    expect(parsePrompt("snake").spec.title).toBe("Apple Snake");
    expect(parsePrompt("a snake game in space").spec.title).toBe("Space Snake");
    expect(parsePrompt("a snake game in space where you eat cherries").spec.title).toBe("Cherry Snake");
    expect(parsePrompt("an underwater maze").spec.title).toBe("Underwater Dungeon");
  });
});

describe("parsePrompt: numbers", () => {
  it("reads number words for lives", () => {
    expect(parsePrompt("a racing game with three lives").spec.lives).toBe(3);
    expect(parsePrompt("a racing game with seven lives").spec.lives).toBe(7);
  });

  it("reads digits for collectibles and makes them the goal of a collecting game", () => {
    const { spec } = parsePrompt("a diving game where you collect 10 pearls");
    expect(spec.collectibles[0].count).toBe(10);
    expect(spec.goal).toEqual({ kind: "collect", target: 10 });
  });

  it("reads hazard counts, laps and levels", () => {
    expect(parsePrompt("a diving game with 5 jellyfish").spec.hazards[0].count).toBe(5);
    expect(parsePrompt("a racing game with 5 laps").spec.goal.target).toBe(5);
    expect(parsePrompt("a maze game with two levels").spec.goal.target).toBe(2);
  });

  it("clamps absurd numbers", () => {
    expect(parsePrompt("a snake game with 500 lives").spec.lives).toBe(9);
  });
});

describe("parsePrompt: negations", () => {
  it("'no enemies' removes every hazard", () => {
    expect(parsePrompt("a platformer with no enemies").spec.hazards).toEqual([]);
  });

  it("'without sharks' removes only sharks", () => {
    const { spec } = parsePrompt("a diving game, dodge jellyfish and sharks, no sharks");
    expect(spec.hazards.map((h) => h.name)).toEqual(["jellyfish"]);
  });

  it("keeps collectibles that are the point of the game, with a note", () => {
    const { spec, notes } = parsePrompt("a snake game with no apples");
    expect(spec.collectibles.length).toBe(1);
    expect(notes.join(" ")).toMatch(/Kept the apples/);
  });

  it("drops optional collectibles", () => {
    expect(parsePrompt("a racing game with no fuel cans").spec.collectibles).toEqual([]);
  });
});

describe("parsePrompt: difficulty", () => {
  it("reads easy and hard words and adjusts default lives", () => {
    expect(parsePrompt("an easy snake game").spec).toMatchObject({ difficulty: "easy", lives: 5 });
    expect(parsePrompt("a brutal shooter").spec).toMatchObject({ difficulty: "hard", lives: 2 });
  });

  it("keeps lives the prompt asked for", () => {
    expect(parsePrompt("a hard shooter with four lives").spec).toMatchObject({ difficulty: "hard", lives: 4 });
  });
});

describe("parsePrompt: follow-ups change the previous spec", () => {
  const base = parsePrompt(DIVING).spec;

  it("'make the jellyfish faster' speeds up only the jellyfish", () => {
    const withSharks = parsePrompt("add sharks too", base).spec;
    const next = parsePrompt("make the jellyfish faster", withSharks).spec;
    expect(next.hazards.find((h) => h.name === "jellyfish")!.speed).toBeGreaterThan(base.hazards[0].speed);
    expect(next.hazards.find((h) => h.name === "sharks")!.speed).toBe(withSharks.hazards[1].speed);
  });

  it("'more pearls' raises the count and the goal", () => {
    const next = parsePrompt("more pearls", base).spec;
    expect(next.collectibles[0].count).toBeGreaterThan(base.collectibles[0].count);
    expect(next.goal.target).toBe(next.collectibles[0].count);
  });

  it("'make it red' recolours the player and keeps the rest", () => {
    const next = parsePrompt("make it red", base).spec;
    expect(next.palette.player).toBe(0xe63946);
    expect(next.palette.background).toBe(base.palette.background);
    expect(next.genre).toBe("diving");
    expect(next.seed).toBe(base.seed);
  });

  it("'make it harder' steps the difficulty up", () => {
    expect(parsePrompt("make it harder", base).spec.difficulty).toBe("hard");
    expect(parsePrompt("make it easier", base).spec.difficulty).toBe("easy");
  });

  it("'fewer jellyfish' lowers the count", () => {
    expect(parsePrompt("fewer jellyfish", base).spec.hazards[0].count).toBeLessThan(base.hazards[0].count);
  });

  it("naming another genre and no setting takes that design's own setting and title, as a fresh prompt would", () => {
    const next = parsePrompt("make it a racing game instead", base).spec;
    const fresh = parsePrompt("a racing game").spec;
    expect(next.genre).toBe("racing");
    expect(next).toMatchObject({ theme: fresh.theme, palette: fresh.palette, title: fresh.title });
  });

  it("does not change the input spec", () => {
    const copy = structuredClone(base);
    parsePrompt("make the jellyfish faster and add sharks", base);
    expect(base).toEqual(copy);
  });
});

describe("parsePrompt: a follow-up naming a new genre after pong", () => {
  const pong = parsePrompt("pong for one player against the computer").spec;

  it("'tower defense' builds tower defense with its own setting and title, not pong's", () => {
    const { spec, notes } = parsePrompt("tower defense", pong);
    const fresh = parsePrompt("tower defense").spec;
    expect(spec.genre).toBe("towers");
    expect(spec).toMatchObject({ theme: fresh.theme, palette: fresh.palette, title: fresh.title });
    expect(spec.title).not.toMatch(new RegExp(pong.theme, "i"));
    expect(notes.join(" ")).not.toMatch(new RegExp(`keeping the ${pong.theme}`));
  });

  it("'tower defense in space' uses the setting it names", () => {
    const { spec, notes } = parsePrompt("tower defense in space", pong);
    expect(spec).toMatchObject({ genre: "towers", theme: "space", title: "Space Defense" });
    expect(notes.join(" ")).not.toMatch(new RegExp(`keeping the ${pong.theme}`));
  });

  it("keeps a title the user chose when the genre changes", () => {
    const named = parsePrompt('pong against the computer called "Paddle Party"').spec;
    expect(parsePrompt("tower defense", named).spec).toMatchObject({ genre: "towers", title: "Paddle Party" });
  });

  it("tweaks keep the genre, setting and title: 'make it harder', 'first to 10', then 'make the creeps faster' in tower defense", () => {
    const harder = parsePrompt("make it harder", pong).spec;
    const longer = parsePrompt("first to 10", harder).spec;
    expect(longer).toMatchObject({ genre: "pong", theme: pong.theme, title: pong.title, palette: pong.palette, difficulty: "hard", goal: { target: 10 } });
    const towers = parsePrompt("tower defense", pong).spec;
    const faster = parsePrompt("make the creeps faster", towers).spec;
    expect(faster).toMatchObject({ genre: "towers", theme: towers.theme, title: towers.title, palette: towers.palette });
    expect(faster.hazards[0].speed).toBeGreaterThan(towers.hazards[0].speed);
  });
});
