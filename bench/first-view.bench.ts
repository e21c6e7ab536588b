// Issue 12's first view: a fresh `npm run dev` (an empty dependency cache, a fresh browser profile)
// → the starter's first frame in the IDE's preview and Monaco on screen, against a bare Phaser page.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../src/node/browser";
import { loadProjectDir } from "../src/node/driver";
import { PROJECT_ROOT } from "../src/node/server";
import { barePage, startStaticServer } from "./bare-page";
import { median, recordResults, type BenchResult } from "./results";

const ROUNDS = 3;
/**
 * How long the IDE must stay on one document once it shows the game (and Monaco) before a view
 * counts: Vite holds the request for a dependency it discovers late while it re-optimises and
 * sends its reload when done, so the reload reaches the page about when that module would run.
 */
const SETTLE_MS = 1000;
/** The dev server's lines that say it optimised a dependency only once a page asked for it. */
const LATE_OPTIMISATION = /dependenc(y|ies) optimized:|optimized dependencies changed|consider adding .* to optimizeDeps\.include/;
/** Its lines for a file edited in the checkout meanwhile (HMR): a reload they caused is not the first view's own. */
const EDITED = /page reload |hmr update /;

const now = () => performance.timeOrigin + performance.now();

interface DevServer {
  url: string;
  /** When `npx vite` was spawned, on the wall clock the browser's pages share. */
  spawnedAt: number;
  listeningAt: number;
  output(): string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, "127.0.0.1", done));
  const { port } = probe.address() as { port: number };
  await new Promise((done) => probe.close(done));
  return port;
}

/**
 * The real dev command (`npx vite` with the project's vite.config.ts) on a free port, with a
 * dependency cache of its own (PLAYFORGE_VITE_CACHE_DIR), in a process group of its own so that
 * closing it ends npx's children too.
 */
