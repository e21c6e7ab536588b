// Shared set-up for browser tests: one Chromium per test file, pages on the test server.

import { inject } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../../src/node/browser";

export { readProject } from "./project";

/** The IDE as people load it (a production build, unless PLAYFORGE_TEST_DEV=1). */
export function serverUrl(): string {
  return inject("playforgeUrl");
}

/** The dev server, which serves the test pages under test/browser/pages: they import src/ directly. */
export function testPagesUrl(): string {
  return inject("playforgeDevUrl");
}

/**
 * Chromium for a test. Its contexts give a page load 120 s instead of Playwright's 30 s: the first
 * IDE load on a busy 2-core machine can take longer than 30 s.
 */
export async function openBrowser(): Promise<Browser> {
  const browser = await launchChromium();
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    // No service worker unless a test asks for one (the offline test): the production build's
    // would precache the whole app (~25 MB) in every fresh context.
    const context = await newContext({ serviceWorkers: "block", ...options });
    // Settings → Power saver on unless a page already chose (live games at 30 fps): headless
    // Chromium draws WebGL in software, where a 60 fps preview costs most of a core.
    await context.addInitScript('try { if (window === window.top && localStorage.getItem("playforge.powerSaver") === null) localStorage.setItem("playforge.powerSaver", "1"); } catch {}');
    context.setDefaultNavigationTimeout(120_000);
    return context;
  };
  return browser;
}

/** Counts pixels of a PNG screenshot region that differ from its most common colour. */
export async function nonBackgroundFraction(page: Page, selector: string): Promise<number> {
  // A short wait per look: callers poll this, and a frame being swapped (a re-run) must not
  // spend the whole poll inside one screenshot's default 30 s wait.
  const png = await page.locator(selector).screenshot({ timeout: 5_000 });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const counts = new Map<number, number>();
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i] >> 3) * 1024 + (data[i + 1] >> 3) * 32 + (data[i + 2] >> 3);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const top = Math.max(...counts.values());
    return 1 - top / (data.length / 4);
  }, png.toString("base64"));
}

