// What the harness tells the playtest about a running game: its objects (named, sized, moving), the
// scenes (the one taking input first) and every scene key, and frames cut into full-resolution cells.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { CELL_COLUMNS, CELL_ROWS } from "../../src/runtime";
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

describe("introspection", () => {
  it("lists bodies and named objects first, with names, sizes and velocities, and every registered scene key", async () => {
    const game = sceneGame(`
  create() {
    this.add.text(20, 20, "Score: 0");
    this.add.star(600, 100, 5, 10, 20, 0xffff00);
    this.add.rectangle(100, 500, 80, 20, 0x888888).setName("ledge");
    const player = this.add.rectangle(400, 300, 32, 48, 0x00ff00).setName("Player");
    this.physics.add.existing(player);
    (player.body as Phaser.Physics.Arcade.Body).setVelocity(120, -30);
    this.input.keyboard!.createCursorKeys();
    this.scene.launch("Hud");
  }`, {
      files: {
        "src/main.ts": `import Phaser from "phaser";
import { Main } from "./Main";

class Hud extends Phaser.Scene {
  constructor() { super("Hud"); }
  create() { this.add.text(700, 20, "HUD"); }
}
class GameOver extends Phaser.Scene {
  constructor() { super("GameOver"); }
}
const game = new Phaser.Game({ type: Phaser.AUTO, parent: "game", width: 800, height: 600, physics: { default: "arcade" }, scene: [Main, Hud, GameOver] });
(window as any).__playforge?.register(game);
`,
      },
    });
    await runtime.mount(game, { playtest: { seed: 1 } });
    await runtime.step(30);
    const view = await runtime.command({ op: "introspect" });
    expect(view.sceneKeys).toEqual(["Main", "Hud", "GameOver"]);
    // Hud is drawn on top, but it listens for nothing; Main reads the arrow keys.
    expect(view.scenes.map((s: any) => s.key)).toEqual(["Main", "Hud"]);
    const main = view.scenes[0].main;
    expect(main.map((o: any) => o.name ?? o.type)).toEqual(["ledge", "Player", "Text", "Star"]);
    const player = main[1];
    expect(player).toMatchObject({ type: "Rectangle", width: 32, height: 48, vx: 120, vy: -30, hasBody: true });
    expect(player.x).toBeGreaterThan(400 + 50);
    expect(main[2]).toMatchObject({ type: "Text", text: "Score: 0" });
  });

  it("puts the scene that listens for input first when a menu runs over the game", async () => {
    const game = sceneGame("  create() { this.scene.launch('Pause'); }", {
      files: {
        "src/Pause.ts": `import Phaser from "phaser";
export class Pause extends Phaser.Scene {
  constructor() { super("Pause"); }
  create() {
    this.add.rectangle(400, 300, 200, 60, 0x333333).setInteractive().on("pointerdown", () => this.scene.stop());
  }
}
`,
        "src/main.ts": `import Phaser from "phaser";
import { Main } from "./Main";
import { Pause } from "./Pause";
const game = new Phaser.Game({ type: Phaser.AUTO, parent: "game", width: 800, height: 600, scene: [Main, Pause] });
(window as any).__playforge?.register(game);
`,
      },
    });
    await runtime.mount(game, { playtest: { seed: 1 } });
    await runtime.step(10);
    const view = await runtime.command({ op: "introspect" });
    expect(view.scenes.map((s: any) => s.key)).toEqual(["Pause", "Main"]);
    expect(view.scenes[0].targets).toEqual([{ type: "Rectangle", x: 400, y: 300, width: 200, height: 60, draggable: false }]);
  });

  it("names a Rectangle + Text button by its label", async () => {
    const game = sceneGame(`
  create() {
    this.add.rectangle(400, 400, 220, 64, 0x2255aa).setInteractive();
    this.add.text(400, 400, "PLAY", { fontSize: "32px" }).setOrigin(0.5);
    this.add.zone(100, 100, 50, 50).setInteractive();
  }`);
    await runtime.mount(game, { playtest: { seed: 1 } });
    await runtime.step(5);
    const targets = (await runtime.command({ op: "introspect" })).scenes[0].targets;
    expect(targets).toEqual([
      { type: "Rectangle", text: "PLAY", x: 400, y: 400, width: 220, height: 64, draggable: false },
      { type: "Zone", x: 100, y: 100, width: 50, height: 50, draggable: false },
    ]);
  });
});

describe("frame cells", () => {
  it("sees a 12-px player move on a 1280×720 canvas in the full-resolution cells", async () => {
    const game = sceneGame(`
  player!: Phaser.GameObjects.Rectangle;
  create() {
    this.cameras.main.setBackgroundColor("#202020");
    this.player = this.add.rectangle(300, 300, 12, 12, 0xffffff);
    this.input.keyboard!.on("keydown-RIGHT", () => (this.player.x += 200));
  }`, { width: 1280, height: 720 });
    await runtime.mount(game, { playtest: { seed: 1 } });
    await runtime.step(5);
    const before = await runtime.command({ op: "snapshot", thumbWidth: 160 });
    await runtime.input({ kind: "key", action: "down", key: "ArrowRight" });
    await runtime.step(5);
    const after = await runtime.command({ op: "snapshot", thumbWidth: 160 });
    expect(after.width).toBe(1280);
    const cells = (s: any): string[] => s.metrics.cells.match(/.{8}/g);
    expect(cells(before)).toHaveLength(CELL_COLUMNS * CELL_ROWS);
    const changed = cells(before).flatMap((c, i) => (c === cells(after)[i] ? [] : [i]));
    // 1280/32 = 40 px and 720/18 = 40 px cells: the square at x 294..306 sits in column 7 and at
    // 494..506 in column 12, row 7 (280..320) both times.
    expect(changed).toEqual([7 * CELL_COLUMNS + 7, 7 * CELL_COLUMNS + 12]);
  });
});
