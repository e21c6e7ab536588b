// The WebContainer runtime in Debian Chromium against a scripted @webcontainer/api fake whose
// "dev server" is a real test-server page running the injected harness and a small Phaser game;
// last, the IDE with that fake at its boundary, for the Terminal tab.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { readdirSync, readFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import ts from "typescript";
import { nonBackgroundFraction, openBrowser, readProject, serverUrl, testPagesUrl } from "../support/browser";

const starter = readProject("templates/starter");
let browser: Browser;
let isolating: Server;
let isolatedUrl: string;

/**
 * Relays the test server with COOP/COEP (and CORP, for the cross-origin preview) added, as the IDE
 * must be served for WebContainers, and keeps each fake's preview script under /__fake/preview-script.
 * (Playwright's route.fulfill could add headers too, but Chromium then treats the page as public
 * and blocks its requests to 127.0.0.1.)
 */
function startIsolatingProxy(target: string): Promise<Server> {
  const upstream = new URL(target);
  const scripts = new Map<string, string>();
  const isolation = { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp", "cross-origin-resource-policy": "cross-origin" };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://proxy");
    if (url.pathname === "/__fake/preview-script") {
      const id = url.searchParams.get("fake") ?? "";
      if (req.method === "PUT") {
        let body = "";
        req.setEncoding("utf8");
        req.on("data", (chunk) => (body += chunk));
        req.on("end", () => {
          scripts.set(id, body);
          res.writeHead(204).end();
        });
        return;
      }
      res.writeHead(200, { ...isolation, "content-type": "text/javascript", "cache-control": "no-store" }).end(scripts.get(id) ?? "");
      return;
    }
    const forward = request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host } }, (reply) => {
      res.writeHead(reply.statusCode ?? 502, { ...reply.headers, ...isolation });
      reply.pipe(res);
    });
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

type Ev = { name: string; payload: any };

/** The test page, served cross-origin isolated (COOP/COEP) as the IDE must be for WebContainers. */
async function openPage(isolated = true): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  await page.goto(`${isolated ? isolatedUrl : testPagesUrl()}/test/browser/pages/webcontainer.html`);
  await page.waitForFunction(() => (window as any).wcTestReady);
  return page;
}

/** Creates a fake (with script overrides) and a sandbox on it, kept on window.t for later calls. */
async function setUp(page: Page, script: Record<string, unknown> = {}, options: Record<string, unknown> = {}, previewQuery = "") {
  await page.evaluate(
    ([s, o, q]) => {
      const w = window as any;
      const fake = w.wcTest.fake(s, q);
      const sandbox = w.wcTest.createWebContainerSandbox(w.wcTest.host, { api: fake.api, onTerminal: (c: string) => w.wcTest.terminal.push(c), ...o });
      w.wcTest.listen(sandbox);
      w.t = { fake, sandbox };
    },
    [script, options, previewQuery] as const,
  );
}

/** Mounts the starter plus a binary file, created in the page because bytes do not cross evaluate(). */
async function mountStarter(page: Page): Promise<{ ok: true } | { ok: false; name: string; failure: string; message: string; tail: string[] }> {
  return page.evaluate(async (files) => {
    const w = window as any;
    try {
      await w.t.sandbox.mount({ ...files, "public/pixel.png": new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]) });
      return { ok: true as const };
    } catch (error: any) {
      return { ok: false as const, name: error.name, failure: error.failure, message: error.message, tail: error.outputTail };
    }
  }, starter);
}

const record = (page: Page) => page.evaluate(() => (window as any).t.fake.record) as Promise<{ boots: number; calls: string[]; previewScripts: string[]; writes: { path: string; text: string }[]; files: Record<string, string> }>;
const events = (page: Page): Promise<Ev[]> => page.evaluate(() => (window as any).wcTest.events);
async function waitForEvent(page: Page, name: string, count = 1, timeout = 15_000): Promise<Ev> {
  try {
    await page.waitForFunction(([n, c]) => (window as any).wcTest.events.filter((e: Ev) => e.name === n).length >= c, [name, count] as const, { timeout });
  } catch (error) {
    // Which events did arrive says why the awaited one did not (a freeze first, a dropped reply…).
    const seen = (await events(page)).map((e) => `${e.name} ${JSON.stringify(e.payload).slice(0, 160)}`);
    throw new Error(`No "${name}" event #${count} within ${timeout} ms. Events so far:\n${seen.join("\n")}`, { cause: error });
  }
  return (await events(page)).filter((e) => e.name === name)[count - 1];
}
const spawnCount = (calls: string[], line: string) => calls.filter((c) => c === `spawn ${line}`).length;

