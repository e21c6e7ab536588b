// The script WebContainer injects into every preview page (setPreviewScript): the same harness the
// iframe runtime uses, plus the "loaded" report that the iframe runtime's module loader sends.

import { installHarness, type HarnessConfig } from "../harness/harness";

/** Escapes a JSON payload for use inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/**
 * Vite runs the project's own modules, so there is no loop guard and no public/ table: the
 * watchdog catches frozen pages, and Vite serves public/ itself.
 */
export function previewHarnessConfig(session: string, mode: { playtest?: { seed: number } }, loopLimitMs: number, replyToken?: string): HarnessConfig {
  return { session, mode: mode.playtest ? "playtest" : "live", seed: mode.playtest?.seed ?? 1, loops: [], publicFiles: {}, loopLimitMs, replyToken };
}

export function buildPreviewScript(config: HarnessConfig): string {
  const harness = installHarness.toString();
  // The script is placed inline in an HTML response; a closing tag would end it early.
  if (/<\/script/i.test(harness)) throw new Error("The harness source contains </script> and cannot be injected inline; escape it in src/runtime/harness/harness.ts.");
  return [
    `(${harness})(${scriptJson(config)});`,
    // Module scripts run before "load", so by then main.ts has had its chance to register the game.
    `window.addEventListener("load", function () { if (window.__pfLoaded) window.__pfLoaded(); });`,
  ].join("\n");
}
