// The playtest engine's parts: thumbnail decoding and differences, the seeded input plan, code frames.
import { describe, expect, it } from "vitest";
import { zlibSync } from "fflate";
import { codeFrame, projectLocation } from "../../src/playtest/code-frame";
import { domKey, inputSurface, menuAttempts, randomBurst, seededRandom, sourceKeys } from "../../src/playtest/input-plan";
import { phaseOf } from "../../src/playtest/phases";
import { decodePng, decodePngDataUrl, pixelDifference, PngDecodeError } from "../../src/playtest/pixels";
import { filesFromWire, filesToWire } from "../../src/playtest";
import type { Introspection } from "../../src/runtime/harness/protocol";

/** A 4×2 RGBA PNG whose rows use filters 1 (sub) and 2 (up), as Chromium's encoder does. */
function rgbaPng(): Uint8Array {
  const rows = [
    [1, 10, 20, 30, 255, 5, 5, 5, 0, 5, 5, 5, 0, 5, 5, 5, 0],
    [2, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0],
  ];
  const ihdr = [0, 0, 0, 4, 0, 0, 0, 2, 8, 6, 0, 0, 0];
  const idat = zlibSync(new Uint8Array(rows.flat()));
  const chunk = (type: string, data: ArrayLike<number>) => [0, 0, (data.length >> 8) & 255, data.length & 255, ...[...type].map((c) => c.charCodeAt(0)), ...Array.from(data), 0, 0, 0, 0];
  return new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, ...chunk("IHDR", ihdr), ...chunk("IDAT", idat), ...chunk("IEND", [])]);
}

describe("thumbnail pixels", () => {
  it("decodes an RGBA PNG with sub and up filters to the right pixels", () => {
    const image = decodePng(rgbaPng());
    expect(image).toMatchObject({ width: 4, height: 2 });
    expect([...image.rgba.subarray(0, 8)]).toEqual([10, 20, 30, 255, 15, 25, 35, 255]);
    expect([...image.rgba.subarray(28, 32)]).toEqual([26, 36, 46, 255]);
  });

  it("counts the fraction of pixels that changed beyond a small tolerance", () => {
    const a = decodePng(rgbaPng());
    const b = { ...a, rgba: a.rgba.slice() };
    b.rgba[0] += 10;
    expect(pixelDifference(a, b)).toBe(0);
    b.rgba[4] += 100;
    expect(pixelDifference(a, b)).toBe(1 / 8);
    expect(pixelDifference(a, { width: 2, height: 4, rgba: a.rgba })).toBe(1);
  });

  it("refuses something that is not a PNG data URL with a typed error", () => {
    expect(() => decodePngDataUrl("data:image/jpeg;base64,AAAA")).toThrow(PngDecodeError);
    expect(() => decodePng(new Uint8Array([1, 2, 3]))).toThrow(/missing PNG signature/);
  });
});

function sceneView(keys: string[], keyboardListeners: string[], pointerListeners: string[]): Introspection {
  return {
    registered: true, renderer: "webgl", width: 480, height: 320, frame: 0, virtualMs: 0,
    scenes: [{ key: "Play", objects: {}, bodies: 0, keys, keyboardListeners, pointerListeners, main: [{ type: "Sprite", x: 100, y: 50, hasBody: true, visible: true }] }],
  };
}

