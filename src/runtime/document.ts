// Builds the game page for the iframe runtime: CSP without network, the harness, Phaser from
// the IDE's origin, then the linked project.

import { harnessScript, scriptJson, type HarnessConfig } from "./harness/harness";
import { runProgram, type PageProgram } from "./harness/loader";
import type { LinkedProgram } from "./linker";
import type { GameError } from "./harness/protocol";

/**
 * The game page's policy. What a game can still do, and why (see docs/SECURITY.md):
 * - load exactly one script from the IDE's origin, Phaser at `phaserUrl` (a path source matches
 *   that path only), so a game cannot send GET requests to other IDE paths through script-src;
 * - run its own inline, eval'd and blob: code (the linker's modules and the harness are inline);
 * - use data:/blob: URLs for images, media, fonts, workers and fetch (its public/ files);
 * - navigate its own frame: Chromium does not enforce CSP `navigate-to`, and a frame's sandbox
 *   cannot forbid it. The new page stays in the sandbox (opaque origin, no popups, no top
 *   navigation), and all a game has to send is its own project: the IDE never gives the frame
 *   keys or storage.
 * Nothing else: no network to any origin, no frames, no form posts, no <base>.
 */
export function contentSecurityPolicy(phaserUrl: string): string {
  return [
    "default-src 'none'",
    `script-src ${cspSource(phaserUrl)} 'unsafe-inline' 'unsafe-eval' blob:`,
    "style-src 'unsafe-inline'",
    "img-src data: blob:",
    "media-src data: blob:",
    "font-src data: blob:",
    "connect-src data: blob:",
    "worker-src blob:",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join("; ");
}

/**
 * The URL as a CSP source: origin and path (CSP ignores queries; a path without a final / matches
 * only itself). Phaser handed over as a data: URL (/play, offline: src/app/offline/phaser.ts) has
 * no origin to pin; allowing data: scripts gives a game nothing that 'unsafe-inline' does not.
 */
function cspSource(url: string): string {
  const { protocol, origin, pathname } = new URL(url);
  if (protocol === "data:") return "data:";
  return `${origin}${pathname}`;
}

/**
 * CSS for the page's <style>: every "</" becomes "<\/" (the same in CSS strings and comments), so
 * no "</style" can end the element early, however it is spelled or nested ("</sty</stylele>").
 */
function styleText(css: string): string {
  return css.replace(/<\//g, "<\\/");
}

/** The program for the page's loader; Phaser's URL only names where it came from in an error. */
export function pageProgram(program: LinkedProgram, phaserUrl: string): PageProgram {
  // A data: URL is Phaser itself (~1.6 MB): not worth a second copy in the page or a run message.
  const source = phaserUrl.startsWith("data:") ? "the copy the IDE handed over (data: URL)" : phaserUrl;
  return { entry: program.entry, modules: program.modules, phaserUrl: source };
}

/**
 * The game page. Without a program it is a pre-warmed page: harness and Phaser loaded, waiting
 * for a "run" message with the program, so an edit does not pay for parsing Phaser again.
 */
export function buildGameDocument(program: LinkedProgram | null, harness: HarnessConfig, phaserUrl: string): string {
  const start = program
    ? `(${runProgram.toString()})(${scriptJson(pageProgram(program, phaserUrl))});`
    : `window.__pfRunProgram = ${runProgram.toString()};`;
  return `<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(phaserUrl)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>html,body{margin:0;padding:0;width:100%;height:100%;overflow:hidden;background:#10131c}#game{width:100%;height:100%}
${styleText(program?.headStyles ?? "")}</style>
<script>${harnessScript(harness)}</script>
<script src="${phaserUrl}" crossorigin="anonymous"></script>
</head><body>${program?.bodyHtml ?? '<div id="game"></div>'}
<script>${start}</script>
</body></html>`;
}

/** A page shown instead of the game when it cannot start (syntax or import errors): never blank. */
export function buildErrorDocument(errors: GameError[]): string {
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
  const items = errors
    .map((e) => `<li><b>${escape(e.location ? `${e.location.file}:${e.location.line}` : e.kind)}</b> ${escape(e.message)}</li>`)
    .join("");
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{margin:0;padding:24px;font:14px/1.5 ui-monospace,monospace;background:#2a1215;color:#ffd7d7}h1{font-size:16px;color:#ff8f8f}li{margin:8px 0}</style></head>
<body><h1>The game cannot start</h1><ul>${items}</ul><p>Fix the file above; the preview re-runs when you save.</p></body></html>`;
}
