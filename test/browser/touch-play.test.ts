// Phones: a shared keyboard game opened on /play in a touch browser (390×844) gets on-screen
// controls for exactly its keys, and fingers on them play it (a fixture and an offline-builder
// game); a pointer game gets none.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import type { Browser, CDPSession, Page } from "playwright-core";
import { builderSpecCompiler, compileSpec, parsePrompt } from "../../src/builder";
import { encodeShareLink, shareLinkUrl, type ProjectFiles } from "../../src/project";
import { nonBackgroundFraction, openBrowser, readProject, serverUrl } from "../support/browser";
import { nearColour, screenshotPixels, type Rgb } from "../support/pixels";

let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser();
  mkdirSync(".out", { recursive: true });
});
afterAll(async () => browser?.close());

async function openOnPhone(fixture: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(`${serverUrl()}${shareLinkUrl(encodeShareLink(readProject(fixture)).fragment)}`);
  return page;
}

/** Opens an offline-builder game on a phone through its share link in the spec form, as Share makes it. */
async function openBuilderGameOnPhone(files: ProjectFiles): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const link = encodeShareLink(files, { specCompiler: builderSpecCompiler });
  expect(link.form).toBe("spec-patch");
  await page.goto(`${serverUrl()}${shareLinkUrl(link.fragment)}`);
  return page;
}

/** Where the pixels close to `rgb` are in the game frame: how many, and their mean position. */
async function colourAt(page: Page, rgb: Rgb): Promise<{ count: number; x: number; y: number }> {
  const { count, x, y } = nearColour(await screenshotPixels(page, "[data-testid=preview-frame]"), rgb);
  return { count, x, y };
}

type Finger = { id: number; x: number; y: number };

/**
 * The fingers now on the screen, as a phone's touch screen reports them: Chromium compares the
 * list with the previous one and presses, moves or lifts each finger that changed ("start" when
 * one was added, "move" when one was lifted and others stay, "end" when the last one is lifted).
 */
async function fingersOn(cdp: CDPSession, type: "touchStart" | "touchMove" | "touchEnd", fingers: Finger[]) {
  await cdp.send("Input.dispatchTouchEvent", { type, touchPoints: fingers });
}

async function centre(page: Page, testId: string): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId(testId).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const HERO_RED: [number, number, number] = [0xe6, 0x39, 0x46];
/** The frog's body: the city palette's player colour; nothing else in frogger's road is this red. */
const FROG_RED: [number, number, number] = [0xef, 0x23, 0x3c];

