// The playtest engine through the headless driver, on the test server: every labelled fixture game
// is classified as its label says, with the checks its label lists, and the same seed gives the same frames.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadProjectDir, openPlaytester, type Playtester } from "../../src/node/driver";
import { GENERIC_CHECK_IDS, type PlaytestReport } from "../../src/playtest";
import { fixtureLabels, loadFixture, type FixtureLabel } from "../fixtures/catalog";
import { CANNED_GAMES, CANNED_SECONDS, CANNED_SEED, essentials } from "../fixtures/reports/canned";

const SECONDS = 10;
let playtester: Playtester;

// One playtest per fixture (seed 1), shared by its verdict test and its checks test.
const reports = new Map<string, Promise<PlaytestReport>>();
function reportFor(label: FixtureLabel): Promise<PlaytestReport> {
  let report = reports.get(label.name);
  if (!report) {
    report = playtester.playtest(loadFixture(label.name), { seconds: label.seconds ?? SECONDS, seed: 1 });
    reports.set(label.name, report);
  }
  return report;
}

function summarise(label: FixtureLabel, report: PlaytestReport): string {
  const checks = report.checks.map((c) => `${c.id}=${c.status}`).join(" ");
  return `${label.name}: ${report.verdict} — ${report.reasons.join(" | ")} — checks: ${checks || "none"}`;
}

beforeAll(async () => {
  playtester = await openPlaytester({ baseUrl: inject("playforgeUrl") });
});
afterAll(async () => playtester?.close());

describe("playtest verdicts on the fixture games", () => {
  const labels = fixtureLabels();

  it("has at least 28 labelled fixtures, both playable and broken ones, whose checks name generic check ids", () => {
    expect(labels.length).toBeGreaterThanOrEqual(28);
    expect(labels.filter((l) => l.expected === "playable").length).toBeGreaterThanOrEqual(12);
    expect(labels.filter((l) => l.expected === "broken").length).toBeGreaterThanOrEqual(15);
    const ids = labels.flatMap((l) => Object.keys(l.checks ?? {}));
    expect(ids.filter((id) => !(GENERIC_CHECK_IDS as readonly string[]).includes(id))).toEqual([]);
  });

  for (const label of labels) {
    const seconds = label.seconds ?? SECONDS;
    it(`calls ${label.name} ${label.expected} (${label.why})`, async () => {
      const report = await reportFor(label);
      const summary = summarise(label, report);
      expect(report.verdict, summary).toBe(label.expected);
      expect(report.reasons.length, summary).toBeGreaterThan(0);
      if (label.expected === "playable") {
        expect(report.errors, summary).toEqual([]);
        expect(report.nonBlank && report.respondsToInput, summary).toBe(true);
        expect(report.survivedSeconds, summary).toBe(seconds);
        expect(report.thumbnails.length, summary).toBeGreaterThanOrEqual(3);
      }
    });

    const checks = Object.entries(label.checks ?? {});
    if (checks.length) {
      it(`gives ${label.name} the checks ${checks.map(([id, status]) => `${id} ${status}`).join(", ")}`, async () => {
        const report = await reportFor(label);
        const summary = summarise(label, report);
        for (const [id, status] of checks) {
          expect(report.checks.find((c) => c.id === id)?.status, `${id} — ${summary}`).toBe(status);
        }
      });
    }
  }

  it("names the error and its file:line for a game that drew a full scene before throwing (draw-then-throw), not a blank canvas", async () => {
    const label = labels.find((l) => l.name === "draw-then-throw")!;
    const report = await reportFor(label);
    const summary = summarise(label, report);
    expect(report.reasons.some((r) => r.includes("Cannot read properties of undefined (reading 'wind')") && r.includes("src/scenes/Farm.ts:37")), summary).toBe(true);
    expect(report.reasons.filter((r) => /blank/i.test(r)), summary).toEqual([]);
    expect(report.nonBlank, summary).toBe(true);
  });

  it("is not fooled by a game that forges the harness's replies (forged-replies): its crash is named", async () => {
    const label = labels.find((l) => l.name === "forged-replies")!;
    const report = await reportFor(label);
    const summary = summarise(label, report);
    expect(report.errors.find((e) => e.location?.file === "src/scenes/Field.ts")?.location?.line, summary).toBe(20);
  });

  it("names the file and line of an error seen only while playing (move-throw-after-3s)", async () => {
    const report = await playtester.playtest(loadFixture("move-throw-after-3s"), { seconds: 6, seed: 3 });
    const error = report.errors[0];
    expect(error).toMatchObject({ during: "play", location: { file: "src/scenes/Run.ts", line: 29 } });
    expect(error.atMs).toBeGreaterThan(2500);
    expect(error.codeFrame).toContain("emitParticleAt");
    expect(report.survivedSeconds).toBeLessThan(6);
  });

  it("names the loop that froze the game (infinite-loop) and reports how long it survived", async () => {
    const report = await playtester.playtest(loadFixture("infinite-loop"), { seconds: 6, seed: 1 });
    expect(report.errors.map((e) => e.kind)).toContain("loop");
    expect(report.errors.find((e) => e.kind === "loop")?.location).toMatchObject({ file: "src/scenes/Wave.ts", line: 36 });
    expect(report.survivedSeconds).toBeGreaterThanOrEqual(1);
    expect(report.survivedSeconds).toBeLessThan(3);
  });
});

