// The toolbar's runtime switch: WebContainer is offered for real; where it cannot boot (here: no
// network to StackBlitz) the preview says why and runs the same project in the iframe runtime.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { nonBackgroundFraction, openBrowser } from "../support/browser";
import { openIdePage } from "../support/ide";

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => browser?.close());

describe("runtime switch", () => {
  it("reloads the IDE cross-origin isolated for WebContainer, then falls back to the iframe runtime with the reason in the console", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await openIdePage(context);
    expect(await page.getByTestId("runtime-switch").inputValue()).toBe("iframe");
    await page.getByTestId("runtime-switch").selectOption("webcontainer");
    await page.waitForURL((url) => url.searchParams.get("runtime") === "webcontainer" && url.searchParams.get("isolated") === "1");
    await page.getByTestId("prompt-input").waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(await page.getByTestId("runtime-switch").inputValue()).toBe("webcontainer");
    // The real @webcontainer/api cannot reach StackBlitz here: the boot times out and the iframe runtime takes over.
    const consolePanel = page.getByTestId("console-panel");
    await expect.poll(() => consolePanel.innerText(), { timeout: 90_000, interval: 1000 }).toMatch(/iframe runtime instead; nothing in the project is lost/);
    await expect
      .poll(async () => nonBackgroundFraction(page, "[data-testid=preview-frame]"), { timeout: 30_000, interval: 1000 })
      .toBeGreaterThan(0.01);
    await page.getByTestId("runtime-switch").selectOption("iframe");
    await page.waitForURL((url) => !url.searchParams.has("runtime"));
    await context.close();
  }, 240_000);
});
