// The verdict and the model text, from play and control runs built checkpoint by checkpoint: the
// checks judge gameplay (not the title), against a control run with the same start and no input.
import { describe, expect, it } from "vitest";
import { zlibSync } from "fflate";
import { formatReportForModel, judge, MODEL_REPORT_MAX_CHARS, type ScenarioRecord, type TaskCheckSpec } from "../../src/playtest";
import { FRAME_MS } from "../../src/playtest/input-plan";
import type { ScreenPass } from "../../src/playtest/menus";
import type { Observation, RecordedError } from "../../src/playtest/scenario";
import type { Introspection } from "../../src/runtime/harness/protocol";

/** Encodes an RGB image as a PNG data URL (filter 0 rows; CRCs are not checked by the decoder). */
function png(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): string {
  const raw = new Uint8Array(height * (width * 3 + 1));
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 3 + 1) + 1 + x * 3);
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
  return `data:image/png;base64,${Buffer.concat(parts).toString("base64")}`;
}

/** One moment of a run: which scene shows, where the player is (null: nothing drawn), its describe(). */
interface Moment {
  atMs: number;
  scene: string;
  x: number | null;
  describe?: Record<string, unknown>;
  inputs?: string[];
  /** Extra region cells that differ (nondeterminism the harness does not control). */
  noise?: boolean;
}

const CELLS = 8;

function checkpoint(m: Moment): Observation {
  const cell = m.x === null ? -1 : Math.min(CELLS - 2, Math.floor(m.x / 100));
  const cells = Array.from({ length: CELLS }, (_, i) => (i === cell ? `${(m.x ?? 0).toString(16).padStart(8, "0")}` : i === CELLS - 1 && m.noise ? "ffffffff" : "00000000")).join("");
  const thumbnail = png(40, 30, (px, py) => (m.x !== null && px >= m.x / 20 && px < m.x / 20 + 4 && py >= 10 && py < 14 ? [240, 200, 40] : [16, 20, 32]));
  const view: Introspection = {
    registered: true, renderer: "webgl", width: 800, height: 600, frame: 0, virtualMs: m.atMs, sceneKeys: ["Title", "Play", "GameOver"],
    scenes: m.scene === "none" ? [] : [{
      key: m.scene, objects: { Image: 1 }, bodies: 1, keys: ["37", "39"], pointerListeners: [], keyboardListeners: [],
      main: m.x === null ? [] : [{ type: "Image", x: m.x, y: 300, texture: "player", hasBody: true, visible: true }],
      ...(m.describe ? { describe: m.describe } : {}),
    }],
  };
  return {
    atMs: m.atMs, frame: Math.round(m.atMs / FRAME_MS), introspection: view, inputs: m.inputs ?? [],
    snapshot: { frame: 0, virtualMs: m.atMs, width: 800, height: 600, thumbnail, metrics: { nonBackground: m.x === null ? 0 : 0.01, colours: 2, diff: 0, hash: `${m.scene}-${m.x}-${m.noise ? 1 : 0}`, cells } },
  };
}

const TIMES = [0, 500, 1000, 1500, 2000, 3000];
const START: ScreenPass = { from: "title", left: true, by: "press Enter", tried: ["press Enter"], atFrame: 60, to: "gameplay" };

function run(name: "play" | "control", at: (t: number) => Omit<Moment, "atMs">, extra: Partial<ScenarioRecord> = {}): ScenarioRecord {
  return {
    name, booted: true, firstFrameMs: 120, bootFrames: 2, errors: [], console: [], checkpoints: TIMES.map((atMs) => checkpoint({ atMs, ...at(atMs) })),
    endedAtMs: 3000, stop: { reason: "completed" }, frames: 360, wallMs: 400, start: name === "play" ? START : null, gameplayFrame: 60, restart: null, sent: [], ...extra,
  };
}

/** Title until 1 s, then gameplay; the player starts at 300 and drifts right on its own. */
const drift = (t: number) => 300 + Math.round(t / 100);
const titled = (gameplay: (t: number) => Omit<Moment, "atMs">) => (t: number): Omit<Moment, "atMs"> => (t < 1000 ? { scene: "Title", x: 400 } : gameplay(t));
const played = (t: number) => ({ inputs: t >= 1500 ? ["hold ArrowRight 0.5 s"] : [] });

const files = {
  "src/scenes/Play.ts": ["import Phaser from \"phaser\";", "", "export class PlayScene extends Phaser.Scene {", "  update() {", "    this.dust!.emitParticleAt(1, 2);", "  }", "}"].join("\n"),
};
const context = { files, seed: 7, requestedSeconds: 3, wallMs: 800 };
const report = (play: ScenarioRecord, control: ScenarioRecord | null, tasks: TaskCheckSpec[] = []) => judge(play, control, { ...context, tasks });
const checkOf = (r: ReturnType<typeof report>, id: string) => r.checks.find((c) => c.id === id);

