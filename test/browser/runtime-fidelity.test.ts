// What fails under Vite fails here, with the same error and the project's file:line: Phaser is only
// an import, the entry is what index.html loads, and the loader's 404s and Phaser's own warnings
// about missing scenes, textures and removed APIs are reported as errors.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { openBrowser } from "../support/browser";
import { lineOf, RuntimePage, sceneGame } from "../support/runtime-page";

let browser: Browser;
let runtime: RuntimePage;

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => browser?.close());
beforeEach(async () => {
  await runtime?.close();
  runtime = await RuntimePage.open(browser);
});

describe("Phaser is an import, not a global", () => {
  it("fails a game that uses Phaser without importing it with 'Phaser is not defined' at its file:line", async () => {
    const game = sceneGame("  create() {}");
    game["src/Main.ts"] = game["src/Main.ts"].replace('import Phaser from "phaser";\n', "");
    await runtime.mount(game, { playtest: { seed: 1 } });
    const error = await runtime.waitForEvent("error");
    expect(error.message).toBe("ReferenceError: Phaser is not defined");
    expect(error.location).toMatchObject({ file: "src/Main.ts", line: lineOf(game["src/Main.ts"], "extends Phaser.Scene") });
  });

  it("runs a game that makes Phaser a global itself", async () => {
    const game = sceneGame(`  create() { this.add.rectangle(400, 300, 100, 100, 0xffffff); }
  describe() { return { global: typeof (window as any).Phaser }; }`);
    game["src/globals.ts"] = 'import Phaser from "phaser";\n(window as any).Phaser = Phaser;\n';
    game["src/main.ts"] = `import "./globals";\n${game["src/main.ts"]}`;
    game["src/Main.ts"] = game["src/Main.ts"].replace('import Phaser from "phaser";\n', "");
    await runtime.mount(game, { playtest: { seed: 1 } });
    await runtime.step(5);
    expect(await runtime.describe()).toEqual({ global: "object" });
    expect(await runtime.events("error")).toEqual([]);
  });
});

it("runs a project whose index.html loads src/index.ts", async () => {
  const game = sceneGame("  create() { this.add.text(100, 100, 'from index.ts'); }");
  game["src/index.ts"] = game["src/main.ts"];
  delete game["src/main.ts"];
  game["index.html"] = game["index.html"].replace("/src/main.ts", "/src/index.ts");
  await runtime.mount(game);
  await runtime.waitForEvent("ready");
  expect(await runtime.events("error")).toEqual([]);
});

describe("the loader's failures and Phaser's warnings are errors with the game's line", () => {
  it("reports an image that 404s with its URL and the line that loaded it, and the line that then used it", async () => {
    const game = sceneGame(`
  preload() {
    this.load.image("ship", "assets/ship.png");
  }
  create() {
    this.add.image(400, 300, "ship");
  }`);
    await runtime.mount(game, { playtest: { seed: 1 } });
    await runtime.step(5);
    const asset = await runtime.waitForEvent("error", (e) => e.kind === "asset");
    expect(asset.message).toContain('image "ship" from assets/ship.png');
    expect(asset.message).toContain("there is no public/assets/ship.png in the project");
    expect(asset.location).toMatchObject({ file: "src/Main.ts", line: lineOf(game["src/Main.ts"], "this.load.image") });
    const missing = await runtime.waitForEvent("error", (e) => e.kind === "warning");
    expect(missing.message).toMatch(/^Texture "ship" not found/);
    expect(missing.location).toMatchObject({ file: "src/Main.ts", line: lineOf(game["src/Main.ts"], "this.add.image") });
  });

  it("loads an image from public/ without a report", async () => {
    const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
    const game = sceneGame(`
  preload() { this.load.image("dot", "assets/dot.png"); }
  create() { this.add.image(400, 300, "dot").setScale(50); }
  describe() { return { loaded: this.textures.exists("dot") }; }`);
    // A binary file is bytes in ProjectFiles: made in the page from base64.
    await runtime.page.evaluate(
      async ([f, b64]) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        (window as any).runtimeTest.events.length = 0;
        await (window as any).runtimeTest.sandbox.mount({ ...f, "public/assets/dot.png": bytes }, { playtest: { seed: 1 } });
      },
      [game, png] as const,
    );
    await runtime.waitForEvent("loaded");
    await runtime.step(10);
    expect(await runtime.describe()).toEqual({ loaded: true });
    expect(await runtime.events("error")).toEqual([]);
  });

  it("reports 'Scene key not found' at the line that started the missing scene", async () => {
    const game = sceneGame(`
  create() {
    this.input.keyboard!.once("keydown-ENTER", () => this.scene.start("game"));
  }`);
    await runtime.mount(game, { playtest: { seed: 1 } });
    await runtime.step(5);
    await runtime.input({ kind: "key", action: "down", key: "Enter" });
    await runtime.step(5);
    const warning = await runtime.waitForEvent("error", (e) => e.kind === "warning");
    expect(warning.message).toBe("Phaser: Scene key not found: game");
    expect(warning.location).toMatchObject({ file: "src/Main.ts", line: lineOf(game["src/Main.ts"], 'this.scene.start("game")') });
    // The console line is still there too.
    expect((await runtime.events("console")).some((e) => e.payload.text === "Scene key not found: game")).toBe(true);
  });

  it("reports a removed Phaser 3 API at the game's line", async () => {
    const game = sceneGame(`
  create() {
    this.add.image(400, 300, "__WHITE").setScale(50).setTintFill(0xff0000);
  }`);
    await runtime.mount(game, { playtest: { seed: 1 } });
    await runtime.step(5);
    const warning = await runtime.waitForEvent("error", (e) => e.kind === "warning");
    expect(warning.message).toContain("setTintFill(color)` is removed as of Phaser 4");
    expect(warning.location).toMatchObject({ file: "src/Main.ts", line: lineOf(game["src/Main.ts"], "setTintFill") });
  });
});
