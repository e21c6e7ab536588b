// The agent in the real IDE page against a scripted OpenAI-compatible server (test/fake-llm on
// 127.0.0.1), configured through the Settings dialog: broken game → error report → fix → playable,
// steering, ask_user buttons, stop, a provider error, and the API key staying out of games and links.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { unzipSync, strFromU8 } from "fflate";
import { startFakeLlm, type FakeLlm } from "../fake-llm";
import { openBrowser, readProject } from "../support/browser";
import { openIdePage } from "../support/ide";
import { editorText as editorTextIn } from "../support/ide";
import { decodeShareLink } from "../../src/project";
import { compileSpec } from "../../src/builder";
import { BROKEN_LINE, BROKEN_PLAY } from "../fixtures/reports/canned";

const KEY = "sk-playforge-test-key-0123456789abcdef";
const starter = readProject("templates/starter");
const fixedTitle = starter["src/scenes/Title.ts"];
const brokenTitle = fixedTitle.replace("  create() {\n", '  create() {\n    throw new Error("the diver got lost");\n');
const STEER = "please keep the title text gold";

let browser: Browser;
let page: Page;
let fake: FakeLlm;

beforeAll(async () => {
  fake = await startFakeLlm([], { models: ["fake-model"] });
  browser = await openBrowser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page = await openIdePage(context);
});
afterEach(async (context) => {
  if (context.task.result?.state === "fail") await page.screenshot({ path: `.out/agent-ide-provider-failed-${context.task.name.slice(0, 30).replace(/\W+/g, "-")}.png` });
});
afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

/** Sends with the button: a click cannot be lost to a re-running game that briefly takes the keyboard. */
async function send(text: string) {
  await page.getByTestId("prompt-input").fill(text);
  await page.getByTestId("prompt-send").click();
}

const runEnded = () => page.getByTestId("chat-working").waitFor({ state: "detached", timeout: 240_000 });
const userTexts = (index: number) => JSON.stringify(fake.requests[index]?.body?.messages ?? []);

