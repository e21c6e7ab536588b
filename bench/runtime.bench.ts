// Budgets of the foundation issue: preview first frame vs a bare Phaser page, and edit → new frame.
import type { Page } from "playwright-core";
import { launchChromium } from "../src/node/browser";
import { startIdeServer } from "../src/node/server";
import { loadProjectDir } from "../src/node/driver";
import { median, recordResults, type BenchResult } from "./results";
import { barePage, startStaticServer } from "./bare-page";
import { compileSpec, parsePrompt } from "../src/builder";

const DIVING_PROMPT = "a deep-sea diving game where you collect pearls and dodge jellyfish";

const ROUNDS = 11;

/**
 * In the page: a NEW sandbox (no pre-warmed page, so Phaser is loaded and parsed as on first
 * open), timed from the call — including the builder's parse + compile when given a prompt — to
 * the first rendered frame.
 */
async function coldMount({ files, prompt }: { files: Record<string, string> | null; prompt: string | null }): Promise<{ frameMs: number; observedMs: number }> {
  const { createIframeSandbox } = await import("/src/runtime/index.ts" as string);
  const { compileSpec, parsePrompt } = await import("/src/builder/index.ts" as string);
  const host = document.createElement("div");
  host.style.cssText = "width:800px;height:600px";
  document.body.appendChild(host);
  const sandbox = createIframeSandbox(host);
  const start = performance.timeOrigin + performance.now();
  // Timed at the game page's first postrender on the clock all pages share, as the bare page is.
  // observedMs: when the IDE hears of it (the page reports once the frame's own work is done).
  const ready = new Promise<{ frameMs: number; observedMs: number }>((resolve) =>
    sandbox.on("ready", (e: { renderedAt: number }) => resolve({ frameMs: e.renderedAt - start, observedMs: performance.timeOrigin + performance.now() - start })),
  );
  await sandbox.mount(prompt ? compileSpec(parsePrompt(prompt).spec) : files);
  const ms = await ready;
  sandbox.stop();
  host.remove();
  return ms;
}

