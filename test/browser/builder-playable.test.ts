// Every offline-builder design, and variants of them in other themes, difficulties and rules, passes the real playtest
// engine (headless Chromium through the driver) as playable for 30 virtual seconds, with every
// required check passing: the generic ones and the design's own (specChecks).
import { mkdirSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openPlaytester, type Playtester } from "../../src/node/driver";
import { DIFFICULTY_LIVES, GENRES, THEMES, compileSpec, parsePrompt, specChecks, type Difficulty, type GameSpec } from "../../src/builder";
import { DESIGN_PROMPTS } from "../unit/builder-prompts";

const SECONDS = 30;
const FRAMES_DIR = ".out/builder-frames";
mkdirSync(FRAMES_DIR, { recursive: true });
let playtester: Playtester;

beforeAll(async () => {
  playtester = await openPlaytester({ baseUrl: inject("playforgeUrl") });
});
afterAll(async () => playtester?.close());

/** Other themes, difficulties and rules of the same designs (npm test plays each design once, above). */
const VARIANTS: string[] = [
  "a hard diving game in a neon ocean with sharks and 12 pearls",
  "an easy pastel racing game with 5 laps and no fuel cans",
  "a hard lava platformer with bats and no coins",
  "an easy shooter in a spooky night with ghosts and 2 waves",
  "a hard desert breakout with three bombs",
  "a hard snake game in space with moving aliens",
  "an easy snowy runner with birds",
  "a hard underwater maze with sharks and eels",
  "ping pong for two players, first to 3",
  "an easy flappy game in the snow where speed keeps rising",
  "a hard catch game with bombs on the beach",
  "an easy asteroids game with meteors",
  "a hard space invaders game with robots",
  "a fishing game with jellyfish, 60 second timer",
  "help the chicken cross the road, hard",
  "a hard lunar lander",
  "an easy whack-a-mole without bombs",
  "a hard memory game with 10 pairs",
  "an easy tower defense against slimes",
  // The play run keeps this ball in play for 30 s: the lost life is seen in the control run.
  'breakout called "Test Run"',
];

// PLAYFORGE_BUILDER_VARIANTS=all plays every variant (each a play and a control run of 30 s).
const ALL_VARIANTS = process.env.PLAYFORGE_BUILDER_VARIANTS === "all";
const PROMPTS = [...DESIGN_PROMPTS, ...(ALL_VARIANTS ? VARIANTS : [])];

/**
 * PLAYFORGE_BUILDER_CROSS=1 plays, instead, every design in three themes at each difficulty (216
 * playtests, about 15 minutes on a 2-core machine): the cross product of the builder issue's proof.
 */
const CROSS = process.env.PLAYFORGE_BUILDER_CROSS === "1";
const CROSS_THEMES = ["space", "snow", "lava"];
const DIFFICULTIES: Difficulty[] = ["easy", "normal", "hard"];

function crossSpecs(): Array<[label: string, spec: GameSpec]> {
  return DESIGN_PROMPTS.flatMap((prompt) => {
    const { spec } = parsePrompt(prompt);
    return CROSS_THEMES.flatMap((name) =>
      DIFFICULTIES.map((difficulty): [string, GameSpec] => {
        const theme = THEMES.find((t) => t.name === name)!;
        return [`${spec.genre} in ${name}, ${difficulty}`, { ...spec, theme: name, palette: { ...theme.palette }, difficulty, lives: DIFFICULTY_LIVES[difficulty] }];
      }),
    );
  });
}

const CASES: Array<[label: string, spec: GameSpec]> = CROSS ? crossSpecs() : PROMPTS.map((prompt) => [`"${prompt}"`, parsePrompt(prompt).spec]);

describe("offline builder games are playable", () => {
  for (const [label, spec] of CASES) {
    it(`${label} playtests as playable for ${SECONDS} s`, async () => {
      const tasks = specChecks(spec);
      const report = await playtester.playtest(compileSpec(spec), { seconds: SECONDS, seed: 1, tasks });
      const summary = `${spec.genre}/${spec.theme}/${spec.difficulty}: ${report.verdict} — ${report.reasons.join(" | ")}`;
      // The last frame of the play run, to look at (.out/builder-frames/).
      const frame = report.thumbnails.filter((t) => t.label.startsWith("play")).at(-1);
      if (frame) writeFileSync(`${FRAMES_DIR}/${spec.genre}-${spec.theme}-${spec.difficulty}.png`, Buffer.from(frame.dataUrl.split(",")[1], "base64"));
      const failed = report.checks.filter((c) => c.required && c.status !== "pass").map((c) => `${c.id} ${c.status}: ${c.evidence.detail}`);
      expect(failed, summary).toEqual([]);
      for (const task of tasks.filter((t) => t.required !== false)) expect(report.checks.find((c) => c.id === task.id)?.status, `${task.id}: ${summary}`).toBe("pass");
      expect(report.verdict, summary).toBe("playable");
      expect(report.errors, summary).toEqual([]);
      expect(report.survivedSeconds, summary).toBe(SECONDS);
      expect(report.respondsToInput && report.animates && report.nonBlank, summary).toBe(true);
    }, 240_000);
  }

  it("covers every design in the prompts above", () => {
    expect(new Set(PROMPTS.map((p) => parsePrompt(p).spec.genre))).toEqual(new Set(GENRES));
  });
});
