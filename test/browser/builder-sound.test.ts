// Sound in offline-builder games: silent until the player's first click, then short synth notes
// (Web Audio oscillators through Phaser's sound manager) for starting, shooting, collecting; the
// IDE's Sound off/on mutes the live game through Phaser's mute.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import { encodeShareLink, shareLinkUrl } from "../../src/project";
import { builderSpecCompiler, compileSpec, defaultSpec } from "../../src/builder";
import { openBrowser, serverUrl, testPagesUrl } from "../support/browser";
import { openIdePage } from "../support/ide";

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => browser?.close());

/**
 * Counts oscillators every audio context in every frame creates, and records the values Phaser's
 * mute sets on its master mute gain (setValueAtTime(0 or 1, 0); sound effects set other values).
 */
function countOscillators() {
  const w = window as unknown as { __sfx: Sfx };
  w.__sfx = { oscillators: 0, context: null, mutes: [] };
  const create = BaseAudioContext.prototype.createOscillator;
  BaseAudioContext.prototype.createOscillator = function (this: BaseAudioContext) {
    w.__sfx.oscillators += 1;
    w.__sfx.context = this;
    return create.call(this);
  };
  const setAt = AudioParam.prototype.setValueAtTime;
  AudioParam.prototype.setValueAtTime = function (this: AudioParam, value: number, time: number) {
    if (time === 0 && (value === 0 || value === 1)) w.__sfx.mutes.push(value === 0);
    return setAt.call(this, value, time);
  };
}
type Sfx = { oscillators: number; context: BaseAudioContext | null; mutes: boolean[] };

async function gameFrame(page: Page): Promise<Frame> {
  await page.locator("[data-testid=preview-frame]").waitFor({ timeout: 30_000 });
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f !== page.mainFrame() && f.url() === "about:srcdoc");
    if (frame && (await frame.evaluate(() => Boolean((window as unknown as { __sfx?: unknown }).__sfx)).catch(() => false))) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error("no game frame with the oscillator counter");
}

/** The live preview's game frame (each run is a new page), or null between runs. */
async function previewFrame(page: Page): Promise<Frame | null> {
  return (await (await page.getByTestId("preview-frame").elementHandle())?.contentFrame()) ?? null;
}

const sfx = (frame: Frame) =>
  frame.evaluate(() => {
    const s = (window as unknown as { __sfx: Sfx }).__sfx;
    return { oscillators: s.oscillators, state: s.context?.state ?? null, muted: s.mutes.at(-1) ?? false };
  });

