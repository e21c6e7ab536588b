// The verdict on runs recorded from real fixture games (runScenario in Debian Chromium, seed 1,
// 4 virtual seconds, 96 px thumbnails; JSON in test/fixtures/recorded/): no browser needed here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareRuns, judge, type ScenarioRecord } from "../../src/playtest";
import { fixtureLabels, loadFixture } from "../fixtures/catalog";

function judgeRecorded(name: string) {
  const { idle, play } = JSON.parse(readFileSync(new URL(`../fixtures/recorded/${name}.json`, import.meta.url), "utf8")) as { idle: ScenarioRecord; play: ScenarioRecord };
  return judge(idle, play, compareRuns(idle, play), { files: loadFixture(name), seed: 1, requestedSeconds: 4, wallMs: idle.wallMs + play.wallMs });
}

const expected = new Map(fixtureLabels().map((l) => [l.name, l.expected]));

describe("verdicts on recorded runs", () => {
  for (const name of ["dead-input", "title-wait", "move-throw-after-3s", "black-canvas", "paddle-pointer"]) {
    it(`calls the recorded ${name} ${expected.get(name)}, as its label says`, () => {
      expect(judgeRecorded(name).verdict).toBe(expected.get(name));
    });
  }

  it("dead-input: animates, but the play run is pixel-identical to the idle run, so nothing responds", () => {
    const r = judgeRecorded("dead-input");
    expect(r).toMatchObject({ animates: true, nonBlank: true, respondsToInput: false });
    expect(r.inputEffects[0].changed).toMatch(/^velocity -?1 \(idle 0\); but the picture is identical to the idle run$/);
  });

  it("title-wait: a still title screen that Enter turns into the game counts as responding", () => {
    const r = judgeRecorded("title-wait");
    expect(r).toMatchObject({ animates: false, respondsToInput: true });
    expect(r.inputEffects[0].input).toContain("press Enter (start)");
    expect(r.inputEffects[0].changed).toMatch(/picture differs from idle by [\d.]+%; scene Title → Dodge/);
  });

  it("move-throw-after-3s: the error appears only in the play run, after 3 s, with its code frame", () => {
    const r = judgeRecorded("move-throw-after-3s");
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ during: "play", location: { file: "src/scenes/Run.ts", line: 29 } });
    expect(r.errors[0].codeFrame).toContain("> 29 |       this.dust!.emitParticleAt(this.player.x, this.player.y);");
    expect(r.survivedSeconds).toBeGreaterThan(2.5);
    expect(r.survivedSeconds).toBeLessThan(4);
  });

  it("black-canvas: blank in every snapshot of both runs", () => {
    const r = judgeRecorded("black-canvas");
    expect(r.nonBlank).toBe(false);
    expect(r.reasons[0]).toMatch(/canvas is blank/);
  });

  it("paddle-pointer: pointer moves move the paddle, reported as a describe() change against idle", () => {
    const r = judgeRecorded("paddle-pointer");
    expect(r.respondsToInput).toBe(true);
    expect(r.inputEffects.map((e) => e.changed).join(" ")).toMatch(/paddleX \d+ \(idle 240\)/);
  });
});
