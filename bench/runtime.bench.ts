// Budgets of the foundation issue: preview first frame vs a bare Phaser page, and edit → new frame.
import { launchChromium } from "../src/node/browser";
import { startIdeServer } from "../src/node/server";
import { readProject } from "../test/support/browser";
import { median, recordResults } from "./results";
import { transform } from "sucrase";
import { compileSpec, parsePrompt } from "../src/builder";

const DIVING_PROMPT = "a deep-sea diving game where you collect pearls and dodge jellyfish";

/** The starter game as one classic script after phaser.min.js; first frame timed from navigation start. */
function barePage(files: Record<string, string>): string {
  const modules = Object.entries(files)
    .filter(([path]) => path.endsWith(".ts"))
    .map(([path, source]) => `${JSON.stringify(path)}: function (require, module, exports) {${transform(source, { transforms: ["typescript", "imports"], production: true }).code}\n}`);
  return `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;height:100%}#game{width:100%;height:100%}</style>
<script src="/vendor/phaser.min.js"></script></head><body><div id="game"></div><script>
window.__playforge = { register(game) { game.events.once("postrender", () => { window.firstFrameMs = performance.now(); }); } };
const modules = {${modules.join(",\n")}};
const cache = {};
function load(path) {
  if (cache[path]) return cache[path].exports;
  const module = (cache[path] = { exports: {} });
  const resolve = (spec) => {
    const parts = path.split("/").slice(0, -1);
    for (const seg of spec.split("/")) seg === ".." ? parts.pop() : seg !== "." && parts.push(seg);
    return parts.join("/") + ".ts";
  };
  modules[path]((spec) => spec === "phaser" ? Object.assign({}, Phaser, { __esModule: true, default: Phaser }) : load(resolve(spec)), module, module.exports);
  return module.exports;
}
load("src/main.ts");
</script></body></html>`;
}

const ROUNDS = 7;

/**
 * In the page: a NEW sandbox (no pre-warmed page, so Phaser is loaded and parsed as on first
 * open), timed from the call — including the builder's parse + compile when given a prompt — to
 * the first rendered frame.
 */
async function coldMount({ files, prompt }: { files: Record<string, string> | null; prompt: string | null }): Promise<number> {
  const { createIframeSandbox } = await import("/src/runtime/index.ts" as string);
  const { compileSpec, parsePrompt } = await import("/src/builder/index.ts" as string);
  const host = document.createElement("div");
  host.style.cssText = "width:800px;height:600px";
  document.body.appendChild(host);
  const sandbox = createIframeSandbox(host);
  const start = performance.now();
  const ready = new Promise<number>((resolve) => sandbox.on("ready", () => resolve(performance.now() - start)));
  await sandbox.mount(prompt ? compileSpec(parsePrompt(prompt).spec) : files);
  const ms = await ready;
  sandbox.stop();
  host.remove();
  return ms;
}

async function main() {
  const server = await startIdeServer();
  const browser = await launchChromium();
  try {
    const starter = readProject("templates/starter");
    const page = await browser.newPage();

    // Baseline: a bare static page that loads phaser.min.js and boots the same game, compiled ahead.
    await page.route(`${server.url}/bench-bare.html`, (route) => route.fulfill({ contentType: "text/html", body: barePage(starter) }));
    page.on("pageerror", (e) => console.error("bare page:", e.message));
    await page.goto(`${server.url}/bench-bare.html`);
    const bare: number[] = [];
    const preview: number[] = [];
    const runtimePage = await browser.newPage();
    await runtimePage.goto(`${server.url}/test/browser/pages/runtime.html`);
    await runtimePage.waitForFunction(() => (window as any).runtimeTestReady);
    for (let round = 0; round <= ROUNDS; round++) {
      await page.reload();
      await page.waitForFunction(() => (window as any).firstFrameMs !== undefined, null, { timeout: 20_000 });
      const bareMs = await page.evaluate(() => (window as any).firstFrameMs as number);
      const previewMs = await runtimePage.evaluate(coldMount, { files: starter, prompt: null });
      if (round > 0) {
        bare.push(bareMs);
        preview.push(previewMs);
      }
    }

    // Edit → new frame: change the background colour and time updateFile → first frame of the new run
    // (the page's long-lived sandbox, which pre-warms the next page between edits).
    await runtimePage.evaluate((files) => (window as any).runtimeTest.sandbox.mount(files), starter);
    const edits: number[] = await runtimePage.evaluate(async (files) => {
      const t = (window as any).runtimeTest;
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        // A person pauses between edits; the runtime uses that time to pre-warm the next page.
        await new Promise((r) => setTimeout(r, 1000));
        const main = files["src/main.ts"].replace("#1d2333", `#${(0x101010 + i * 0x030303).toString(16)}`);
        const start = performance.now();
        const ready = new Promise<number>((resolve) => {
          const off = t.sandbox.on("ready", () => {
            off();
            resolve(performance.now() - start);
          });
        });
        await t.sandbox.updateFile("src/main.ts", main);
        times.push(await ready);
      }
      return times;
    }, starter);

    // Offline builder: prompt → spec → project → first frame in the preview, vs the bare page booting
    // the same generated game.
    const diving = compileSpec(parsePrompt(DIVING_PROMPT).spec) as Record<string, string>;
    await page.route(`${server.url}/bench-bare-diving.html`, (route) => route.fulfill({ contentType: "text/html", body: barePage(diving) }));
    const bareBuilder: number[] = [];
    const builder: number[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      await page.goto(`${server.url}/bench-bare-diving.html`);
      await page.waitForFunction(() => (window as any).firstFrameMs !== undefined, null, { timeout: 20_000 });
      const bareMs = await page.evaluate(() => (window as any).firstFrameMs as number);
      const builderMs = await runtimePage.evaluate(coldMount, { files: null, prompt: DIVING_PROMPT });
      if (round > 0) {
        bareBuilder.push(bareMs);
        builder.push(builderMs);
      }
    }

    const bareMedian = median(bare);
    const previewMedian = median(preview);
    recordResults({
      "preview-first-frame": {
        what: "starter game: new sandbox, mount → first Phaser frame (cold: Phaser loaded and parsed), vs a bare page (served through a Playwright route) loading phaser.min.js and booting the same game",
        value: previewMedian,
        unit: "ms",
        baseline: bareMedian,
        ratio: previewMedian / bareMedian,
        budget: "≤1.25× bare page",
        pass: previewMedian / bareMedian <= 1.25,
      },
      "builder-prompt-to-frame": {
        what: "offline builder: parse the diving prompt, compile the project, mount → first frame in the preview, vs a bare page booting the same generated game",
        value: median(builder),
        unit: "ms",
        baseline: median(bareBuilder),
        ratio: median(builder) / median(bareBuilder),
        budget: "≤1.25× bare page",
        pass: median(builder) / median(bareBuilder) <= 1.25,
      },
      "edit-to-frame": {
        what: "updateFile(src/main.ts) → first frame of the re-run preview, median of 10",
        value: median(edits),
        unit: "ms",
        budget: "≤300 ms median",
        pass: median(edits) <= 300,
      },
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
