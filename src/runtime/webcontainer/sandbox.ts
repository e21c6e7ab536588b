// The WebContainer runtime: boots Node in the tab, mounts the project, runs `npm install` and
// `npm run dev`, injects the harness with setPreviewScript and shows Vite's preview in an iframe.

import { validatePath, writeFile, type FileContent, type ProjectFiles } from "../../project";
import type { CommandResult, HarnessCommand, SourceLocation } from "../harness/protocol";
import type { MountOptions, Sandbox, SandboxEvents, SandboxListener } from "../sandbox";
import { bootContainer, type BootedContainer } from "./boot";
import { browserWebContainerApi, type WebContainerApi, type WebContainerProcess } from "./boundary";
import { WebContainerBootError } from "./errors";
import { HarnessLink, newReplyToken } from "../harness-link";
import { BOOT_ALLOWANCE } from "../heartbeat-watch";
import { OutputTail, pipeOutput } from "./process-output";
import { buildPreviewScript, previewHarnessConfig } from "./preview-script";
import { checkWebContainerSupport } from "./support";
import { parentFolder, toFileSystemTree } from "./tree";

export interface WebContainerSandboxOptions {
  /** The @webcontainer/api boundary; the real library (loaded on first boot) when absent. */
  api?: WebContainerApi;
  /** Receives the terminal output of npm and Vite, escape codes included, for a terminal view. */
  onTerminal?: (chunk: string) => void;
  /** Milliseconds WebContainer.boot may take before the runtime gives up. */
  bootTimeoutMs?: number;
  /** Real milliseconds without a heartbeat before the game counts as frozen (a Vite reload pauses it). */
  heartbeatTimeoutMs?: number;
  commandTimeoutMs?: number;
}

/** How long `npm run dev` may take to start listening; a cold Vite start in a WebContainer is slow. */
const DEV_SERVER_TIMEOUT_MS = 90_000;
const LOOP_LIMIT_MS = 1500;
/**
 * After a frozen preview is closed, Chromium keeps its hung process for the site for about a second
 * (the unload timeout) and would put the next preview of that site into it; the next page waits.
 */
const FROZEN_PROCESS_RELEASE_MS = 1500;

type DevServer = { process: WebContainerProcess; url: string; tail: OutputTail; stopping: boolean };

export function createWebContainerSandbox(host: HTMLElement, options: WebContainerSandboxOptions = {}): Sandbox {
  return new WebContainerSandbox(host, options);
}

class WebContainerSandbox implements Sandbox {
  readonly kind = "webcontainer" as const;
  private readonly api: WebContainerApi;
  private readonly bootTimeoutMs: number;
  private readonly link: HarnessLink;
  private files: ProjectFiles = {};
  private mountOptions: MountOptions = {};
  private booted: BootedContainer | null = null;
  private dev: DevServer | null = null;
  private iframe: HTMLIFrameElement | null = null;
  /** Ends the mount waiting for the preview's load event when the preview closes first (frozen before it loaded). */
  private settleLoad: (() => void) | null = null;
  /** Aborts the mount (or reinstall) in progress when a newer one starts or the sandbox stops. */
  private work: AbortController | null = null;
  private mounting: Promise<void> | null = null;
  /** performance.now() before which a new preview would land in a frozen page's process. */
  private frozenProcessReleasedAt = 0;
  /** Whether the current preview page has drawn its first frame (until then it has the boot allowance). */
  private firstFrame = false;

  constructor(private readonly host: HTMLElement, private readonly options: WebContainerSandboxOptions) {
    this.api = options.api ?? browserWebContainerApi;
    this.bootTimeoutMs = options.bootTimeoutMs ?? 30_000;
    this.link = new HarnessLink({
      // Until the preview's first frame, the boot allowance: Vite serving the modules and Phaser
      // being parsed on a busy machine hold the page's thread for longer than the limit.
      heartbeatTimeoutMs: () => (options.heartbeatTimeoutMs ?? 4000) * (this.firstFrame ? 1 : BOOT_ALLOWANCE),
      commandTimeoutMs: options.commandTimeoutMs ?? 30_000,
      onFrozen: (message, location) => this.freeze(message, location),
    });
    this.link.on("ready", () => (this.firstFrame = true));
    if (getComputedStyle(host).position === "static") host.style.position = "relative";
  }