describe("input plan", () => {
  it("maps Phaser key names, keyCodes and listener names to DOM keys", () => {
    expect(["LEFT", "37", "keydown-SPACE", "W", "87", "ENTER", "ArrowDown", "48"].map(domKey)).toEqual(["ArrowLeft", "ArrowLeft", " ", "w", "w", "Enter", "ArrowDown", "0"]);
    expect(domKey("keydown")).toBeNull();
  });

  it("plays a keyboard game with its registered keys and a pointer-only game with the pointer", () => {
    const keyboard = inputSurface(sceneView(["37", "39", "32"], [], []));
    expect(keyboard).toMatchObject({ keys: ["ArrowLeft", "ArrowRight", " "], pointer: false });
    const random = seededRandom(3);
    for (let i = 0; i < 20; i++) {
      for (const input of randomBurst(random, keyboard, 0).inputs) {
        expect(input.event.kind).toBe("key");
        if (input.event.kind === "key") expect(["ArrowLeft", "ArrowRight", " "]).toContain(input.event.key);
      }
    }
    const pointer = inputSurface(sceneView([], [], ["pointermove"]));
    for (let i = 0; i < 20; i++) {
      for (const input of randomBurst(random, pointer, 0).inputs) {
        expect(input.event.kind).toBe("pointer");
        if (input.event.kind === "pointer") {
          expect(input.event.x).toBeGreaterThanOrEqual(0);
          expect(input.event.x).toBeLessThan(480);
        }
      }
    }
  });

  it("assumes any input may matter when the game offers no introspection", () => {
    expect(inputSurface(null)).toMatchObject({ pointer: true, anyKey: true });
    expect(inputSurface(sceneView([], ["keydown"], [])).keys).toContain("ArrowRight");
  });

  it("gives the same bursts for the same seed and different ones for another", () => {
    const surface = inputSurface(sceneView(["37", "39", "38"], [], ["pointerdown"]));
    const plan = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 8 }, (_, i) => randomBurst(random, surface, i * 60));
    };
    expect(plan(9)).toEqual(plan(9));
    expect(plan(9).map((b) => b.label)).not.toEqual(plan(10).map((b) => b.label));
  });

  it("gets past a menu with Enter, Space, a click on its Start button first, the centre, then the keys it listens for", () => {
    const view = sceneView([], ["keydown-Z", "keydown-ENTER"], ["pointerdown"]);
    view.scenes[0].targets = [
      { type: "Rectangle", x: 60, y: 40, width: 30, height: 20, draggable: false },
      { type: "Text", text: "Start", x: 240, y: 200, width: 90, height: 30, draggable: false },
      { type: "Zone", x: 900, y: 40, width: 30, height: 20, draggable: false },
    ];
    const attempts = menuAttempts(view);
    expect(attempts.map((b) => b.label)).toEqual(["press Enter", "press Space", 'click "Start" (240, 200)', "click Rectangle (60, 40)", "click centre (240, 160)", "press Z"]);
    expect(attempts[2].inputs.map((i) => i.event)).toEqual([
      { kind: "pointer", action: "move", x: 240, y: 200 }, { kind: "pointer", action: "down", x: 240, y: 200 }, { kind: "pointer", action: "up", x: 240, y: 200 },
    ]);
  });

  it("reads the keys a game's source names: Phaser key names, addKeys strings, keydown-X and DOM key checks", () => {
    const files = {
      "src/scenes/Play.ts": 'this.input.keyboard!.addKeys("W,A,S,D"); this.input.keyboard!.addKey(Phaser.Input.Keyboard.KeyCodes.Z); this.input.keyboard!.on("keydown-X", f);',
      "src/input.ts": 'document.addEventListener("keydown", (e) => { if (e.key === "ArrowUp") up(); if (e.code === "KeyR") reset(); });',
      "README.md": 'KeyCodes.Q is not code',
    };
    expect(sourceKeys(files).sort()).toEqual(["ArrowUp", "a", "d", "r", "s", "w", "x", "z"]);
  });

  it("aims clicks and drags at interactive hit areas, including small Rectangles", () => {
    const view = sceneView([], [], []);
    view.scenes[0].main = [];
    view.scenes[0].targets = [{ type: "Rectangle", x: 300, y: 100, width: 24, height: 24, draggable: true }];
    const surface = inputSurface(view);
    expect(surface).toMatchObject({ pointer: true, pointerMove: true, targets: [{ x: 300, y: 100 }], draggable: [{ x: 300, y: 100 }] });
  });
});

describe("phases", () => {
  const at = (key: string, extra: Partial<Introspection["scenes"][number]> = {}): Introspection => ({
    ...sceneView([], [], []), scenes: key ? [{ ...sceneView([], [], []).scenes[0], key, ...extra }] : [],
  });

  it("reads the phase from describe() first, then the scene key, then on-screen text", () => {
    expect(phaseOf(at("Main", { describe: { screen: "title" } }))).toBe("title");
    expect(phaseOf(at("Title"))).toBe("title");
    expect(phaseOf(at("Preloader"))).toBe("boot");
    expect(phaseOf(at("GameOver"))).toBe("gameover");
    expect(phaseOf(at("Level1"))).toBe("gameplay");
    expect(phaseOf(at("Main", { main: [{ type: "Text", text: "Press SPACE to start", x: 0, y: 0, hasBody: false, visible: true }] }))).toBe("title");
    expect(phaseOf(at("Main", { main: [{ type: "Text", text: "Arrows move, Space jumps", x: 0, y: 0, hasBody: false, visible: true }] }))).toBe("gameplay");
    expect(phaseOf(at(""))).toBe("none");
  });
});

