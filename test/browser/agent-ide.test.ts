// The agent in the real IDE page with no provider configured: the offline builder turns a prompt
// into a diving game that shows in the preview with a playable verdict, and a follow-up changes it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { nonBackgroundFraction, openBrowser } from "../support/browser";
import { openIdePage } from "../support/ide";

const FRAME = "[data-testid=preview-frame]";
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await openIdePage(context);
});
afterAll(async () => browser?.close());

const finishedRuns = () => page.locator("[data-testid=chat-finished]").count();

/** Waits until the run started after `before` runs had finished has ended (a busy machine may take minutes). */
async function waitForRunEnd(before: number) {
  await expect.poll(finishedRuns, { timeout: 240_000 }).toBeGreaterThan(before);
  await page.getByTestId("chat-working").waitFor({ state: "detached", timeout: 60_000 });
}

/** Types a prompt and presses Enter, then waits for the run to end. */
async function prompt(text: string) {
  const before = await finishedRuns();
  await page.getByTestId("prompt-input").fill(text);
  await page.getByTestId("prompt-input").press("Enter");
  await waitForRunEnd(before);
}

async function specText(): Promise<string> {
  return page.locator("[data-testid=spec-card][data-latest=true] [data-testid=spec-summary]").innerText();
}

async function fileText(path: string): Promise<string> {
  await page.locator(`[data-testid=file-item][data-path="${path}"]`).click();
  await expect.poll(() => page.getByTestId("editor-path").textContent(), { timeout: 20_000 }).toBe(path);
  await page.locator("[data-testid=editor] .view-lines").waitFor();
  return (await page.locator("[data-testid=editor] .view-lines").innerText()).replace(/\u00a0/g, " ");
}

const jellyfishSpeed = (text: string) => Number(/(\d+) jellyfish \(speed (\d+)\)/.exec(text)?.[2]);

describe("agent in the IDE with the offline builder", () => {
  it("builds a playable diving game from a typed prompt, shows the understood spec, and a follow-up makes the jellyfish faster", async () => {
    await expect(page.getByTestId("chat-model-label")).toBeDefined();
    expect(await page.getByTestId("chat-model-label").innerText()).toContain("offline builder: picks from built-in game designs; connect a model for anything");

    await prompt("a deep-sea diving game where you collect pearls and dodge jellyfish");
    await page.screenshot({ path: ".out/agent-ide-after-first-run.png" });
    const firstSpec = await specText();
    expect(firstSpec).toMatch(/deep-sea diving/i);
    expect(firstSpec).toMatch(/pearls/);
    expect(jellyfishSpeed(firstSpec)).toBeGreaterThan(0);
    expect(await page.getByTestId("verdict").innerText()).toBe("playable");
    expect(await page.locator("[data-testid=chat-finished]").last().getAttribute("data-playable")).toBe("true");
    expect(await page.locator("[data-testid=chat-playtest][data-latest=true] [data-testid=report-thumb]").count()).toBeGreaterThan(0);
    // The live preview runs the diving game the agent wrote through the project store.
    await page.locator("[data-testid=run-status][data-state=ready]").waitFor({ timeout: 30_000 });
    // A busy machine may take a while from "Running" to a drawn title.
    await expect.poll(() => nonBackgroundFraction(page, FRAME), { timeout: 30_000 }).toBeGreaterThan(0.02);
    const specBefore = await fileText("game.spec.json");
    expect(specBefore).toContain('"genre": "diving"');

    await prompt("make the jellyfish faster");
    await page.screenshot({ path: ".out/agent-ide-after-follow-up.png" });
    const secondSpec = await specText();
    expect(secondSpec).toMatch(/deep-sea diving/i);
    expect(jellyfishSpeed(secondSpec)).toBeGreaterThan(jellyfishSpeed(firstSpec));
    expect(await page.getByTestId("verdict").innerText()).toBe("playable");
    const specAfter = await fileText("game.spec.json");
    expect(specAfter).not.toBe(specBefore);
    expect(specAfter).toContain('"genre": "diving"');
  }, 300_000);

  it("rebuilds from a spec edited in the chat (five lives) and the new game is still playable", async () => {
    await page.locator("[data-testid=spec-card][data-latest=true] [data-testid=spec-edit]").click();
    const editor = page.getByTestId("spec-editor");
    const json = JSON.parse(await editor.inputValue());
    expect(json.lives).not.toBe(5);
    await editor.fill(JSON.stringify({ ...json, lives: 5 }, null, 2));
    const before = await finishedRuns();
    await page.getByTestId("spec-rebuild").click();
    await waitForRunEnd(before);
    expect(await specText()).toContain("Lives: 5");
    expect(await fileText("game.spec.json")).toContain('"lives": 5');
    expect(await page.getByTestId("verdict").innerText()).toBe("playable");
    await page.screenshot({ path: ".out/agent-ide-rebuilt.png" });
  }, 300_000);

  it("refuses a spec edit that is not JSON, saying how to fix it, and starts no run", async () => {
    await page.locator("[data-testid=spec-card][data-latest=true] [data-testid=spec-edit]").click();
    await page.getByTestId("spec-editor").fill("{ not json");
    const before = await page.getByTestId("chat-user").count();
    await page.getByTestId("spec-rebuild").click();
    expect(await page.locator("[data-testid=spec-card][data-latest=true] .chat-problem").innerText()).toMatch(/not valid JSON.*Rebuild again/);
    expect(await page.getByTestId("chat-user").count()).toBe(before);
  });

  it("in chatty mode asks which design a vague prompt means (on a fresh starter), as buttons, and builds the one clicked", async () => {
    await page.context().close();
    page = await openIdePage(await browser.newContext({ viewport: { width: 1440, height: 900 } }));
    await page.getByTestId("chattiness").selectOption("chatty");
    await page.getByTestId("prompt-input").fill("something fun please");
    await page.getByTestId("prompt-input").press("Enter");
    // The third of the closest designs, so the build follows the click and not the first choice.
    const maze = page.locator("[data-testid=question][data-answered=false] [data-testid=question-choice]", { hasText: /^Maze/ });
    await maze.waitFor({ timeout: 90_000 });
    const before = await finishedRuns();
    await maze.click();
    await waitForRunEnd(before);
    expect(await specText()).toMatch(/maze/i);
    expect(await page.locator("[data-testid=question]").last().getAttribute("data-answered")).toBe("true");
  }, 300_000);
});
