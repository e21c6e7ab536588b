// The verdict and the model text, from recorded-shape runs (idle + play) built frame by frame.
import { describe, expect, it } from "vitest";
import { zlibSync } from "fflate";
import { compareRuns, formatReportForModel, judge, MODEL_REPORT_MAX_CHARS, type ScenarioRecord } from "../../src/playtest";
import type { Checkpoint, RecordedError } from "../../src/playtest/scenario";
import type { Introspection } from "../../src/runtime/harness/protocol";

type Rgb = [number, number, number];

/** Encodes an RGB image as a PNG data URL (filter 0 rows; CRCs are not checked by the decoder). */
function png(width: number, height: number, pixel: (x: number, y: number) => Rgb): string {
  const raw = new Uint8Array(height * (width * 3 + 1));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 3 + 1) + 1 + x * 3);
  }
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    new DataView(out.buffer).setUint32(0, data.length);
    out.set([...type].map((c) => c.charCodeAt(0)), 4);
    out.set(data, 8);
    return out;
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, width);
  new DataView(ihdr.buffer).setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", zlibSync(raw)), chunk("IEND", new Uint8Array())];
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    bytes.set(p, offset);
    offset += p.length;
  }
  return `data:image/png;base64,${Buffer.from(bytes).toString("base64")}`;
}

/** A 40×30 frame: dark background with an 8×8 player square at (x, y), or nothing when x is null. */
function frame(x: number | null, y = 10) {
  const hit = (px: number, py: number) => x !== null && px >= x && px < x + 8 && py >= y && py < y + 8;
  return {
    thumbnail: png(40, 30, (px, py) => (hit(px, py) ? [240, 200, 40] : [16, 20, 32])),
    nonBackground: x === null ? 0 : 64 / 1200,
    hash: `h${x ?? "none"}-${y}`,
  };
}

function view(scene: string, playerX: number, describeState?: unknown): Introspection {
  return {
    registered: true, renderer: "webgl", width: 800, height: 600, frame: 0, virtualMs: 0,
    scenes: [{
      key: scene, objects: { Image: 1 }, bodies: 1, keys: ["37", "39"], pointerListeners: [], keyboardListeners: [],
      main: [{ type: "Image", x: playerX, y: 300, texture: "player", hasBody: true, visible: true }],
      ...(describeState === undefined ? {} : { describe: describeState }),
    }],
  };
}

const TIMES = [0, 500, 1000, 2000, 3000];

/** Builds a run whose player is at positionAt(t) ms; inputs are labelled from 500 ms on in the play run. */
function run(name: "idle" | "play", positionAt: (t: number) => number | null, extra: Partial<ScenarioRecord> = {}): ScenarioRecord {
  let previous: string | null = null;
  const checkpoints: Checkpoint[] = TIMES.map((atMs) => {
    const x = positionAt(atMs);
    const f = frame(x);
    const diff = previous !== null && previous !== f.hash ? 0.05 : 0;
    previous = f.hash;
    return {
      atMs,
      snapshot: { frame: atMs / 16, virtualMs: atMs, width: 800, height: 600, thumbnail: f.thumbnail, metrics: { nonBackground: f.nonBackground, colours: 2, diff, hash: f.hash } },
      introspection: view("Play", x ?? 0, { score: name === "play" && atMs >= 2000 ? 10 : 0 }),
      inputs: name === "play" && atMs >= 500 ? ["hold ArrowRight 0.5 s"] : [],
    };
  });
  return {
    name, booted: true, firstFrameMs: 120, bootFrames: 2, errors: [], console: [], checkpoints,
    endedAtMs: 3000, stop: { reason: "completed" }, frames: 200, wallMs: 400, ...extra,
  };
}

const files = {
  "src/scenes/Play.ts": ["import Phaser from \"phaser\";", "", "export class PlayScene extends Phaser.Scene {", "  update() {", "    this.dust!.emitParticleAt(1, 2);", "  }", "}"].join("\n"),
};
const context = { files, seed: 7, requestedSeconds: 3, wallMs: 800 };

function report(idle: ScenarioRecord, play: ScenarioRecord | null) {
  return judge(idle, play, play ? compareRuns(idle, play) : [], context);
}

const bounce = (t: number) => 10 + Math.round(t / 500) * 2;