describe("code frames", () => {
  const files = { "src/scenes/Play.ts": "a\nb\nconst x = y.z;\nd\ne\nf", "index.html": "<html>" };

  it("marks the failing line and the column, with two lines around it", () => {
    expect(codeFrame(files, { file: "src/scenes/Play.ts", line: 3, column: 11 })).toBe(
      ["  1 | a", "  2 | b", "> 3 | const x = y.z;", "    |           ^", "  4 | d", "  5 | e"].join("\n"),
    );
    expect(codeFrame(files, { file: "src/missing.ts", line: 1 })).toBeUndefined();
  });

  it("finds the project location from a stack when the error's own location is not a project file", () => {
    const location = projectLocation(files, { kind: "error", message: "boom", stack: "TypeError: boom\n    at Phaser (vendor/phaser.min.js:1:200)\n    at PlayScene.update (src/scenes/Play.ts:3:11)" });
    expect(location).toEqual({ file: "src/scenes/Play.ts", line: 3, column: 11 });
  });
});

describe("wire format", () => {
  it("carries text as text and bytes as base64 across the page boundary", () => {
    const files = { "src/main.ts": "let a = 1;", "public/x.png": new Uint8Array([0, 255, 128]) };
    const wire = filesToWire(files);
    expect(wire["public/x.png"]).toEqual({ base64: "AP+A" });
    expect(JSON.parse(JSON.stringify(wire))).toEqual(wire);
    expect(filesFromWire(wire)).toEqual(files);
  });
});

describe("a game that interferes with the playtest", () => {
  it("is broken, and the report says the game interfered instead of blaming a freeze", async () => {
    const { playtest } = await import("../../src/playtest");
    const { HarnessInterferenceError } = await import("../../src/runtime/sandbox");
    // A page whose every reply is forged: the sandbox's link rejects each command.
    const sandbox = {
      kind: "iframe",
      mount: async () => undefined,
      updateFile: async () => undefined,
      restart: async () => undefined,
      stop: () => undefined,
      on: () => () => undefined,
      command: async (cmd: { op: string }) => {
        throw new HarnessInterferenceError(cmd.op, `a reply to "${cmd.op}" did not come from the harness`);
      },
    } as unknown as import("../../src/runtime/sandbox").Sandbox;
    const report = await playtest(sandbox, new Map([["src/main.ts", "export {};"]]) as never, { seconds: 2, seed: 1 });
    expect(report.verdict).toBe("broken");
    expect(report.reasons.join("\n")).toMatch(/The game interfered with the playtest: a reply to "\w+" did not come from the harness\. .*"playforge"/);
    expect(report.reasons.join("\n")).not.toMatch(/stopped responding|froze/i);
  });
});

describe("the control run's start presses", () => {
  it("replays the inputs before gameplay and releases a key a burst pressed on gameplay's first frame", async () => {
    const { startPresses } = await import("../../src/playtest");
    const key = (frame: number, action: "down" | "up", k: string) => ({ frame, event: { kind: "key" as const, action, key: k } });
    const sent = [key(10, "down", "Enter"), key(14, "up", "Enter"), key(60, "down", "ArrowLeft"), key(60, "down", " "), key(90, "up", "ArrowLeft")];
    expect(startPresses(sent, 60)).toEqual([key(10, "down", "Enter"), key(14, "up", "Enter")]);
    // A press before gameplay whose release came later is released where gameplay began.
    expect(startPresses([key(50, "down", "ArrowRight"), key(80, "up", "ArrowRight")], 60)).toEqual([key(50, "down", "ArrowRight"), key(60, "up", "ArrowRight")]);
    const pointer = { frame: 40, event: { kind: "pointer" as const, action: "down" as const, x: 5, y: 6 } };
    expect(startPresses([pointer], 60)).toEqual([pointer, { frame: 60, event: { kind: "pointer", action: "up", x: 5, y: 6 } }]);
  });
});

describe("the play run's seeking player", () => {
  it("seeks every other burst and takes each task's seek list in turn, not only the first task's", async () => {
    const { seekRotation } = await import("../../src/playtest/scenario");
    const probe = (seek: string) => ({ kind: "state" as const, field: "score", expect: "rises" as const, seek });
    const next = seekRotation([probe("targets"), probe("hazards")]);
    expect(Array.from({ length: 6 }, () => next()?.seek ?? "random")).toEqual(["targets", "random", "hazards", "random", "targets", "random"]);
    const alone = seekRotation([probe("targets")]);
    expect(Array.from({ length: 4 }, () => alone()?.seek ?? "random")).toEqual(["targets", "random", "targets", "random"]);
    expect(seekRotation([])()).toBeNull();
  });
});
