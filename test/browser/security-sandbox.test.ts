// What a game's frame may reach, in Debian Chromium: the iframe runtime's page loads Phaser and
// nothing else from the network (no fetch, XHR, image, script or beacon to the IDE's origin or any
// other), and the WebContainer preview frame is sandboxed (no popups, no top navigation).

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { openBrowser, readProject, testPagesUrl } from "../support/browser";
import { startIsolatingProxy, type IsolatingProxy } from "../support/isolating-proxy";

let browser: Browser;
let elsewhere: Server;
let elsewhereUrl: string;
const elsewhereHits: string[] = [];

beforeAll(async () => {
  browser = await openBrowser();
  // Another origin that would answer anything (CORS included), and counts what reaches it.
  elsewhere = createServer((req, res) => {
    elsewhereHits.push(req.url ?? "");
    res.writeHead(200, { "access-control-allow-origin": "*", "content-type": "text/javascript" }).end("window.reached = true;");
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, "127.0.0.1", () => resolve()));
  elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => {
    elsewhere?.close(resolve);
    elsewhere?.closeAllConnections();
  });
});

/** A game whose main.ts tries every way out it has, then logs one line per attempt. */
function probingGame(targets: Record<string, string>): Record<string, string> {
  const main = `import Phaser from "phaser";
const targets = ${JSON.stringify(targets)};
const attempt = (run) => new Promise((resolve) => {
  try { run(() => resolve("loaded"), () => resolve("blocked")); } catch { resolve("blocked"); }
});
const ways = {
  fetch: (url) => attempt((ok, no) => fetch(url + "?probe=fetch").then(ok, no)),
  xhr: (url) => attempt((ok, no) => { const x = new XMLHttpRequest(); x.onload = ok; x.onerror = no; x.open("GET", url + "?probe=xhr"); x.send(); }),
  img: (url) => attempt((ok, no) => { const i = new Image(); i.onload = ok; i.onerror = no; i.src = url + "?probe=img"; }),
  script: (url) => attempt((ok, no) => { const s = document.createElement("script"); s.onload = ok; s.onerror = no; s.src = url + "?probe=script"; document.head.appendChild(s); }),
};
// sendBeacon only queues (true even when the policy then drops it): what counts is that no request goes out.
const beacon = (url) => { try { navigator.sendBeacon(url + "?probe=beacon", "x"); } catch {} };
(async () => {
  console.log("Phaser.Game is a " + typeof Phaser.Game);
  Object.values(targets).forEach(beacon);
  for (const [where, url] of Object.entries(targets)) {
    for (const [way, run] of Object.entries(ways)) console.log("probe " + where + " " + way + " " + (await run(url)));
  }
  console.log("probes done");
})();
`;
  return { "index.html": '<!doctype html><html><body><div id="game"></div><script type="module" src="/src/main.ts"></script></body></html>', "src/main.ts": main };
}

/** The runtime test page, and the URL of every response its frames received. */
async function runtimePage(): Promise<{ page: Page; answered: string[] }> {
  const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  const answered: string[] = [];
  // A request the policy blocks is still announced ("request"), then fails with ERR_BLOCKED_BY_CSP.
  page.on("response", (response) => answered.push(response.url()));
  await page.goto(`${testPagesUrl()}/test/browser/pages/runtime.html`);
  await page.waitForFunction(() => (window as any).runtimeTestReady);
  return { page, answered };
}

const consoleLines = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as any).runtimeTest.events.filter((e: any) => e.name === "console").map((e: any) => e.payload.text));

describe("the iframe runtime's game page", () => {
  it("loads Phaser but cannot fetch, XHR, load an image or script, or send a beacon to the IDE's origin or another origin", async () => {
    const { page, answered } = await runtimePage();
    const ide = testPagesUrl();
    const targets = { ide: `${ide}/package.json`, "ide-vendor": `${ide}/vendor/other.js`, elsewhere: `${elsewhereUrl}/collect` };
    await page.evaluate((files) => (window as any).runtimeTest.sandbox.mount(files), probingGame(targets));
    await expect.poll(() => consoleLines(page), { timeout: 20_000 }).toContain("probes done");

    const lines = await consoleLines(page);
    expect(lines).toContain("Phaser.Game is a function");
    const probes = lines.filter((line) => line.startsWith("probe "));
    expect(probes).toHaveLength(12);
    expect(probes.filter((line) => !line.endsWith(" blocked"))).toEqual([]);
    // Nothing reached a server: a script the browser would refuse to run could still have sent its GET.
    expect(answered.filter((url) => url.includes("probe="))).toEqual([]);
    expect(elsewhereHits).toEqual([]);
    await page.close();
  });
});

describe("the WebContainer preview frame", () => {
  let proxy: IsolatingProxy;
  beforeAll(async () => {
    proxy = await startIsolatingProxy(testPagesUrl());
  });
  afterAll(async () => proxy?.close());

  it("runs the game but cannot open a popup or navigate the IDE's page away", async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await context.newPage();
    const ideUrl = `${proxy.url}/test/browser/pages/webcontainer.html`;
    await page.goto(ideUrl);
    await page.waitForFunction(() => (window as any).wcTestReady);
    const mounted = await page.evaluate(async (files) => {
      const w = window as any;
      const fake = w.wcTest.fake();
      const sandbox = w.wcTest.createWebContainerSandbox(w.wcTest.host, { api: fake.api });
      w.wcTest.listen(sandbox);
      try {
        await sandbox.mount(files);
        return "ok";
      } catch (error) {
        return String(error);
      }
    }, readProject("templates/starter"));
    expect(mounted).toBe("ok");
    await page.waitForFunction(() => (window as any).wcTest.events.some((e: any) => e.name === "ready"), null, { timeout: 20_000 });

    const preview = page.frames().find((frame) => frame.url().includes("webcontainer-preview.html"));
    if (!preview) throw new Error("no preview frame");
    const escape = await preview.evaluate(() => {
      const popup = window.open("about:blank", "_blank");
      let topNavigation = "navigated";
      try {
        window.top!.location.href = "about:blank#escaped";
      } catch (error) {
        topNavigation = (error as Error).name;
      }
      return { popup: popup !== null, topNavigation };
    });
    expect(escape).toEqual({ popup: false, topNavigation: "SecurityError" });
    expect(context.pages()).toHaveLength(1);
    expect(page.url()).toBe(ideUrl);
    await context.close();
  });
});
