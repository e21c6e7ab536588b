// Keeping work in the real IDE (Debian Chromium, fresh contexts): edits survive a reload, the
// projects list opens/creates/renames/deletes with undo, and a hostile zip dropped on the IDE is
// refused without touching the open project.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import { zipSync, strToU8 } from "fflate";
import type { Browser, Page } from "playwright-core";
import { nonBackgroundFraction, openBrowser, readProject, serverUrl } from "../support/browser";
import { editorText, openFile, replaceEditorText, waitForEditor } from "../support/ide";

const starter = readProject("templates/starter");
// The live preview's frame (the playtest sandbox keeps another, hidden one).
const FRAME = "section[aria-label=Preview] [data-testid=preview-frame]";
let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser();
  mkdirSync(".out", { recursive: true });
});
afterAll(async () => browser?.close());

async function freshIde(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: serverUrl() });
  const page = await context.newPage();
  await page.goto(serverUrl());
  await waitForEditor(page);
  return page;
}

const filePaths = (page: Page) => page.locator("[data-testid=file-item]").evaluateAll((els) => els.map((e) => e.getAttribute("data-path")).sort());
const projectNames = (page: Page) => page.locator("[data-testid=project-title]").allTextContents();

/** How many run markers ("a run was going on") the IDE's IndexedDB holds. */
function storedRunMarkers(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("playforge");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const keys = open.result.transaction("projects").objectStore("projects").getAllKeys();
          keys.onsuccess = () => {
            resolve(keys.result.filter((key) => /^project\/.+\/run$/.test(String(key))).length);
            open.result.close();
          };
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
}

