// Every offline-builder design, and variants of them in other themes, difficulties and rules, passes the real playtest
// engine (headless Chromium through the driver) as playable for 30 virtual seconds, with every
// required check passing: the generic ones and the design's own (specChecks).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openPlaytester, type Playtester } from "../../src/node/driver";
import { GENRES, compileSpec, parsePrompt, specChecks } from "../../src/builder";
import { DESIGN_PROMPTS } from "../unit/builder-prompts";

const SECONDS = 30;
let playtester: Playtester;

beforeAll(async () => {
  playtester = await openPlaytester({ baseUrl: inject("playforgeUrl") });
});
afterAll(async () => playtester?.close());

/** Other themes, difficulties and rules of the same designs; npm test plays the ones marked core. */
const VARIANTS: [prompt: string, core?: "core"][] = [
  ["a hard diving game in a neon ocean with sharks and 12 pearls"],
  ["an easy pastel racing game with 5 laps and no fuel cans"],
  ["a hard lava platformer with bats and no coins"],
  ["an easy shooter in a spooky night with ghosts and 2 waves"],
  ["a hard desert breakout with three bombs"],
  ["a hard snake game in space with moving aliens"],
  ["an easy snowy runner with birds"],
  ["a hard underwater maze with sharks and eels"],
  ["ping pong for two players, first to 3", "core"],
  ["an easy flappy game in the snow where speed keeps rising"],
  ["a hard catch game with bombs on the beach"],
  ["an easy asteroids game with meteors"],
  ["a hard space invaders game with robots"],
  ["a fishing game with jellyfish, 60 second timer"],
  ["help the chicken cross the road, hard"],
  ["a hard lunar lander"],
  ["an easy whack-a-mole without bombs"],
  ["a hard memory game with 10 pairs", "core"],
  ["an easy tower defense against slimes"],
  // The play run keeps this ball in play for 30 s: the lost life is seen in the control run.
  ['breakout called "Test Run"', "core"],
];

// PLAYFORGE_BUILDER_VARIANTS=all plays every variant (each a play and a control run of 30 s).
const ALL_VARIANTS = process.env.PLAYFORGE_BUILDER_VARIANTS === "all";
const PROMPTS = [...DESIGN_PROMPTS, ...VARIANTS.filter(([, core]) => ALL_VARIANTS || core).map(([prompt]) => prompt)];

describe("offline builder games are playable", () => {
  for (const prompt of PROMPTS) {
    it(`"${prompt}" playtests as playable for ${SECONDS} s`, async () => {
      const { spec } = parsePrompt(prompt);
      const tasks = specChecks(spec);
      const report = await playtester.playtest(compileSpec(spec), { seconds: SECONDS, seed: 1, tasks });
      const summary = `${spec.genre}/${spec.theme}/${spec.difficulty}: ${report.verdict} — ${report.reasons.join(" | ")}`;
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
