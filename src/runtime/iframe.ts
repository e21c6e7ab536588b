// The iframe runtime: runs a project in <iframe sandbox="allow-scripts"> (opaque origin, no network),
// watches its heartbeat and tears it down when it freezes, and relays harness commands.

import { writeFile, type ProjectFiles } from "../project";
import { buildErrorDocument, buildGameDocument, pageProgram } from "./document";
import type { HarnessConfig } from "./harness/harness";
import { CHANNEL, PROTOCOL_VERSION, type CommandResult, type HarnessCommand, type IdeToHarness } from "./harness/protocol";
import { HarnessLink, newReplyToken } from "./harness-link";
import { BOOT_ALLOWANCE } from "./heartbeat-watch";
import { isTranspilerLoaded, linkProject, type LinkedProgram } from "./linker";
import { SandboxBootError, type MountOptions, type Sandbox, type SandboxEvents, type SandboxListener } from "./sandbox";

/** The boot allowance: heartbeat limits a page gets before its first frame. */

export interface IframeSandboxOptions {
  /** Where the game page loads Phaser from; defaults to the IDE's own /vendor/phaser.min.js. */
  phaserUrl?: string;
  /** Real milliseconds without a heartbeat before the live game counts as frozen (playtests allow 3×). */
  heartbeatTimeoutMs?: number;
  /** Real milliseconds a loop may spin before the loop guard stops it (playtests allow 2×). */
  loopLimitMs?: number;
  commandTimeoutMs?: number;
  /**
   * Keep a hidden page with harness and Phaser loaded for the next mount (default true): the IDE
   * re-runs on every edit. The /play page mounts once, so it saves a phone the second page.
   */
  prewarm?: boolean;
  /** Live games draw at most this many frames a second (power saver); default: the display's rate. */
  maxFps?: number;
}

export function createIframeSandbox(host: HTMLElement, options: IframeSandboxOptions = {}): Sandbox {
  return new IframeSandbox(host, options);
}

class IframeSandbox implements Sandbox {
  readonly kind = "iframe" as const;
  private iframe: HTMLIFrameElement | null = null;
  /** A hidden live-mode page with harness and Phaser already loaded, used by the next mount. */
  private warm: WarmPage | null = null;
  private warmTimer: ReturnType<typeof setTimeout> | null = null;
  private files: ProjectFiles = {};
  /** Bumped by every mount and stop, so a mount still linking when it is superseded adds no page. */
  private generation = 0;
  private mountOptions: MountOptions = {};
  /** The linked page has rendered its first frame (the boot allowance is over). */
  private firstFrame = false;
  private readonly link: HarnessLink;
  private readonly phaserUrl: string;
  private readonly heartbeatTimeoutMs: number;
  private readonly loopLimitMs: number;
  private readonly prewarm: boolean;
  private readonly maxFps: number | undefined;