describe("playtest checks judge gameplay, not the title", () => {
  it("passes a game whose arrow keys move the player in gameplay, naming what moved and the start press", () => {
    const play = run("play", titled((t) => ({ scene: "Play", x: drift(t) + (t >= 1500 ? 118 : 0), ...played(t) })));
    const r = report(play, run("control", titled((t) => ({ scene: "Play", x: drift(t) }))));
    expect(r.verdict).toBe("playable");
    expect(checkOf(r, "leaves-title")).toMatchObject({ status: "pass", evidence: { detail: expect.stringContaining('"press Enter" left it') } });
    expect(checkOf(r, "controls")).toMatchObject({ status: "pass", evidence: { detail: expect.stringContaining('hold ArrowRight 0.5 s moved Image "player" +118 px x') } });
    expect(r.phases.map((p) => p.phase)).toEqual(["title", "gameplay"]);
    expect(r.respondsToInput).toBe(true);
  });

  it("calls dead controls behind a title that reacts to Enter broken: the title's reaction does not count", () => {
    const r = report(run("play", titled((t) => ({ scene: "Play", x: drift(t), ...played(t) }))), run("control", titled((t) => ({ scene: "Play", x: drift(t) }))));
    expect(r.verdict).toBe("broken");
    expect(checkOf(r, "leaves-title")?.status).toBe("pass");
    expect(checkOf(r, "controls")?.status).toBe("fail");
    expect(r.reasons[0]).toMatch(/^The controls move the player in gameplay: no\. In gameplay \(1\.0 s–3\.0 s\) the picture stayed the same as with no input/);
  });

  it("calls a black gameplay scene behind a drawn title broken, judging blankness on gameplay frames only", () => {
    const r = report(run("play", titled(() => ({ scene: "Play", x: null }))), run("control", titled(() => ({ scene: "Play", x: null }))));
    expect(r.verdict).toBe("broken");
    expect(checkOf(r, "not-blank")).toMatchObject({ status: "fail", evidence: { detail: expect.stringMatching(/Every gameplay frame \(1\.0 s–3\.0 s, scene Play\) shows only the background/) } });
  });

  it("says 'stuck on the title' and names what was tried when nothing leaves it", () => {
    const stuck: ScreenPass = { from: "title", left: false, by: null, tried: ["press Enter", "press Space", 'click "Start" (400, 300)', "click centre (400, 300)"], atFrame: 180, to: "title" };
    const title = () => ({ scene: "Menu", x: 400 });
    const r = report(run("play", title, { start: stuck, gameplayFrame: null }), run("control", title, { gameplayFrame: null }));
    expect(r.verdict).toBe("broken");
    expect(checkOf(r, "leaves-title")?.evidence.detail).toBe('Stuck on the title: tried press Enter, press Space, click "Start" (400, 300), click centre (400, 300), then waited until 3.0 s; nothing left it.');
    expect(checkOf(r, "controls")?.status).toBe("unknown");
  });

  it("calls a start that leaves no scene running broken (a scene-key typo), not 'responds to input'", () => {
    const none: ScreenPass = { from: "title", left: false, by: "press Enter", tried: ["press Enter"], atFrame: 60, to: "none" };
    const r = report(run("play", titled(() => ({ scene: "none", x: null })), { start: none, gameplayFrame: null }), run("control", titled(() => ({ scene: "none", x: null })), { gameplayFrame: null }));
    expect(r.verdict).toBe("broken");
    expect(checkOf(r, "leaves-title")?.evidence.detail).toMatch(/^After press Enter, no scene is running/);
    expect(r.respondsToInput).toBe(false);
  });

  it("ignores screen regions that differ between the runs before any gameplay input (nondeterminism)", () => {
    const noisy = (t: number) => t % 1000 === 0;
    const play = run("play", titled((t) => ({ scene: "Play", x: drift(t), noise: noisy(t), ...played(t) })), {});
    play.checkpoints[0] = checkpoint({ atMs: 0, scene: "Title", x: 400, noise: true });
    const r = report(play, run("control", titled((t) => ({ scene: "Play", x: drift(t) }))));
    expect(checkOf(r, "controls")?.status).toBe("fail");
  });

  it("judges a 12 px player by region cells even when the thumbnails barely differ", () => {
    const play = run("play", titled((t) => ({ scene: "Play", x: t >= 1500 ? 212 : 200, ...played(t) })));
    const r = report(play, run("control", titled(() => ({ scene: "Play", x: 200 }))));
    expect(checkOf(r, "controls")?.status).toBe("pass");
  });
});

