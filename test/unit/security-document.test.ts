// The game page's head: a project's <style> text cannot close the page's style element early and
// put markup (a script that runs before the harness) into the head.

import { describe, expect, it } from "vitest";
import { buildGameDocument } from "../../src/runtime/document";
import type { HarnessConfig } from "../../src/runtime/harness/harness";
import type { LinkedProgram } from "../../src/runtime/linker";

const harness: HarnessConfig = { session: "s1", mode: "live", seed: 1, loops: [], publicFiles: {}, loopLimitMs: 1500 };
const PHASER = "http://127.0.0.1:5173/vendor/phaser.min.js";

function program(headStyles: string): LinkedProgram {
  return { entry: "src/main.ts", modules: {}, publicFiles: {}, loops: [], bodyHtml: '<div id="game"></div>', headStyles, errors: [] };
}

/** The raw text of the page's first <style> element as an HTML parser reads it: up to the first "</style". */
function styleElementText(html: string): string {
  const open = html.indexOf("<style>") + "<style>".length;
  const close = html.slice(open).search(/<\/style/i);
  return html.slice(open, open + close);
}

describe("the game page's head styles", () => {
  it.each([
    "</sty</stylele><script>window.injected = 1</script>",
    "</STY</STYLELE><script>window.injected = 1</script>",
    "</s</st</sty</stylelelele><script>window.injected = 1</script>",
    "</style ><script>window.injected = 1</script>",
    "</style/><script>window.injected = 1</script>",
  ])("keeps %j inside the style element, so the script never becomes markup", (css) => {
    const html = buildGameDocument(program(`body{color:red}\n${css}`), harness, PHASER);
    const style = styleElementText(html);
    expect(style).toContain("body{color:red}");
    expect(style).toContain("window.injected = 1");
    expect(html.slice(html.indexOf(style) + style.length)).toMatch(/^<\/style>\n<script>\(/);
  });

  it("leaves ordinary CSS as it was", () => {
    const css = '@font-face{font-family:x;src:url("data:font/woff2;base64,AAAA")}\n#game canvas{image-rendering:pixelated}';
    expect(styleElementText(buildGameDocument(program(css), harness, PHASER))).toContain(css);
  });
});
