// Sound in offline-builder games: silent until the player's first click, then short synth notes
// (Web Audio oscillators through Phaser's sound manager) for starting, collecting and bouncing.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import { encodeShareLink, shareLinkUrl } from "../../src/project";
import { compileSpec, defaultSpec } from "../../src/builder";
import { playSpecCompiler } from "../../src/app/play/spec";
import { openBrowser, serverUrl } from "../support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => browser?.close());

/** Counts oscillators every audio context in every frame creates, and keeps the last context. */
function countOscillators() {
  const w = window as unknown as { __sfx: { oscillators: number; context: BaseAudioContext | null } };
  w.__sfx = { oscillators: 0, context: null };
  const create = BaseAudioContext.prototype.createOscillator;
  BaseAudioContext.prototype.createOscillator = function (this: BaseAudioContext) {
    w.__sfx.oscillators += 1;
    w.__sfx.context = this;
    return create.call(this);
  };
}

async function gameFrame(page: Page): Promise<Frame> {
  await page.locator("[data-testid=preview-frame]").waitFor({ timeout: 30_000 });
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f !== page.mainFrame() && f.url() === "about:srcdoc");
    if (frame && (await frame.evaluate(() => Boolean((window as unknown as { __sfx?: unknown }).__sfx)).catch(() => false))) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error("no game frame with the oscillator counter");
}

const sfx = (frame: Frame) =>
  frame.evaluate(() => {
    const s = (window as unknown as { __sfx: { oscillators: number; context: BaseAudioContext | null } }).__sfx;
    return { oscillators: s.oscillators, state: s.context?.state ?? null };
  });

describe("offline builder games have sound", () => {
  it("stay silent on the title, then play the start notes when a click starts the game", async () => {
    const link = encodeShareLink(compileSpec(defaultSpec("breakout", 3)), { specCompiler: playSpecCompiler });
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    await context.addInitScript(countOscillators);
    const page = await context.newPage();
    await page.goto(`${serverUrl()}${shareLinkUrl(link.fragment)}`);
    const frame = await gameFrame(page);
    await frame.waitForFunction(() => document.querySelector("canvas") !== null, null, { timeout: 30_000 });
    await page.waitForTimeout(1500);
    expect((await sfx(frame)).oscillators).toBe(0);

    await page.locator("[data-testid=preview-frame]").click();
    await expect.poll(async () => (await sfx(frame)).oscillators, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    // The click let the page play sound: the notes are heard, not queued on a suspended context.
    await expect.poll(async () => (await sfx(frame)).state, { timeout: 10_000 }).toBe("running");
    await context.close();
  });
});
