// A starved machine in the IDE: the game page gets no CPU (paused in the debugger, as a page the
// scheduler never runs) while the IDE's own thread is starved too (a busy loop in its timers). The
// watchdog must wait, the preview says so, and the note goes when the game's heartbeat is back.
// Starving the game page alone is not this case: with the IDE's ticks on time, a silent page is a
// stuck game and is stopped (runtime-heartbeat.test.ts).
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { openBrowser } from "../support/browser";
import { openIdePage } from "../support/ide";

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => browser?.close());

it("shows 'the machine is busy' while game and IDE are both starved, and no freeze; the note goes when heartbeats resume", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openIdePage(context);
    // After the first frame the watchdog's limit is the plain 2 s (no boot allowance).
    await page.locator("[data-testid=run-status][data-state=ready]").waitFor({ timeout: 60_000 });
    const panel = await page.locator(".preview-panel").boundingBox();
    const frame = await (await page.getByTestId("preview-frame").elementHandle())!.contentFrame();
    const game = await context.newCDPSession(frame!);
    await game.send("Debugger.enable");
    const ide = await context.newCDPSession(page);

    // The IDE's thread runs 1.5 s slices with short gaps: every watchdog tick comes late, and
    // each adds at most 0.5 s of silence, so the page is given up only after about 12 s.
    await page.evaluate(() => {
      (window as unknown as { starve: number }).starve = window.setInterval(() => {
        const end = performance.now() + 1500;
        while (performance.now() < end);
      }, 0);
    });
    await game.send("Debugger.pause");
    const note = page.getByTestId("preview-busy");
    await note.waitFor({ timeout: 30_000 });
    expect(await note.innerText()).toBe("The machine is busy: waiting for the game instead of stopping it");
    // Straight from the compositor: Playwright's screenshots also wait on the paused game frame.
    const shot = await ide.send("Page.captureScreenshot", { format: "png", clip: { ...panel!, scale: 1 } });
    writeFileSync(".out/ide-busy-note.png", Buffer.from(shot.data, "base64"));

    await game.send("Debugger.resume");
    await note.waitFor({ state: "detached", timeout: 30_000 });
    await page.evaluate(() => clearInterval((window as unknown as { starve: number }).starve));
    // The game ran on: never stopped as frozen, and nothing in the console says it froze.
    expect(await page.getByTestId("run-status").getAttribute("data-state")).toBe("ready");
    expect(await page.getByTestId("preview-overlay").count()).toBe(0);
    expect(await page.locator("[data-testid=console-line][data-kind=frozen]").count()).toBe(0);
  } finally {
    await context.close();
  }
});
