import { describe, expect, it } from "vitest";
import { CELL_COLUMNS, CELL_ROWS, parseCommandResult } from "../../src/runtime";

const snapshot = {
  frame: 3,
  virtualMs: 50,
  width: 800,
  height: 600,
  thumbnail: "data:image/png;base64,iVBORw0KGgo=",
  metrics: { nonBackground: 0.2, colours: 5, diff: 0, hash: "0a1b2c3d", cells: "0123abcd".repeat(CELL_COLUMNS * CELL_ROWS) },
};
const scene = { key: "Play", objects: { Sprite: 2 }, bodies: 1, keys: ["37"], pointerListeners: [], keyboardListeners: ["keydown-SPACE"], main: [{ type: "Sprite", name: "Player", x: 1, y: 2, width: 32, height: 32, vx: 0, vy: -10, hasBody: true, visible: true }], targets: [{ type: "Rectangle", text: "PLAY", x: 400, y: 300, width: 200, height: 60, draggable: false }], describe: { score: 3 } };
const introspection = { registered: true, renderer: "webgl", width: 800, height: 600, frame: 3, virtualMs: 50, scenes: [scene], sceneKeys: ["Title", "Play"], domTargets: [] };

describe("command replies are checked against their command's schema", () => {
  it.each([
    ["step", { frame: 10, virtualMs: 167 }],
    ["input", { delivered: 2 }],
    ["snapshot", snapshot],
    ["introspect", introspection],
    ["status", { frame: 1, virtualMs: 17, registered: false, rendered: true }],
    ["pause", { paused: true }],
    ["mute", { muted: false }],
  ] as const)("accepts a %s result of the right shape", (op, result) => {
    expect(parseCommandResult(op, result)).toEqual({ ok: true, result });
  });

  it.each([
    ["step", { frame: "10", virtualMs: 1 }, "result.frame is not a number"],
    ["step", null, "result is not an object"],
    ["input", { delivered: Infinity }, "result.delivered is not a number"],
    ["snapshot", { ...snapshot, thumbnail: "javascript:alert(1)" }, "result.thumbnail is not a PNG data URL"],
    ["snapshot", { ...snapshot, metrics: { ...snapshot.metrics, cells: "ff" } }, `result.metrics.cells is not ${CELL_COLUMNS}×${CELL_ROWS} cell hashes`],
    ["introspect", { ...introspection, renderer: "vulkan" }, "result.renderer is not one of webgl, canvas, none"],
    ["introspect", { ...introspection, scenes: [{ ...scene, main: [{ ...scene.main[0], x: null }] }] }, "result.scenes[0].main[0].x is not a number"],
    ["introspect", { ...introspection, scenes: [{ ...scene, main: Array(25).fill(scene.main[0]) }] }, "result.scenes[0].main has more than 24 items"],
    ["introspect", { ...introspection, domTargets: [{ type: "dom", x: 1, y: 1, width: 1, height: 1 }] }, "result.domTargets[0].draggable is not true or false"],
    ["status", { frame: 1, virtualMs: 1, registered: "yes", rendered: true }, "result.registered is not true or false"],
    ["pause", {}, "result.paused is not true or false"],
  ] as const)("refuses a %s result, saying what is wrong: %j", (op, result, wrong) => {
    expect(parseCommandResult(op, result)).toEqual({ ok: false, wrong });
  });

  it("refuses a result too large to be a real reply", () => {
    expect(parseCommandResult("introspect", { ...introspection, scenes: [{ ...scene, describe: "x".repeat(2_000_000) }] })).toEqual({ ok: false, wrong: "the result is too large" });
  });
});
