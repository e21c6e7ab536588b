// The iframe runtime on the real test server in Debian Chromium.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { nonBackgroundFraction, openBrowser, readProject, testPagesUrl } from "../support/browser";

const starter = readProject("templates/starter");
let browser: Browser;
let page: Page;

type Ev = { name: string; payload: any };

async function mount(files: Record<string, string>, options?: unknown) {
  await page.evaluate(async ([f, o]) => {
    (window as any).runtimeTest.events.length = 0;
    await (window as any).runtimeTest.sandbox.mount(f, o);
  }, [files, options] as const);
}
const events = (): Promise<Ev[]> => page.evaluate(() => (window as any).runtimeTest.events);
async function waitForEvent(name: string, timeout = 10_000): Promise<Ev> {
  await page.waitForFunction((n) => (window as any).runtimeTest.events.some((e: Ev) => e.name === n), name, { timeout });
  return (await events()).find((e) => e.name === name)!;
}
const command = (cmd: unknown) => page.evaluate((c) => (window as any).runtimeTest.sandbox.command(c), cmd);

function withPlay(update: string, extra = ""): Record<string, string> {
  const play = starter["src/scenes/Play.ts"].replace("  update() {", `  update() {\n${update}`).replace("export class PlayScene", `${extra}export class PlayScene`);
  const title = starter["src/scenes/Title.ts"].replace("create() {", 'create() {\n    this.scene.start("Play");\n    return;');
  return { ...starter, "src/scenes/Play.ts": play, "src/scenes/Title.ts": title };
}

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => browser?.close());
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  await page.goto(`${testPagesUrl()}/test/browser/pages/runtime.html`);
  await page.waitForFunction(() => (window as any).runtimeTestReady);
});