async function startDevServer(cacheDir: string): Promise<DevServer> {
  const port = await freePort();
  const spawnedAt = now();
  const child = spawn("npx", ["vite", "--port", String(port), "--strictPort", "--clearScreen", "false"], {
    cwd: PROJECT_ROOT,
    // Plain text, so its lines can be matched.
    env: { ...process.env, PLAYFORGE_VITE_CACHE_DIR: cacheDir, NO_COLOR: "1" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const append = (chunk: Buffer) => (output += chunk.toString());
  child.stdout.on("data", append);
  child.stderr.on("data", append);
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-child.pid!, "SIGTERM");
    const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, "SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 60_000;
    while (!output.includes(url)) {
      if (child.exitCode !== null) throw new Error(`npx vite exited (${child.exitCode}) before listening:\n${output}`);
      if (Date.now() > deadline) throw new Error(`npx vite did not report ${url} within 60 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { url, spawnedAt, listeningAt: now(), output: () => output, close };
}

/** What the IDE page records about itself, kept in sessionStorage so that a reload keeps the first navigation's time. */
interface ViewMarks {
  navigatedAt: number;
  documents: number;
  /** renderedAt of the preview's first `ready`: the game page's first postrender, on the shared clock. */
  frameAt?: number;
  /** When the toolbar said "Running" (data-state=ready, the signal the IDE tests wait for). */
  readyAt?: number;
  /** When the first `.monaco-editor` element appeared. */
  editorAt?: number;
}

/**
 * Runs first in every document of the IDE tab (not in its game frames); a reload starts the marks
 * over but keeps navigatedAt. A string, not a function: tsx's name helpers do not exist in the page.
 */
const MARK_FIRST_VIEW = `(() => {
  if (window !== window.top) return;
  const stamp = () => performance.timeOrigin + performance.now();
  const before = JSON.parse(sessionStorage.getItem("playforge-first-view") ?? "null");
  const marks = { navigatedAt: before?.navigatedAt ?? performance.timeOrigin, documents: (before?.documents ?? 0) + 1 };
  const save = () => sessionStorage.setItem("playforge-first-view", JSON.stringify(marks));
  save();
  addEventListener("message", (event) => {
    const data = event.data;
    if (data?.channel === "playforge" && data.type === "ready" && marks.frameAt === undefined) {
      marks.frameAt = data.renderedAt;
      save();
    }
  });
  const observer = new MutationObserver(() => {
    if (marks.editorAt === undefined && document.querySelector(".monaco-editor")) {
      marks.editorAt = stamp();
      save();
    }
    if (marks.readyAt === undefined && document.querySelector("[data-testid=run-status][data-state=ready]")) {
      marks.readyAt = stamp();
      save();
    }
    if (marks.editorAt !== undefined && marks.readyAt !== undefined) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-state"] });
})();`;

/** The marks so far; null while a reload has no document yet. */
const readMarks = (page: Page): Promise<ViewMarks | null> =>
  page.evaluate(() => JSON.parse(sessionStorage.getItem("playforge-first-view") ?? "null")).catch(() => null);

interface View {
  /** navigation start → the preview's first frame. */
  frameMs: number;
  /** navigation start → the toolbar saying it runs. */
  observedMs: number;
  /** navigation start → Monaco's first element (when waited for). */
  editorMs?: number;
  frameAt: number;
  reloads: number;
}

/** A new Chromium, and so a fresh profile: no HTTP cache, no storage, no compiled code. */
async function withFreshBrowser<T>(use: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchChromium();
  try {
    return await use(browser);
  } finally {
    await browser.close();
  }
}

/** A tab that records its first view (MARK_FIRST_VIEW), ready before any server is. */
async function newIdePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  await context.addInitScript({ content: MARK_FIRST_VIEW });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error("IDE page:", e.message));
  return page;
}

/** Opens the IDE and waits until the starter runs (and Monaco is up, if asked) and the page stayed on one document for SETTLE_MS. */
async function openIde(page: Page, url: string, { editor }: { editor: boolean }): Promise<View> {
  await page.goto(url, { waitUntil: "commit" });
  const complete = (m: ViewMarks | null): m is ViewMarks & { frameAt: number; readyAt: number } =>
    m?.frameAt !== undefined && m.readyAt !== undefined && (!editor || m.editorAt !== undefined);
  const deadline = Date.now() + 120_000;
  let marks: ViewMarks | null = null;
  let settledSince = 0;
  for (;;) {
    const latest = await readMarks(page);
    if (!complete(latest) || latest.documents !== marks?.documents || latest.frameAt !== marks.frameAt) settledSince = Date.now();
    marks = latest;
    if (complete(marks) && Date.now() - settledSince >= SETTLE_MS) break;
    if (Date.now() > deadline) throw new Error(`The IDE at ${url} did not show a running starter${editor ? " and Monaco" : ""} within 120 s: ${JSON.stringify(marks)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    frameMs: marks.frameAt - marks.navigatedAt,
    observedMs: marks.readyAt - marks.navigatedAt,
    editorMs: marks.editorAt === undefined ? undefined : marks.editorAt - marks.navigatedAt,
    frameAt: marks.frameAt,
    reloads: marks.documents - 1,
  };
}

/** The baseline: the bare page in a fresh profile, navigation start → first postrender. */
const openBarePage = (url: string) =>
  withFreshBrowser(async (browser) => {
    const page = await browser.newPage();
    page.on("pageerror", (e) => console.error("bare page:", e.message));
    await page.goto(url);
    const firstFrameMs = () => (window as unknown as { firstFrameMs?: number }).firstFrameMs;
    return (await (await page.waitForFunction(firstFrameMs, null, { timeout: 20_000 })).jsonValue()) as number;
  });

interface Round {
  bareMs: number;
  serverListeningMs: number;
  spawnToFrameMs: number;
  fresh: View;
  warm: View;
  lateOptimisation: string[];
  edits: string[];
}

async function round(index: number, bareUrl: string): Promise<Round> {
  const bareMs = await openBarePage(bareUrl);
  const cacheDir = resolve(PROJECT_ROOT, "node_modules/.vite", `first-view-${process.pid}-${index}`);
  rmSync(cacheDir, { recursive: true, force: true });
  // The browser (and its tab) is up before the server starts, as a person's is before they type `npm run dev`.
  const browser = await launchChromium();
  let server: DevServer | null = null;
  try {
    const page = await newIdePage(browser);
    server = await startDevServer(cacheDir);
    const fresh = await openIde(page, server.url, { editor: true }).finally(() => browser.close());
    // Warm: the same server, its dependency cache and transforms filled, in a new fresh profile.
    const url = server.url;
    const warm = await withFreshBrowser(async (warmBrowser) => openIde(await newIdePage(warmBrowser), url, { editor: false }));
    const lines = server.output().split("\n").map((line) => line.trim());
    return {
      bareMs,
      serverListeningMs: server.listeningAt - server.spawnedAt,
      spawnToFrameMs: fresh.frameAt - server.spawnedAt,
      fresh,
      warm,
      lateOptimisation: lines.filter((line) => LATE_OPTIMISATION.test(line)),
      edits: lines.filter((line) => EDITED.test(line)),
    };
  } finally {
    await browser.close();
    await server?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

async function main() {
  const starter = loadProjectDir("templates/starter") as Record<string, string>;
  const bare = await startStaticServer({ "/starter.html": barePage(starter) });
  const rounds: Round[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      const r = await round(i, `${bare.url}/starter.html`);
      console.log(
        `round ${i + 1}: bare ${r.bareMs.toFixed(0)} ms; fresh: listening ${r.serverListeningMs.toFixed(0)}, spawn→frame ${r.spawnToFrameMs.toFixed(0)}, ` +
          `navigation→frame ${r.fresh.frameMs.toFixed(0)}, →Running ${r.fresh.observedMs.toFixed(0)}, →Monaco ${r.fresh.editorMs?.toFixed(0)}, reloads ${r.fresh.reloads}; ` +
          `warm: navigation→frame ${r.warm.frameMs.toFixed(0)}, →Running ${r.warm.observedMs.toFixed(0)}, reloads ${r.warm.reloads}`,
      );
      for (const line of [...r.lateOptimisation, ...r.edits]) console.log(`     dev server: ${line}`);
      rounds.push(r);
    }
  } finally {
    bare.server.close();
  }
  const bareMs = median(rounds.map((r) => r.bareMs));
  const view = (what: string, pick: (r: Round) => View, extra: Record<string, unknown>): BenchResult => {
    const frameMs = median(rounds.map((r) => pick(r).frameMs));
    return {
      what,
      value: frameMs,
      unit: "ms",
      baseline: bareMs,
      ratio: frameMs / bareMs,
      budget: "report only (issue 12 asks for the figure; no budget set yet)",
      pass: true,
      details: {
        observedByIdeMs: median(rounds.map((r) => pick(r).observedMs)),
        reloads: rounds.map((r) => pick(r).reloads),
        ...extra,
      },
    };
  };
  recordResults({
    "first-view-fresh": view(
      "fresh `npm run dev` (npx vite, empty dependency cache) and a fresh browser profile: IDE navigation start → the starter's first postrender in the preview, vs the bare Phaser page (fresh profile, plain server), navigation start → first postrender",
      (r) => r.fresh,
      {
        monacoMs: median(rounds.map((r) => r.fresh.editorMs!)),
        spawnToFrameMs: median(rounds.map((r) => r.spawnToFrameMs)),
        serverListeningMs: median(rounds.map((r) => r.serverListeningMs)),
        rounds: rounds.map((r) => ({ bare: r.bareMs, spawnToFrame: r.spawnToFrameMs, frame: r.fresh.frameMs, monaco: r.fresh.editorMs })),
        lateOptimisation: [...new Set(rounds.flatMap((r) => r.lateOptimisation))],
        editsDuringRounds: rounds.map((r) => r.edits.length),
      },
    ),
    "first-view-warm": view(
      "the same dev server's second view (dependency cache and transforms filled), a fresh browser profile: navigation start → the starter's first postrender, vs the bare Phaser page",
      (r) => r.warm,
      { rounds: rounds.map((r) => r.warm.frameMs) },
    ),
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
