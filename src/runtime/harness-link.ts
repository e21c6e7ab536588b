// The IDE side of the harness protocol, shared by every runtime: validates and relays a game
// page's messages as Sandbox events, sends commands and awaits replies, and watches the heartbeat.

import {
  MAX_MESSAGE_BYTES,
  CHANNEL,
  PROTOCOL_VERSION,
  approximateSize,
  parseHarnessMessage,
  type CommandResult,
  type HarnessCommand,
  type HarnessMessage,
  type SourceLocation,
} from "./harness/protocol";
import { SandboxCommandError, type SandboxEvents, type SandboxListener } from "./sandbox";

/** The page currently allowed to talk to the IDE. */
export interface LinkedPage {
  window: Window;
  /** The page's origin, or "null" for a sandboxed page with an opaque origin. */
  origin: string;
  session: string;
}

export interface HarnessLinkOptions {
  /** Real ms without any message before the page counts as frozen; may change as the page boots. */
  heartbeatTimeoutMs: number | (() => number);
  commandTimeoutMs: number;
  /** Called when the page stops answering or a loop guard fired; the owner closes the page. */
  onFrozen: (message: string, location?: SourceLocation) => void;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; op: string; timer: ReturnType<typeof setTimeout> };

export class HarnessLink {
  private page: LinkedPage | null = null;
  private listeners = new Map<keyof SandboxEvents, Set<(payload: never) => void>>();
  private pending = new Map<number, Pending>();
  private nextCommandId = 1;
  private dropped = 0;
  private lastHeartbeat = 0;
  private lastWatchdogTick = 0;
  private watchdog: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly options: HarnessLinkOptions) {}

  on<E extends keyof SandboxEvents>(event: E, listener: SandboxListener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => set!.delete(listener as (payload: never) => void);
  }

  emit<E extends keyof SandboxEvents>(event: E, payload: SandboxEvents[E]) {
    for (const listener of this.listeners.get(event) ?? []) (listener as SandboxListener<E>)(payload);
  }

  get linked(): boolean {
    return this.page !== null;
  }

  /** Accepts messages from this page only; the watchdog starts with its first message. */
  link(page: LinkedPage) {
    this.unlink();
    this.page = page;
    window.addEventListener("message", this.onMessage);
  }

  /** The page (re)loaded, e.g. a Vite full reload: give it a fresh heartbeat allowance. */
  pageLoaded() {
    this.lastHeartbeat = performance.now();
  }

  unlink() {
    this.stopWatchdog();
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new SandboxCommandError(pending.op, "the game page was closed"));
      this.pending.delete(id);
    }
    this.page = null;
    // Listening only while a page is linked leaves nothing behind when a sandbox is abandoned.
    window.removeEventListener("message", this.onMessage);
  }

  command<C extends HarnessCommand>(command: C, signal?: AbortSignal): Promise<CommandResult[C["op"]]> {
    const page = this.page;
    if (!page) return Promise.reject(new SandboxCommandError(command.op, "no game is running"));
    const id = this.nextCommandId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new SandboxCommandError(command.op, `no reply within ${this.options.commandTimeoutMs / 1000} s`));
      }, this.options.commandTimeoutMs);
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
      // An opaque-origin page can only be addressed with "*"; the session id still gates it.
      page.window.postMessage({ channel: CHANNEL, v: PROTOCOL_VERSION, session: page.session, type: "command", id, command }, page.origin === "null" ? "*" : page.origin);
    });
  }

  private onMessage = (event: MessageEvent) => {
    const page = this.page;
    if (!page || event.source !== page.window) return;
    // WebContainer's own preview machinery also posts to the IDE; only our channel is ours to judge.
    if (!isObject(event.data) || event.data.channel !== CHANNEL) return;
    if (event.origin !== page.origin || approximateSize(event.data) > MAX_MESSAGE_BYTES) return this.drop();
    const message = parseHarnessMessage(event.data, page.session);
    if (!message) return this.drop();
    this.lastHeartbeat = performance.now();
    if (!this.watchdog) this.startWatchdog();
    this.handle(message);
  };

  private drop() {
    this.dropped++;
    this.emit("dropped", { count: this.dropped });
  }

  private handle(message: HarnessMessage) {
    switch (message.type) {
      case "loaded":
        return this.emit("loaded", { registered: message.registered });
      case "ready":
        return this.emit("ready", { firstFrameMs: message.firstFrameMs, renderedAt: message.renderedAt });
      case "console":
        return this.emit("console", { level: message.level, text: message.text, location: message.location });
      case "error":
        this.emit("error", message.error);
        if (message.error.kind === "loop") this.options.onFrozen(message.error.message, message.error.location);
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
    const limit = this.options.heartbeatTimeoutMs;
    return typeof limit === "function" ? limit() : limit;
  }

  private startWatchdog() {
    this.lastWatchdogTick = performance.now();
    this.watchdog = setInterval(() => {
      const limit = this.heartbeatLimit();
      const now = performance.now();
      const ideWasBusy = now - this.lastWatchdogTick > 1000;
      this.lastWatchdogTick = now;
      // A throttled or busy IDE tab missed heartbeats itself; do not blame the game for that.
      if (ideWasBusy) {
        this.lastHeartbeat = Math.max(this.lastHeartbeat, now - limit / 2);
        return;
      }
      if (now - this.lastHeartbeat > limit) {
        const message = `The game froze: no heartbeat for ${(limit / 1000).toFixed(1)} s, so the preview was stopped. Look for a loop that never ends or very heavy work in update().`;
        this.emit("error", { kind: "frozen", message });
        this.options.onFrozen(message);
      }
    }, 250);
  }

  private stopWatchdog() {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