describe("iframe runtime", () => {
  it("runs the starter game: first frame rendered and the canvas is not blank", async () => {
    // The page's first mount: Phaser loads while the transpiler does.
    const before = await page.evaluate(() => performance.timeOrigin + performance.now());
    await mount(starter);
    const ready = await waitForEvent("ready");
    expect(ready.payload.firstFrameMs).toBeGreaterThan(0);
    // The frame's time is on the clock the IDE shares, so the IDE can time the whole run.
    const after = await page.evaluate(() => performance.timeOrigin + performance.now());
    expect(ready.payload.renderedAt).toBeGreaterThan(before);
    expect(ready.payload.renderedAt).toBeLessThan(after);
    await expect.poll(() => nonBackgroundFraction(page, "[data-testid=preview-frame]"), { timeout: 10_000 }).toBeGreaterThan(0.01);
    const shot = (await command({ op: "snapshot", thumbWidth: 200 })) as any;
    expect(shot.metrics.nonBackground).toBeGreaterThan(0.01);
    expect(shot.thumbnail).toMatch(/^data:image\/png;base64,/);
  });

  it("reports an error thrown in update() with the project file and line", async () => {
    await mount(withPlay('    if (this.time.now > 200) throw new Error("kaboom in update");'));
    const error = await waitForEvent("error");
    expect(error.payload.message).toContain("kaboom in update");
    const line = withPlay('    if (this.time.now > 200) throw new Error("kaboom in update");')["src/scenes/Play.ts"].split("\n").findIndex((l) => l.includes("kaboom")) + 1;
    expect(error.payload.location).toMatchObject({ file: "src/scenes/Play.ts", line });
  });

  it("stops a while(true) game as frozen, names the line, and the host page keeps responding", async () => {
    const files = withPlay("    while (true) { this.score++; }");
    await mount(files);
    const exit = await waitForEvent("exit", 8000);
    expect(exit.payload.reason).toBe("frozen");
    const line = files["src/scenes/Play.ts"].split("\n").findIndex((l) => l.includes("while (true)")) + 1;
    expect(exit.payload.location).toEqual({ file: "src/scenes/Play.ts", line });
    expect(exit.payload.message).toMatch(/froze/);
    await page.fill("#probe", "still typing");
    expect(await page.inputValue("#probe")).toBe("still typing");
    expect(await page.locator("[data-testid=preview-frame]").count()).toBe(0);
  });

  it("shows a syntax error with file and line instead of a blank preview", async () => {
    await mount({ ...starter, "src/scenes/Play.ts": starter["src/scenes/Play.ts"].replace("create() {", "create() {\n    const = 5;") });
    const error = await waitForEvent("error");
    expect(error.payload.kind).toBe("syntax");
    expect(error.payload.location.file).toBe("src/scenes/Play.ts");
    const text = await page.frameLocator("[data-testid=preview-frame]").locator("body").innerText();
    expect(text).toMatch(/src\/scenes\/Play\.ts:\d+/);
  });

  it("keeps the game away from the IDE's storage and from the network", async () => {
    await page.evaluate(() => localStorage.setItem("playforge-secret", "sk-test-123"));
    const probe = `
      try { console.log("storage:" + String(localStorage.getItem("playforge-secret"))); } catch (e) { console.log("storage-blocked:" + e.name); }
      fetch("${testPagesUrl()}/index.html").then(() => console.log("fetch:ok"), (e) => console.log("fetch-blocked:" + e.name));
      try { console.log("parent:" + String((window.parent as any).localStorage.length)); } catch (e) { console.log("parent-blocked:" + e.name); }
    `;
    await mount({ ...starter, "src/main.ts": `${probe}\n${starter["src/main.ts"]}` });
    await page.waitForFunction(() => (window as any).runtimeTest.events.filter((e: Ev) => e.name === "console" && /blocked|:ok|storage:/.test(e.payload.text)).length >= 3, null, { timeout: 10_000 });
    const texts = (await events()).filter((e) => e.name === "console").map((e) => e.payload.text);
    expect(texts).toContain("storage-blocked:SecurityError");
    expect(texts).toContain("parent-blocked:SecurityError");
    expect(texts).toContain("fetch-blocked:TypeError");
    expect(texts.join("\n")).not.toContain("sk-test-123");
  });

  it("in playtest mode, time only moves when stepped and the same seed gives the same frames", async () => {
    const hashes: string[][] = [];
    for (let run = 0; run < 2; run++) {
      await mount(starter, { playtest: { seed: 42 } });
      await waitForEvent("loaded");
      const run_hashes: string[] = [];
      await command({ op: "step", frames: 30 });
      await command({ op: "input", events: [{ kind: "key", action: "down", key: "Space" }] });
      for (let i = 0; i < 4; i++) {
        await command({ op: "step", frames: 30 });
        run_hashes.push(((await command({ op: "snapshot" })) as any).metrics.hash);
      }
      const status = (await command({ op: "status" })) as any;
      expect(status.virtualMs).toBe(Math.round((150 * 1000) / 60));
      hashes.push(run_hashes);
    }
    expect(hashes[0]).toEqual(hashes[1]);
    expect(new Set(hashes[0]).size).toBeGreaterThan(1);
  });

  it("a hidden playtest page booting does not take the keyboard from the page around it", async () => {
    await page.focus("#probe");
    await mount(starter, { playtest: { seed: 3 } });
    await waitForEvent("loaded");
    await command({ op: "step", frames: 30 });
    await page.keyboard.type("typed during a playtest");
    expect(await page.inputValue("#probe")).toBe("typed during a playtest");
    // Its own (synthetic) input still reaches the game.
    const before = ((await command({ op: "introspect" })) as any).scenes.map((s: any) => s.key);
    await command({ op: "input", events: [{ kind: "key", action: "down", key: "Space" }, { kind: "key", action: "up", key: "Space" }] });
    await command({ op: "step", frames: 10 });
    const after = ((await command({ op: "introspect" })) as any).scenes.map((s: any) => s.key);
    expect(before).toEqual(["Title"]);
    expect(after).toEqual(["Play"]);
  });

  it("in playtest mode, a step without capture draws nothing new, and cameras still follow their targets", async () => {
    const main = `import Phaser from "phaser";
class Follow extends Phaser.Scene {
  box!: Phaser.GameObjects.Rectangle;
  constructor() { super("Follow"); }
  create() {
    this.cameras.main.setBounds(0, 0, 100000, 600);
    for (let x = 0; x < 100000; x += 200) this.add.rectangle(x, 300, 40, 600, 0x3355aa);
    this.box = this.add.rectangle(400, 300, 60, 60, 0xffcc00);
    this.cameras.main.startFollow(this.box, true, 1, 1);
  }
  update() { this.box.x += 5; }
  describe() { return { x: this.box.x, scrollX: this.cameras.main.scrollX }; }
}
const game = new Phaser.Game({ type: Phaser.AUTO, parent: "game", width: 800, height: 600, scene: [Follow] });
(window as any).__playforge?.register(game);
`;
    await mount({ "index.html": starter["index.html"], "src/main.ts": main }, { playtest: { seed: 1 } });
    await waitForEvent("loaded");
    await command({ op: "step", frames: 10 });
    const drawn = ((await command({ op: "snapshot" })) as any).metrics.hash;
    await command({ op: "step", frames: 120, capture: false });
    expect(((await command({ op: "snapshot" })) as any).metrics.hash).toBe(drawn);
    // Undrawn frames still move the camera with the box it follows.
    const view = ((await command({ op: "introspect" })) as any).scenes[0].describe;
    expect(view.x).toBeGreaterThan(1000);
    expect(view.scrollX).toBeCloseTo(view.x - 400, -1);
    await command({ op: "step", frames: 1 });
    expect(((await command({ op: "snapshot" })) as any).metrics.hash).not.toBe(drawn);
  });

  it("pauses the live game on command (heartbeat going on), resumes it, and never resumes a game that paused itself", async () => {
    await mount(starter);
    await waitForEvent("ready");
    const frameNow = async () => ((await command({ op: "status" })) as any).frame as number;
    expect(await command({ op: "pause", paused: true })).toEqual({ paused: true });
    const held = await frameNow();
    await page.waitForTimeout(600);
    expect(await frameNow()).toBe(held);
    // Still alive: a paused game is not mistaken for a frozen one.
    expect((await events()).some((e) => e.name === "exit")).toBe(false);
    await command({ op: "pause", paused: false });
    await expect.poll(frameNow, { timeout: 10_000 }).toBeGreaterThan(held + 5);

    // A game with its own pause menu: the IDE's release leaves it paused.
    const title = starter["src/scenes/Title.ts"].replace("create() {", "create() {\n    this.time.delayedCall(100, () => this.game.pause());");
    await mount({ ...starter, "src/scenes/Title.ts": title });
    await waitForEvent("ready");
    // Paused by itself once its frames stop (on a busy machine 100 ms of game time takes longer).
    const framesIn300ms = async () => {
      const before = await frameNow();
      await page.waitForTimeout(300);
      return (await frameNow()) - before;
    };
    await expect.poll(framesIn300ms, { timeout: 20_000 }).toBe(0);
    const selfPaused = await frameNow();
    await command({ op: "pause", paused: true });
    await command({ op: "pause", paused: false });
    await page.waitForTimeout(400);
    expect(await frameNow()).toBe(selfPaused);
  });

  it("refuses to pause a playtest, whose time only moves when stepped", async () => {
    await mount(starter, { playtest: { seed: 1 } });
    await waitForEvent("loaded");
    await expect(command({ op: "pause", paused: true })).rejects.toThrow(/pause is for the live game/);
  });

  it("delivers keyboard input that Phaser sees and introspects the scene", async () => {
    await mount(starter, { playtest: { seed: 7 } });
    await waitForEvent("loaded");
    await command({ op: "step", frames: 10 });
    await command({ op: "input", events: [{ kind: "key", action: "down", key: "Enter" }, { kind: "key", action: "up", key: "Enter" }] });
    await command({ op: "step", frames: 10 });
    const before = (await command({ op: "introspect" })) as any;
    expect(before.scenes.map((s: any) => s.key)).toEqual(["Play"]);
    const x0 = before.scenes[0].describe.player.x;
    await command({ op: "input", events: [{ kind: "key", action: "down", key: "ArrowRight" }] });
    await command({ op: "step", frames: 30 });
    const after = (await command({ op: "introspect" })) as any;
    expect(after.scenes[0].describe.player.x).toBeGreaterThan(x0 + 50);
    expect(after.registered).toBe(true);
    expect(after.renderer).toBe("webgl");
  });
});
