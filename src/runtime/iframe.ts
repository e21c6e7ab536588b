// The iframe runtime: runs a project in <iframe sandbox="allow-scripts"> (opaque origin, no network),
// watches its heartbeat and tears it down when it freezes, and relays harness commands.

import { writeFile, type ProjectFiles } from "../project/files";
import { buildErrorDocument, buildGameDocument, pageProgram } from "./document";
import type { HarnessConfig } from "./harness/harness";
import {
  CHANNEL,
  MAX_MESSAGE_BYTES,
  PROTOCOL_VERSION,
  approximateSize,
  parseHarnessMessage,
  type CommandResult,
  type HarnessCommand,
  type HarnessMessage,
} from "./harness/protocol";
import { linkProject, type LinkedProgram } from "./linker";
import {
  SandboxBootError,
  SandboxCommandError,
  type MountOptions,
  type Sandbox,
  type SandboxEvents,
  type SandboxListener,
} from "./sandbox";

export interface IframeSandboxOptions {
  /** Where the game page loads Phaser from; defaults to the IDE's own /vendor/phaser.min.js. */
  phaserUrl?: string;
  /** Real milliseconds without a heartbeat before the live game counts as frozen (playtests allow 3×). */
  heartbeatTimeoutMs?: number;
  /** Real milliseconds a loop may spin before the loop guard stops it (playtests allow 2×). */
  loopLimitMs?: number;
  commandTimeoutMs?: number;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; op: string; timer: ReturnType<typeof setTimeout> };

export function createIframeSandbox(host: HTMLElement, options: IframeSandboxOptions = {}): Sandbox {
  return new IframeSandbox(host, options);
}

class IframeSandbox implements Sandbox {
  readonly kind = "iframe" as const;
  private iframe: HTMLIFrameElement | null = null;
  /** A hidden live-mode page with harness and Phaser already loaded, used by the next mount. */
  private warm: { iframe: HTMLIFrameElement; session: string; ready: boolean } | null = null;
  private warmTimer: ReturnType<typeof setTimeout> | null = null;
  private files: ProjectFiles = {};
  private mountOptions: MountOptions = {};
  private session = "";
  private listeners = new Map<keyof SandboxEvents, Set<(payload: never) => void>>();
  private pending = new Map<number, Pending>();
  private nextCommandId = 1;
  private lastHeartbeat = 0;
  private lastWatchdogTick = 0;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private dropped = 0;
  private gameLoaded = false;
  private readonly phaserUrl: string;
  private readonly heartbeatTimeoutMs: number;
  private readonly loopLimitMs: number;
  private readonly commandTimeoutMs: number;

  constructor(private readonly host: HTMLElement, options: IframeSandboxOptions) {
    this.phaserUrl = options.phaserUrl ?? new URL("/vendor/phaser.min.js", window.location.href).href;
    this.heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 2000;
    this.loopLimitMs = options.loopLimitMs ?? 1500;
    this.commandTimeoutMs = options.commandTimeoutMs ?? 30_000;
    if (getComputedStyle(host).position === "static") host.style.position = "relative";
  }

  on<E extends keyof SandboxEvents>(event: E, listener: SandboxListener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => set!.delete(listener as (payload: never) => void);
  }

  private emit<E extends keyof SandboxEvents>(event: E, payload: SandboxEvents[E]) {
    for (const listener of this.listeners.get(event) ?? []) (listener as SandboxListener<E>)(payload);
  }

