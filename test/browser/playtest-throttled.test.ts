// On a slow machine (Chromium CPU throttling ×6 on the runner page and every game page) a game that
// boots and plays fine is not reported frozen, while a real `while (true)` is still caught by the
// loop guard and named by file and line.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openPlaytester, type Playtester } from "../../src/node/driver";
import { compileSpec, parsePrompt } from "../../src/builder";
import { DESIGN_PROMPTS } from "../unit/builder-prompts";
import { loadFixture } from "../fixtures/catalog";
import { readProject } from "../support/browser";

const SECONDS = 4;
// npm test plays the starter and the loop fixture throttled (each builder design takes about a minute
// at ×6 on a busy machine); PLAYFORGE_THROTTLED_DESIGNS=all plays every design's own prompt too.
const THROTTLED_PROMPTS = process.env.PLAYFORGE_THROTTLED_DESIGNS === "all" ? DESIGN_PROMPTS : [];
let playtester: Playtester;

beforeAll(async () => {
  playtester = await openPlaytester({ baseUrl: inject("playforgeUrl"), cpuThrottlingRate: 6 });
});
afterAll(async () => playtester?.close());

describe("playtests under CPU throttling ×6", () => {
  it("plays the starter without a false freeze", async () => {
    const report = await playtester.playtest(readProject("templates/starter"), { seconds: SECONDS, seed: 1 });
    expect(report.errors, report.reasons.join(" | ")).toEqual([]);
    expect(report.booted).toBe(true);
    expect(report.survivedSeconds).toBe(SECONDS);
  }, 300_000);

  for (const prompt of THROTTLED_PROMPTS) {
    it(`plays the builder's ${JSON.stringify(prompt)} without a false freeze`, async () => {
      const { spec } = parsePrompt(prompt);
      const report = await playtester.playtest(compileSpec(spec), { seconds: SECONDS, seed: 1 });
      expect(report.errors, report.reasons.join(" | ")).toEqual([]);
      expect(report.survivedSeconds).toBe(SECONDS);
    }, 300_000);
  }

  it("still names the loop that froze the game (infinite-loop)", async () => {
    const report = await playtester.playtest(loadFixture("infinite-loop"), { seconds: SECONDS, seed: 1 });
    expect(report.errors.map((e) => e.kind)).toContain("loop");
    expect(report.errors.find((e) => e.kind === "loop")?.location).toMatchObject({ file: "src/scenes/Wave.ts", line: 36 });
    expect(report.errors.map((e) => e.kind)).not.toContain("frozen");
  }, 300_000);
});