describe("offline builder games have sound", () => {
  it("on /play: stay silent on the title, play the start notes when a click starts the game, and follow Sound off/on", async () => {
    const link = encodeShareLink(compileSpec(defaultSpec("breakout", 3)), { specCompiler: builderSpecCompiler });
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    await context.addInitScript(countOscillators);
    const page = await context.newPage();
    await page.goto(`${serverUrl()}${shareLinkUrl(link.fragment)}`);
    const frame = await gameFrame(page);
    await frame.waitForFunction(() => document.querySelector("canvas") !== null, null, { timeout: 30_000 });
    await page.waitForTimeout(1500);
    expect((await sfx(frame)).oscillators).toBe(0);
    expect((await sfx(frame)).muted).toBe(false);

    await page.locator("[data-testid=preview-frame]").click();
    await expect.poll(async () => (await sfx(frame)).oscillators, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    // The click let the page play sound: the notes are heard, not queued on a suspended context.
    await expect.poll(async () => (await sfx(frame)).state, { timeout: 10_000 }).toBe("running");
    // The bar's Sound off / Sound on mutes and unmutes the game. Buttons beside a game frame are
    // pressed with Enter: see BAR_KEYBOARD in share-play.test.ts.
    const mute = page.getByTestId("play-mute");
    await mute.press("Enter");
    expect(await mute.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(async () => (await sfx(frame)).muted).toBe(true);
    await mute.press("Enter");
    await expect.poll(async () => (await sfx(frame)).muted).toBe(false);
    // Sound off is remembered in this browser: after a reload the game is muted from its first frame.
    await mute.press("Enter");
    await page.reload();
    const reloaded = await gameFrame(page);
    expect(await mute.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(async () => (await sfx(reloaded)).muted, { timeout: 30_000 }).toBe(true);
    await context.close();
  });

  it("are muted by the IDE's mute command (Phaser's master mute at 0) and unmuted by it", async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    await context.addInitScript(countOscillators);
    const page = await context.newPage();
    await page.goto(`${testPagesUrl()}/test/browser/pages/runtime.html`);
    await page.waitForFunction(() => (window as any).runtimeTest?.sandbox);
    // The shooter's guns fire by themselves once it starts: a steady stream of "shoot" notes.
    const files = compileSpec(defaultSpec("shooter", 3));
    await page.evaluate(async (f) => (window as any).runtimeTest.sandbox.mount(f), files);
    const frame = await gameFrame(page);
    await page.waitForFunction(() => (window as any).runtimeTest.events.some((e: { name: string }) => e.name === "ready"), null, { timeout: 30_000 });
    const command = (c: unknown) => page.evaluate((cmd) => (window as any).runtimeTest.sandbox.command(cmd), c);
    expect((await sfx(frame)).muted).toBe(false);
    expect(await command({ op: "mute", muted: true })).toEqual({ muted: true });
    expect((await sfx(frame)).muted).toBe(true);
    await page.locator("[data-testid=preview-frame]").click();
    await expect.poll(async () => (await sfx(frame)).oscillators, { timeout: 10_000 }).toBeGreaterThan(2);
    // Notes are still made, through Phaser's master mute gain, which is at 0.
    expect((await sfx(frame)).muted).toBe(true);
    await command({ op: "mute", muted: false });
    expect((await sfx(frame)).muted).toBe(false);
    await context.close();
  });

  it("in the IDE: Sound off on the preview mutes a builder game, Sound on unmutes it", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(countOscillators);
    const page = await openIdePage(context);
    await page.getByTestId("prompt-input").fill("a space shooter against aliens");
    await page.keyboard.press("Enter");
    await page.locator("[data-testid=chat-finished]").waitFor({ timeout: 120_000 });
    const frame = (await previewFrame(page))!;
    await frame.waitForFunction(() => Boolean((window as unknown as { __sfx?: unknown }).__sfx));
    const mute = page.getByTestId("preview-mute");
    await mute.press("Enter");
    expect(await mute.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(async () => (await sfx(frame)).muted).toBe(true);
    // Start the game: its guns fire by themselves, so notes follow at once, muted.
    await page.getByTestId("preview-frame").click();
    await expect.poll(async () => (await sfx(frame)).oscillators, { timeout: 10_000 }).toBeGreaterThan(2);
    expect((await sfx(frame)).muted).toBe(true);
    await mute.press("Enter");
    expect(await mute.getAttribute("aria-pressed")).toBe("false");
    await expect.poll(async () => (await sfx(frame)).muted).toBe(false);
    // The next run of the game (Restart) is muted again as soon as it shows a frame.
    await mute.press("Enter");
    await page.getByTestId("preview-restart").click();
    /** Whether the game in the preview is muted; null while `before` (an earlier run) is still there. */
    const previewMuted = async (before: Frame | null) => {
      const next = await previewFrame(page);
      return next && next !== before ? (await sfx(next).catch(() => null))?.muted : null;
    };
    await expect.poll(() => previewMuted(frame), { timeout: 30_000 }).toBe(true);
    // ...and so is the game after a reload of the IDE: Sound off is remembered in this browser.
    await page.reload();
    await expect.poll(() => page.getByTestId("preview-mute").getAttribute("aria-pressed"), { timeout: 30_000 }).toBe("true");
    await expect.poll(() => previewMuted(null), { timeout: 30_000 }).toBe(true);
    await context.close();
  }, 240_000);
});
