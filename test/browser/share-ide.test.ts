// Sharing from the real IDE (Debian Chromium): the Share panel's link plays in a brand-new browser
// context, /play → Remix opens an editable copy as a new project, and a bad remix link is refused
// without losing anything.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import { decodeShareLink, encodeShareLink, importZip, shareLinkUrl } from "../../src/project";
import { nonBackgroundFraction, openBrowser, readProject, serverUrl } from "../support/browser";
import { editorText, openFile, replaceEditorText, waitForEditor } from "../support/ide";

const starter = readProject("templates/starter");
// The game's frame on the /play page.
const FRAME = "[data-testid=preview-frame]";
let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser();
  mkdirSync(".out", { recursive: true });
});
afterAll(async () => browser?.close());

async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: serverUrl() });
  return context.newPage();
}



describe("sharing from the IDE", () => {
  it("Share shows a /play link with its size and a QR code; the link plays in a new browser context and responds to input", async () => {
    const ide = await freshPage();
    await ide.goto(serverUrl());
    await waitForEditor(ide);
    await ide.getByTestId("share-button").click();
    const link = await ide.getByTestId("share-link").inputValue();
    expect(link.startsWith(`${serverUrl()}/play#`)).toBe(true);
    expect(decodeShareLink(link)).toEqual(starter);
    expect(Number(await ide.getByTestId("share-size").getAttribute("data-bytes"))).toBe(Buffer.byteLength(link));
    await expect.poll(() => ide.locator("[data-testid=share-qr] svg path").count()).toBeGreaterThan(0);
    await ide.screenshot({ path: ".out/share-ide-panel.png" });
    await ide.context().close();

    const player = await freshPage();
    await player.goto(link);
    const frame = player.locator(FRAME);
    await frame.waitFor({ timeout: 30_000 });
    await expect.poll(() => nonBackgroundFraction(player, FRAME), { message: "the shared game draws something", timeout: 30_000 }).toBeGreaterThan(0.01);
    const title = await frame.screenshot();
    await frame.click();
    await player.keyboard.down("ArrowRight");
    await player.waitForTimeout(600);
    await player.keyboard.up("ArrowRight");
    await expect.poll(async () => !(await frame.screenshot()).equals(title), { message: "the game shows a different frame after a click and ArrowRight", timeout: 30_000 }).toBe(true);
    await player.screenshot({ path: ".out/share-ide-played.png" });
    await player.context().close();
  }, 180_000);

  it("/play → Remix opens the game in the IDE as a new editable project; editing it leaves the shared link's game unchanged", async () => {
    const shared = { ...starter, "src/main.ts": `// shared original\n${starter["src/main.ts"]}` };
    const link = `${serverUrl()}${shareLinkUrl(encodeShareLink(shared).fragment)}`;
    const page = await freshPage();
    await page.goto(link);
    // The /play bar's buttons are pressed from the keyboard (BAR_KEYBOARD in share-play.test.ts).
    await page.locator("[data-testid=remix-button]").press("Enter");
    await page.waitForURL((url) => url.pathname === "/");
    await waitForEditor(page);
    // The remix fragment is taken once and removed, so a reload does not import it twice.
    await expect.poll(() => new URL(page.url()).hash).toBe("");
    await expect.poll(() => page.getByTestId("project-name").textContent()).toBe("My Playforge game (remix)");
    await openFile(page, "src/main.ts");
    await expect.poll(() => editorText(page)).toContain("// shared original");
    await replaceEditorText(page, `// my remix\n${starter["src/main.ts"]}`);
    await expect.poll(() => page.getByTestId("save-status").getAttribute("data-state")).toBe("saved");
    await page.screenshot({ path: ".out/share-ide-remix.png" });

    await page.reload();
    await waitForEditor(page);
    await openFile(page, "src/main.ts");
    await expect.poll(() => editorText(page)).toContain("// my remix");
    await page.getByTestId("projects-button").click();
    await expect.poll(() => page.locator("[data-testid=project-title]").allTextContents()).toEqual(["My Playforge game (remix)"]);

    await page.goto(link);
    await page.locator("[data-testid=view-code-button]").press("Enter");
    await page.getByRole("button", { name: "src/main.ts" }).press("Enter");
    await expect.poll(() => page.locator("[data-testid=play-code] pre").textContent()).toContain("// shared original");
    expect(await page.locator("[data-testid=play-code] pre").textContent()).not.toContain("// my remix");
    await page.context().close();
  }, 180_000);

  it("Export downloads a zip of the project as a Vite project and a single HTML file with Phaser inlined", async () => {
    const page = await freshPage();
    await page.goto(serverUrl());
    await waitForEditor(page);
    await page.getByTestId("export-button").click();
    const [zip] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-zip").click()]);
    expect(zip.suggestedFilename()).toBe("my-playforge-game.zip");
    const imported = importZip(new Uint8Array(readFileSync(await zip.path())));
    expect(imported.files["src/main.ts"]).toBe(starter["src/main.ts"]);
    expect(JSON.parse(imported.files["package.json"] as string).scripts.dev).toBe("vite");

    await page.getByTestId("export-button").click();
    const [html] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByTestId("export-html").click()]);
    expect(html.suggestedFilename()).toBe("my-playforge-game.html");
    const text = readFileSync(await html.path(), "utf8");
    expect(text).toContain("<title>My Playforge game</title>");
    expect(text.length).toBeGreaterThan(500_000);
    expect(text).not.toMatch(/<script[^>]*type=["']module["'][^>]*src=/);
    await page.context().close();
  }, 180_000);

  it("says a project too big for a link is too big, and offers the zip export instead", async () => {
    const page = await freshPage();
    await page.goto(serverUrl());
    await waitForEditor(page);
    // Random text does not compress: 150 KB of it cannot fit in a 96 KB link.
    const noise = randomBytes(110_000).toString("base64");
    const files = Object.fromEntries(Object.entries({ ...starter, "public/noise.txt": noise }).map(([p, t]) => [p, strToU8(t)]));
    await page.evaluate((bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], "big.zip", { type: "application/zip" }));
      for (const type of ["dragenter", "dragover", "drop"]) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, [...zipSync(files)]);
    await page.locator("[data-testid=file-item][data-path='public/noise.txt']").waitFor({ timeout: 20_000 });
    await page.getByTestId("share-button").click();
    const tooBig = page.getByTestId("share-too-big");
    await tooBig.waitFor();
    expect(await tooBig.textContent()).toMatch(/too big for a share link.*Export it as a zip/s);
    expect(await page.getByTestId("share-link").count()).toBe(0);
    await page.screenshot({ path: ".out/share-ide-too-big.png" });
    const [zip] = await Promise.all([page.waitForEvent("download"), page.getByTestId("share-export-zip").click()]);
    expect(importZip(new Uint8Array(readFileSync(await zip.path()))).files["public/noise.txt"]).toBe(noise);
    await page.context().close();
  }, 180_000);

  it("a damaged remix link shows an error banner and the IDE opens the last project unchanged", async () => {
    const page = await freshPage();
    await page.goto(serverUrl());
    await waitForEditor(page);
    await openFile(page, "src/main.ts");
    await replaceEditorText(page, `// before the bad link\n${starter["src/main.ts"]}`);
    await expect.poll(() => page.getByTestId("save-status").getAttribute("data-state")).toBe("saved");
    await page.goto(`${serverUrl()}/#remix=AQB${"x".repeat(40)}`);
    await waitForEditor(page);
    const banner = page.locator("[data-testid=ide-banner][data-kind=remix]");
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).toMatch(/remix link could not be opened.*(damaged|cut off).*unchanged/s);
    await openFile(page, "src/main.ts");
    await expect.poll(() => editorText(page)).toContain("// before the bad link");
    await page.screenshot({ path: ".out/share-ide-bad-remix.png" });
    await page.context().close();
  }, 180_000);
});