describe("agent in the IDE with a configured provider (fake LLM)", () => {
  it("connects through Settings (custom preset, base URL, key, model) and Test connection lists the model", async () => {
    await page.getByTestId("settings-button").click();
    await page.getByTestId("settings-provider").selectOption("custom");
    await page.getByTestId("settings-base-url").fill(fake.url);
    await page.getByTestId("settings-api-key").fill(KEY);
    await page.getByTestId("settings-model-build").fill("fake-model");
    expect(await page.getByTestId("settings-key-warning").innerText()).toMatch(/browser extensions/i);
    await page.getByTestId("settings-test").click();
    await page.locator("[data-testid=settings-connection][data-state=ok]").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("settings-connection").innerText()).toContain("fake-model");
    await page.screenshot({ path: ".out/agent-ide-settings.png" });
    await page.getByTestId("settings-save").click();
    expect(await page.getByTestId("chat-model-label").innerText()).toContain("fake-model");
  });

  it("shows the broken playtest, delivers a steering message, asks with buttons, and ends playable after the model's fix", async () => {
    fake.push(
      { reply: { content: "First a look at the starter.", tool_calls: [{ name: "run_playtest", arguments: { seconds: 8 } }] } },
      { reply: { content: "Writing the title scene.", tool_calls: [{ name: "write_file", arguments: { path: "src/scenes/Title.ts", content: brokenTitle } }, { name: "run_playtest", arguments: { seconds: 5 } }] } },
      { reply: { content: "One question first.", tool_calls: [{ name: "ask_user", arguments: { question: "Which colour should the stars be?", choices: ["Gold", "Blue"] } }] } },
      { reply: { content: "Fixing the throw in create().", tool_calls: [{ name: "write_file", arguments: { path: "src/scenes/Title.ts", content: fixedTitle } }, { name: "run_playtest", arguments: { seconds: 5 } }] } },
      { reply: { tool_calls: [{ name: "finish", arguments: { summary: "Fixed the title scene; the game is playable." } }] } },
    );
    const before = fake.requests.length;
    await send("a star catcher game");
    // Steer while the first (long, playable) playtest runs; the loop hands it to the model before its next call.
    await page.locator("[data-testid=tool-call][data-tool=run_playtest][data-state=running]").waitFor({ state: "attached", timeout: 30_000 });
    await send(STEER);
    // Once the chat shows the message, the run holds it; the next request the model gets carries it.
    await page.locator("[data-testid=chat-user].chat-steer").waitFor();
    const sentBefore = fake.requests.length;
    await page.getByTestId("question").waitFor({ timeout: 90_000 });
    expect(fake.requests.length).toBeGreaterThan(sentBefore);
    expect(userTexts(sentBefore)).toContain(STEER);
    for (let i = before; i < sentBefore; i++) expect(userTexts(i)).not.toContain(STEER);
    const broken = page.locator("[data-testid=chat-playtest][data-verdict=broken]");
    expect(await broken.count()).toBe(1);
    expect(await broken.innerText()).toContain("the diver got lost");
    expect(await broken.locator("[data-testid=report-error-link]").first().getAttribute("data-location")).toMatch(/^src\/scenes\/Title\.ts:9$/);
    await page.screenshot({ path: ".out/agent-ide-question.png" });

    await page.locator("[data-testid=question-choice]", { hasText: "Blue" }).click();
    await runEnded();
    expect(JSON.stringify(fake.requests[before + 3].body.messages)).toContain("Blue");
    expect(fake.requests[before].headers.authorization).toBe(`Bearer ${KEY}`);
    expect(await page.getByTestId("verdict").innerText()).toBe("playable");
    expect(await page.locator("[data-testid=chat-finished]").last().getAttribute("data-playable")).toBe("true");
    // The fourth is the 30 s playtest finish needs after the model's 5 s one.
    expect(await page.locator("[data-testid=checkpoint-restore]").count()).toBe(4);
    expect(await page.getByTestId("run-counters").innerText()).toMatch(/iteration 4/);
    await page.screenshot({ path: ".out/agent-ide-provider-done.png" });
  }, 300_000);

  it("restores a checkpoint into the project: iteration 2 brings back the throw, iteration 3 the fix", async () => {
    await page.getByTestId("checkpoints").locator("summary").click();
    const restore = page.getByTestId("checkpoint-restore");
    await restore.nth(1).click();
    await page.locator('[data-testid=file-item][data-path="src/scenes/Title.ts"]').click();
    const editorText = () => editorTextIn(page);
    await expect.poll(editorText, { timeout: 10_000 }).toContain("the diver got lost");
    await restore.nth(2).click();
    await expect.poll(editorText, { timeout: 10_000 }).not.toContain("the diver got lost");
  });

  it("pauses between steps: no request reaches the model while paused, and resume carries on", async () => {
    // The restored project equals the starter again, so the model changes something: a run that
    // writes nothing on the starter is not playable.
    fake.push(
      { reply: { content: "A gold title, then a short check.", tool_calls: [{ name: "edit_file", arguments: { path: "src/scenes/Title.ts", search: 'color: "#ffd166"', replace: 'color: "#ffcc00"' } }, { name: "run_playtest", arguments: { seconds: 6 } }] } },
      { reply: { tool_calls: [{ name: "finish", arguments: { summary: "Still playable." } }] } },
    );
    const before = fake.requests.length;
    await send("make the title gold and check it again");
    await page.locator("[data-testid=tool-call][data-tool=run_playtest][data-state=running]").last().waitFor({ state: "attached", timeout: 30_000 });
    await page.getByTestId("pause-button").click();
    await page.locator("[data-testid=tool-call][data-tool=run_playtest][data-state=ok]").last().waitFor({ state: "attached", timeout: 60_000 });
    await page.waitForTimeout(1500);
    expect(fake.requests.length).toBe(before + 1);
    expect(await page.getByTestId("chat-working").innerText()).toContain("Paused");
    await page.getByTestId("pause-button").click();
    await runEnded();
    expect(fake.requests.length).toBe(before + 2);
    expect(await page.locator("[data-testid=chat-finished]").last().getAttribute("data-playable")).toBe("true");
  }, 300_000);

  it("stops a run with the Stop button while it playtests", async () => {
    fake.push({ reply: { content: "Playtesting at length.", tool_calls: [{ name: "run_playtest", arguments: { seconds: 60 } }] } });
    await send("play it for a minute");
    await page.locator("[data-testid=tool-call][data-tool=run_playtest][data-state=running]").last().waitFor({ state: "attached", timeout: 30_000 });
    await page.getByTestId("stop-button").click();
    await page.getByTestId("chat-working").waitFor({ state: "detached", timeout: 20_000 });
    expect(await page.locator("[data-testid=chat-notice]").last().innerText()).toMatch(/Cancelled/);
    expect(await page.getByTestId("stop-button").isDisabled()).toBe(true);
  });

  it("type-checks the model's Phaser 3 code in the IDE's worker against Phaser 4's types and holds back its playtest", async () => {
    fake.push(
      { reply: { content: "A spawn point for the stars.", tool_calls: [{ name: "write_file", arguments: { path: "src/scenes/Play.ts", content: BROKEN_PLAY } }] } },
      { reply: { tool_calls: [{ name: "run_playtest", arguments: { seconds: 5 } }] } },
      { reply: { content: "Playtesting at length.", tool_calls: [{ name: "run_playtest", arguments: { seconds: 60 } }] } },
    );
    const before = fake.requests.length;
    await send("give the stars a spawn point");
    // The second run_playtest is the one held back; the third playtests the files anyway, and is stopped.
    await expect.poll(() => fake.requests.length, { timeout: 90_000 }).toBe(before + 3);
    await page.locator("[data-testid=tool-call][data-tool=run_playtest][data-state=running]").last().waitFor({ state: "attached", timeout: 30_000 });
    await page.getByTestId("stop-button").click();
    await runEnded();
    fake.reset();
    const toolText = (index: number) => (fake.requests[index]?.body?.messages as Array<{ role: string; content: string }>).filter((m) => m.role === "tool").at(-1)?.content ?? "";
    // The write's result carries the check: the file and line, and the Phaser 4 replacement from the migration guide.
    expect(toolText(before + 1)).toContain(`- src/scenes/Play.ts:${BROKEN_LINE}:`);
    expect(toolText(before + 1)).toContain("Phaser 4: Replace `Geom.Point` usage with `Vector2`");
    expect(toolText(before + 2)).toMatch(/^Not run: Type check: 1 error/);
    expect(await page.locator(".chat-progress").allTextContents()).toContainEqual(expect.stringMatching(new RegExp(`^Type check: 1 error, first src/scenes/Play.ts:${BROKEN_LINE} `)));
  }, 300_000);

  it("shows a 500 from the provider as an error naming the provider, model, status and what to do", async () => {
    fake.push({ fault: "500" }, { fault: "500" }, { fault: "500" });
    await send("make it harder");
    await runEnded();
    const card = page.getByTestId("provider-error").last();
    const text = await card.innerText();
    expect(text).toContain(fake.url.replace(/\/v1$/, ""));
    expect(text).toContain("fake-model");
    expect(text).toContain("HTTP 500");
    expect(text).toMatch(/try again|fallback/i);
    await page.screenshot({ path: ".out/agent-ide-provider-error.png" });
  });

  it("keeps the API key out of the game iframes, the share link and the zip export", async () => {
    let sandboxedFrames = 0;
    for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
      const seen = await frame
        .evaluate(() => {
          const out: string[] = [];
          for (const read of [() => localStorage.getItem("playforge.settings.v1"), () => JSON.stringify(window.parent.localStorage), () => document.cookie]) {
            try {
              out.push(String(read()));
            } catch (error) {
              out.push(`blocked: ${(error as Error).name}`);
            }
          }
          return out.join("\n");
        })
        .catch((error: Error) => `frame gone: ${error.message}`);
      expect(seen).not.toContain(KEY);
      if (seen.startsWith("blocked: SecurityError")) sandboxedFrames++;
    }
    // At least the live preview ran this check, and its own storage access was refused (opaque origin).
    expect(sandboxedFrames).toBeGreaterThan(0);
    await page.getByTestId("share-button").click();
    const link = await page.getByTestId("share-link").inputValue();
    expect(link).not.toContain(KEY);
    const files = decodeShareLink(link, { specCompiler: (json) => compileSpec(JSON.parse(json)) });
    for (const [path, content] of Object.entries(files)) expect(String(content), path).not.toContain(KEY);

    await page.getByTestId("export-button").click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-zip").click()]);
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    expect(Object.keys(zip).length).toBeGreaterThan(3);
    for (const [path, bytes] of Object.entries(zip)) expect(strFromU8(bytes), path).not.toContain(KEY);
  });
});