  on<E extends keyof SandboxEvents>(event: E, listener: SandboxListener<E>): () => void {
    return this.link.on(event, listener);
  }

  command<C extends HarnessCommand>(command: C, signal?: AbortSignal): Promise<CommandResult[C["op"]]> {
    return this.link.command(command, signal);
  }

  mount(files: ProjectFiles, options: MountOptions = {}): Promise<void> {
    this.files = files;
    this.mountOptions = options;
    const signal = this.beginWork();
    const run = this.superseded(signal, async () => {
      const support = checkWebContainerSupport();
      if (!support.ok) throw new WebContainerBootError("unsupported", support.reason);
      // Said once per boot: a second sandbox (or mount) while the first boots waits for the same one.
      const booted = await bootContainer(this.api, this.bootTimeoutMs, () => this.terminal("› Booting WebContainer…\r\n"));
      signal.throwIfAborted();
      if (this.booted !== booted) booted.onError((message) => this.terminal(`\r\n› WebContainer error: ${message}\r\n`));
      this.booted = booted;
      await this.syncFiles(booted, files);
      signal.throwIfAborted();
      await this.ensureInstalled(booted, signal);
      const url = await this.ensureDevServer(booted, signal);
      await this.showPreview(booted, url, signal);
    });
    const mounting = run.finally(() => {
      if (this.mounting === mounting) this.mounting = null;
    });
    this.mounting = mounting;
    return mounting;
  }

  /**
   * Writes one file into the running container; Vite hot-reloads it. Only a changed package.json
   * costs a reinstall (and a fresh dev server and preview).
   */
  async updateFile(rawPath: string, content: FileContent): Promise<void> {
    const path = validatePath(rawPath);
    this.files = writeFile(this.files, path, content);
    // A write during a mount waits for it, so the write lands in the tree that mount produced.
    if (this.mounting) await this.mounting.catch(() => undefined);
    const booted = this.booted;
    if (!booted || !this.dev || !this.iframe) return this.mount(this.files, this.mountOptions);
    await writeInto(booted, path, content);
    if (path !== "package.json" || text(content) === booted.installedManifest) return;
    const signal = this.beginWork();
    this.closePreview();
    await this.superseded(signal, async () => {
      await this.ensureInstalled(booted, signal);
      const url = await this.ensureDevServer(booted, signal);
      await this.showPreview(booted, url, signal);
    });
  }

  /** A fresh page and session on the running dev server; a full mount when nothing is running. */
  async restart(): Promise<void> {
    if (this.mounting) await this.mounting.catch(() => undefined);
    const booted = this.booted;
    if (!booted || !this.dev) return this.mount(this.files, this.mountOptions);
    const signal = this.beginWork();
    this.closePreview();
    const url = this.dev.url;
    await this.superseded(signal, () => this.showPreview(booted, url, signal));
  }

  stop(): void {
    this.work?.abort(new DOMException("The sandbox was stopped", "AbortError"));
    this.work = null;
    this.stopDevServer();
    const wasRunning = this.iframe !== null;
    this.closePreview();
    if (wasRunning) this.link.emit("exit", { reason: "stopped" });
  }

  private beginWork(): AbortSignal {
    this.work?.abort(new DOMException("A newer mount replaced this one", "AbortError"));
    this.work = new AbortController();
    return this.work.signal;
  }

  /** Runs a step sequence; if a newer mount or stop() cut it short, it ends quietly. */
  private async superseded(signal: AbortSignal, steps: () => Promise<void>): Promise<void> {
    try {
      await steps();
    } catch (error) {
      if (signal.aborted) return;
      throw error;
    }
  }

