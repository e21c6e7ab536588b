// Property: seeded generated prompts (any genre word, vague ones, themes, numbers, negations) all
// become games that the real playtest engine judges playable for 30 virtual seconds, passing
// every required check, their design's own (specChecks) included.
// PLAYFORGE_BUILDER_SWEEP=N playtests N prompts instead of 6 (each a play run and a control run of
// 30 s; every design has its own playtests in builder-playable.test.ts, so npm test keeps this short).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openPlaytester, type Playtester } from "../../src/node/driver";
import { compileSpec, GENRES, parsePrompt, specChecks } from "../../src/builder";
import { generatedPrompts } from "../unit/builder-prompts";

const SECONDS = 30;
const COUNT = Number(process.env.PLAYFORGE_BUILDER_SWEEP ?? 6);
let playtester: Playtester;

beforeAll(async () => {
  playtester = await openPlaytester({ baseUrl: inject("playforgeUrl") });
});
afterAll(async () => playtester?.close());

describe(`property: ${COUNT} generated prompts are all playable`, () => {
  const prompts = generatedPrompts(COUNT);

  it("the generator reaches every design", () => {
    expect(new Set(generatedPrompts(200).map((p) => parsePrompt(p).spec.genre))).toEqual(new Set(GENRES));
  });

  it("playtests every generated prompt as playable", async () => {
    const failures: string[] = [];
    for (const prompt of prompts) {
      const { spec } = parsePrompt(prompt);
      const report = await playtester.playtest(compileSpec(spec), { seconds: SECONDS, seed: spec.seed, tasks: specChecks(spec) });
      const survived = report.survivedSeconds === SECONDS && report.errors.length === 0;
      const unproven = report.checks.filter((c) => c.required && c.status !== "pass").map((c) => `${c.id} ${c.status}`);
      if (report.verdict !== "playable" || !survived || unproven.length) failures.push(`"${prompt}" (${spec.genre}): ${report.verdict}, ${[...unproven, ...report.reasons].join(" | ")}`);
    }
    expect(failures).toEqual([]);
  }, COUNT * 60_000);
});
