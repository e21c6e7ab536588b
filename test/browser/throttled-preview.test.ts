// A classroom laptop in the IDE and on /play: with Chromium CPU throttling ×6 on the page and on
// every game frame's process, the starter and builder games boot, run in the preview and on a
// shared link, and are never stopped as frozen (no freeze message, no stopped game), however long
// the slowed boot takes. (playtest-throttled.test.ts covers the playtest engine; a real infinite
// loop is still caught there.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { compileSpec, parsePrompt } from "../../src/builder";
import { throttleCpu } from "../../src/node/driver";
import { encodeShareLink, remixUrl, shareLinkUrl, type ProjectFiles } from "../../src/project";
import { DESIGN_PROMPTS } from "../unit/builder-prompts";
import { openBrowser, readProject, serverUrl } from "../support/browser";
import { openIdePage } from "../support/ide";

const RATE = 6;
/** Wall time the running game is watched for after its first frame: several watchdog limits. */
const WATCH_MS = 8_000;
// npm test plays the starter (CI time: each design adds about a minute here);
// PLAYFORGE_THROTTLED_DESIGNS=all plays every design's own prompt too.
const PROMPTS = process.env.PLAYFORGE_THROTTLED_DESIGNS === "all" ? DESIGN_PROMPTS : [];

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => browser?.close());

async function withContext<T>(use: (context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    return await use(context);
  } finally {
    await context.close();
  }
}

/** The IDE opened on `files` (the starter, or a remix link), throttled from its first byte: the game reaches its first frame and keeps running. */
async function runsInPreview(files: ProjectFiles | null) {
  await withContext(async (context) => {
    const path = files ? remixUrl(encodeShareLink(files).fragment) : "";
    const page = await openIdePage(context, { path, prepare: (p) => throttleCpu(p, RATE) });
    await page.locator("[data-testid=run-status][data-state=ready]").waitFor({ timeout: 240_000 });
    await page.waitForTimeout(WATCH_MS);
    await expectNoFreezeInIde(page);
  });
}

async function expectNoFreezeInIde(page: Page) {
  expect(await page.locator("[data-testid=console-line][data-kind=frozen]").allInnerTexts()).toEqual([]);
  expect(await page.getByTestId("preview-overlay").count()).toBe(0);
  expect(await page.getByTestId("run-status").getAttribute("data-state")).toBe("ready");
}

/** The shared link on /play, throttled: the game runs, and is still running after the watch. */
async function runsOnPlay(files: ProjectFiles) {
  await withContext(async (context) => {
    const page = await context.newPage();
    await throttleCpu(page, RATE);
    await page.goto(shareLinkUrl(encodeShareLink(files).fragment, serverUrl()));
    await page.locator("[data-testid=play-stage][data-state=running]").waitFor({ timeout: 240_000 });
    await page.waitForTimeout(WATCH_MS);
    expect(await page.getByTestId("play-game-error").allInnerTexts()).toEqual([]);
    expect(await page.getByTestId("play-stage").getAttribute("data-state")).toBe("running");
  });
}

describe(`the IDE and /play under CPU throttling ×${RATE}`, () => {
  it("runs the starter in the preview with no freeze", () => runsInPreview(null), 300_000);

  it("plays the starter on /play with no freeze", () => runsOnPlay(readProject("templates/starter")), 300_000);

  for (const prompt of PROMPTS) {
    it(`runs the builder's ${JSON.stringify(prompt)} in the preview and on /play with no freeze`, async () => {
      const files = compileSpec(parsePrompt(prompt).spec);
      await runsInPreview(files);
      await runsOnPlay(files);
    }, 600_000);
  }
});