  private terminal(chunk: string) {
    this.options.onTerminal?.(chunk);
  }

  /** Brings the container's files in line with the project: one mount first, then only changes. */
  private async syncFiles(booted: BootedContainer, files: ProjectFiles) {
    const previous = booted.files;
    if (!previous) {
      await booted.container.mount(toFileSystemTree(files));
    } else {
      for (const path of Object.keys(previous)) if (!(path in files)) await booted.container.fs.rm(path, { force: true });
      for (const [path, content] of Object.entries(files)) if (!sameContent(previous[path], content)) await writeInto(booted, path, content);
    }
    booted.files = { ...files };
  }

  private async ensureInstalled(booted: BootedContainer, signal: AbortSignal) {
    const manifest = this.files["package.json"];
    if (manifest === undefined) {
      throw new WebContainerBootError("install-failed", "the project has no package.json, so npm can neither install nor start it. Add one with a \"dev\" script (the starter's runs vite).");
    }
    if (text(manifest) === booted.installedManifest) return;
    this.stopDevServer();
    this.closePreview();
    this.terminal("\r\n› npm install\r\n");
    const tail = new OutputTail();
    const install = await booted.container.spawn("npm", ["install"]);
    const kill = () => install.kill();
    signal.addEventListener("abort", kill, { once: true });
    try {
      const [code] = await Promise.all([install.exit, pipeOutput(install, tail, (chunk) => this.terminal(chunk))]);
      signal.throwIfAborted();
      if (code !== 0) {
        const lines = tail.last();
        const offline = lines.some((line) => /ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|ECONNRESET|network/i.test(line));
        const hint = offline ? " npm could not reach the registry; check the network." : " Check package.json (names and versions of dependencies).";
        throw new WebContainerBootError("install-failed", `npm install failed with exit code ${code}.${hint}`, lines);
      }
    } finally {
      signal.removeEventListener("abort", kill);
    }
    booted.installedManifest = text(manifest);
  }

