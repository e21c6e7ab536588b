// On-screen touch controls: which controls a game's introspection yields, how a finger on the pad
// aims, and how fingers become key down/up events.
import { describe, expect, it } from "vitest";
import { createKeyPresser, padDirections, touchLayout } from "../../src/app/touch";
import type { InputEvent, Introspection, SceneSummary } from "../../src/runtime/harness/protocol";

function view(...scenes: Array<Partial<SceneSummary>>): Introspection {
  return {
    registered: true, renderer: "webgl", width: 640, height: 480, frame: 10, virtualMs: 160,
    scenes: scenes.map((s) => ({ key: "Play", objects: {}, bodies: 0, keys: [], pointerListeners: [], keyboardListeners: [], main: [], ...s })),
  };
}

describe("touch layout", () => {
  it("gives a shooter with arrows, WASD and keydown-SPACE a four-way pad pressing the arrows and one Space button", () => {
    const layout = touchLayout(view({ keys: ["38", "40", "37", "39", "87", "65", "83", "68"], keyboardListeners: ["keydown-SPACE"] }));
    expect(layout.pad).toEqual({ up: "ArrowUp", down: "ArrowDown", left: "ArrowLeft", right: "ArrowRight" });
    expect(layout.buttons).toEqual([{ key: " ", label: "Space" }]);
  });

  it("makes the pad of WASD when the game has no arrow keys, and lists only the directions it reads", () => {
    const layout = touchLayout(view({ keys: ["65", "68"], keyboardListeners: ["keydown-X", "keydown-Z"] }));
    expect(layout.pad).toEqual({ left: "a", right: "d" });
    expect(layout.buttons.map((b) => b.label)).toEqual(["Z", "X"]);
  });

  it("puts Space and Enter first and labels letters in capitals, across every active scene", () => {
    const layout = touchLayout(view({ keyboardListeners: ["keydown-Q"] }, { keys: ["13", "32"] }));
    expect(layout.pad).toBeNull();
    expect(layout.buttons).toEqual([{ key: " ", label: "Space" }, { key: "Enter", label: "Enter" }, { key: "q", label: "Q" }]);
  });

  it("gives a pointer-only game no controls, and a 'press any key' title one button", () => {
    expect(touchLayout(view({ pointerListeners: ["pointerdown", "interactive-objects:25"] }))).toEqual({ pad: null, buttons: [] });
    expect(touchLayout(view({ keyboardListeners: ["keydown"] })).buttons).toEqual([{ key: "Enter", label: "Any key" }]);
    expect(touchLayout(view())).toEqual({ pad: null, buttons: [] });
  });
});

describe("pad aim", () => {
  it("presses one direction along an axis, two on a diagonal, none in the dead centre", () => {
    expect(padDirections(60, 0, 78)).toEqual(["right"]);
    expect(padDirections(0, -60, 78)).toEqual(["up"]);
    expect(padDirections(40, -40, 78)).toEqual(["up", "right"]);
    expect(padDirections(-30, 45, 78)).toEqual(["down", "left"]);
    expect(padDirections(5, 5, 78)).toEqual([]);
  });
});

describe("key presser", () => {
  it("holds right with one finger while another taps Space: right stays down throughout", () => {
    const sent: InputEvent[][] = [];
    const presser = createKeyPresser((events) => sent.push(events));
    presser.hold(1, ["ArrowRight"]);
    presser.hold(2, [" "]);
    presser.release(2);
    presser.hold(1, ["ArrowRight"]);
    expect(sent).toEqual([
      [{ kind: "key", action: "down", key: "ArrowRight" }],
      [{ kind: "key", action: "down", key: " " }],
      [{ kind: "key", action: "up", key: " " }],
    ]);
  });

  it("keeps a key down while any finger holds it, sends only changes on a slide, and releases all at once", () => {
    const sent: InputEvent[][] = [];
    const presser = createKeyPresser((events) => sent.push(events));
    presser.hold(1, ["ArrowRight"]);
    presser.hold(2, ["ArrowRight"]);
    presser.release(1);
    presser.hold(2, ["ArrowRight", "ArrowUp"]);
    presser.releaseAll();
    presser.releaseAll();
    expect(sent).toEqual([
      [{ kind: "key", action: "down", key: "ArrowRight" }],
      [{ kind: "key", action: "down", key: "ArrowUp" }],
      [{ kind: "key", action: "up", key: "ArrowRight" }, { kind: "key", action: "up", key: "ArrowUp" }],
    ]);
  });
});