  constructor(private readonly host: HTMLElement, options: IframeSandboxOptions) {
    this.phaserUrl = options.phaserUrl ?? new URL("/vendor/phaser.min.js", window.location.href).href;
    this.heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 2000;
    this.loopLimitMs = options.loopLimitMs ?? 1500;
    this.prewarm = options.prewarm ?? true;
    this.maxFps = options.maxFps;
    this.link = new HarnessLink({
      heartbeatTimeoutMs: () => this.heartbeatLimit(),
      commandTimeoutMs: options.commandTimeoutMs ?? 30_000,
      onFrozen: (message, location) => {
        this.teardown();
        this.link.emit("exit", { reason: "frozen", message, location });
      },
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

  async mount(files: ProjectFiles, options: MountOptions = {}): Promise<void> {
    this.files = files;
    this.mountOptions = options;
    this.teardown();
    const generation = ++this.generation;
    // The first run of a page also waits for the transpiler to load: Phaser loads meanwhile.
    if (!options.playtest && !this.warm && !isTranspilerLoaded()) this.openWarmPage();
    let program;
    try {
      program = await linkProject(files);
    } catch (error) {
      throw new SandboxBootError(`Could not prepare the project: ${(error as Error).message}`, error);
    }
    if (generation !== this.generation) return;
    if (!program.errors.length && !options.playtest && this.warm) {
      // A page still loading Phaser is further along than a new one would be.
      const warm = this.warm;
      const loaded = await warm.loaded;
      if (generation !== this.generation) return;
      if (loaded && this.warm === warm) return this.runInWarmPage(warm, program);
    }
    const session = newSession();
    const replyToken = newReplyToken();
    const iframe = createFrame();
    // The UI test hook "preview-frame" names the live preview only; a hidden playtest page is another frame.
    if (options.playtest) iframe.setAttribute("data-testid", "playtest-frame");
    if (program.errors.length) {
      iframe.srcdoc = buildErrorDocument(program.errors);
      for (const error of program.errors) this.link.emit("error", error);
    } else {
      iframe.srcdoc = buildGameDocument(program, this.harnessConfig(session, replyToken, program, options), this.phaserUrl);
    }
    this.iframe = iframe;
    const loaded = new Promise<void>((resolve) => iframe.addEventListener("load", () => resolve(), { once: true }));
    this.host.appendChild(iframe);
    if (!program.errors.length) this.show(iframe, session, replyToken);
    await loaded;
    if (this.iframe !== iframe) return;
    if (!options.playtest) this.scheduleWarmPage();
  }

  async updateFile(path: string, content: string | Uint8Array): Promise<void> {
    await this.mount(writeFile(this.files, path, content), this.mountOptions);
  }

  async restart(): Promise<void> {
    await this.mount(this.files, this.mountOptions);
  }

  stop(): void {
    this.generation++;
    this.dropWarmPage();
    if (!this.iframe) return;
    this.teardown();
    this.link.emit("exit", { reason: "stopped" });
  }

  /** Links the page for messages (sandboxed pages have the opaque origin "null"). */
  private show(iframe: HTMLIFrameElement, session: string, replyToken: string) {
    this.firstFrame = false;
    this.link.link({ window: iframe.contentWindow!, origin: "null", session, replyToken });
  }

  /**
   * Until its first frame a page gets the boot allowance (BOOT_ALLOWANCE), live or playtest alike:
   * on a loaded 2-core machine with the CPU slowed 6× the starter went 8 s without a beat while booting.
   */
  private heartbeatLimit(): number {
    if (!this.firstFrame) return this.heartbeatTimeoutMs * BOOT_ALLOWANCE;
    return this.mountOptions.playtest ? this.heartbeatTimeoutMs * 3 : this.heartbeatTimeoutMs;
  }

  private harnessConfig(session: string, replyToken: string, program: LinkedProgram | null, options: MountOptions): HarnessConfig {
    return {
      session,
      replyToken,
      vendorPhaser: true,
      mode: options.playtest ? "playtest" : "live",
      seed: options.playtest?.seed ?? 1,
      loops: program?.loops ?? [],
      publicFiles: program?.publicFiles ?? {},
      // Playtests step many frames per message and boot on busy machines; the engine has its own budgets.
      loopLimitMs: options.playtest ? this.loopLimitMs * 2 : this.loopLimitMs,
      ...(this.maxFps && !options.playtest ? { maxFps: this.maxFps } : {}),
    };
  }

  private runInWarmPage(warm: WarmPage, program: LinkedProgram) {
    this.warm = null;
    this.iframe = warm.iframe;
    warm.iframe.style.visibility = "visible";
    warm.iframe.style.pointerEvents = "auto";
    warm.iframe.setAttribute("data-testid", "preview-frame");
    warm.iframe.removeAttribute("aria-hidden");
    this.show(warm.iframe, warm.session, warm.replyToken);
    const run: IdeToHarness = {
      channel: CHANNEL,
      v: PROTOCOL_VERSION,
      session: warm.session,
      type: "run",
      program: pageProgram(program, this.phaserUrl),
      loops: program.loops,
      publicFiles: program.publicFiles,
      bodyHtml: program.bodyHtml,
      headStyles: program.headStyles,
    };
    warm.iframe.contentWindow?.postMessage(run, "*");
    this.scheduleWarmPage();
  }

  /** Prepares the next live page once the current one has had time to boot. */
  private scheduleWarmPage() {
    if (!this.prewarm) return;
    if (this.warmTimer) clearTimeout(this.warmTimer);
    this.warmTimer = setTimeout(() => {
      this.warmTimer = null;
      if (!this.warm) this.openWarmPage();
    }, 600);
  }

  /** A hidden live-mode page that loads the harness and Phaser and then waits for its program. */
  private openWarmPage() {
    const session = newSession();
    const replyToken = newReplyToken();
    const iframe = createFrame();
    iframe.removeAttribute("data-testid");
    iframe.setAttribute("aria-hidden", "true");
    iframe.style.visibility = "hidden";
    iframe.style.pointerEvents = "none";
    iframe.srcdoc = buildGameDocument(null, this.harnessConfig(session, replyToken, null, {}), this.phaserUrl);
    let settle!: (loaded: boolean) => void;
    const loaded = new Promise<boolean>((resolve) => (settle = resolve));
    iframe.addEventListener("load", () => settle(true), { once: true });
    this.warm = { iframe, session, replyToken, loaded, drop: () => settle(false) };
    this.host.appendChild(iframe);
  }

  private dropWarmPage() {
    if (this.warmTimer) clearTimeout(this.warmTimer);
    this.warmTimer = null;
    this.warm?.iframe.remove();
    this.warm?.drop();
    this.warm = null;
  }

  private teardown() {
    this.link.unlink();
    if (this.iframe) {
      this.iframe.srcdoc = "";
      this.iframe.remove();
      this.iframe = null;
    }
  }
}

interface WarmPage {
  iframe: HTMLIFrameElement;
  session: string;
  replyToken: string;
  /** True once harness and Phaser are loaded; false if the page was dropped first. */
  loaded: Promise<boolean>;
  drop(): void;
}

function newSession(): string {
  return `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

function createFrame(): HTMLIFrameElement {
  const iframe = document.createElement("iframe");
  iframe.setAttribute("sandbox", "allow-scripts");
  iframe.setAttribute("data-testid", "preview-frame");
  iframe.setAttribute("title", "Game preview");
  iframe.setAttribute("allow", "autoplay; gamepad");
  // Stacked in the host so a pre-warmed page can wait underneath the visible one.
  iframe.style.cssText = "position:absolute;inset:0;border:0;width:100%;height:100%;display:block;background:#10131c";
  return iframe;
}

export { SandboxBootError };
