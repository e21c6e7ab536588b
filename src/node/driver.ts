// The headless playtest driver: Debian Chromium (playwright-core) opens /runner.html and runs the
// same playtest engine as the IDE there. Also reads game projects from folders and zips.

import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { filesToWire, type PlaytestReport, type RunnerPage, type TaskCheckSpec } from "../playtest";
import { hasFile, importZip, projectFromUpload, ProjectImportError, type ProjectFiles } from "../project";
import { findEntry } from "../runtime/contract";
import type { RunningServer } from "./server";

export type ProjectInputErrorCode = "missing" | "not-a-project" | "unreadable";

/** The path given is not a game project we can run; the message says what to pass instead. */
export class ProjectInputError extends Error {
  constructor(readonly code: ProjectInputErrorCode, message: string) {
    super(message);
    this.name = "ProjectInputError";
  }
}

/** The runner page failed (not the game: game failures are in the report). */
export class PlaytestDriverError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlaytestDriverError";
  }
}

const SKIPPED_DIRS = new Set(["node_modules", ".git", "dist"]);

/** A game project has package.json, index.html and the entry module index.html loads (as the linker finds it). */
function requireGameProject(files: ProjectFiles, where: string): ProjectFiles {
  const missing = ["index.html", "package.json"].filter((p) => !hasFile(files, p));
  const entry = findEntry(files);
  if (missing.length || !entry) {
    const what = [...missing, ...(entry ? [] : ["entry module (the <script type=\"module\" src=...> of index.html, or src/main.ts)"])].join(", ");
    throw new ProjectInputError("not-a-project", `${where} is not a game project: it has no ${what}. Pass a Phaser project folder (package.json, index.html loading src/main.ts or another module — like templates/starter) or a .zip of one.`);
  }
  return files;
}

/** Reads a project folder into ProjectFiles (skipping node_modules/, .git/, dist/), validated like an import. */
export function loadProjectDir(dir: string): ProjectFiles {
  const root = resolve(dir);
  if (!existsSync(root)) throw new ProjectInputError("missing", `No such folder: ${dir}. Pass the path of a game project folder or a .zip of one.`);
  if (!statSync(root).isDirectory()) throw new ProjectInputError("not-a-project", `${dir} is a file, not a folder. Pass a project folder or a .zip file.`);
  const entries: { path: string; read(limit: number): Uint8Array }[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const stat = statSync(path);
      if (stat.isDirectory()) {
        if (!SKIPPED_DIRS.has(name)) walk(path);
      } else if (stat.isFile()) {
        entries.push({ path: relative(root, path).split("\\").join("/"), read: () => readFileSync(path) });
      }
    }
  };
  walk(root);
  return requireGameProject(importOrExplain(() => projectFromUpload(entries).files, dir), dir);
}

/** Reads a .zip of a project (one wrapping folder is fine) into ProjectFiles. */
export function loadProjectZip(path: string): ProjectFiles {
  if (!existsSync(path)) throw new ProjectInputError("missing", `No such file: ${path}. Pass a .zip of a game project or a project folder.`);
  return requireGameProject(importOrExplain(() => importZip(readFileSync(path)).files, path), path);
}

/** A folder or a .zip, whichever the path is. */
export function loadProject(path: string): ProjectFiles {
  return /\.zip$/i.test(path) && !(existsSync(path) && statSync(path).isDirectory()) ? loadProjectZip(path) : loadProjectDir(path);
}

function importOrExplain(read: () => ProjectFiles, where: string): ProjectFiles {
  try {
    return read();
  } catch (error) {
    if (error instanceof ProjectImportError) throw new ProjectInputError(error.code === "empty" ? "not-a-project" : "unreadable", `${where}: ${error.message}`);
    throw error;
  }
}

const INERT_VITE_CLIENT = `
const hot = { data: {}, accept() {}, acceptExports() {}, dispose() {}, prune() {}, decline() {}, invalidate() {}, on() {}, off() {}, send() {} };
export const createHotContext = () => hot;
export const injectQuery = (url) => url;
export const updateStyle = () => {};
export const removeStyle = () => {};
export class ErrorOverlay extends HTMLElement {}
`;

export interface DriverPlaytestOptions {
  seconds?: number;
  seed?: number;
  /** The task's checks, verified in gameplay (see src/playtest/checks.ts). */
  tasks?: TaskCheckSpec[];
  signal?: AbortSignal;
  onProgress?: (text: string) => void;
}

