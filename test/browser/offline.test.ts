// A classroom whose Wi-Fi drops: after one visit to a production build (service worker), the IDE
// reloads with the server gone, says it is offline and what needs the network, runs the starter
// in its preview and playtests it, the offline builder makes a game from a prompt, Share gives
// its link, and /play plays it, all offline.

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { build, preview, type PreviewServer } from "vite";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PROJECT_ROOT } from "../../src/node/server";
import { nonBackgroundFraction, openBrowser } from "../support/browser";

const OWN_BUILD = resolve(PROJECT_ROOT, ".out/offline-build");
let server: PreviewServer;
let outDir: string;
let url: string;
let browser: Browser;
let context: BrowserContext;
let ide: Page;

beforeAll(async () => {
  mkdirSync(".out", { recursive: true });
  // The service worker exists only in a production build; the dev server skips it. The suite's
  // own build is used when there is one; this test stops its server, so it gets a server of its own.
  outDir = inject("playforgeBuildDir") || OWN_BUILD;
  if (outDir === OWN_BUILD) await build({ root: PROJECT_ROOT, configFile: resolve(PROJECT_ROOT, "vite.config.ts"), logLevel: "error", build: { outDir, emptyOutDir: true } });
  server = await preview({ root: PROJECT_ROOT, configFile: resolve(PROJECT_ROOT, "vite.config.ts"), logLevel: "error", build: { outDir }, preview: { port: 0, host: "127.0.0.1" } });
  url = server.resolvedUrls!.local[0].replace(/\/$/, "");
  browser = await openBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: "allow" });
  ide = await context.newPage();
  await ide.goto(url);
  // The first visit installs the service worker, which stores every file of the app.
  await ide.waitForFunction(() => navigator.serviceWorker.ready.then((r) => !!r.active && !!navigator.serviceWorker.controller), null, { timeout: 120_000 });
  expect(await ide.getByTestId("offline-banner").count()).toBe(0);
  // Offline as a classroom is: the server is unreachable, and the browser says it is offline.
  await stopServer();
  await context.setOffline(true);
}, 300_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stopServer();
});

/** The network is gone for every frame, also the game pages, whose requests no browser setting sees first. */
async function stopServer() {
  if (!server?.httpServer.listening) return;
  const closed = new Promise<void>((done) => server.httpServer.close(() => done()));
  (server.httpServer as import("node:http").Server).closeAllConnections();
  await closed;
}

/** Reloads the IDE with the server gone: it says it is offline and what needs the network. */
async function reloadOffline() {
  await ide.reload();
  await ide.getByTestId("offline-banner").waitFor({ timeout: 30_000 });
  expect(await ide.getByTestId("offline-banner").innerText()).toMatch(/models.*WebContainer runtime need the network/s);
}

describe("offline after the first visit", () => {
  it("reloads with the server gone, runs the starter in the preview and gives the Playtest button's verdict", async () => {
    await reloadOffline();
    // The game page cannot reach the server: Phaser comes from the IDE's service worker.
    await expect.poll(() => ide.getByTestId("run-status").getAttribute("data-state"), { timeout: 60_000 }).toBe("ready");
    await expect.poll(() => nonBackgroundFraction(ide, "[data-testid=preview-frame]"), { timeout: 30_000 }).toBeGreaterThan(0.01).catch(async (error) => {
      // Seen only in the full suite: the preview frame missing after "ready". Leave what it showed.
      await ide.screenshot({ path: ".out/offline-failed-preview.png" });
      console.error("offline preview frames:", await ide.locator("iframe").evaluateAll((els) => els.map((f) => `${f.getAttribute("data-testid")} vis=${(f as HTMLElement).style.visibility} ${f.getBoundingClientRect().width}x${f.getBoundingClientRect().height}`)), await ide.getByTestId("run-status").textContent());
      throw error;
    });
    expect(await ide.locator("[data-testid=console-line][data-level=error]").allInnerTexts()).toEqual([]);
    await ide.screenshot({ path: ".out/offline-ide-preview.png" });

    await ide.getByTestId("playtest-button").click();
    await ide.getByTestId("playtest-panel").waitFor();
    await ide.locator("[data-testid=playtest-button]:not([disabled])").waitFor({ timeout: 120_000 });
    const report = ide.locator("[data-testid=playtest-panel] [data-testid=playtest-report]");
    expect(await report.getAttribute("data-verdict")).toBe("playable");
    expect(await report.locator("[data-testid=report-check][data-check=boots]").innerText()).toMatch(/^passed/i);
    await ide.screenshot({ path: ".out/offline-ide-playtest.png" });
  }, 180_000);

  it("keeps every file of the build, also Phaser's types that the editor and the agent's type check fetch", async () => {
    const precached = new Set([...readFileSync(resolve(outDir, "sw.js"), "utf8").matchAll(/url:"([^"]+)"/g)].map((m) => m[1]));
    const built = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => resolve(f.parentPath, f.name).slice(outDir.length + 1));
    // The service worker itself and its Workbox runtime are the only files it does not store.
    expect(built.filter((file) => !precached.has(file)).sort()).toEqual(["sw.js", expect.stringMatching(/^workbox-[\w-]+\.js$/)]);
    await reloadOffline();
    const types = await ide.evaluate(() =>
      Promise.all(["/vendor/phaser.d.ts", "/vendor/matter.d.ts"].map(async (path) => {
        const response = await fetch(path);
        const text = await response.text();
        return { status: response.status, phaser: text.includes("declare module 'phaser'"), matter: text.includes("declare namespace MatterJS") };
      })),
    );
    expect(types).toEqual([{ status: 200, phaser: true, matter: false }, { status: 200, phaser: false, matter: true }]);
  }, 120_000);

  it("the offline builder writes a game from a prompt, and its /play link plays", async () => {
    await reloadOffline();
    await ide.screenshot({ path: ".out/offline-banner.png" });

    await ide.getByTestId("prompt-input").fill("a snake game in space");
    await ide.getByTestId("prompt-input").press("Enter");
    await ide.getByTestId("chat-working").waitFor({ timeout: 30_000 });
    await ide.getByTestId("chat-working").waitFor({ state: "detached", timeout: 180_000 });
    await ide.locator('[data-testid=file-item][data-path="game.spec.json"]').waitFor({ timeout: 10_000 });
    await ide.screenshot({ path: ".out/offline-built.png" });

    await ide.getByTestId("share-button").click();
    const link = await ide.getByTestId("share-link").inputValue();
    expect(link.startsWith(`${url}/play#`)).toBe(true);

    const player = await context.newPage();
    await player.goto(link);
    await player.getByTestId("preview-frame").waitFor({ timeout: 30_000 });
    await expect.poll(() => nonBackgroundFraction(player, "[data-testid=preview-frame]"), { timeout: 60_000 }).toBeGreaterThan(0.01);
    expect(await player.getByTestId("play-game-error").count()).toBe(0);
    await player.screenshot({ path: ".out/offline-play.png" });
    await player.close();
  }, 300_000);
});