describe("task checks", () => {
  const scoring = (t: number) => ({ scene: "Play", x: drift(t) + (t >= 1500 ? 118 : 0), describe: { score: t >= 2000 ? 10 : 0, oxygen: 100 - t / 100 }, ...played(t) });
  const tasks: TaskCheckSpec[] = [
    { id: "score-rises", says: "Score rises when a pearl is collected", probe: { kind: "state", field: "score", expect: "rises", seek: "targets" } },
    { id: "oxygen-falls", says: "Oxygen falls under water", probe: { kind: "state", field: "oxygen", expect: "falls", run: "control" } },
    { id: "laps", says: "The lap count rises", probe: { kind: "state", field: "laps", expect: "rises" } },
  ];

  it("verifies describe() facts in gameplay, and calls a field the game never exposes unknown, never pass", () => {
    const control = run("control", titled((t) => ({ scene: "Play", x: drift(t), describe: { score: 0, oxygen: 100 - t / 100 } })));
    const r = report(run("play", titled(scoring)), control, tasks);
    expect(checkOf(r, "score-rises")).toMatchObject({ status: "pass", source: "task", evidence: { detail: "score 0 at 1.0 s → 10 at 2.0 s (play run).", before: 0, after: 10 } });
    expect(checkOf(r, "oxygen-falls")).toMatchObject({ status: "pass", evidence: { detail: expect.stringContaining("(control run)") } });
    expect(checkOf(r, "laps")).toMatchObject({ status: "unknown", evidence: { detail: expect.stringContaining('has no "laps"') } });
    expect(r.verdict).toBe("playable");
    expect(r.reasons.join(" ")).toMatch(/Not verified: the lap count rises/);
  });

  it("calls a game whose required task check fails broken, with that check first in the reasons and the model text", () => {
    const flat = (t: number) => ({ ...scoring(t), describe: { score: 0 } });
    const r = report(run("play", titled(flat)), run("control", titled((t) => ({ scene: "Play", x: drift(t), describe: { score: 0 } }))), tasks.slice(0, 1));
    expect(r.verdict).toBe("broken");
    expect(r.reasons[0]).toBe("Score rises when a pearl is collected: no. score was 0 at 1.0 s and 0 at 3.0 s (play run); expected it to rise, with the player driven toward targets.");
    const text = formatReportForModel(r);
    expect(text.indexOf("- FAIL score-rises")).toBeGreaterThan(0);
    expect(text.indexOf("- FAIL score-rises")).toBeLessThan(text.indexOf("- PASS"));
  });
});

describe("game over and restart", () => {
  const dies = (t: number) => (t < 1000 ? { scene: "Title", x: 400 } : t < 2000 ? { scene: "Play", x: drift(t) } : { scene: "GameOver", x: 400 });

  it("passes game over reached in the control run and a restart that starts gameplay again", () => {
    const restart: ScreenPass = { from: "gameover", left: true, by: "press Space", tried: ["press Enter", "press Space"], atFrame: 170, to: "gameplay" };
    const play = run("play", titled((t) => ({ scene: "Play", x: drift(t) + (t >= 1500 ? 50 : 0), ...played(t) })));
    const r = report(play, run("control", dies, { restart }));
    expect(checkOf(r, "game-over")).toMatchObject({ status: "pass", evidence: { detail: "Reached in the control run (no input) at 2.0 s (GameOver)." } });
    expect(checkOf(r, "restart")).toMatchObject({ status: "pass", required: true });
    expect(r.verdict).toBe("playable");
  });

  it("calls a game over that cannot be restarted broken", () => {
    const stuck: ScreenPass = { from: "gameover", left: false, by: null, tried: ["press Enter", "press Space", "click centre (400, 300)"], atFrame: 170, to: "gameover" };
    const play = run("play", titled((t) => ({ scene: "Play", x: drift(t) + (t >= 1500 ? 50 : 0), ...played(t) })));
    const r = report(play, run("control", dies, { restart: stuck }));
    expect(r.verdict).toBe("broken");
    expect(checkOf(r, "restart")?.evidence.detail).toBe("Stuck on the game-over screen: tried press Enter, press Space, click centre (400, 300).");
  });
});

