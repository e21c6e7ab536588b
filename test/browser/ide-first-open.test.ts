// Opening the IDE: the game in the preview does not wait for Monaco, and until Monaco is up the
// open file reads as plain text.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { openBrowser, serverUrl } from "../support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => browser?.close());

it("runs the game while the editor is still loading, showing the file as text meanwhile", async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  // Hold Monaco back (as a slow network or a busy machine would) until the game is running.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  // The editor's chunk: its source on the dev server, assets/MonacoEditor-<hash>.js in a build.
  await page.route((url) => /\/(src\/app\/editor\/MonacoEditor\.tsx|assets\/MonacoEditor-[\w-]+\.js)$/.test(url.pathname), async (route) => {
    await held;
    await route.continue();
  });
  try {
    await page.goto(serverUrl());
    await page.locator("[data-testid=run-status][data-state=ready]").waitFor({ timeout: 30_000 });
    expect(await page.locator("[data-testid=editor] .monaco-editor").count()).toBe(0);
    const placeholder = page.locator("[data-testid=editor] .editor-placeholder");
    expect(await placeholder.textContent()).toContain("new Phaser.Game(");
    expect(await page.getByTestId("editor").textContent()).toContain("Loading editor…");
    release();
    await page.locator("[data-testid=editor] .monaco-editor .view-lines").waitFor({ timeout: 60_000 });
    expect(await placeholder.count()).toBe(0);
  } finally {
    release();
    await context.close();
  }
});