  async mount(files: ProjectFiles, options: MountOptions = {}): Promise<void> {
    this.files = files;
    this.mountOptions = options;
    this.teardown();
    window.addEventListener("message", this.onMessage);
    let program;
    try {
      program = await linkProject(files);
    } catch (error) {
      throw new SandboxBootError(`Could not prepare the project: ${(error as Error).message}`, error);
    }
    if (!program.errors.length && !options.playtest && this.warm?.ready) return this.runInWarmPage(program);
    this.session = newSession();
    const iframe = createFrame();
    if (program.errors.length) {
      iframe.srcdoc = buildErrorDocument(program.errors);
      for (const error of program.errors) this.emit("error", error);
    } else {
      iframe.srcdoc = buildGameDocument(program, this.harnessConfig(this.session, program, options), this.phaserUrl);
    }
    this.iframe = iframe;
    const loaded = new Promise<void>((resolve) => iframe.addEventListener("load", () => resolve(), { once: true }));
    this.host.appendChild(iframe);
    await loaded;
    if (this.iframe !== iframe) return;
    if (!program.errors.length) this.startWatchdog();
    if (!options.playtest) this.scheduleWarmPage();
  }

  private harnessConfig(session: string, program: LinkedProgram | null, options: MountOptions): HarnessConfig {
    return {
      session,
      mode: options.playtest ? "playtest" : "live",
      seed: options.playtest?.seed ?? 1,
      loops: program?.loops ?? [],
      publicFiles: program?.publicFiles ?? {},
      // Playtests step many frames per message and boot on busy machines; the engine has its own budgets.
      loopLimitMs: options.playtest ? this.loopLimitMs * 2 : this.loopLimitMs,
    };
  }

  private runInWarmPage(program: LinkedProgram) {
    const warm = this.warm!;
    this.warm = null;
    this.session = warm.session;
    this.iframe = warm.iframe;
    warm.iframe.style.visibility = "visible";
    warm.iframe.style.pointerEvents = "auto";
    warm.iframe.setAttribute("data-testid", "preview-frame");
    warm.iframe.contentWindow?.postMessage(
      {
        channel: CHANNEL,
        v: PROTOCOL_VERSION,
        session: warm.session,
        type: "run",
        program: pageProgram(program, this.phaserUrl),
        loops: program.loops,
        publicFiles: program.publicFiles,
        bodyHtml: program.bodyHtml,
        headStyles: program.headStyles,
      },
      "*",
    );
    this.startWatchdog();
    this.scheduleWarmPage();
  }

  /** Prepares the next live page once the current one has had time to boot. */
  private scheduleWarmPage() {
    if (this.warmTimer) clearTimeout(this.warmTimer);
    this.warmTimer = setTimeout(() => {
      this.warmTimer = null;
      if (this.warm) return;
      const session = newSession();
      const iframe = createFrame();
      iframe.removeAttribute("data-testid");
      iframe.setAttribute("aria-hidden", "true");
      iframe.style.visibility = "hidden";
      iframe.style.pointerEvents = "none";
      iframe.srcdoc = buildGameDocument(null, this.harnessConfig(session, null, {}), this.phaserUrl);
      const warm = { iframe, session, ready: false };
      iframe.addEventListener("load", () => (warm.ready = true), { once: true });
      this.warm = warm;
      this.host.appendChild(iframe);
    }, 600);
  }

  async updateFile(path: string, content: string | Uint8Array): Promise<void> {
    await this.mount(writeFile(this.files, path, content), this.mountOptions);
  }

  async restart(): Promise<void> {
    await this.mount(this.files, this.mountOptions);
  }

  stop(): void {
    this.dropWarmPage();
    window.removeEventListener("message", this.onMessage);
    if (!this.iframe) return;
    this.teardown();
    this.emit("exit", { reason: "stopped" });
  }

