// Property: seeded generated prompts (any genre word, vague ones, themes, numbers, negations) all
// become games that the real playtest engine judges playable for 30 virtual seconds, passing
// every required check, their design's own (specChecks) included.
// PLAYFORGE_BUILDER_SWEEP=N playtests N prompts instead of 1 (each a play run and a control run of
// 30 s; every design has its own playtests in builder-playable.test.ts, so npm test keeps this short).
// PLAYFORGE_BUILDER_CROSS=1 adds every design × 3 themes × 3 difficulties (about 30 min).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openPlaytester, type Playtester } from "../../src/node/driver";
import { compileSpec, DESIGNS, GENRES, parsePrompt, specChecks, THEMES, type GameSpec } from "../../src/builder";
import { DESIGN_PROMPTS, generatedPrompts } from "../unit/builder-prompts";

const SECONDS = 30;
const COUNT = Number(process.env.PLAYFORGE_BUILDER_SWEEP ?? 1);
const CROSS = process.env.PLAYFORGE_BUILDER_CROSS === "1";
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
    expect(await unplayable(prompts.map((prompt) => [prompt, parsePrompt(prompt).spec]))).toEqual([]);
  }, COUNT * 60_000);
});

/** Each design in its own theme and two others, at every difficulty. */
function crossProduct(): [label: string, spec: GameSpec][] {
  return DESIGN_PROMPTS.flatMap((prompt, i) => {
    const base = parsePrompt(prompt).spec;
    const own = THEMES.find((t) => t.name === DESIGNS[base.genre].theme) ?? THEMES[0];
    const others = THEMES.filter((t) => t !== own);
    const themes = [own, others[i % others.length], others[(i + 3) % others.length]];
    return themes.flatMap((theme) =>
      (["easy", "normal", "hard"] as const).map((difficulty): [string, GameSpec] => [`${base.genre}/${theme.name}/${difficulty}`, { ...base, theme: theme.name, palette: theme.palette, difficulty }]),
    );
  });
}

describe.runIf(CROSS)("every design × 3 themes × 3 difficulties is playable", () => {
  it("playtests the whole cross product", async () => {
    const cases = crossProduct();
    expect(new Set(cases.map(([, spec]) => spec.genre))).toEqual(new Set(GENRES));
    expect(await unplayable(cases)).toEqual([]);
  }, 400 * 60_000);
});

/** The cases that did not playtest as playable with every required check passing, each with why. */
async function unplayable(cases: [label: string, spec: GameSpec][]): Promise<string[]> {
  const failures: string[] = [];
  for (const [prompt, spec] of cases) {
    const report = await playtester.playtest(compileSpec(spec), { seconds: SECONDS, seed: spec.seed, tasks: specChecks(spec) });
    const survived = report.survivedSeconds === SECONDS && report.errors.length === 0;
    const unproven = report.checks.filter((c) => c.required && c.status !== "pass").map((c) => `${c.id} ${c.status}`);
    if (report.verdict !== "playable" || !survived || unproven.length) failures.push(`"${prompt}" (${spec.genre}): ${report.verdict}, ${[...unproven, ...report.reasons].join(" | ")}`);
  }
  return failures;
}