export interface Playtester {
  readonly baseUrl: string;
  playtest(files: ProjectFiles, options?: DriverPlaytestOptions): Promise<PlaytestReport>;
  close(): Promise<void>;
}

export interface PlaytesterOptions {
  baseUrl?: string;
  /**
   * Slows the runner page and every game page by this factor (CDP Emulation.setCPUThrottlingRate),
   * as on a busy classroom laptop; game pages are separate renderer processes, each throttled as it appears.
   */
  cpuThrottlingRate?: number;
}

/** Throttles the page's own process and every frame process it gets later (sandboxed game frames are out of process). */
export async function throttleCpu(page: Page, rate: number) {
  const throttle = async (target: Page | Frame) => {
    const session = await page.context().newCDPSession(target);
    await session.send("Emulation.setCPUThrottlingRate", { rate });
  };
  await throttle(page);
  // A sandboxed frame moves to its own process when it navigates to its document; a frame still in
  // the page's process has no session of its own (the page's throttling covers it then).
  const onFrame = (frame: Frame) => void (frame !== page.mainFrame() && throttle(frame).catch(() => undefined));
  page.on("frameattached", onFrame);
  page.on("framenavigated", onFrame);
}

/** Starts the server (unless baseUrl is given) and Chromium; one runner page serves playtests one at a time. */
export async function openPlaytester(options: PlaytesterOptions = {}): Promise<Playtester> {
  // Loaded on demand: Vite and Playwright take seconds to import, and reading a project needs neither.
  const [{ startIdeServer }, { launchChromium }] = await Promise.all([import("./server"), import("./browser")]);
  // PLAYFORGE_URL names a Playforge server already running (the tests' own, say): no second one.
  const given = options.baseUrl ?? (process.env.PLAYFORGE_URL || undefined);
  const server: RunningServer | null = given ? null : await startIdeServer();
  const baseUrl = given ?? server!.url;
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server?.close();
    throw error;
  }
  let page: Page | null = null;
  let progress: ((text: string) => void) | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const openPage = async (): Promise<Page> => {
    const next = await browser.newPage({ viewport: { width: 1000, height: 700 }, serviceWorkers: "block" });
    // The dev server's HMR client reloads the page whenever anyone edits a source file, which would
    // kill a running playtest; the runner needs no hot updates, so it gets an inert client.
    await next.route("**/@vite/client", (route) => route.fulfill({ contentType: "text/javascript", body: INERT_VITE_CLIENT }));
    await next.exposeFunction("playforgeProgress", (text: string) => progress?.(text));
    if (options.cpuThrottlingRate) await throttleCpu(next, options.cpuThrottlingRate);
    await next.goto(`${baseUrl}/runner.html`);
    await next.waitForFunction(() => Boolean((globalThis as RunnerPage).playforgeRunner), null, { timeout: 60_000 });
    return next;
  };

  const run = async (files: ProjectFiles, opts: DriverPlaytestOptions): Promise<PlaytestReport> => {
    opts.signal?.throwIfAborted();
    if (!page || page.isClosed()) page = await openPage();
    const current = page;
    progress = opts.onProgress;
    const onAbort = () => void current.evaluate(() => (globalThis as RunnerPage).playforgeRunner?.cancel()).catch(() => undefined);
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    const seconds = opts.seconds ?? 30;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PlaytestDriverError(`The runner page did not finish a ${seconds} s playtest within ${Math.round((seconds * 8000 + 120_000) / 1000)} s; it was closed.`)), seconds * 8000 + 120_000);
    });
    try {
      const wire = filesToWire(files);
      return await Promise.race([
        current.evaluate(([w, o]) => (globalThis as RunnerPage).playforgeRunner!.playtest(w, o), [wire, { seconds: opts.seconds, seed: opts.seed, tasks: opts.tasks }] as const),
        timeout,
      ]);
    } catch (error) {
      // A runner page that failed may be wedged; the next playtest gets a fresh one.
      await current.close().catch(() => undefined);
      page = null;
      opts.signal?.throwIfAborted();
      if (error instanceof PlaytestDriverError) throw error;
      throw new PlaytestDriverError(`The playtest runner failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      progress = undefined;
    }
  };

  return {
    baseUrl,
    playtest(files, opts = {}) {
      const result = queue.then(() => run(files, opts));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server?.close();
    },
  };
}
