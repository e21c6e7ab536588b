// The script WebContainer injects into every preview page (setPreviewScript): the same harness the
// iframe runtime uses, plus the "loaded" report that the iframe runtime's module loader sends.

import { harnessScript, type HarnessConfig } from "../harness/harness";

/**
 * Vite runs the project's own modules, so there is no loop guard and no public/ table: the
 * watchdog catches frozen pages, and Vite serves public/ itself.
 */
export function previewHarnessConfig(session: string, mode: { playtest?: { seed: number } }, loopLimitMs: number, replyToken?: string): HarnessConfig {
  return { session, mode: mode.playtest ? "playtest" : "live", seed: mode.playtest?.seed ?? 1, loops: [], publicFiles: {}, loopLimitMs, replyToken };
}

export function buildPreviewScript(config: HarnessConfig): string {
  // Placed inline in an HTML response: harnessScript keeps "</script" out of it.
  return [
    harnessScript(config),
    // Module scripts run before "load", so by then main.ts has had its chance to register the game.
    `window.addEventListener("load", function () { if (window.__pfLoaded) window.__pfLoaded(); });`,
  ].join("\n");
}