describe("keeping projects in the IDE", () => {
  it("keeps an edit typed in Monaco across a reload, and the reloaded preview runs the edited code", async () => {
    const page = await freshIde();
    await openFile(page, "src/main.ts");
    const marker = `console.log("kept across reload ${Date.now()}");`;
    await replaceEditorText(page, `${starter["src/main.ts"]}\n${marker}\n`);
    await expect.poll(() => editorText(page)).toContain(marker);
    // No waiting for the save: hiding the tab on reload must flush the pending change.
    await page.reload();
    await waitForEditor(page);
    await openFile(page, "src/main.ts");
    await expect.poll(() => editorText(page)).toContain(marker);
    await expect.poll(() => page.getByTestId("console-panel").innerText(), { timeout: 30_000 }).toContain(marker.slice(13, -3));
    await page.locator("[data-testid=run-status][data-state=ready]").waitFor({ timeout: 30_000 });
    await expect.poll(() => nonBackgroundFraction(page, FRAME), { timeout: 10_000 }).toBeGreaterThan(0.01);
    expect(await page.getByTestId("save-status").getAttribute("data-state")).not.toBe("failed");
    await page.screenshot({ path: ".out/keep-ide-reloaded.png" });
    await page.context().close();
  }, 180_000);

  it("creates a second project, switches between them, renames one, and deletes one with undo", async () => {
    const page = await freshIde();
    await page.getByTestId("projects-button").click();
    await expect.poll(() => projectNames(page)).toEqual(["My Playforge game"]);
    await page.getByTestId("project-rename").click();
    await page.getByTestId("project-rename-input").fill("First game");
    await page.getByTestId("project-rename-input").press("Enter");
    await expect.poll(() => page.getByTestId("project-name").textContent()).toBe("First game");

    await page.getByTestId("project-new").click();
    await expect.poll(() => page.locator("[data-testid=project-item]").count()).toBe(2);
    await expect.poll(() => page.getByTestId("project-name").textContent()).toBe("My Playforge game");
    await page.getByRole("button", { name: "Close projects" }).click();
    await openFile(page, "src/main.ts");
    await replaceEditorText(page, `// the second project\n${starter["src/main.ts"]}`);
    await expect.poll(() => page.getByTestId("save-status").getAttribute("data-state")).toBe("saved");

    await page.getByTestId("projects-button").click();
    await page.locator("[data-testid=project-item]", { hasText: "First game" }).getByTestId("project-open").click();
    await expect.poll(() => page.getByTestId("project-name").textContent()).toBe("First game");
    await expect.poll(() => editorText(page)).not.toContain("// the second project");
    expect(await filePaths(page)).toEqual(Object.keys(starter).sort());
    await page.screenshot({ path: ".out/keep-ide-projects.png" });

    await page.locator("[data-testid=project-item]", { hasText: "My Playforge game" }).getByTestId("project-open").click();
    await expect.poll(() => editorText(page)).toContain("// the second project");

    await page.locator("[data-testid=project-item]", { hasText: "First game" }).getByTestId("project-delete").click();
    await expect.poll(() => projectNames(page)).toEqual(["My Playforge game"]);
    await expect.poll(() => page.getByTestId("project-deleted").textContent()).toContain("First game");
    await page.screenshot({ path: ".out/keep-ide-deleted.png" });
    await page.getByTestId("project-undo").click();
    await expect.poll(async () => (await projectNames(page)).sort()).toEqual(["First game", "My Playforge game"]);

    // Both survive a reload, which reopens the project changed last.
    await page.reload();
    await waitForEditor(page);
    await expect.poll(() => page.getByTestId("project-name").textContent()).toBe("My Playforge game");
    await page.getByTestId("projects-button").click();
    await expect.poll(async () => (await projectNames(page)).sort()).toEqual(["First game", "My Playforge game"]);
    await page.context().close();
  }, 180_000);

  it("keeps the agent's chat across a reload, and a reload mid-run offers Resume/Discard; Resume re-runs the prompt; the playtest leaves a thumbnail", async () => {
    const page = await freshIde();
    await page.getByTestId("prompt-input").fill("a deep-sea diving game where you collect pearls");
    await page.getByTestId("prompt-send").click();
    await page.getByTestId("chat-working").waitFor({ timeout: 30_000 });
    // The run marker is written to IndexedDB when the run starts; once it is there, "crash" the tab.
    await expect.poll(() => storedRunMarkers(page)).toBe(1);
    await page.reload();
    await waitForEditor(page);
    const interrupted = page.getByTestId("run-interrupted");
    await interrupted.waitFor({ timeout: 10_000 });
    expect(await interrupted.textContent()).toContain("The last agent run was interrupted by a reload");
    expect(await interrupted.textContent()).toContain("a deep-sea diving game where you collect pearls");
    expect(await page.getByTestId("chat-log").textContent()).toContain("a deep-sea diving game where you collect pearls");
    expect(await page.getByTestId("run-discard").isVisible()).toBe(true);
    await page.screenshot({ path: ".out/keep-ide-interrupted.png" });

    await page.getByTestId("run-resume").click();
    await expect.poll(() => interrupted.count()).toBe(0);
    await page.getByTestId("chat-working").waitFor({ timeout: 30_000 });
    await page.getByTestId("chat-working").waitFor({ state: "detached", timeout: 180_000 });
    await expect.poll(() => page.getByTestId("save-status").getAttribute("data-state")).toBe("saved");
    const chatBefore = await page.getByTestId("chat-log").innerText();
    const pathsBefore = await filePaths(page);
    expect(pathsBefore).toContain("game.spec.json");
    // A builder game shares as its spec plus edits: small enough for a QR code.
    await page.getByTestId("share-button").click();
    await expect.poll(() => page.getByTestId("share-size").textContent()).toContain("compact");
    expect(Number(await page.getByTestId("share-size").getAttribute("data-bytes"))).toBeLessThan(2_900);
    await page.getByTestId("share-button").click();

    // A finished run leaves no marker: a reload restores chat and files and shows no banner.
    await page.reload();
    await waitForEditor(page);
    await expect.poll(() => page.getByTestId("chat-log").innerText()).toBe(chatBefore);
    expect(await filePaths(page)).toEqual(pathsBefore);
    expect(await page.getByTestId("run-interrupted").count()).toBe(0);
    await page.getByTestId("projects-button").click();
    await expect.poll(() => page.locator("[data-testid=project-thumb]").count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: ".out/keep-ide-agent-restored.png" });
    await page.context().close();
  }, 300_000);

  it("says so when storage is full, and a reload brings back the last good save, not the failed one", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: serverUrl() });
    // Chromium's real quota cannot be filled quickly; refuse writes the way a full disk does once a flag is set.
    await context.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
        if ((window as unknown as { storageFull?: boolean }).storageFull) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        return put.apply(this, args);
      };
    });
    const page = await context.newPage();
    await page.goto(serverUrl());
    await waitForEditor(page);
    await openFile(page, "src/main.ts");
    await replaceEditorText(page, `// saved fine\n${starter["src/main.ts"]}`);
    await expect.poll(() => page.getByTestId("save-status").getAttribute("data-state")).toBe("saved");

    await page.evaluate(() => ((window as unknown as { storageFull: boolean }).storageFull = true));
    await replaceEditorText(page, `// never saved\n${starter["src/main.ts"]}`);
    const banner = page.locator("[data-testid=ide-banner][data-kind=storage]");
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).toMatch(/storage for Playforge is full.*kept unchanged.*Export the project as a zip/s);
    expect(await page.getByTestId("save-status").getAttribute("data-state")).toBe("failed");
    await page.screenshot({ path: ".out/keep-ide-storage-full.png" });

    // Storage stays full while the tab hides (which retries the pending save), so the reload shows the last good one.
    await page.reload();
    await waitForEditor(page);
    await openFile(page, "src/main.ts");
    await expect.poll(() => editorText(page)).toContain("// saved fine");
    expect(await editorText(page)).not.toContain("// never saved");
    await context.close();
  }, 180_000);

  it("refuses a dropped zip holding a ../ path with a clear message, and leaves the open project as it was", async () => {
    const page = await freshIde();
    const hostile = zipSync({ "index.html": strToU8("<title>x</title>"), "../escape.ts": strToU8("alert(1)") });
    const before = await filePaths(page);
    await page.evaluate((bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], "hostile.zip", { type: "application/zip" }));
      for (const type of ["dragenter", "dragover", "drop"]) {
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    }, [...hostile]);
    const banner = page.locator("[data-testid=ide-banner][data-kind=import]");
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).toMatch(/hostile\.zip.*refused.*\.\.\/escape\.ts/s);
    await page.screenshot({ path: ".out/keep-ide-hostile-zip.png" });
    expect(await filePaths(page)).toEqual(before);
    await page.getByTestId("projects-button").click();
    await expect.poll(() => projectNames(page)).toEqual(["My Playforge game"]);
    await page.context().close();
  }, 180_000);

  it("imports a project folder picked from the Export menu as a new project", async () => {
    const page = await freshIde();
    await page.getByTestId("projects-button").click();
    await expect.poll(() => page.locator("[data-testid=project-item]").count()).toBe(1);
    const first = await page.locator("[data-testid=project-item]").getAttribute("data-id");
    await page.getByTestId("export-button").click();
    await page.getByTestId("import-folder-input").setInputFiles("templates/starter");
    await expect.poll(() => page.locator("[data-testid=project-item]").count()).toBe(2);
    expect(await page.locator("[data-testid=project-item][data-current=true]").getAttribute("data-id")).not.toBe(first);
    expect(await filePaths(page)).toEqual(Object.keys(starter).sort());
    await page.context().close();
  }, 180_000);

  it("imports a dropped zip of a project as a new project and keeps the old one in the list", async () => {
    const page = await freshIde();
    const files = Object.fromEntries(Object.entries({ ...starter, "index.html": starter["index.html"].replace(/<title>[^<]*<\/title>/, "<title>Dropped game</title>") }).map(([p, t]) => [`dropped/${p}`, strToU8(t)]));
    await page.evaluate((bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], "dropped.zip", { type: "application/zip" }));
      for (const type of ["dragenter", "dragover", "drop"]) {
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    }, [...zipSync(files)]);
    await expect.poll(() => page.getByTestId("project-name").textContent()).toBe("Dropped game");
    expect(await filePaths(page)).toEqual(Object.keys(starter).sort());
    await page.getByTestId("projects-button").click();
    await expect.poll(async () => (await projectNames(page)).sort()).toEqual(["Dropped game", "My Playforge game"]);
    await page.context().close();
  }, 180_000);
});
