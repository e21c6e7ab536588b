// Harness part: the game's console goes to the IDE too (at most 200 lines a second), and Phaser's
// warnings that mean a bug become errors of kind "warning". Serialised with toString: self-contained.

import type { HarnessContext } from "./context";
import type { SourceLocation } from "./protocol";

/* eslint-disable @typescript-eslint/no-explicit-any */
export function installConsole(h: HarnessContext): void {
  let messagesThisSecond = 0;
  let secondStartedAt = h.realNow();
  let droppedConsole = 0;

  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    const original = (console as any)[level].bind(console);
    (console as any)[level] = (...args: unknown[]) => {
      const now = h.realNow();
      if (now - secondStartedAt > 1000) {
        if (droppedConsole > 0) h.post({ type: "console", level: "warn", text: `… ${droppedConsole} console messages dropped (more than 200 a second)` });
        secondStartedAt = now;
        messagesThisSecond = 0;
        droppedConsole = 0;
      }
      // Past the limit a message reaches neither the IDE nor the browser's own console: a game
      // logging thousands of lines a frame would otherwise slow itself, and open DevTools, to a crawl.
      if (++messagesThisSecond > 200) {
        droppedConsole++;
        return;
      }
      original(...args);
      if (typeof args[0] === "string" && args[0].startsWith("%cPhaser v")) return;
      const text = consoleText(args).slice(0, 8000);
      const stack = new Error().stack?.split("\n").slice(2).join("\n");
      h.post({ type: "console", level, text, location: h.locate(stack) });
      if (level === "warn" || level === "error") reportPhaserWarning(text, stack);
    };
  }

  /** Console arguments as the browser prints them: a leading format string takes %s/%o/%d arguments. */
  function consoleText(args: unknown[]): string {
    const rest = args.slice();
    let first = typeof rest[0] === "string" ? (rest.shift() as string) : null;
    if (first !== null) first = first.replace(/%[sodifcO]/g, (spec) => (spec === "%c" ? (rest.shift(), "") : rest.length ? h.safeString(rest.shift()) : spec));
    return [...(first !== null ? [first] : []), ...rest.map(h.safeString)].join(" ");
  }

  // Phaser warns instead of throwing when a game names a scene or a texture that does not exist or
  // calls a removed API; the game then shows a black screen or a missing-texture box. Those are
  // errors of kind "warning", located at the game's line (or the line that queued the scene op).
  // Not among them: notices of harmless repeats ("Animation key exists", "Texture key already in use").
  const BUG_WARNING = /not found|missing|No texture|has no (frame|tileset)|No .*data found|zero frames|removed|deprecated|no longer|Invalid|not supported/i;
  const warned = new Set<string>();
  h.sceneCallers = new Map<string, SourceLocation>();

  h.reportWarning = (message, location) => {
    if (warned.has(message) || warned.size >= 50) return;
    warned.add(message);
    h.post({ type: "error", error: { kind: "warning", message: message.slice(0, 4000), ...(location ? { location } : {}) } });
  };

  function reportPhaserWarning(text: string, stack: string | undefined) {
    const caller = stack?.split("\n").find((line) => /\bat\b|@/.test(line)) ?? "";
    const fromPhaser = /phaser/i.test(caller) && !/playforge:\/\/\/|\/src\//.test(caller);
    if (!fromPhaser || !BUG_WARNING.test(text) || /^Failed to process file/.test(text)) return;
    const sceneKey = /^Scene key not found: (.*)$/.exec(text)?.[1];
    h.reportWarning(`Phaser: ${text}`, h.locate(stack) ?? (sceneKey !== undefined ? h.sceneCallers.get(sceneKey) : undefined));
  }
}
