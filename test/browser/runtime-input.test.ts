// Playtest input reaches a game the way a browser's does: keys at the focused element bubbling to
// document and window, pointer and mouse events at the element under the pointer, virtual time stamps.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { openBrowser } from "../support/browser";
import { RuntimePage, sceneGame } from "../support/runtime-page";

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

const key = (action: "down" | "up", name: string) => ({ kind: "key", action, key: name });
const pointer = (action: "move" | "down" | "up", x: number, y: number) => ({ kind: "pointer", action, x, y });

describe("keyboard input", () => {
  it("reaches a document listener with key, code and keyCode, and window listeners after it", async () => {
    const game = sceneGame(`
  seen: string[] = [];
  create() {
    document.addEventListener("keydown", (e) => this.seen.push(\`doc:\${e.key}|\${e.code}|\${e.keyCode}|\${e.which}|\${e.shiftKey}\`));
    window.addEventListener("keydown", (e) => this.seen.push(\`win:\${e.key}\`));
  }
  describe() { return { seen: this.seen }; }`);
    await runtime.mount(game, { playtest: { seed: 1 } });
    await runtime.step(5);
    await runtime.input(key("down", "z"), key("up", "z"), key("down", ","), key("down", " "), key("down", "Shift"), key("down", "x"), key("up", "x"), key("up", "Shift"), key("down", "ArrowLeft"), key("down", "/"));
    await runtime.step(1);
    const { seen } = await runtime.describe();
    expect(seen).toEqual([
      "doc:z|KeyZ|90|90|false", "win:z",
      "doc:,|Comma|188|188|false", "win:,",
      "doc: |Space|32|32|false", "win: ",
      "doc:Shift|ShiftLeft|16|16|true", "win:Shift",
      "doc:X|KeyX|88|88|true", "win:X",
      "doc:ArrowLeft|ArrowLeft|37|37|false", "win:ArrowLeft",
      "doc:/|Slash|191|191|false", "win:/",
    ]);
  });

  it("times a held key on the game's clock, so key.getDuration() charges a jump for as long as the playtest holds it", async () => {
    const game = sceneGame(`
  charge!: Phaser.Input.Keyboard.Key;
  held = 0;
  released = 0;
  create() {
    this.charge = this.input.keyboard!.addKey("SPACE");
    this.input.keyboard!.on("keyup-SPACE", () => (this.released = this.held));
  }
  update() {
    if (this.charge.isDown) this.held = this.charge.getDuration();
  }
  describe() { return { held: this.held, released: this.released }; }`);
    await runtime.mount(game, { playtest: { seed: 1 } });
    await runtime.step(10);
    await runtime.input(key("down", "Space"));
    await runtime.step(60);
    const holding = await runtime.describe();
    // One virtual second held, whatever the machine's speed: 60 frames of 1000/60 ms.
    expect(holding.held).toBeGreaterThan(950);
    expect(holding.held).toBeLessThan(1050);
    await runtime.input(key("up", "Space"));
    await runtime.step(1);
    expect((await runtime.describe()).released).toBe(holding.held);
  });
});

