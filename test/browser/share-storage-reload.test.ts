// Real IndexedDB in Debian Chromium: a saved project (files, chat) and an unfinished run marker
// survive a page reload; storage code is loaded from the test server like the IDE loads it.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { openBrowser, testPagesUrl } from "../support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => browser?.close());

describe("IndexedDB project storage", () => {
  it("restores files (text and bytes), chat and an interrupted run after a reload", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // A string, so vitest does not rewrite this import() for Node: the browser must do it (from
    // the dev server, which serves src/).
    await page.addInitScript('window.loadStorage = () => import("/src/storage/index.ts")');
    await page.goto(`${testPagesUrl()}/play.html`);
    const id = await page.evaluate(async () => {
      const { ProjectStorage, createAutosaver } = await (window as any).loadStorage();
      const storage = new ProjectStorage();
      const base = { files: { "src/main.ts": "// first" }, chat: [{ role: "user", content: "a diving game" }], checkpoints: [], settings: { chattiness: "quiet" } };
      const { id } = await storage.create("Reload Test", base);
      const autosaver = createAutosaver(storage, id, { delayMs: 20, onError: (e: unknown) => console.error(e) });
      autosaver.schedule({ ...base, files: { "src/main.ts": "// edited before reload", "public/a.bin": new Uint8Array([1, 2, 250]) }, chat: [...base.chat, { role: "assistant", content: "Here it is." }] });
      await autosaver.flush();
      await storage.markRunStarted(id, "add jellyfish");
      return id as string;
    });
    await page.reload();
    const restored = await page.evaluate(async (projectId) => {
      const { ProjectStorage } = await (window as any).loadStorage();
      const storage = new ProjectStorage();
      const opened = await storage.open(projectId);
      const list = await storage.list();
      return {
        names: list.map((p: { name: string }) => p.name),
        main: opened.snapshot.files["src/main.ts"],
        bin: Array.from(opened.snapshot.files["public/a.bin"] as Uint8Array),
        chat: opened.snapshot.chat.map((m: { content: string }) => m.content),
        interrupted: opened.interruptedRun?.prompt ?? null,
      };
    }, id);
    expect(restored).toEqual({ names: ["Reload Test"], main: "// edited before reload", bin: [1, 2, 250], chat: ["a diving game", "Here it is."], interrupted: "add jellyfish" });
    await context.close();
  });
});
