// The /play page in Debian Chromium: a share link opened in a fresh browser context plays the
// game (non-blank, responds to input); bad links show the error page; Remix and View code work.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { encodeShareLink, shareLinkUrl } from "../../src/project";
import { defaultSpec } from "../../src/builder/spec";
import { builderSpecCompiler } from "../../src/builder";
import { nonBackgroundFraction, openBrowser, readProject, serverUrl } from "../support/browser";
import { nearColour, screenshotPixels, type Rgb } from "../support/pixels";

const starter = readProject("templates/starter");
let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser();
  mkdirSync(".out", { recursive: true });
});
afterAll(async () => browser?.close());

/** A page in its own brand-new context: no storage, cache or cookies from any other test. */
async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  return context.newPage();
}

/** Pixels of the iframe close to `rgb`: how many, and their mean x (to see the player move). */
async function colourStats(page: Page, rgb: Rgb): Promise<{ count: number; meanX: number }> {
  const { count, x } = nearColour(await screenshotPixels(page, "[data-testid=preview-frame]"), rgb);
  return { count, meanX: x };
}


const PLAYER_CYAN: [number, number, number] = [0x4c, 0xc9, 0xf0];

// BAR_KEYBOARD: the tests press the bar's buttons with Enter (focus, then key), which every user
// can do too. A mouse click there is routed by the browser's hit testing, and on a starved
// machine Chromium sent such clicks into the game's out-of-process iframe beside the bar for
// seconds at a time (three clicks 3 s apart all missed). Keyboard input goes to the focused
// element, so these tests check the page, not the hit testing of a starved browser.

