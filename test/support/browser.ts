// Shared set-up for browser tests: one Chromium per test file, pages on the test server.

import { inject } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../../src/node/browser";
import { nonBackground, screenshotPixels } from "./pixels";

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

/** The share of a screenshot region's pixels that differ from its most common colour. */
export async function nonBackgroundFraction(page: Page, selector: string): Promise<number> {
  return nonBackground(await screenshotPixels(page, selector));
}