describe("playtest control", () => {
  it("cancels a running playtest through its AbortSignal, and the driver keeps working", async () => {
    const controller = new AbortController();
    const progress: string[] = [];
    const running = playtester.playtest(loadFixture("platformer"), {
      seconds: 120, seed: 1, signal: controller.signal,
      onProgress: (text) => {
        progress.push(text);
        if (text.startsWith("play:")) controller.abort();
      },
    });
    await expect(running).rejects.toThrow(/abort/i);
    expect(progress.some((t) => t.startsWith("Play run"))).toBe(true);
    // Stopped in the play run: the 120 s playtest never reached its control run.
    expect(progress.some((t) => /^Control run/.test(t))).toBe(false);
    const after = await playtester.playtest(loadFixture("pointer-puzzle"), { seconds: 3, seed: 1 });
    expect(after.verdict).toBe("playable");
  });
});

describe("playtest determinism", () => {
  it("gives identical frame hashes for the same seed and different ones for another seed (starter game)", async () => {
    const starter = loadProjectDir("templates/starter");
    const a = await playtester.playtest(starter, { seconds: 5, seed: 11 });
    const b = await playtester.playtest(starter, { seconds: 5, seed: 11 });
    const c = await playtester.playtest(starter, { seconds: 5, seed: 12 });
    expect(a.frameHashes.length).toBeGreaterThan(10);
    expect(b.frameHashes).toEqual(a.frameHashes);
    expect(c.frameHashes).not.toEqual(a.frameHashes);
    expect(a.verdict).toBe("playable");
  });

  it("gives identical frame hashes for the same seed on a game that loads an image from public/ (asset-sprite)", async () => {
    const a = await playtester.playtest(loadFixture("asset-sprite"), { seconds: SECONDS, seed: 5 });
    const b = await playtester.playtest(loadFixture("asset-sprite"), { seconds: SECONDS, seed: 5 });
    expect(a.frameHashes.length).toBeGreaterThan(10);
    expect(b.frameHashes).toEqual(a.frameHashes);
    expect(a.verdict).toBe("playable");
  });
});

describe("the recorded reports the agent's unit tests answer with", () => {
  // test/unit/agent-support.ts answers run_playtest with these; if the engine or the starter
  // changes what it says, re-record them (test/fixtures/reports/record.ts) so the agent tests keep
  // speaking about the real engine.
  for (const [name, files] of Object.entries(CANNED_GAMES)) {
    it(`${name}: the engine still gives its verdict, reasons, checks and errors`, async () => {
      const recorded: PlaytestReport = JSON.parse(readFileSync(new URL(`../fixtures/reports/${name}.json`, import.meta.url), "utf8"));
      const now = await playtester.playtest(files, { seconds: CANNED_SECONDS, seed: CANNED_SEED });
      expect(essentials(now)).toEqual(essentials(recorded));
    });
  }
});