describe("pointer input", () => {
  const buttonGame = sceneGame(`
  clicks = 0;
  overs = 0;
  domClicks = 0;
  pointerEvents: string[] = [];
  create() {
    this.cameras.main.setScroll(100, 50).setZoom(1.5);
    const button = this.add.rectangle(500, 300, 12, 12, 0xffcc00).setName("tiny").setInteractive();
    button.on("pointerdown", () => this.clicks++);
    button.on("pointerover", () => this.overs++);
    this.add.rectangle(200, 200, 40, 40, 0x3355aa);
    const canvas = this.game.canvas;
    for (const type of ["pointerdown", "mousedown", "pointerup", "mouseup", "click"]) canvas.addEventListener(type, (e) => this.pointerEvents.push(\`\${type}:\${(e as PointerEvent).pointerType ?? "-"}\`));
    document.getElementById("start")!.addEventListener("click", () => this.domClicks++);
  }
  describe() { return { clicks: this.clicks, overs: this.overs, domClicks: this.domClicks, pointerEvents: this.pointerEvents }; }`, {
    body: '<div id="game"></div><button id="start" style="position:absolute;left:20px;top:20px;width:120px;height:40px">Start</button>',
  });

  it("aims at a small interactive Rectangle through camera scroll and zoom, and a click on it registers", async () => {
    await runtime.mount(buttonGame, { playtest: { seed: 1 } });
    await runtime.step(5);
    const view = await runtime.command({ op: "introspect" });
    const target = view.scenes[0].targets.find((t: any) => t.name === "tiny");
    // The camera centres zoom on the view: (500 - 100 - 400) * 1.5 + 400 = 400; (300 - 50 - 300) * 1.5 + 300 = 225.
    expect(target).toMatchObject({ type: "Rectangle", x: 400, y: 225, width: 18, height: 18, draggable: false });
    await runtime.input(pointer("move", target.x, target.y));
    await runtime.step(2);
    expect((await runtime.describe()).overs).toBe(1);
    await runtime.input(pointer("down", target.x, target.y), pointer("up", target.x, target.y));
    await runtime.step(2);
    const state = await runtime.describe();
    expect(state.clicks).toBe(1);
    expect(state.pointerEvents).toEqual(["pointerdown:mouse", "mousedown:-", "pointerup:mouse", "mouseup:-", "click:mouse"]);
    // A click beside it misses.
    await runtime.input(pointer("down", target.x + 30, target.y), pointer("up", target.x + 30, target.y));
    await runtime.step(2);
    expect((await runtime.describe()).clicks).toBe(1);
  });

  it("lists a button in the page as a target and a click at it hits it", async () => {
    await runtime.mount(buttonGame, { playtest: { seed: 1 } });
    await runtime.step(5);
    const view = await runtime.command({ op: "introspect" });
    const start = view.domTargets.find((t: any) => t.name === "start");
    expect(start).toMatchObject({ type: "dom", text: "Start", draggable: false });
    await runtime.input(pointer("down", start.x, start.y), pointer("up", start.x, start.y));
    await runtime.step(1);
    expect((await runtime.describe()).domClicks).toBe(1);
  });

  it("drags a draggable object: drag events follow the pointer on the game's clock", async () => {
    const game = sceneGame(`
  box!: Phaser.GameObjects.Rectangle;
  seen: string[] = [];
  create() {
    this.box = this.add.rectangle(200, 300, 60, 60, 0x44cc88).setName("box").setInteractive({ draggable: true });
    this.input.on("dragstart", () => this.seen.push("dragstart"));
    this.input.on("drag", (_p: Phaser.Input.Pointer, obj: Phaser.GameObjects.Rectangle, x: number, y: number) => obj.setPosition(x, y));
    this.input.on("dragend", () => this.seen.push("dragend"));
  }
  describe() { return { x: this.box.x, y: this.box.y, seen: this.seen }; }`);
    await runtime.mount(game, { playtest: { seed: 1 } });
    await runtime.step(5);
    const view = await runtime.command({ op: "introspect" });
    expect(view.scenes[0].targets[0]).toMatchObject({ name: "box", x: 200, y: 300, width: 60, height: 60, draggable: true });
    await runtime.input(pointer("move", 200, 300), pointer("down", 200, 300));
    for (let x = 220; x <= 400; x += 20) {
      await runtime.step(1);
      await runtime.input(pointer("move", x, 300 + (x - 200) / 4));
    }
    await runtime.input(pointer("up", 400, 350));
    await runtime.step(2);
    expect(await runtime.describe()).toEqual({ x: 400, y: 350, seen: ["dragstart", "dragend"] });
  });

  it("a tap reaches a game that listens for the pointer", async () => {
    const game = sceneGame(`
  taps = 0;
  create() {
    this.input.on("pointerdown", () => this.taps++);
  }
  describe() { return { taps: this.taps }; }`);
    await runtime.mount(game, { playtest: { seed: 1 } });
    await runtime.step(5);
    await runtime.input({ kind: "touch", action: "start", x: 300, y: 300 }, { kind: "touch", action: "end", x: 300, y: 300 });
    await runtime.step(2);
    expect((await runtime.describe()).taps).toBe(1);
  });
});