describe("playtest verdict", () => {
  it("calls a game playable when it boots, draws, animates and its play run differs from the idle run", () => {
    const r = report(run("idle", bounce), run("play", (t) => (t >= 1000 ? bounce(t) + 12 : bounce(t))));
    expect(r.verdict).toBe("playable");
    expect(r).toMatchObject({ booted: true, nonBlank: true, animates: true, respondsToInput: true, survivedSeconds: 3, seed: 7 });
    expect(r.reasons.join(" ")).toMatch(/responds to input/);
    expect(r.inputEffects[0].changed).toMatch(/picture differs from idle/);
    expect(r.inputEffects.map((e) => e.changed).join(" ")).toMatch(/score 10 \(idle 0\)/);
    expect(r.frameHashes).toHaveLength(10);
  });

  it("calls a still title screen that changes only after a key playable (no animation needed)", () => {
    const r = report(run("idle", () => 10), run("play", (t) => (t >= 1000 ? 22 : 10)));
    expect(r.animates).toBe(false);
    expect(r.verdict).toBe("playable");
  });

  it("calls an animated game whose play run looks exactly like its idle run broken: nothing responds to input", () => {
    const r = report(run("idle", bounce), run("play", bounce));
    expect(r.verdict).toBe("broken");
    expect(r.respondsToInput).toBe(false);
    expect(r.animates).toBe(true);
    expect(r.reasons.join(" ")).toMatch(/Nothing on screen responds to input: with hold ArrowRight/);
  });

  it("calls a picture that never changes and ignores input broken, saying it never changes", () => {
    const r = report(run("idle", () => 10), run("play", () => 10));
    expect(r.verdict).toBe("broken");
    expect(r.reasons.join(" ")).toMatch(/The picture never changes/);
  });

  it("calls a black canvas broken even when the game's own state moves with input", () => {
    const r = report(run("idle", () => null), run("play", () => null));
    expect(r.nonBlank).toBe(false);
    expect(r.verdict).toBe("broken");
    expect(r.reasons.join(" ")).toMatch(/canvas is blank/);
  });

  it("reports an error seen only while playing as broken, naming src/scenes/Play.ts:5 with a code frame and a count", () => {
    const error: RecordedError = { kind: "error", message: "TypeError: Cannot read properties of undefined (reading 'emitParticleAt')", location: { file: "src/scenes/Play.ts", line: 5, column: 16 }, atMs: 3000 };
    const play = run("play", (t) => bounce(t) + (t >= 1000 ? 12 : 0), { errors: [error, { ...error }, { ...error }], stop: { reason: "error", atMs: 3000 } });
    const r = report(run("idle", bounce), play);
    expect(r.verdict).toBe("broken");
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ count: 3, during: "play", location: { file: "src/scenes/Play.ts", line: 5 } });
    expect(r.errors[0].codeFrame).toContain("> 5 |     this.dust!.emitParticleAt(1, 2);");
    expect(r.reasons[0]).toMatch(/Uncaught error at src\/scenes\/Play\.ts:5 at 3\.0 s, only seen while playing with input \(×3\)/);
    expect(r.survivedSeconds).toBe(3);
  });

  it("reports a game that never rendered a frame as not booted, with the error that stopped it", () => {
    const idle: ScenarioRecord = {
      ...run("idle", () => null), booted: false, checkpoints: [], bootFrames: 1, stop: { reason: "boot-timeout" },
      errors: [{ kind: "module", message: 'Cannot find module "../objects/Gardener"', location: { file: "src/scenes/Play.ts", line: 1 }, atMs: -1 }],
    };
    const r = report(idle, null);
    expect(r.verdict).toBe("broken");
    expect(r.booted).toBe(false);
    expect(r.firstFrameMs).toBeNull();
    expect(r.errors[0].during).toBe("boot");
    expect(r.reasons[0]).toMatch(/^Did not boot/);
    expect(r.reasons[1]).toMatch(/Module error at src\/scenes\/Play\.ts:1 while booting/);
  });

  it("counts a freeze as survival up to the moment the game froze", () => {
    const idle = run("idle", bounce, { stop: { reason: "frozen", atMs: 2000 }, errors: [{ kind: "loop", message: "The game froze: a loop at src/scenes/Play.ts:4 ran for over 2 s", location: { file: "src/scenes/Play.ts", line: 4 }, atMs: 2000 }] });
    const r = report(idle, null);
    expect(r.survivedSeconds).toBe(2);
    expect(r.reasons.join(" ")).toMatch(/^Froze at src\/scenes\/Play\.ts:4/);
  });
});

describe("formatReportForModel", () => {
  it("puts errors with file:line and the code frame first", () => {
    const error: RecordedError = { kind: "error", message: "TypeError: boom", location: { file: "src/scenes/Play.ts", line: 5 }, atMs: 100 };
    const text = formatReportForModel(report(run("idle", bounce, { errors: [error], stop: { reason: "error", atMs: 100 } }), null));
    expect(text.split("\n")[0]).toMatch(/^PLAYTEST BROKEN/);
    const errorsAt = text.indexOf("Errors (1 distinct):");
    expect(errorsAt).toBeGreaterThan(0);
    expect(text.indexOf("src/scenes/Play.ts:5", errorsAt)).toBeGreaterThan(errorsAt);
    expect(text).toContain("> 5 |     this.dust!.emitParticleAt(1, 2);");
    expect(errorsAt).toBeLessThan(text.indexOf("Observed:"));
  });

  it(`stays within ${MODEL_REPORT_MAX_CHARS} characters (~1,500 tokens) for a report with 60 long errors and a long console`, () => {
    const errors: RecordedError[] = Array.from({ length: 60 }, (_, i) => ({ kind: "error", message: `Error ${i}: ${"x".repeat(900)}`, location: { file: "src/scenes/Play.ts", line: 5 }, atMs: i }));
    const consoleLines = Array.from({ length: 200 }, (_, i) => ({ level: "log" as const, text: `line ${i} ${"y".repeat(500)}`, atMs: i }));
    const r = report(run("idle", bounce, { errors, console: consoleLines, stop: { reason: "error", atMs: 0 } }), null);
    const text = formatReportForModel(r);
    expect(r.errors).toHaveLength(60);
    expect(text.length).toBeLessThanOrEqual(MODEL_REPORT_MAX_CHARS);
    expect(text).toContain("Error 0:");
  });

  it("describes a playable game in a few lines with its input effects and scene state", () => {
    const text = formatReportForModel(report(run("idle", bounce), run("play", (t) => (t >= 1000 ? bounce(t) + 12 : bounce(t)))));
    expect(text).toMatch(/^PLAYTEST PLAYABLE — seed 7/);
    expect(text).toContain("Input effects");
    expect(text).toMatch(/scene Play: objects Image×1/);
    expect(text).toContain('describe(): {"score":10}');
  });
});
