// The single-file HTML export plays offline from file:// in a fresh, offline browser context:
// the starter draws, and a game that loads an image from public/ shows it.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { zlibSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { exportHtml } from "../../src/runtime";
import { crc32 } from "../../src/project/zip-read";
import { openBrowser, readProject } from "../support/browser";
import { pixelsWhere, screenshotPixels } from "../support/pixels";

const phaserSource = readFileSync("node_modules/phaser/dist/phaser.min.js", "utf8");
let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await openBrowser();
  dir = mkdtempSync(join(tmpdir(), "playforge-html-"));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A solid-colour RGB PNG, built byte by byte so the test needs no image files. */
function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const header = new Uint8Array(13);
  new DataView(header.buffer).setUint32(0, width);
  new DataView(header.buffer).setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows.set([r, g, b], y * (1 + width * 3) + 1 + x * 3);
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", zlibSync(rows)), chunk("IEND", new Uint8Array(0))];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    png.set(part, at);
    at += part.length;
  }
  return png;
}

async function openOffline(html: string, name: string): Promise<{ page: Page; errors: string[] }> {
  const file = join(dir, name);
  writeFileSync(file, html);
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  await context.setOffline(true);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(pathToFileURL(file).href);
  return { page, errors };
}

type Range = [number, number];

/** Pixels of the game canvas whose red, green and blue each fall in the given ranges. */
async function countPixels(page: Page, { r, g, b }: { r: Range; g: Range; b: Range }): Promise<number> {
  const inside = (value: number, [min, max]: Range) => value >= min && value <= max;
  return pixelsWhere(await screenshotPixels(page, "canvas"), (pr, pg, pb) => inside(pr, r) && inside(pg, g) && inside(pb, b)).count;
}

describe("single-file HTML export", () => {
  it("plays the starter from file:// with the network off: the title is drawn and no error is thrown", async () => {
    const html = await exportHtml(readProject("templates/starter"), { phaserSource });
    expect(html).not.toMatch(/<script[^>]*type=["']module["']/);
    const { page, errors } = await openOffline(html, "starter.html");
    await page.locator("canvas").waitFor({ timeout: 15_000 });
    await expect.poll(() => countPixels(page, { r: [200, 255], g: [170, 255], b: [0, 140] }), { timeout: 15_000 }).toBeGreaterThan(500);
    await page.screenshot({ path: ".out/share-export-html.png" });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("serves files from public/ to Phaser's loader inside the single file, and runs loops the preview's linker guarded", async () => {
    const project = {
      "index.html": '<!doctype html><html><head><title>Red</title></head><body><div id="game"></div><script type="module" src="/src/main.ts"></script></body></html>',
      "src/main.ts": [
        'import Phaser from "phaser";',
        'import { SIZE } from "./size";',
        "class Boot extends Phaser.Scene {",
        '  preload() { this.load.image("red", "assets/red.png"); }',
        '  create() { let side = 0; for (let i = 0; i < 4; i++) side += SIZE / 4; this.add.image(400, 300, "red").setDisplaySize(side, side); }',
        "}",
        'new Phaser.Game({ type: Phaser.AUTO, parent: "game", width: 800, height: 600, backgroundColor: "#000000", scene: [Boot] });',
      ].join("\n"),
      "src/size.ts": "export const SIZE: number = 400;\n",
      "public/assets/red.png": solidPng(4, 4, [255, 0, 0]),
    };
    const { page, errors } = await openOffline(await exportHtml(project, { phaserSource }), "red.html");
    await page.locator("canvas").waitFor({ timeout: 15_000 });
    await expect.poll(() => countPixels(page, { r: [200, 255], g: [0, 60], b: [0, 60] }), { timeout: 15_000 }).toBeGreaterThan(100_000);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
