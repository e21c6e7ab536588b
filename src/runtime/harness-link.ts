// The IDE side of the harness protocol, shared by every runtime: validates and relays a game
// page's messages as Sandbox events, sends commands and awaits replies (each validated against its
// command's schema), and watches the heartbeat without blaming the game for a starved machine.

import {
  MAX_MESSAGE_BYTES,
  CHANNEL,
  PROTOCOL_VERSION,
  approximateSize,
  parseHarnessMessage,
  type CommandResult,
  type HarnessCommand,
  type HarnessMessage,
  type IdeToHarness,
  type SourceLocation,
} from "./harness/protocol";
import { parseCommandResult } from "./harness/replies";
import { HeartbeatWatch, TICK_MS } from "./heartbeat-watch";
import { HarnessInterferenceError, SandboxCommandError, type SandboxEvents, type SandboxListener } from "./sandbox";

/** The page currently allowed to talk to the IDE. */
export interface LinkedPage {
  window: Window;
  /** The page's origin, or "null" for a sandboxed page with an opaque origin. */
  origin: string;
  session: string;
  /** The token the page's harness signs its replies with (HarnessConfig.replyToken). */
  replyToken: string;
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
  private watch = new HeartbeatWatch(0);
  private busyNoted = false;
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
    this.watch.heard();
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
      const message: IdeToHarness = { channel: CHANNEL, v: PROTOCOL_VERSION, session: page.session, type: "command", id, command };
      page.window.postMessage(message, page.origin === "null" ? "*" : page.origin);
    });
  }

  private onMessage = (event: MessageEvent) => {
    const page = this.page;
    if (!page || event.source !== page.window) return;
    // WebContainer's own preview machinery also posts to the IDE; only our channel is ours to judge.
    if (!isObject(event.data) || event.data.channel !== CHANNEL) return;
    if (event.origin !== page.origin || approximateSize(event.data) > MAX_MESSAGE_BYTES) return this.drop();
    const message = parseHarnessMessage(event.data, page.session);
    if (!message) {
      const id = event.data.type === "reply" && event.data.session === page.session ? event.data.id : undefined;
      if (typeof id === "number" && this.pending.has(id)) this.settle(id, (p) => p.reject(new HarnessInterferenceError(p.op, `a malformed reply to "${p.op}" was posted to the IDE`)));
      return this.drop();
    }
    this.watch.heard();
    this.busyNoted = false;
    if (!this.watchdog) this.startWatchdog();
    this.handle(message, page);
  };

  /** Ends a pending command (its timer too) and hands it to `finish`. */
  private settle(id: number, finish: (pending: Pending) => void) {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    finish(pending);
  }

  private drop() {
    this.dropped++;
    this.emit("dropped", { count: this.dropped });
  }

  private handle(message: HarnessMessage, page: LinkedPage) {
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
      case "reply":
        return this.settle(message.id, (pending) => {
          const { op } = pending;
          if (message.token !== page.replyToken) return pending.reject(new HarnessInterferenceError(op, `a reply to "${op}" did not come from the harness`));
          if (!message.ok) return pending.reject(new SandboxCommandError(op, message.error));
          const parsed = parseCommandResult(op as HarnessCommand["op"], message.result);
          if (!parsed.ok) return pending.reject(new HarnessInterferenceError(op, `the reply to "${op}" is malformed: ${parsed.wrong}`));
          if (op === "snapshot") this.emit("frame", parsed.result as SandboxEvents["frame"]);
          pending.resolve(parsed.result);
        });
    }
  }

  private heartbeatLimit(): number {
    const limit = this.options.heartbeatTimeoutMs;
    return typeof limit === "function" ? limit() : limit;
  }

  private startWatchdog() {
    this.watch = new HeartbeatWatch(performance.now());
    this.watchdog = setInterval(() => this.tick(), TICK_MS);
  }

  /** A busy machine gets a "busy" note (once per silence); only a page silent while the IDE was awake is frozen. */
  private tick() {
    const verdict = this.watch.tick(performance.now(), this.heartbeatLimit());
    if (verdict === "alive") return;
    if (verdict === "busy") {
      if (!this.busyNoted) this.emit("busy", { silentMs: Math.round(this.watch.silence) });
      this.busyNoted = true;
      return;
    }
    const message = `The game froze: no heartbeat for ${(this.watch.silence / 1000).toFixed(1)} s, so the preview was stopped. Look for a loop that never ends or very heavy work in update().`;
    this.emit("error", { kind: "frozen", message });
    this.options.onFrozen(message);
  }

  private stopWatchdog() {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
  }
}

/** A secret a page's harness signs its replies with; unlike the session id, the game never sees it. */
export function newReplyToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