  private async ensureDevServer(booted: BootedContainer, signal: AbortSignal): Promise<string> {
    if (this.dev) return this.dev.url;
    this.terminal("\r\n› npm run dev\r\n");
    const waiting = new AbortController();
    const abortWaiting = () => waiting.abort(signal.reason);
    signal.addEventListener("abort", abortWaiting, { once: true });
    // Listen before spawning so a fast server-ready is not missed; its rejection (on abort) is
    // handled where it is awaited, or not needed when spawning failed first.
    const ready = booted.nextServerReady(waiting.signal);
    ready.catch(() => undefined);
    const tail = new OutputTail();
    let process: WebContainerProcess | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const started = (process = await booted.container.spawn("npm", ["run", "dev"]));
      void pipeOutput(started, tail, (chunk) => this.terminal(chunk)).catch(() => undefined);
      const url = await new Promise<string>((resolve, reject) => {
        ready.then(resolve, reject);
        void started.exit.then((code) =>
          reject(new WebContainerBootError("dev-server-failed", `npm run dev exited with code ${code} before its server was ready.`, tail.last())),
        );
        timer = setTimeout(
          () => reject(new WebContainerBootError("dev-server-failed", `npm run dev did not start a server within ${DEV_SERVER_TIMEOUT_MS / 1000} s.`, tail.last())),
          DEV_SERVER_TIMEOUT_MS,
        );
      });
      const dev: DevServer = { process: started, url, tail, stopping: false };
      this.dev = dev;
      void started.exit.then((code) => this.devServerExited(dev, code));
      return url;
    } catch (error) {
      process?.kill();
      throw error;
    } finally {
      clearTimeout(timer);
      waiting.abort();
      signal.removeEventListener("abort", abortWaiting);
    }
  }

  private devServerExited(dev: DevServer, code: number) {
    if (dev.stopping || this.dev !== dev) return;
    this.dev = null;
    const lines = dev.tail.last().slice(-5);
    const message = `The dev server (npm run dev) stopped with exit code ${code}.${lines.length ? ` Its last output:\n${lines.join("\n")}` : ""}`;
    const wasRunning = this.iframe !== null;
    this.closePreview();
    this.link.emit("error", { kind: "load", message });
    if (wasRunning) this.link.emit("exit", { reason: "crashed", message });
  }

  private stopDevServer() {
    if (!this.dev) return;
    this.dev.stopping = true;
    this.dev.process.kill();
    this.dev = null;
  }

  /** A new session: its harness script is set before the page is requested, then the page loads. */
  private async showPreview(booted: BootedContainer, url: string, signal: AbortSignal) {
    const wait = this.frozenProcessReleasedAt - performance.now();
    if (wait > 0) await delay(wait, signal);
    const session = newSession();
    const replyToken = newReplyToken();
    await booted.container.setPreviewScript(buildPreviewScript(previewHarnessConfig(session, this.mountOptions, LOOP_LIMIT_MS, replyToken)));
    signal.throwIfAborted();
    this.closePreview();
    this.firstFrame = false;
    const iframe = createPreviewFrame();
    const loaded = new Promise<void>((resolve, reject) => {
      const abort = () => reject(signal.reason);
      signal.addEventListener("abort", abort, { once: true });
      const settle = () => {
        signal.removeEventListener("abort", abort);
        if (this.settleLoad === settle) this.settleLoad = null;
        resolve();
      };
      this.settleLoad = settle;
      iframe.addEventListener("load", settle, { once: true });
    });
    // Every later load is a Vite full reload after an edit: the harness starts over in the same session.
    iframe.addEventListener("load", () => this.link.pageLoaded());
    iframe.src = url;
    this.host.appendChild(iframe);
    this.iframe = iframe;
    this.link.link({ window: iframe.contentWindow!, origin: new URL(url).origin, session, replyToken });
    await loaded;
  }

  private closePreview() {
    // A game that froze before its page finished loading never fires "load": its mount is over.
    this.settleLoad?.();
    this.link.unlink();
    if (!this.iframe) return;
    this.iframe.remove();
    this.iframe = null;
  }

  private freeze(message: string, location?: SourceLocation) {
    this.closePreview();
    this.frozenProcessReleasedAt = performance.now() + FROZEN_PROCESS_RELEASE_MS;
    this.link.emit("exit", { reason: "frozen", message, location });
  }
}

async function writeInto(booted: BootedContainer, path: string, content: FileContent) {
  const folder = parentFolder(path);
  if (folder) await booted.container.fs.mkdir(folder, { recursive: true });
  await booted.container.fs.writeFile(path, content);
  if (booted.files) booted.files[path] = content;
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", abort, { once: true });
  });
}

function text(content: FileContent): string {
  return typeof content === "string" ? content : new TextDecoder().decode(content);
}

function sameContent(a: FileContent | undefined, b: FileContent): boolean {
  if (a === undefined) return false;
  if (typeof a === "string" || typeof b === "string") return a === b;
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);
}

function newSession(): string {
  return `w${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

function createPreviewFrame(): HTMLIFrameElement {
  const iframe = document.createElement("iframe");
  // The preview lives on WebContainer's own origin, so it cannot read the IDE's storage. A Vite
  // dev page needs scripts and that origin (allow-same-origin: the service worker that serves it,
  // module scripts, the HMR socket); nothing else is granted: no popups, no top navigation, no
  // forms, no modal dialogs. Same-origin here is WebContainer's, never the IDE's.
  iframe.setAttribute("sandbox", "allow-scripts allow-same-origin");
  iframe.setAttribute("data-testid", "preview-frame");
  iframe.setAttribute("title", "Game preview");
  iframe.setAttribute("allow", "cross-origin-isolated; autoplay; gamepad");
  iframe.style.cssText = "position:absolute;inset:0;border:0;width:100%;height:100%;display:block;background:#10131c";
  return iframe;
}