async function main() {
  const server = await startIdeServer();
  const starter = loadProjectDir("templates/starter") as Record<string, string>;
  const diving = compileSpec(parsePrompt(DIVING_PROMPT).spec) as Record<string, string>;
  // Baseline: a bare static page that loads phaser.min.js and boots the same game, compiled ahead.
  const bareServer = await startStaticServer({ "/starter.html": barePage(starter), "/diving.html": barePage(diving) });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.on("pageerror", (e) => console.error("bare page:", e.message));
    await page.goto(`${bareServer.url}/starter.html`);
    const runtimePage = await browser.newPage();
    await runtimePage.goto(`${server.url}/test/browser/pages/runtime.html`);
    await runtimePage.waitForFunction(() => (window as any).runtimeTestReady);

    /** The bare page's first frame, navigation start → first postrender, in `target`. */
    async function bareFrame(target: Page, barePath: string): Promise<number> {
      await target.goto(`${bareServer.url}${barePath}`);
      await target.waitForFunction(() => (window as any).firstFrameMs !== undefined, null, { timeout: 20_000 });
      const ms = await target.evaluate(() => (window as any).firstFrameMs as number);
      await target.goto("about:blank");
      return ms;
    }

    /**
     * Alternates the bare page and a cold mount; only one game runs at a time (the other pages are
     * blank). The bare page is timed twice a round: as a first visit (a new browser context: empty
     * HTTP cache, no compiled code kept, a new renderer process), which is what every new game page
     * is, since a sandboxed page's opaque origin gets no HTTP or code cache and a process of its own;
     * and reloaded in the same tab, where from its third load V8 reuses Phaser's compiled code.
     */
    async function compare(barePath: string, mount: { files: Record<string, string> | null; prompt: string | null }) {
      const rounds = { bare: [] as number[], cachedBare: [] as number[], frame: [] as number[], observed: [] as number[], firstOpen: { bare: 0, frame: 0 } };
      for (let round = 0; round <= ROUNDS; round++) {
        const fresh = await browser.newContext();
        const bareMs = await bareFrame(await fresh.newPage(), barePath);
        await fresh.close();
        const cachedMs = await bareFrame(page, barePath);
        const { frameMs, observedMs } = await runtimePage.evaluate(coldMount, mount);
        // Round 0 is the first open: nothing cached, and the preview also loads its transpiler.
        if (round === 0) rounds.firstOpen = { bare: bareMs, frame: frameMs };
        else {
          rounds.bare.push(bareMs);
          rounds.cachedBare.push(cachedMs);
          rounds.frame.push(frameMs);
          rounds.observed.push(observedMs);
        }
      }
      return rounds;
    }
    const preview = await compare("/starter.html", { files: starter, prompt: null });

    // Edit → new frame: change the background colour and time updateFile → first frame of the new run
    // (the page's long-lived sandbox, which pre-warms the next page between edits).
    await runtimePage.evaluate((files) => (window as any).runtimeTest.sandbox.mount(files), starter);
    // Timed, like the first frame, at the new page's first postrender on the clock all pages share
    // (what the person sees); observed: when the IDE hears of it.
    const edits: Array<{ frameMs: number; observedMs: number }> = await runtimePage.evaluate(async (files) => {
      const t = (window as any).runtimeTest;
      const times: Array<{ frameMs: number; observedMs: number }> = [];
      for (let i = 0; i < 10; i++) {
        // A person pauses between edits; the runtime uses that time to pre-warm the next page.
        await new Promise((r) => setTimeout(r, 1000));
        const main = files["src/main.ts"].replace("#1d2333", `#${(0x101010 + i * 0x030303).toString(16)}`);
        const start = performance.timeOrigin + performance.now();
        const ready = new Promise<{ frameMs: number; observedMs: number }>((resolve) => {
          const off = t.sandbox.on("ready", (e: { renderedAt: number }) => {
            off();
            resolve({ frameMs: e.renderedAt - start, observedMs: performance.timeOrigin + performance.now() - start });
          });
        });
        await t.sandbox.updateFile("src/main.ts", main);
        times.push(await ready);
      }
      return times;
    }, starter);
    // The next comparison starts as the first did, with no game running in the page: a running
    // game slows the bare page (it shares the CPU) and speeds a new page's first frame (the
    // compositor is already producing frames), 2.9× → 0.83× for the same game.
    await runtimePage.evaluate(() => (window as any).runtimeTest.sandbox.stop());

    // Offline builder: prompt → spec → project → first frame in the preview, vs the bare page booting
    // the same generated game.
    const builder = await compare("/diving.html", { files: null, prompt: DIVING_PROMPT });

    /** The ≤1.25× first-frame budget over the rounds of one comparison. */
    const firstFrame = (what: string, rounds: Awaited<ReturnType<typeof compare>>): BenchResult => {
      const ratio = median(rounds.frame) / median(rounds.bare);
      return {
        what,
        value: median(rounds.frame),
        unit: "ms",
        baseline: median(rounds.bare),
        ratio,
        budget: "≤1.25× bare page",
        pass: ratio <= 1.25,
        details: {
          observedByIdeMs: median(rounds.observed),
          firstOpenMs: rounds.firstOpen,
          // What isolation costs against a bare page whose compiled Phaser V8 keeps.
          cachedBareMs: median(rounds.cachedBare),
          ratioToCachedBare: median(rounds.frame) / median(rounds.cachedBare),
        },
      };
    };
    recordResults({
      "preview-first-frame": firstFrame(
        "starter game: new sandbox, mount → first Phaser postrender in the page (cold: Phaser fetched and parsed again, as in every new sandboxed frame), vs a first visit of a bare static page from a plain server loading phaser.min.js and booting the same game, navigation start → first postrender",
        preview,
      ),
      "builder-prompt-to-frame": firstFrame(
        "offline builder: parse the diving prompt, compile the project, mount → first postrender in the preview, vs a first visit of the bare page booting the same generated game",
        builder,
      ),
      "edit-to-frame": {
        what: "updateFile(src/main.ts) → first postrender of the re-run preview, median of 10",
        value: median(edits.map((e) => e.frameMs)),
        unit: "ms",
        budget: "≤300 ms median",
        pass: median(edits.map((e) => e.frameMs)) <= 300,
        details: { observedByIdeMs: median(edits.map((e) => e.observedMs)) },
      },
    });
  } finally {
    await browser.close();
    await server.close();
    bareServer.server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
