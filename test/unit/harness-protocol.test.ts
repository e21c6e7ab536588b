import { describe, expect, it } from "vitest";
import { parseHarnessMessage } from "../../src/runtime";

const ok = { channel: "playforge", v: 1, session: "s1" };

describe("harness message validation", () => {
  it("accepts well-formed messages of the current session", () => {
    expect(parseHarnessMessage({ ...ok, type: "ready", firstFrameMs: 120, renderedAt: 1.8e12 }, "s1")).toEqual({ type: "ready", firstFrameMs: 120, renderedAt: 1.8e12 });
    expect(parseHarnessMessage({ ...ok, type: "error", error: { kind: "error", message: "boom", location: { file: "src/main.ts", line: 3 } } }, "s1")).toEqual({
      type: "error",
      error: { kind: "error", message: "boom", location: { file: "src/main.ts", line: 3 } },
    });
    expect(parseHarnessMessage({ ...ok, type: "error", error: { kind: "asset", message: "Could not load image", location: { file: "src/scenes/Boot.ts", line: 9 } } }, "s1")).toMatchObject({ error: { kind: "asset" } });
    expect(parseHarnessMessage({ ...ok, type: "reply", id: 4, token: "t0k", ok: true, result: { delivered: 1 } }, "s1")).toEqual({ type: "reply", id: 4, token: "t0k", ok: true, result: { delivered: 1 } });
  });

  it.each([
    ["another session", { ...ok, session: "s2", type: "ready", firstFrameMs: 1 }],
    ["a wrong channel", { ...ok, channel: "x", type: "ready", firstFrameMs: 1 }],
    ["a future version", { ...ok, v: 2, type: "ready", firstFrameMs: 1 }],
    ["an unknown type", { ...ok, type: "launch-missiles" }],
    ["a non-numeric time", { ...ok, type: "ready", firstFrameMs: "soon", renderedAt: 1 }],
    ["a first frame without its clock time", { ...ok, type: "ready", firstFrameMs: 120 }],
    ["an unknown console level", { ...ok, type: "console", level: "shout", text: "x" }],
    ["an oversized console text", { ...ok, type: "console", level: "log", text: "x".repeat(30_000) }],
    ["an error without message", { ...ok, type: "error", error: { kind: "error" } }],
    ["a location with a string line", { ...ok, type: "error", error: { kind: "error", message: "m", location: { file: "a", line: "3" } } }],
    ["a frame whose thumbnail is not an image", { ...ok, type: "frame", snapshot: { frame: 1, virtualMs: 1, width: 1, height: 1, thumbnail: "javascript:alert(1)", metrics: { nonBackground: 0, colours: 1, diff: 0, hash: "0" } } }],
    ["a reply without the page's token", { ...ok, type: "reply", id: 1, ok: true, result: {} }],
    ["a frame whose cells are not 32×18 hashes", { ...ok, type: "frame", snapshot: { frame: 1, virtualMs: 1, width: 1, height: 1, thumbnail: "data:image/png;base64,", metrics: { nonBackground: 0, colours: 1, diff: 0, hash: "0", cells: "abc" } } }],
    ["an unknown error kind", { ...ok, type: "error", error: { kind: "meltdown", message: "m" } }],
    ["null", null],
    ["a string", "ready"],
  ])("drops %s", (_label, data) => {
    expect(parseHarnessMessage(data, "s1")).toBeNull();
  });
});