  command<C extends HarnessCommand>(command: C, signal?: AbortSignal): Promise<CommandResult[C["op"]]> {
    const target = this.iframe?.contentWindow;
    if (!target) return Promise.reject(new SandboxCommandError(command.op, "no game is running"));
    const id = this.nextCommandId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new SandboxCommandError(command.op, `no reply within ${this.commandTimeoutMs / 1000} s`));
      }, this.commandTimeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, op: command.op, timer });
      signal?.addEventListener(
        "abort",
        () => {
          if (!this.pending.delete(id)) return;
          clearTimeout(timer);
          reject(new SandboxCommandError(command.op, "aborted"));
        },
        { once: true },
      );
      target.postMessage({ channel: CHANNEL, v: PROTOCOL_VERSION, session: this.session, type: "command", id, command }, "*");
    });
  }

  private onMessage = (event: MessageEvent) => {
    if (!this.iframe || event.source !== this.iframe.contentWindow) return;
    if (approximateSize(event.data) > MAX_MESSAGE_BYTES) return this.drop();
    const message = parseHarnessMessage(event.data, this.session);
    if (!message) return this.drop();
    this.lastHeartbeat = performance.now();
    this.handle(message);
  };

  private drop() {
    this.dropped++;
    this.emit("dropped", { count: this.dropped });
  }

  private handle(message: HarnessMessage) {
    switch (message.type) {
      case "loaded":
        this.gameLoaded = true;
        return this.emit("loaded", { registered: message.registered });
      case "ready":
        return this.emit("ready", { firstFrameMs: message.firstFrameMs });
      case "console":
        return this.emit("console", { level: message.level, text: message.text, location: message.location });
      case "error":
        this.emit("error", message.error);
        if (message.error.kind === "loop") this.freeze(message.error.message, message.error.location);
        return;
      case "heartbeat":
        return this.emit("heartbeat", { frame: message.frame, virtualMs: message.virtualMs });
      case "frame":
        return this.emit("frame", message.snapshot);
      case "reply": {
        const pending = this.pending.get(message.id);
        if (!pending) return;
        this.pending.delete(message.id);
        clearTimeout(pending.timer);
        if (message.ok) {
          if (pending.op === "snapshot") this.emit("frame", message.result as SandboxEvents["frame"]);
          pending.resolve(message.result);
        } else pending.reject(new SandboxCommandError(pending.op, message.error));
      }
    }
  }

  private heartbeatLimit(): number {
    if (this.mountOptions.playtest) return this.heartbeatTimeoutMs * 3;
    // While Phaser is still being parsed on a busy machine the page cannot beat; real freezes
    // in that phase are loops in top-level code, which the loop guard names anyway.
    return this.gameLoaded ? this.heartbeatTimeoutMs : this.heartbeatTimeoutMs * 4;
  }

  private startWatchdog() {
    this.gameLoaded = false;
    this.lastHeartbeat = performance.now();
    this.lastWatchdogTick = performance.now();
    this.watchdog = setInterval(() => {
      const limit = this.heartbeatLimit();
      const now = performance.now();
      const ideWasBusy = now - this.lastWatchdogTick > 1000;
      this.lastWatchdogTick = now;
      // If the IDE itself was not running (throttled tab, same-thread freeze), we cannot blame the game yet.
      if (ideWasBusy) {
        this.lastHeartbeat = Math.max(this.lastHeartbeat, now - limit / 2);
        return;
      }
      if (now - this.lastHeartbeat > limit) {
        const message = `The game froze: no heartbeat for ${(limit / 1000).toFixed(1)} s, so the preview was stopped. Look for a loop that never ends or very heavy work in update().`;
        this.emit("error", { kind: "frozen", message });
        this.freeze(message);
      }
    }, 250);
  }

  private freeze(message: string, location?: { file: string; line: number }) {
    this.teardown();
    this.emit("exit", { reason: "frozen", message, location });
  }

  private dropWarmPage() {
    if (this.warmTimer) clearTimeout(this.warmTimer);
    this.warmTimer = null;
    this.warm?.iframe.remove();
    this.warm = null;
  }

  private teardown() {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new SandboxCommandError(pending.op, "the game page was closed"));
      this.pending.delete(id);
    }
    if (this.iframe) {
      this.iframe.srcdoc = "";
      this.iframe.remove();
      this.iframe = null;
    }
  }
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
