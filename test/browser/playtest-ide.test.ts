// The Playtest button in the real IDE page: the engine runs on a hidden sandbox (not the live
// preview) and the report shows a verdict, its checks (failed first), the phases, thumbnails, and
// errors that open the editor at their line.
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { openBrowser, readProject, serverUrl } from "../support/browser";
import { openIdePage } from "../support/ide";

const starter = readProject("templates/starter");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => browser?.close());
beforeEach(async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: serverUrl() });
  page = await openIdePage(context);
  await page.locator("[data-testid=editor] .monaco-editor .view-lines").waitFor({ timeout: 60_000 });
});
afterEach(async () => page?.context().close());

async function playtestAndWait() {
  await page.getByTestId("playtest-button").click();
  await page.getByTestId("playtest-panel").waitFor();
  await page.locator("[data-testid=playtest-button]:not([disabled])").waitFor({ timeout: 120_000 });
}

describe("Playtest button in the IDE", () => {
  it("judges the starter playable on a hidden sandbox and shows a thumbnail strip", async () => {
    const previewRuns = await page.getByTestId("run-status").getAttribute("data-run");
    await page.getByTestId("playtest-button").click();
    // The live game is held while the playtest runs (they share a thread), and says so.
    await page.getByTestId("preview-paused").waitFor({ timeout: 10_000 });
    await page.locator("[data-testid=playtest-button]:not([disabled])").waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByTestId("preview-paused").count()).toBe(0);
    expect(await page.getByTestId("verdict").innerText()).toBe("playable");
    const report = page.locator("[data-testid=playtest-panel] [data-testid=playtest-report]");
    expect(await report.getAttribute("data-verdict")).toBe("playable");
    expect(await report.locator("[data-testid=report-thumb]").count()).toBeGreaterThan(3);
    // The live preview was not used: still one iframe showing the game, and no extra run started.
    expect(await page.getByTestId("preview-frame").count()).toBe(1);
    expect(await page.getByTestId("run-status").getAttribute("data-run")).toBe(previewRuns);
    await page.screenshot({ path: ".out/playtest-ide-starter.png" });
    // The report sits in the console's place: the whole preview stays in view beside it, and
    // once released, the title's blinking hint animates again there.
    const [panelBox, previewBox] = [await page.getByTestId("playtest-panel").boundingBox(), await page.getByTestId("preview-frame").boundingBox()];
    expect(panelBox!.y).toBeGreaterThanOrEqual(previewBox!.y + previewBox!.height - 1);
    expect(panelBox!.x + panelBox!.width).toBeLessThanOrEqual((page.viewportSize()?.width ?? 0) + 1);
    const captions = await report.locator("[data-testid=report-thumbs] figcaption").allTextContents();
    expect(captions[0]).toBe("boot 0.0 s");
    expect(captions.some((caption) => caption.startsWith("play "))).toBe(true);
    // The checks: none failed, the game booted, and the run reached gameplay.
    const checks = report.locator("[data-testid=report-check]");
    expect(await checks.count()).toBeGreaterThan(4);
    expect(await report.locator("[data-testid=report-check][data-status=fail]").count()).toBe(0);
    expect(await report.locator("[data-testid=report-check][data-check=boots]").innerText()).toMatch(/^passed/i);
    expect(await report.getByTestId("report-phases").innerText()).toContain("gameplay");
    expect(await page.getByTestId("console-panel").isVisible()).toBe(false);
    await expect
      .poll(async () => {
        const before = await page.getByTestId("preview-frame").screenshot();
        await page.waitForTimeout(250);
        return before.equals(await page.getByTestId("preview-frame").screenshot());
      }, { timeout: 10_000 })
      .toBe(false);
    // Closing the report brings the console back (pressed from the keyboard: the button sits right
    // under the game frame; see BAR_KEYBOARD in share-play.test.ts).
    await page.getByRole("button", { name: "Close the playtest report" }).press("Enter");
    await expect.poll(() => page.getByTestId("console-panel").isVisible()).toBe(true);
  });

  it("judges a game that throws in create() broken, and clicking the error opens src/scenes/Title.ts at that line", async () => {
    const broken = starter["src/scenes/Title.ts"].replace("  create() {\n", '  create() {\n    throw new Error("the diver got lost");\n');
    const line = broken.split("\n").findIndex((l) => l.includes("the diver got lost")) + 1;
    await page.locator('[data-testid=file-item][data-path="src/scenes/Title.ts"]').click();
    await page.evaluate((t) => navigator.clipboard.writeText(t), broken);
    await page.locator("[data-testid=editor] .view-lines").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Control+V");
    await page.locator('[data-testid=file-item][data-path="src/main.ts"]').click();
    await expect.poll(() => page.getByTestId("editor-path").textContent()).toBe("src/main.ts");

    await playtestAndWait();
    expect(await page.getByTestId("verdict").innerText()).toBe("broken");
    const report = page.locator("[data-testid=playtest-panel] [data-testid=playtest-report]");
    expect(await report.innerText()).toContain("the diver got lost");
    // A failed check leads the list, saying so in words.
    const first = report.locator("[data-testid=report-check]").first();
    expect(await first.getAttribute("data-status")).toBe("fail");
    expect(await first.innerText()).toMatch(/^failed/i);
    const link = report.locator(`[data-testid=report-error-link][data-location="src/scenes/Title.ts:${line}"]`);
    expect(await link.count()).toBeGreaterThan(0);
    // With no model connected there is no fix button, but the report says how to get one.
    expect(await page.getByTestId("playtest-fix").count()).toBe(0);
    expect(await page.getByTestId("playtest-fix-hint").innerText()).toMatch(/connect a model in ⚙ Settings/);
    await page.screenshot({ path: ".out/playtest-ide-broken.png" });
    await link.first().click();
    await expect.poll(() => page.getByTestId("editor-path").textContent()).toBe("src/scenes/Title.ts");
    await expect.poll(() => page.getByTestId("editor-cursor").textContent()).toMatch(new RegExp(`^Ln ${line},`));
  });
});