beforeAll(async () => {
  browser = await openBrowser();
  isolating = await startIsolatingProxy(testPagesUrl());
  isolatedUrl = `http://127.0.0.1:${(isolating.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => isolating?.close(resolve));
});

describe("WebContainer runtime", () => {
  it("boots, mounts, installs, runs vite, sets the harness script before the preview loads, and relays ready from the game", async () => {
    const page = await openPage();
    await setUp(page);
    expect(await mountStarter(page)).toEqual({ ok: true });
    const ready = await waitForEvent(page, "ready");
    expect(ready.payload.firstFrameMs).toBeGreaterThan(0);
    expect((await waitForEvent(page, "loaded")).payload.registered).toBe(true);

    const { calls, boots, previewScripts } = await record(page);
    expect(boots).toBe(1);
    const order = ["boot", "mount", "spawn npm install", "spawn npm run dev", "setPreviewScript", "preview-load"].map((c) => calls.indexOf(c));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(previewScripts).toHaveLength(1);
    expect(previewScripts[0]).toContain('"mode":"live"');

    const tree = await page.evaluate(() => {
      const mounted = (window as any).t.fake.record.mounts[0];
      return {
        play: mounted.src.directory.scenes.directory["Play.ts"].file.contents,
        pngIsBytes: mounted.public.directory["pixel.png"].file.contents instanceof Uint8Array,
      };
    });
    expect(tree.play).toBe(starter["src/scenes/Play.ts"]);
    expect(tree.pngIsBytes).toBe(true);

    const frame = page.locator("[data-testid=preview-frame]");
    expect(await frame.getAttribute("src")).toMatch(/^http:\/\/localhost:\d+\/test\/browser\/pages\/webcontainer-preview\.html\?fake=/);
    const terminal = (await page.evaluate(() => (window as any).wcTest.terminal.join(""))) as string;
    expect(terminal).toContain("added 3 packages");
    expect(terminal).toContain("VITE v8 ready");

    const status = (await page.evaluate(() => (window as any).t.sandbox.command({ op: "status" }))) as any;
    expect(status).toMatchObject({ registered: true, rendered: true });
    expect(status.frame).toBeGreaterThan(0);
    await expect.poll(() => nonBackgroundFraction(page, "[data-testid=preview-frame]"), { timeout: 10_000 }).toBeGreaterThan(0.01);
    await page.evaluate(() => (window as any).t.fake.containerError("Worker crashed"));
    expect(await page.evaluate(() => (window as any).wcTest.terminal.join(""))).toContain("WebContainer error: Worker crashed");
    await page.close();
  });

  it("runs the playtest engine unchanged: virtual-time steps, snapshots and input cross to the preview's origin", async () => {
    const page = await openPage();
    await setUp(page);
    const report = await page.evaluate((files) => (window as any).wcTest.playtest((window as any).t.sandbox, files, { seconds: 3, seed: 5 }), starter);
    expect(report.booted).toBe(true);
    expect(report.errors).toEqual([]);
    expect(report.nonBlank).toBe(true);
    expect(report.animates).toBe(true);
    expect(report.survivedSeconds).toBeGreaterThanOrEqual(3);
    expect(report.introspection?.registered).toBe(true);
    const { calls, previewScripts } = await record(page);
    expect(spawnCount(calls, "npm install")).toBe(1);
    expect(previewScripts.length).toBeGreaterThanOrEqual(2);
    expect(previewScripts.every((script) => script.includes('"mode":"playtest","seed":5'))).toBe(true);
    await page.close();
  });

  it("boots once per page: a second sandbox reuses the container and skips npm install for the same package.json", async () => {
    const page = await openPage();
    await setUp(page);
    expect(await mountStarter(page)).toEqual({ ok: true });
    await waitForEvent(page, "ready");
    await page.evaluate(() => (window as any).t.sandbox.stop());
    await page.evaluate(() => {
      const w = window as any;
      w.t.sandbox = w.wcTest.createWebContainerSandbox(w.wcTest.host, { api: w.t.fake.api });
      w.wcTest.listen(w.t.sandbox);
    });
    expect(await mountStarter(page)).toEqual({ ok: true });
    await waitForEvent(page, "ready", 2);
    const { boots, calls } = await record(page);
    expect(boots).toBe(1);
    expect(spawnCount(calls, "npm install")).toBe(1);
    expect(spawnCount(calls, "npm run dev")).toBe(2);
    await page.close();
  });

  it("reports a failed npm install as WebContainerBootError with the last lines of npm's output and the fallback", async () => {
    const page = await openPage();
    const install = { exitCode: 1, output: ["npm ERR! code E404", "npm ERR! 404 Not Found - GET https://registry.npmjs.org/phaserr - Not found", "npm ERR! A complete log of this run can be found in: /home/.npm/_logs/1.log"] };
    await setUp(page, { install });
    const result = await mountStarter(page);
    if (result.ok) throw new Error("mount should have failed");
    expect(result.name).toBe("WebContainerBootError");
    expect(result.failure).toBe("install-failed");
    expect(result.message).toContain("npm install failed with exit code 1");
    expect(result.message).toContain("npm ERR! 404 Not Found - GET https://registry.npmjs.org/phaserr");
    expect(result.message).toMatch(/iframe runtime/);
    expect(result.tail).toEqual(install.output);
    const { calls } = await record(page);
    expect(spawnCount(calls, "npm run dev")).toBe(0);
    expect(await page.locator("[data-testid=preview-frame]").count()).toBe(0);
    await page.close();
  });

  it("falls back to the iframe runtime when install fails, running the same files on a non-blank canvas", async () => {
    const page = await openPage();
    const choice = await page.evaluate(async (files) => {
      const w = window as any;
      const fake = w.wcTest.fake({ install: { exitCode: 1, output: ["npm ERR! network request to https://registry.npmjs.org/phaser failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org"] } });
      const before = JSON.stringify(files);
      const { sandbox, kind, fallbackReason } = await w.wcTest.createRuntimeWithFallback(w.wcTest.host, "webcontainer", {
        files,
        webcontainer: { api: fake.api },
        beforeMount: (s: any) => w.wcTest.listen(s),
      });
      w.t = { fake, sandbox };
      return { kind, sandboxKind: sandbox.kind, fallbackReason, unchanged: JSON.stringify(files) === before };
    }, starter);
    expect(choice.kind).toBe("iframe");
    expect(choice.sandboxKind).toBe("iframe");
    expect(choice.fallbackReason).toContain("getaddrinfo ENOTFOUND registry.npmjs.org");
    expect(choice.fallbackReason).toContain("npm could not reach the registry");
    expect(choice.unchanged).toBe(true);
    await waitForEvent(page, "ready");
    expect(await page.locator("[data-testid=preview-frame]").count()).toBe(1);
    await expect.poll(() => nonBackgroundFraction(page, "[data-testid=preview-frame]"), { timeout: 10_000 }).toBeGreaterThan(0.01);
    const shot = (await page.evaluate(() => (window as any).t.sandbox.command({ op: "snapshot", thumbWidth: 160 }))) as any;
    expect(shot.metrics.nonBackground).toBeGreaterThan(0.01);
    await page.close();
  });

  it("writes an edited file through fs.writeFile (creating its folder) without reinstalling; Vite's reload re-runs the harness in the same session", async () => {
    const page = await openPage();
    await setUp(page);
    expect(await mountStarter(page)).toEqual({ ok: true });
    await waitForEvent(page, "ready");
    const edited = starter["src/scenes/Play.ts"].replace("create() {", "create() {\n    this.cameras.main.setBackgroundColor('#203040');");
    await page.evaluate(async (text) => {
      const sandbox = (window as any).t.sandbox;
      await sandbox.updateFile("src/scenes/Play.ts", text);
      await sandbox.updateFile("src/levels/one.ts", "export const ONE = 1;\n");
    }, edited);
    const { calls, writes, files, previewScripts } = await record(page);
    expect(writes).toEqual([
      { path: "src/scenes/Play.ts", text: edited },
      { path: "src/levels/one.ts", text: "export const ONE = 1;\n" },
    ]);
    expect(files["src/levels/one.ts"]).toBe("export const ONE = 1;\n");
    expect(calls.indexOf("mkdir src/levels")).toBeLessThan(calls.indexOf("writeFile src/levels/one.ts"));
    expect(spawnCount(calls, "npm install")).toBe(1);
    expect(spawnCount(calls, "npm run dev")).toBe(1);
    expect(previewScripts).toHaveLength(1);
    // The reloaded page speaks with the same session's script, so its ready counts; nothing froze.
    await waitForEvent(page, "ready", 2);
    expect((await record(page)).calls.filter((c) => c === "preview-load").length).toBeGreaterThanOrEqual(2);
    const status = (await page.evaluate(() => (window as any).t.sandbox.command({ op: "status" }))) as any;
    expect(status.rendered).toBe(true);
    expect((await events(page)).some((e) => e.name === "exit")).toBe(false);
    await page.close();
  });

  it("reinstalls, restarts vite and opens a new harness session when package.json changes", async () => {
    const page = await openPage();
    await setUp(page);
    expect(await mountStarter(page)).toEqual({ ok: true });
    await waitForEvent(page, "ready");
    const manifest = starter["package.json"].replace('"phaser": "^4.2.1"', '"phaser": "^4.2.1",\n    "seedrandom": "^3.0.5"');
    expect(manifest).not.toBe(starter["package.json"]);
    await page.evaluate((text) => (window as any).t.sandbox.updateFile("package.json", text), manifest);
    await waitForEvent(page, "ready", 2);
    const { calls, files, previewScripts } = await record(page);
    expect(files["package.json"]).toBe(manifest);
    expect(spawnCount(calls, "npm install")).toBe(2);
    expect(calls.indexOf("kill npm run dev")).toBeGreaterThan(calls.indexOf("writeFile package.json"));
    expect(calls.lastIndexOf("spawn npm install")).toBeGreaterThan(calls.indexOf("kill npm run dev"));
    expect(spawnCount(calls, "npm run dev")).toBe(2);
    expect(previewScripts).toHaveLength(2);
    const session = (script: string) => /"session":"([^"]+)"/.exec(script)?.[1];
    expect(session(previewScripts[1])).not.toBe(session(previewScripts[0]));
    expect(await page.evaluate(() => (window as any).wcTest.unhandled)).toEqual([]);
    await page.close();
  });

  it("drops harness-shaped messages from the wrong session and ignores other windows", async () => {
    const page = await openPage();
    await setUp(page);
    expect(await mountStarter(page)).toEqual({ ok: true });
    await waitForEvent(page, "ready");
    const preview = page.frames().find((f) => f.url().includes("webcontainer-preview"))!;
    await preview.evaluate(() => window.parent.postMessage({ channel: "playforge", v: 1, session: "someone-else", type: "ready", firstFrameMs: 1 }, "*"));
    await page.evaluate(() => window.postMessage({ channel: "playforge", v: 1, session: "anything", type: "ready", firstFrameMs: 2 }, "*"));
    const dropped = await waitForEvent(page, "dropped");
    expect(dropped.payload.count).toBe(1);
    await page.waitForTimeout(100);
    expect((await events(page)).filter((e) => e.name === "ready")).toHaveLength(1);
    await page.close();
  });

  it("gives a preview that boots slowly (3 s without a beat before its first frame) the boot allowance, not a freeze", async () => {
    const page = await openPage();
    await setUp(page, {}, { heartbeatTimeoutMs: 1500 }, "&slowboot=1");
    expect(await mountStarter(page)).toEqual({ ok: true });
    await waitForEvent(page, "ready", 1, 30_000);
    expect((await events(page)).filter((e) => e.name === "exit")).toEqual([]);
    expect(await page.locator("[data-testid=preview-frame]").count()).toBe(1);
    await page.evaluate(() => (window as any).t.sandbox.stop());
    await page.close();
  });

  it("stops a preview whose heartbeat stopped as frozen, keeps the dev server, and restart() opens a fresh session", async () => {
    const page = await openPage();
    await setUp(page, {}, { heartbeatTimeoutMs: 1500 }, "&freeze=1");
    expect(await mountStarter(page)).toEqual({ ok: true });
    await waitForEvent(page, "ready");
    const exit = await waitForEvent(page, "exit", 1, 10_000);
    expect(exit.payload.reason).toBe("frozen");
    // At least the limit; a busy machine's late watchdog tick may add a little.
    expect(Number(/no heartbeat for (\d+\.\d) s/.exec(exit.payload.message)?.[1])).toBeGreaterThanOrEqual(1.5);
    expect((await events(page)).some((e) => e.name === "error" && e.payload.kind === "frozen")).toBe(true);
    expect(await page.locator("[data-testid=preview-frame]").count()).toBe(0);
    expect(await page.evaluate(() => 6 * 7)).toBe(42);
    await page.evaluate(() => (window as any).t.sandbox.restart());
    // The restarted preview shares the renderer process the 5 s hang still holds: room for a busy machine.
    await waitForEvent(page, "ready", 2, 45_000);
    const { calls, previewScripts } = await record(page);
    expect(spawnCount(calls, "npm run dev")).toBe(1);
    expect(calls).not.toContain("kill npm run dev");
    expect(previewScripts).toHaveLength(2);
    await page.evaluate(() => (window as any).t.sandbox.stop());
    await page.close();
  });

  it("restarts a preview whose game hung for good: the new session does not land in the hung page's process", async () => {
    const page = await openPage();
    await setUp(page, {}, { heartbeatTimeoutMs: 1500 }, "&hang=1");
    expect(await mountStarter(page)).toEqual({ ok: true });
    await waitForEvent(page, "ready");
    expect((await waitForEvent(page, "exit", 1, 10_000)).payload.reason).toBe("frozen");
    await page.evaluate(() => (window as any).t.sandbox.restart());
    // The restarted game hangs again after 60 frames; its first frame is what a person sees.
    await waitForEvent(page, "ready", 2, 45_000);
    await page.evaluate(() => (window as any).t.sandbox.stop());
    await page.close();
  });

  it("reports a dev server that dies under a running game as crashed, and restart() starts it again without reinstalling", async () => {
    const page = await openPage();
    await setUp(page);
    expect(await mountStarter(page)).toEqual({ ok: true });
    await waitForEvent(page, "ready");
    await page.evaluate(() => (window as any).t.fake.crashDevServer(1, "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\r\n"));
    const exit = await waitForEvent(page, "exit");
    expect(exit.payload.reason).toBe("crashed");
    expect(exit.payload.message).toContain("The dev server (npm run dev) stopped with exit code 1");
    expect(exit.payload.message).toContain("JavaScript heap out of memory");
    expect((await events(page)).find((e) => e.name === "error")?.payload.kind).toBe("load");
    expect(await page.locator("[data-testid=preview-frame]").count()).toBe(0);
    await page.evaluate(() => (window as any).t.sandbox.restart());
    await waitForEvent(page, "ready", 2);
    const { calls } = await record(page);
    expect(spawnCount(calls, "npm run dev")).toBe(2);
    expect(spawnCount(calls, "npm install")).toBe(1);
    await page.close();
  });

  it("stop() kills the dev server, removes the preview and reports exit: stopped", async () => {
    const page = await openPage();
    await setUp(page);
    expect(await mountStarter(page)).toEqual({ ok: true });
    await waitForEvent(page, "ready");
    await page.evaluate(() => (window as any).t.sandbox.stop());
    expect((await waitForEvent(page, "exit")).payload).toEqual({ reason: "stopped" });
    expect((await record(page)).calls).toContain("kill npm run dev");
    expect(await page.locator("[data-testid=preview-frame]").count()).toBe(0);
    await page.waitForTimeout(50);
    expect(await page.evaluate(() => (window as any).wcTest.unhandled)).toEqual([]);
    await page.close();
  });

  it("gives up on a boot that hangs with a boot-timeout error, and a network failure says there is no network", async () => {
    const page = await openPage();
    await setUp(page, { boot: "hang" }, { bootTimeoutMs: 300 });
    const hung = await mountStarter(page);
    if (hung.ok) throw new Error("mount should have failed");
    expect(hung.failure).toBe("boot-timeout");
    expect(hung.message).toContain("did not finish within 300 ms");
    await setUp(page, { boot: { reject: "Failed to fetch" } });
    const offline = await mountStarter(page);
    if (offline.ok) throw new Error("mount should have failed");
    expect(offline.failure).toBe("no-network");
    expect(offline.message).toMatch(/no network.*Failed to fetch/);
    expect(offline.message).toMatch(/iframe runtime/);
    await page.close();
  });

  it("reports a dev server that exits before it is ready, with its output", async () => {
    const page = await openPage();
    await setUp(page, { dev: "crash" });
    const result = await mountStarter(page);
    if (result.ok) throw new Error("mount should have failed");
    expect(result.failure).toBe("dev-server-failed");
    expect(result.message).toContain("npm run dev exited with code 1");
    expect(result.tail).toContain("Error: Cannot find module 'vite'");
    await page.close();
  });

  it("with StackBlitz unreachable, the real @webcontainer/api boot times out and the fallback runs the iframe runtime", async () => {
    const page = await openPage();
    const outside: string[] = [];
    // Nothing leaves the machine: every request off loopback is refused in the browser.
    await page.route((url) => !["127.0.0.1", "localhost"].includes(url.hostname), (route) => {
      outside.push(new URL(route.request().url()).hostname);
      return route.abort("internetdisconnected");
    });
    const choice = await page.evaluate(async (files) => {
      const w = window as any;
      const { kind, fallbackReason } = await w.wcTest.createRuntimeWithFallback(w.wcTest.host, "webcontainer", {
        files,
        webcontainer: { bootTimeoutMs: 3000 },
        beforeMount: (s: any) => w.wcTest.listen(s),
      });
      return { kind, fallbackReason };
    }, starter);
    expect(outside).toContain("stackblitz.com");
    expect(choice.kind).toBe("iframe");
    expect(choice.fallbackReason).toContain("WebContainer.boot did not finish within 3 s");
    await waitForEvent(page, "ready");
    await page.close();
  });

  it("reports missing cross-origin isolation on the plain test page and falls back without booting", async () => {
    const page = await openPage(false);
    const support = await page.evaluate(() => (window as any).wcTest.checkWebContainerSupport());
    expect(support.ok).toBe(false);
    expect(support.reason).toMatch(/not cross-origin isolated.*Cross-Origin-Embedder-Policy/);
    await setUp(page);
    const result = await mountStarter(page);
    if (result.ok) throw new Error("mount should have failed");
    expect(result.failure).toBe("unsupported");
    const choice = await page.evaluate(async (files) => {
      const w = window as any;
      const { kind, fallbackReason } = await w.wcTest.createRuntimeWithFallback(w.wcTest.host, "webcontainer", { files, webcontainer: { api: w.t.fake.api } });
      return { kind, fallbackReason };
    }, starter);
    expect(choice.kind).toBe("iframe");
    expect(choice.fallbackReason).toMatch(/cross-origin isolated[\s\S]*iframe runtime/);
    expect((await record(page)).boots).toBe(0);
    await page.close();
  });
});

/** Which request of the IDE loads @webcontainer/api: its chunk in the build, its pre-bundled module on the dev server. */
function webContainerModule(): (url: URL) => boolean {
  const buildDir = inject("playforgeBuildDir");
  if (!buildDir) return (url) => url.pathname.endsWith("/@webcontainer_api.js");
  const assets = join(buildDir, "assets");
  const chunk = readdirSync(assets).find((name) => name.endsWith(".js") && readFileSync(join(assets, name), "utf8").includes("WEBCONTAINER_API_IFRAME_URL"));
  if (!chunk) throw new Error(`No chunk in ${assets} holds @webcontainer/api (its WEBCONTAINER_API_IFRAME_URL); did the build change?`);
  return (url) => url.pathname === `/assets/${chunk}`;
}

/**
 * Puts the fake at the IDE's @webcontainer/api boundary: the library's module is answered with the
 * fake (as window.fakeWebContainer), whose dev server is the preview page behind the isolating proxy.
 * The fake stores its preview script on the IDE's origin; that request is relayed to the proxy.
 */
async function fakeWebContainerInIde(page: Page) {
  const source = readFileSync(resolve(import.meta.dirname, "../support/fake-webcontainer.ts"), "utf8");
  const fake = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const preview = new URL("/test/browser/pages/webcontainer-preview.html?fake=ide", isolatedUrl);
  preview.hostname = "localhost";
  const store = new URL("/__fake/preview-script?fake=ide", serverUrl()).href;
  const module = `${fake}
const fake = createFakeWebContainer(${JSON.stringify({ previewUrl: preview.href, previewScriptStore: store })});
window.fakeWebContainer = fake;
export const WebContainer = fake.api;`;
  await page.route(webContainerModule(), (route) => route.fulfill({ contentType: "text/javascript", body: module }));
  await page.route(store, async (route) => {
    const stored = await fetch(`${isolatedUrl}/__fake/preview-script?fake=ide`, { method: "PUT", body: route.request().postData() ?? "" });
    await route.fulfill({ status: stored.status });
  });
}

/** The text of the terminal's rows as xterm draws them (its DOM renderer spaces with no-break spaces). */
const terminalRows = (page: Page) => page.locator("[data-testid=terminal] .xterm-rows").innerText().then((text) => text.replace(/\u00a0/g, " "));

describe("WebContainer terminal in the IDE", () => {
  it("shows npm install's and Vite's output in the Terminal tab, from the start when opened later and then live; the iframe runtime says what it is for", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const terminalChunks: string[] = [];
    page.on("request", (req) => {
      if (/TerminalView|xterm/.test(req.url())) terminalChunks.push(req.url());
    });
    await fakeWebContainerInIde(page);
    await page.goto(`${serverUrl()}/?runtime=webcontainer&isolated=1`);
    await page.locator("[data-testid=run-status][data-state=ready]").waitFor({ timeout: 60_000 });
    const calls = (await page.evaluate(() => (window as any).fakeWebContainer.record.calls)) as string[];
    expect(calls).toEqual(expect.arrayContaining(["boot", "mount", "spawn npm install", "spawn npm run dev", "preview-load"]));
    // The terminal loads when its tab is first opened, and shows everything printed before.
    expect(terminalChunks).toEqual([]);
    await page.getByTestId("terminal-tab").click();
    await page.locator("[data-testid=terminal] .xterm-rows").waitFor({ timeout: 30_000 });
    expect(terminalChunks.length).toBeGreaterThan(0);
    await expect.poll(() => terminalRows(page)).toContain("VITE v8 ready in 312 ms");
    const rows = await terminalRows(page);
    for (const line of ["› Booting WebContainer…", "› npm install", "added 3 packages in 2s", "found 0 vulnerabilities", "› npm run dev", "> vite", "➜  Local:   http://localhost:5173/"]) expect(rows).toContain(line);
    expect(rows.indexOf("found 0 vulnerabilities")).toBeLessThan(rows.indexOf("VITE v8 ready"));
    // One boot, said once, though the preview's first sandbox may be replaced while it boots.
    expect(rows.split("› Booting WebContainer…")).toHaveLength(2);
    // New output arrives while it is open: the dev server falls over.
    await page.evaluate(() => (window as any).fakeWebContainer.crashDevServer(1, "Error: the dev server ran out of memory\r\n"));
    await expect.poll(() => terminalRows(page)).toContain("Error: the dev server ran out of memory");
    await page.getByTestId("console-tab").click();
    await expect.poll(() => page.getByTestId("console-panel").innerText()).toContain("The dev server (npm run dev) stopped with exit code 1");

    // The iframe runtime has no terminal: the tab says what it is for and loads no xterm.
    terminalChunks.length = 0;
    await page.goto(serverUrl());
    await page.getByTestId("terminal-tab").click();
    await expect.poll(() => page.getByTestId("terminal").innerText()).toContain("The terminal is for the WebContainer runtime");
    expect(await page.locator("[data-testid=terminal] .xterm").count()).toBe(0);
    expect(terminalChunks).toEqual([]);
    await context.close();
  }, 180_000);
});
