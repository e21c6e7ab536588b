// Harness part: the page's real clock and timers (before anything fakes them), messages to the IDE,
// source locations and error reports. Runs first. Serialised with toString: self-contained.

import type { HarnessContext } from "./context";
import type { SourceLocation } from "./protocol";

/* eslint-disable @typescript-eslint/no-explicit-any */
export function installCore(h: HarnessContext): void {
  const CHANNEL = "playforge";
  const w = window as any;
  h.w = w;
  h.parentWindow = window.parent;
  // The config (session, reply token) stays in this script's closure only: the game cannot read it from the page.
  document.currentScript?.remove();
  h.realNow = performance.now.bind(performance);
  h.realSetTimeout = window.setTimeout.bind(window) as HarnessContext["realSetTimeout"];
  h.realSetInterval = window.setInterval.bind(window) as HarnessContext["realSetInterval"];
  h.startedAt = h.realNow();
  h.virtual = h.config.mode === "playtest";
  Object.assign(h, { game: null, phaser: null, registered: false, frame: 0, rendered: false, programStarted: false, vnow: 0, lastErrorAt: -Infinity });

  const postToParent = h.parentWindow.postMessage.bind(h.parentWindow);
  h.post = (message) => {
    try {
      postToParent({ channel: CHANNEL, v: 1, session: h.config.session, ...message }, "*");
    } catch {
      // Unclonable payloads are dropped; the IDE counts what it never receives as nothing.
    }
  };

  h.locate = (stack) => {
    if (!stack) return undefined;
    const m = /playforge:\/\/\/([^\s):]+):(\d+):(\d+)/.exec(stack);
    if (m) return { file: m[1], line: Number(m[2]), column: Number(m[3]) };
    // Pages served by a dev server (WebContainer runtime): http(s)://host/src/x.ts?t=123:line:col.
    const served = /https?:\/\/[^/\s]+\/(src\/[^\s?:)]+\.[jt]sx?)(?:\?[^\s:)]*)?:(\d+):(\d+)/.exec(stack);
    return served ? { file: served[1], line: Number(served[2]), column: Number(served[3]) } : undefined;
  };

  function cleanStack(stack: string | undefined): string | undefined {
    if (!stack) return undefined;
    return stack
      .split("\n")
      .filter((line) => !/vendor\/phaser|<anonymous>|installHarness|install[A-Z]\w+ \(|__pfRun/.test(line))
      .slice(0, 12)
      .join("\n")
      .replace(/playforge:\/\/\//g, "");
  }

  h.safeString = (value) => {
    if (typeof value === "string") return value;
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    try {
      const json = JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? String(v) : v));
      return json === undefined ? String(value) : json.length > 2000 ? `${json.slice(0, 2000)}…` : json;
    } catch {
      return Object.prototype.toString.call(value);
    }
  };

  const reported = new WeakSet<object>();
  h.reportError = (kind, error, fallback?: SourceLocation) => {
    h.lastErrorAt = h.realNow();
    if (error && typeof error === "object") {
      if (reported.has(error)) return;
      reported.add(error);
    }
    const e = error as any;
    const message = e instanceof Error ? `${e.name}: ${e.message}` : typeof e === "string" ? e : h.safeString(e);
    const stack = e instanceof Error ? e.stack : undefined;
    const location = (e && e.__pfLocation) || h.locate(stack) || fallback;
    h.post({ type: "error", error: { kind: e && e.__pfKind ? e.__pfKind : kind, message: message.slice(0, 4000), stack: cleanStack(stack), location } });
  };
  w.__pfReportError = h.reportError;

  window.addEventListener("error", (event) => {
    if (event.error) h.reportError("error", event.error);
    else if (event.message) h.reportError("error", event.message, event.filename ? { file: event.filename.replace("playforge:///", ""), line: event.lineno, column: event.colno } : undefined);
  });
  window.addEventListener("unhandledrejection", (event) => {
    const reason = event.reason;
    if (reason instanceof Error) h.reportError("unhandledrejection", reason);
    else h.reportError("unhandledrejection", `Unhandled promise rejection: ${h.safeString(reason)}`);
  });
}