describe("/play on a phone", () => {
  it("shows a pad and Space for the platformer; holding the pad's right runs right, and a second finger on Space jumps while right stays held", async () => {
    const page = await openOnPhone("test/fixtures/platformer");
    await expect.poll(() => page.getByTestId("touch-controls").getAttribute("data-state"), { timeout: 30_000 }).toBe("shown");
    for (const direction of ["up", "down", "left", "right"]) await expect(page.getByTestId(`touch-pad-${direction}`).count()).resolves.toBe(1);
    await expect(page.getByTestId("touch-key-Space").count()).resolves.toBe(1);
    // The controls sit under the game, not over it.
    const game = (await page.getByTestId("preview-frame").boundingBox())!;
    const pad = (await page.getByTestId("touch-pad").boundingBox())!;
    expect(pad.y).toBeGreaterThanOrEqual(game.y + game.height - 1);
    expect(pad.y + pad.height).toBeLessThanOrEqual(844);

    await expect.poll(async () => (await colourAt(page, HERO_RED)).count, { timeout: 30_000 }).toBeGreaterThan(100);
    const start = await colourAt(page, HERO_RED);
    const cdp = await page.context().newCDPSession(page);
    const right = { id: 1, ...(await centre(page, "touch-pad-right")) };
    const jump = { id: 2, ...(await centre(page, "touch-key-Space")) };

    await fingersOn(cdp, "touchStart", [right]);
    await expect.poll(async () => (await colourAt(page, HERO_RED)).x - start.x, { timeout: 15_000 }).toBeGreaterThan(20);
    expect(await page.getByTestId("touch-pad-right").getAttribute("class")).toContain("on");
    await page.screenshot({ path: ".out/touch-play-phone.png" });

    await fingersOn(cdp, "touchStart", [right, jump]);
    await expect.poll(async () => start.y - (await colourAt(page, HERO_RED)).y, { timeout: 15_000 }).toBeGreaterThan(10);
    await fingersOn(cdp, "touchMove", [right]);
    const afterJump = await colourAt(page, HERO_RED);
    await expect.poll(async () => (await colourAt(page, HERO_RED)).x - afterJump.x, { timeout: 15_000 }).toBeGreaterThan(10);

    // Lifting the last finger lets go of right: the player stops.
    await fingersOn(cdp, "touchEnd", []);
    await expect.poll(async () => {
      const a = await colourAt(page, HERO_RED);
      const b = await colourAt(page, HERO_RED);
      return Math.abs(b.x - a.x) < 0.5;
    }, { timeout: 15_000 }).toBe(true);
    await page.context().close();
  });

  it("plays the offline builder's frogger from its share link with the on-screen controls only: Space starts it, holding up hops the frog up the road", async () => {
    const page = await openBuilderGameOnPhone(compileSpec(parsePrompt("a frogger game where you help the frog cross the road").spec));
    await expect.poll(() => page.getByTestId("touch-key-Space").count(), { timeout: 30_000 }).toBe(1);
    await page.screenshot({ path: ".out/touch-play-frogger-title.png" });
    const cdp = await page.context().newCDPSession(page);
    const space = { id: 1, ...(await centre(page, "touch-key-Space")) };
    await fingersOn(cdp, "touchStart", [space]);
    await fingersOn(cdp, "touchEnd", []);
    // The Play scene listens for the arrows: the pad replaces the title's keys.
    await expect.poll(() => page.getByTestId("touch-pad-up").count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(async () => (await colourAt(page, FROG_RED)).count, { timeout: 15_000 }).toBeGreaterThan(20);
    // Left alone, the frog waits at the start.
    const start = await colourAt(page, FROG_RED);
    expect(Math.abs((await colourAt(page, FROG_RED)).y - start.y)).toBeLessThan(1);

    // The pad sits under the game: a finger there is never a tap on the game's own canvas.
    const game = (await page.getByTestId("preview-frame").boundingBox())!;
    const up = { id: 2, ...(await centre(page, "touch-pad-up")) };
    expect(up.y).toBeGreaterThan(game.y + game.height);
    await fingersOn(cdp, "touchStart", [up]);
    await expect.poll(async () => start.y - (await colourAt(page, FROG_RED)).y, { timeout: 15_000 }).toBeGreaterThan(10);
    expect(await page.getByTestId("touch-pad-up").getAttribute("class")).toContain("on");
    await page.screenshot({ path: ".out/touch-play-frogger-hopping.png" });
    await fingersOn(cdp, "touchEnd", []);
    await page.context().close();
  });

  it("shows no controls for a pointer-only game (Lights Out)", async () => {
    const page = await openOnPhone("test/fixtures/pointer-puzzle");
    await expect.poll(() => nonBackgroundFraction(page, "[data-testid=preview-frame]"), { timeout: 30_000 }).toBeGreaterThan(0.01);
    await expect.poll(() => page.getByTestId("touch-controls").getAttribute("data-state"), { timeout: 30_000 }).toBe("none");
    expect(await page.getByTestId("touch-controls").isVisible()).toBe(false);
    expect(await page.getByTestId("touch-pad").count()).toBe(0);
    await page.context().close();
  });
});

describe("the IDE preview on a tablet", () => {
  it("shows the starter title's Space and Enter, and tapping Space starts it: the controls follow the Play scene's arrow keys", async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(serverUrl());
    await expect.poll(() => page.getByTestId("touch-controls").getAttribute("data-state"), { timeout: 60_000 }).toBe("shown");
    await expect.poll(() => page.getByTestId("touch-key-Enter").count()).toBe(1);
    expect(await page.getByTestId("touch-pad").count()).toBe(0);
    await page.getByTestId("touch-key-Space").tap();
    await expect.poll(() => page.getByTestId("touch-pad-right").count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId("touch-key-Enter").count()).toBe(0);
    await page.screenshot({ path: ".out/touch-ide-tablet.png" });
    await context.close();
  });
});
