// The real IDE in Debian Chromium when IndexedDB never answers (an open that stays blocked): it
// still opens and runs the game, says that nothing can be saved and why, and its banner's
// "Download zip" hands over the work.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { nonBackgroundFraction, openBrowser, serverUrl } from "../support/browser";
import { waitForEditor } from "../support/ide";

const FRAME = "section[aria-label=Preview] [data-testid=preview-frame]";
let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => browser?.close());

describe("the IDE with IndexedDB that never answers", () => {
  it("opens and runs the starter, says nothing can be saved and to export a zip, and the banner's Download zip gives the project", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
    // An open request whose success or error never comes, as when another tab blocks it.
    await context.addInitScript(() => {
      IDBFactory.prototype.open = function () {
        return {} as IDBOpenDBRequest;
      };
    });
    const page = await context.newPage();
    await page.goto(serverUrl());
    await waitForEditor(page);

    const banner = page.locator("[data-testid=ide-banner][data-kind=storage]");
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.getByTestId("ide-banner-message").textContent()).toMatch(
      /storage \(IndexedDB\) does not answer, so nothing can be saved.*Close other Playforge tabs and reload to try again\. Nothing is saved in this window: your work lives only in this tab\. Export the project as a zip/,
    );
    expect(await page.getByTestId("save-status").textContent()).toBe("Not saving");
    await expect.poll(() => nonBackgroundFraction(page, FRAME), { timeout: 30_000 }).toBeGreaterThan(0.01);

    const [download] = await Promise.all([page.waitForEvent("download"), banner.getByTestId("banner-export-zip").click()]);
    const zip = unzipSync(new Uint8Array(readFileSync(await download.path())));
    expect(Object.keys(zip).some((path) => path.endsWith("src/main.ts"))).toBe(true);
    await context.close();
  }, 180_000);

  it("says so when Settings → Save meets a localStorage that refuses every write, and the IDE keeps working", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    // A full quota for the IDE's own page: every setItem throws, as a browser's localStorage does when full.
    await context.addInitScript(() => {
      if (window !== window.top) return;
      Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(serverUrl());
    await waitForEditor(page);
    await page.getByTestId("settings-button").click();
    await page.getByTestId("settings-power-saver").click();
    await page.getByTestId("settings-save").click();
    const dialog = page.getByTestId("settings-dialog");
    await expect.poll(() => dialog.locator(".settings-problem").textContent()).toMatch(/refused to keep these settings .*they hold until this page closes/);
    expect(await dialog.count()).toBe(1);
    expect(errors).toEqual([]);
    await expect.poll(() => nonBackgroundFraction(page, FRAME), { timeout: 30_000 }).toBeGreaterThan(0.01);
    await context.close();
  }, 180_000);
});