describe("/play page", () => {
  it("plays a shared starter game in a fresh browser context: non-blank, and click + arrow keys move the player", async () => {
    const { fragment } = encodeShareLink(starter);
    const page = await freshPage();
    await page.goto(`${serverUrl()}${shareLinkUrl(fragment)}`);
    const frame = page.locator("[data-testid=preview-frame]");
    await frame.waitFor({ timeout: 30_000 });
    expect(await frame.getAttribute("sandbox")).toBe("allow-scripts");
    await expect.poll(() => nonBackgroundFraction(page, "[data-testid=preview-frame]"), { message: "the game draws something", timeout: 30_000 }).toBeGreaterThan(0.01);
    await page.screenshot({ path: ".out/share-play-page.png" });
    expect(await page.locator("[data-testid=play-title]").textContent()).toBe("My Playforge game");
    expect((await colourStats(page, PLAYER_CYAN)).count).toBe(0);

    await frame.click();
    await expect.poll(async () => (await colourStats(page, PLAYER_CYAN)).count, { message: "the Play scene shows the player after a click", timeout: 30_000 }).toBeGreaterThan(200);
    const before = await colourStats(page, PLAYER_CYAN);
    await page.keyboard.down("ArrowRight");
    await page.waitForTimeout(600);
    await page.keyboard.up("ArrowRight");
    const after = await colourStats(page, PLAYER_CYAN);
    expect(after.meanX - before.meanX).toBeGreaterThan(20);
    await page.screenshot({ path: ".out/share-play-page-playing.png" });
    // The game mounts once here: no second, hidden page is kept loaded for a re-run.
    expect(await page.locator("[data-testid=play-stage] iframe").count()).toBe(1);
    await page.context().close();
  });

  it("rebuilds and plays an edited offline-builder game from its compact spec + patch link, with a QR code for it", async () => {
    const generated = builderSpecCompiler(JSON.stringify(defaultSpec("diving", 3)));
    const edited = { ...generated, "src/scenes/Play.ts": `// edited on the play page test\n${generated["src/scenes/Play.ts"]}` };
    const link = encodeShareLink(edited, { specCompiler: builderSpecCompiler });
    expect(link.form).toBe("spec-patch");
    const page = await freshPage();
    await page.goto(`${serverUrl()}${shareLinkUrl(link.fragment)}`);
    await page.locator("[data-testid=preview-frame]").waitFor({ timeout: 30_000 });
    await expect.poll(() => nonBackgroundFraction(page, "[data-testid=preview-frame]"), { message: "the diving game draws something", timeout: 30_000 }).toBeGreaterThan(0.01);
    await page.screenshot({ path: ".out/share-play-builder.png" });
    // The bar's buttons are pressed from the keyboard: see BAR_KEYBOARD below.
    await page.getByTestId("qr-button").press("Enter");
    await expect.poll(() => page.locator("[data-testid=play-qr] svg path").count()).toBeGreaterThan(0);
    await page.screenshot({ path: ".out/share-play-qr.png" });
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("play-qr").count()).toBe(0);
    await page.getByTestId("view-code-button").press("Enter");
    await page.getByRole("button", { name: "src/scenes/Play.ts" }).press("Enter");
    await expect.poll(() => page.locator("[data-testid=play-code] pre").textContent()).toContain("// edited on the play page test");
    await page.context().close();
  });

  it("shows the code read-only with View code, and Remix opens the IDE with the same game", async () => {
    const { fragment } = encodeShareLink(starter);
    const page = await freshPage();
    await page.goto(`${serverUrl()}${shareLinkUrl(fragment)}`);
    await expect.poll(() => nonBackgroundFraction(page, "[data-testid=preview-frame]"), { message: "the game draws something", timeout: 30_000 }).toBeGreaterThan(0.01);
    await page.getByTestId("view-code-button").press("Enter");
    await expect.poll(() => page.locator("[data-testid=play-code] pre").textContent()).toContain("new Phaser.Game");
    // The game keeps running beside the code and refits to the narrower stage.
    await expect.poll(() => nonBackgroundFraction(page, "[data-testid=preview-frame]"), { message: "the game still draws beside the code", timeout: 30_000 }).toBeGreaterThan(0.01);
    await page.screenshot({ path: ".out/share-play-code.png" });
    // The IDE takes the remix fragment once (and clears it) to make a new project from it.
    await page.getByTestId("remix-button").press("Enter");
    await page.waitForURL((url) => url.pathname === "/");
    await expect.poll(() => page.getByTestId("project-name").textContent(), { timeout: 60_000 }).toBe("My Playforge game (remix)");
    await page.context().close();
  });

  it("gives the game the keyboard once it runs, but not when a bar button already has the focus", async () => {
    const { fragment } = encodeShareLink(starter);
    const url = `${serverUrl()}${shareLinkUrl(fragment)}`;
    const page = await freshPage();
    await page.goto(url);
    await expect.poll(() => nonBackgroundFraction(page, "[data-testid=preview-frame]"), { message: "the game draws something", timeout: 30_000 }).toBeGreaterThan(0.01);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("IFRAME");

    // Tabbed to a button while the game loads: the focus stays there, so Enter presses it.
    await page.reload();
    await page.getByTestId("qr-button").focus();
    await expect.poll(() => nonBackgroundFraction(page, "[data-testid=preview-frame]"), { message: "the game draws something", timeout: 30_000 }).toBeGreaterThan(0.01);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("qr-button");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("play-qr").count()).toBe(1);
    await page.context().close();
  });

  it("fits its bar on a phone: the title and every button inside a 390 px wide screen", async () => {
    const { fragment } = encodeShareLink(starter);
    const context = await browser.newContext({ viewport: { width: 390, height: 760 } });
    const page = await context.newPage();
    await page.goto(`${serverUrl()}${shareLinkUrl(fragment)}`);
    await page.locator("[data-testid=preview-frame]").waitFor({ timeout: 30_000 });
    for (const id of ["play-title", "remix-button", "qr-button", "play-mute", "view-code-button"]) {
      const box = (await page.getByTestId(id).boundingBox())!;
      expect(box.x, id).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, id).toBeLessThanOrEqual(390);
      expect(box.height, id).toBeLessThan(40); // one line of text, not wrapped
    }
    await page.screenshot({ path: ".out/share-play-phone.png" });
    await context.close();
  });

  it.each([
    ["a corrupt link", "AQB" + "x".repeat(40), /damaged|cut off/],
    // A hand-written game (the starter alone is in the share dictionary: its link is short).
    ["a truncated link", encodeShareLink(readProject("test/fixtures/platformer")).fragment.slice(0, 300), /cut off/],
    ["an empty link", "", /no game in it/],
    ["a link with forbidden characters", "<script>alert(1)</script>", /damaged/],
  ])("shows the error page, and no game frame, for %s", async (_name, fragment, message) => {
    const page = await freshPage();
    await page.goto(`${serverUrl()}/play#${fragment}`);
    await page.locator("[data-testid=play-error]").waitFor({ timeout: 30_000 });
    expect(await page.locator("[data-testid=play-error-message]").textContent()).toMatch(message);
    expect(await page.locator("[data-testid=preview-frame]").count()).toBe(0);
    if (fragment.startsWith("AQB")) await page.screenshot({ path: ".out/share-play-error.png" });
    await page.context().close();
  });
});
