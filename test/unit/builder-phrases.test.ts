// Specification of reading prompts as phrases: rule phrases never become creatures, phrases nothing
// understands are listed as not used, six languages, honest fallbacks, and an everyday-prompt table.
import { describe, expect, it } from "vitest";
import { GENRES, parsePrompt } from "../../src/builder";
import { EVERYDAY_PROMPTS } from "./builder-prompts";

const built = (genre: string) => (GENRES as readonly string[]).includes(genre);

describe("rule phrases are rules, never creatures", () => {
  it('"Speed keeps rising" is rising speed, not a hazard called "keeps rising"', () => {
    const { spec, notes } = parsePrompt("an endless runner where the speed keeps rising");
    expect(spec.hazards.map((h) => h.name)).toEqual(["crates"]);
    expect(notes.join(" ")).toMatch(/Rising speed: endless runner already gets faster/);
  });

  it("reads a friend at the keyboard as a second player, the keys they use included", () => {
    for (const prompt of ["pong with a friend on WASD", "pong for me and a friend, my friend uses WASD", "two player pong, WASD for my friend", "ping pong against my brother"]) {
      const { spec, unused } = parsePrompt(prompt);
      expect([spec.genre, spec.rules?.opponent, unused], prompt).toEqual(["pong", "human", []]);
    }
    // A game made for a friend is not a game against one.
    expect(parsePrompt("pong for my friend").spec.rules?.opponent).toBeUndefined();
  });

  it('"against the computer" and "first to 5" never name an enemy', () => {
    const { spec, notes, unused } = parsePrompt("a platformer against the computer, first to 5 wins");
    expect(spec.hazards.map((h) => h.name)).toEqual(["slimes"]);
    expect(unused).toEqual(["against the computer (platformer has no opponent)", "5 points (platformer is won by levels)"]);
    expect(notes.at(-1)).toMatch(/^Not used: "against the computer/);
  });

  it('"don\'t run out of oxygen" is the diving oxygen meter, and a sign of diving', () => {
    const { spec, notes } = parsePrompt("swim for pearls, don't run out of oxygen");
    expect(spec.genre).toBe("diving");
    expect(spec.hazards.map((h) => h.name)).toEqual(["jellyfish"]);
    expect(notes.join(" ")).toMatch(/Oxygen meter: part of deep-sea diving/);
  });

  it('"for a 7 year old" and "for kids" make it easy; "for experts" hard', () => {
    expect(parsePrompt("a snake game for a 7 year old").spec.difficulty).toBe("easy");
    expect(parsePrompt("a maze for kids").spec.difficulty).toBe("easy");
    expect(parsePrompt("a maze for experts").spec.difficulty).toBe("hard");
    expect(parsePrompt("a snake game for a 7 year old").unused).toEqual([]);
  });

  it('"no enemies" removes them; "no pink jellyfish" removes the jellyfish', () => {
    expect(parsePrompt("a platformer with no enemies, for a 7 year old").spec.hazards).toEqual([]);
    expect(parsePrompt("a diving game with sharks and no pink jellyfish").spec.hazards.map((h) => h.name)).toEqual(["sharks"]);
  });

  it("lists what it did not understand instead of inventing a creature", () => {
    const { spec, unused } = parsePrompt("a maze where the walls whisper secrets");
    expect(spec.hazards.map((h) => h.name)).toEqual(["ghosts"]);
    expect(unused).toEqual(["walls whisper secrets"]);
  });

  it("takes an unknown plural noun right after collect or dodge as the thing itself", () => {
    expect(parsePrompt("a platformer where you collect moonstones").spec.collectibles[0].name).toBe("moonstones");
  });
});

describe("honest fallback: what is missing and the closest designs", () => {
  it("names a kind no design covers and offers 2–3 built-in ones", () => {
    const { vague, closest, notes } = parsePrompt("a chess game");
    expect(vague).toBe(true);
    expect(closest.length).toBeGreaterThanOrEqual(2);
    expect(closest.length).toBeLessThanOrEqual(3);
    expect(notes[0]).toMatch(/^There is no built-in chess design; the closest are memory match/);
  });

  it("with no kind at all, picks the closest and says which it picked", () => {
    const { vague, closest, notes, spec } = parsePrompt("something with ghosts");
    expect(vague).toBe(true);
    expect(closest[0]).toBe(spec.genre);
    expect(notes[0]).toMatch(/Picked/);
  });
});

describe("six languages", () => {
  const cases: [string, string, string, (r: ReturnType<typeof parsePrompt>) => void][] = [
    ["es", "un juego de buceo donde recoges perlas y esquivas medusas, con 4 vidas", "diving", ({ spec }) => {
      expect(spec.collectibles[0].name).toBe("pearls");
      expect(spec.hazards.map((h) => h.name)).toEqual(["jellyfish"]);
      expect(spec.lives).toBe(4);
    }],
    ["fr", "un jeu de labyrinthe avec des fantômes, sans ennemis, fond rouge", "maze", ({ spec }) => {
      expect(spec.hazards).toEqual([]);
      expect(spec.palette.background).toBe(0xe63946);
    }],
    ["de", "ein Rennspiel mit 5 Runden in der Stadt, schwer", "racing", ({ spec }) => {
      expect(spec.goal).toEqual({ kind: "laps", target: 5 });
      expect(spec.theme).toBe("city");
      expect(spec.difficulty).toBe("hard");
    }],
    ["pt", "um jogo de corrida com 3 voltas e sem inimigos na praia", "racing", ({ spec }) => {
      expect(spec.goal.target).toBe(3);
      expect(spec.hazards).toEqual([]);
      expect(spec.theme).toBe("beach");
    }],
    ["it", "un gioco di serpente facile con mele rosse", "snake", ({ spec }) => {
      expect(spec.difficulty).toBe("easy");
      expect(spec.collectibles[0].name).toBe("apples");
      expect(spec.palette.accent).toBe(0xe63946);
    }],
    ["en", "a neon breakout with three bombs and seven lives", "breakout", ({ spec }) => {
      expect(spec.hazards[0].count).toBe(3);
      expect(spec.lives).toBe(7);
    }],
  ];
  for (const [language, prompt, genre, more] of cases) {
    it(`${language}: "${prompt}"`, () => {
      const result = parsePrompt(prompt);
      expect(result.language).toBe(language);
      expect(result.spec.genre).toBe(genre);
      expect(result.unused, "every word understood").toEqual([]);
      more(result);
    });
  }

  it("reads rules in every language: against the computer, first to N, ever faster", () => {
    for (const prompt of ["pong contra la computadora, el primero a 5", "pong contre l'ordinateur, le premier à 5", "Pong gegen den Computer, wer zuerst 5", "pong contra o computador, o primeiro a 5", "pong contro il computer, il primo a 5"]) {
      const { unused, spec } = parsePrompt(prompt);
      expect(spec.hazards.some((h) => /computer|ordinateur/.test(h.name)), prompt).toBe(false);
      if (built("pong")) expect(spec.rules, prompt).toMatchObject({ opponent: "cpu" });
      else expect(unused.join(" "), prompt).toMatch(/against the computer/);
    }
    for (const prompt of ["un corredor infinito cada vez más rápido", "un coureur de plus en plus vite", "ein Endlosläufer, immer schneller", "um corredor infinito cada vez mais rápido", "un corridore infinito sempre più veloce"]) {
      expect(parsePrompt(prompt).notes.join(" "), prompt).toMatch(/Rising speed/);
    }
  });
});

describe("the newer designs are named in all six languages", () => {
  const named: [genre: string, prompts: string[]][] = [
    ["climber", ["a vertical climber in the snow", "un juego de escalar hacia arriba", "un jeu d'escalade de plus en plus haut", "ein Kletterspiel im Wald", "um jogo de escalada na floresta", "un gioco di arrampicata sulla neve"]],
    ["arena", ["a top-down shooter where you aim with the mouse", "un juego de disparos desde arriba donde apuntas con el ratón", "un jeu de tir vu de dessus où tu vises avec la souris", "ein Top-Down-Shooter, zielen mit der Maus", "um jogo de tiro visto de cima onde você mira com o mouse", "uno sparatutto dall'alto dove miri con il mouse"]],
    ["dungeon", ["a top-down dungeon with a key and a door", "una mazmorra donde buscas la llave y abres la puerta", "un donjon avec une clé et une porte", "ein Verlies mit Schlüssel und Tür", "uma masmorra com uma chave e uma porta", "un sotterraneo con la chiave e la porta"]],
    ["golf", ["a mini golf game with 5 holes", "un juego de minigolf con 5 hoyos", "un jeu de minigolf avec des trous", "ein Minigolf-Spiel mit 9 Löchern", "um jogo de minigolfe na praia", "un gioco di minigolf con 3 buche"]],
    ["match3", ["a match-3 game with candies", "un juego de tres en línea con caramelos", "un jeu trois en ligne avec des bonbons", "Drei gewinnt mit Bonbons", "um jogo de combinar três com doces", "un gioco tre in fila con caramelle"]],
  ];
  for (const [genre, prompts] of named) {
    it(`${genre}: ${prompts.length} languages`, () => {
      for (const prompt of prompts) {
        const result = parsePrompt(prompt);
        expect(result.spec.genre, prompt).toBe(genre);
        expect(result.unused, prompt).toEqual([]);
      }
      expect(new Set(prompts.map((p) => parsePrompt(p).language))).toEqual(new Set(["en", "es", "fr", "de", "pt", "it"]));
    });
  }
});

describe("everyday prompts choose the kind of game asked for", () => {
  it(`at least 9 in 10 of ${EVERYDAY_PROMPTS.length} prompts get their design (or, before it exists, say it is missing)`, () => {
    const wrong: string[] = [];
    for (const [prompt, genre] of EVERYDAY_PROMPTS) {
      const result = parsePrompt(prompt);
      const right = built(genre) ? result.spec.genre === genre : result.vague && result.notes.some((n) => n.includes("There is no built-in"));
      if (!right) wrong.push(`"${prompt}" → ${result.spec.genre} (wanted ${genre}): ${result.notes.join(" ")}`);
    }
    console.log(`everyday prompts: ${EVERYDAY_PROMPTS.length - wrong.length}/${EVERYDAY_PROMPTS.length} right; built designs ${GENRES.length}`);
    expect(wrong.length / EVERYDAY_PROMPTS.length, wrong.join("\n")).toBeLessThanOrEqual(0.1);
  });
});

describe("rules reach the designs that play them", () => {
  it('pong: "against the computer" is the CPU opponent, "two players" the second paddle, "first to 7" the goal', () => {
    expect(parsePrompt("pong against the computer, first to 7").spec).toMatchObject({ genre: "pong", rules: { opponent: "cpu" }, goal: { kind: "points", target: 7 } });
    expect(parsePrompt("ping pong for two players").spec.rules).toEqual({ opponent: "human" });
  });

  it('"speed keeps rising" turns rising speed on where it is a choice', () => {
    expect(parsePrompt("flappy bird where the speed keeps rising").spec.rules).toEqual({ rising: true });
    expect(parsePrompt("catch falling apples, faster and faster").spec.rules).toEqual({ rising: true });
  });

  it("a time limit goes to the designs with a clock", () => {
    expect(parsePrompt("whack-a-mole with a 30 second timer").spec.rules).toEqual({ timeLimit: 30 });
    expect(parsePrompt("a fishing game, catch 10 fish before the timer runs out").spec).toMatchObject({ rules: { timeLimit: 60 }, goal: { target: 10 } });
    expect(parsePrompt("a maze with a 30 second timer").unused).toEqual(["a 30 s time limit (maze collector has no clock)"]);
  });

  it('"with a bat" is the flyer in flappy; "help the chicken" the one crossing the road', () => {
    expect(parsePrompt("flappy bird clone with a bat in a cave").spec).toMatchObject({ player: "bat", theme: "dungeon", hazards: [{ name: "pipes" }] });
    expect(parsePrompt("help the chicken cross the road").spec.player).toBe("chicken");
  });

  it("what a design collects is never its hazard: the moles of whack-a-mole", () => {
    const { spec } = parsePrompt("hit the moles as they pop up, 60 second timer");
    expect(spec.collectibles[0].name).toBe("moles");
    expect(spec.hazards.map((h) => h.name)).toEqual(["bombs"]);
  });

  it('tower defense understands "two kinds of towers" and says it has no third', () => {
    expect(parsePrompt("tower defense with a single path and two kinds of towers").unused).toEqual([]);
    expect(parsePrompt("tower defense with three kinds of towers").unused).toEqual(["three kinds of towers (tower defense has two: blasters and cannons)"]);
  });
});