describe("errors, boot and survival", () => {
  const moving = titled((t) => ({ scene: "Play", x: drift(t) + (t >= 1500 ? 50 : 0), ...played(t) }));

  it("reports an error seen only while playing as broken, naming src/scenes/Play.ts:5 with a code frame and a count", () => {
    const error: RecordedError = { kind: "error", message: "TypeError: Cannot read properties of undefined (reading 'emitParticleAt')", location: { file: "src/scenes/Play.ts", line: 5, column: 16 }, atMs: 3000 };
    const play = run("play", moving, { errors: [error, { ...error }, { ...error }], stop: { reason: "error", atMs: 3000 } });
    const r = report(play, run("control", titled((t) => ({ scene: "Play", x: drift(t) }))));
    expect(r.verdict).toBe("broken");
    expect(r.errors[0]).toMatchObject({ count: 3, during: "play", location: { file: "src/scenes/Play.ts", line: 5 } });
    expect(r.errors[0].codeFrame).toContain("> 5 |     this.dust!.emitParticleAt(1, 2);");
    expect(r.reasons.join("\n")).toMatch(/Uncaught error at src\/scenes\/Play\.ts:5 at 3\.0 s, only seen while playing with input \(×3\)/);
    expect(checkOf(r, "no-errors")?.evidence.detail).toMatch(/emitParticleAt.*at src\/scenes\/Play\.ts:5/);
  });

  it("names the error, not a blank canvas, for a game that drew a full scene and then threw", () => {
    const error: RecordedError = { kind: "error", message: "TypeError: boom", location: { file: "src/scenes/Play.ts", line: 5 }, atMs: 1000 };
    const play = run("play", moving, { errors: [error], stop: { reason: "error", atMs: 1000 } });
    const r = report(play, run("control", titled((t) => ({ scene: "Play", x: drift(t) })), { errors: [error], stop: { reason: "error", atMs: 1000 } }));
    expect(r.reasons.join(" ")).not.toMatch(/blank/i);
    expect(r.reasons.join(" ")).toMatch(/TypeError: boom/);
  });

  it("reports a game that never rendered a frame as not booted, with the error that stopped it", () => {
    const play: ScenarioRecord = {
      ...run("play", () => ({ scene: "none", x: null })), booted: false, checkpoints: [], bootFrames: 1, stop: { reason: "boot-timeout" }, start: null, gameplayFrame: null,
      errors: [{ kind: "module", message: 'Cannot find module "../objects/Gardener"', location: { file: "src/scenes/Play.ts", line: 1 }, atMs: -1 }],
    };
    const r = report(play, null);
    expect(r.verdict).toBe("broken");
    expect(r.firstFrameMs).toBeNull();
    expect(r.errors[0].during).toBe("boot");
    expect(r.reasons[0]).toMatch(/^The game boots and draws its first frame: no\. No frame was rendered after 1 virtual frames because of: Cannot find module/);
  });

  it("counts a freeze as survival up to the moment the game froze", () => {
    const frozen = { stop: { reason: "frozen" as const, atMs: 2000 }, errors: [{ kind: "loop" as const, message: "The game froze: a loop at src/scenes/Play.ts:4 ran for over 2 s", location: { file: "src/scenes/Play.ts", line: 4 }, atMs: 2000 }] };
    const r = report(run("play", moving, frozen), run("control", titled((t) => ({ scene: "Play", x: drift(t) }))));
    expect(r.survivedSeconds).toBe(2);
    expect(checkOf(r, "survives")?.status).toBe("fail");
    expect(r.reasons.join("\n")).toMatch(/Froze at src\/scenes\/Play\.ts:4/);
  });
});

describe("formatReportForModel", () => {
  const control = run("control", titled((t) => ({ scene: "Play", x: drift(t) })));

  it("puts errors with file:line and the code frame before what was observed", () => {
    const error: RecordedError = { kind: "error", message: "TypeError: boom", location: { file: "src/scenes/Play.ts", line: 5 }, atMs: 100 };
    const text = formatReportForModel(report(run("play", titled((t) => ({ scene: "Play", x: drift(t) })), { errors: [error], stop: { reason: "error", atMs: 100 } }), control));
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
    const r = report(run("play", titled((t) => ({ scene: "Play", x: drift(t) })), { errors, console: consoleLines, stop: { reason: "error", atMs: 0 } }), control);
    const text = formatReportForModel(r);
    expect(r.errors).toHaveLength(60);
    expect(text.length).toBeLessThanOrEqual(MODEL_REPORT_MAX_CHARS);
    expect(text).toContain("Error 0:");
  });

  it("describes a playable game with its checks, phases, input effects and scene state", () => {
    const play = run("play", titled((t) => ({ scene: "Play", x: drift(t) + (t >= 1500 ? 118 : 0), describe: { score: 10 }, ...played(t) })));
    const text = formatReportForModel(report(play, run("control", titled((t) => ({ scene: "Play", x: drift(t), describe: { score: 10 } })))));
    expect(text).toMatch(/^PLAYTEST PLAYABLE — seed 7/);
    expect(text).toContain("- PASS controls: The controls move the player in gameplay.");
    expect(text).toContain("Phases: title from 0.0 s (Title) → gameplay from 1.0 s (Play)");
    expect(text).toContain("Input effects in gameplay");
    expect(text).toContain('describe(): {"score":10}');
  });
});
