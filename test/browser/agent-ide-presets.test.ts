// Two of the offline builder's newer designs, made in the real IDE with no provider configured, as a
// person would: a prompt, the spec card, a playable verdict whose design checks pass, and a follow-up
// that changes the game. Pong against the computer (first to 5 → first to 10; the computer-returns
// check proves the CPU paddle), then tower defense in the same tab (its creeps made faster).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { nonBackgroundFraction, openBrowser } from "../support/browser";
import { openIdePage } from "../support/ide";

const FRAME = "[data-testid=preview-frame]";
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await openIdePage(await browser.newContext({ viewport: { width: 1440, height: 900 } }));
});
afterAll(async () => browser?.close());

const finishedRuns = () => page.locator("[data-testid=chat-finished]").count();

/** Types a prompt, presses Enter and waits for the run to end (a busy machine may take minutes). */
async function prompt(text: string) {
  const before = await finishedRuns();
  await page.getByTestId("prompt-input").fill(text);
  await page.getByTestId("prompt-input").press("Enter");
  await expect.poll(finishedRuns, { timeout: 240_000 }).toBeGreaterThan(before);
  await page.getByTestId("chat-working").waitFor({ state: "detached", timeout: 60_000 });
}

const specText = () => page.locator("[data-testid=spec-card][data-latest=true] [data-testid=spec-summary]").innerText();

/**
 * The run ended playable (so every required check passed), its last playtest card says so, the
 * builder's summary counts at least the design's required checks as passing, and the preview shows the game.
 */
async function expectPlayable(requiredChecks: number) {
  expect(await page.getByTestId("verdict").innerText()).toBe("playable");
  expect(await page.locator("[data-testid=chat-finished]").last().getAttribute("data-playable")).toBe("true");
  expect(await page.locator("[data-testid=chat-playtest][data-latest=true]").getAttribute("data-verdict")).toBe("playable");
  const summary = await page.locator("[data-testid=chat-finished]").last().innerText();
  const [, passed, of] = /Its own checks: (\d+) of (\d+) pass/.exec(summary) ?? [];
  expect(Number(passed), summary).toBeGreaterThanOrEqual(requiredChecks);
  expect(Number(of), summary).toBeGreaterThanOrEqual(requiredChecks);
  await page.locator("[data-testid=run-status][data-state=ready]").waitFor({ timeout: 30_000 });
  await expect.poll(() => nonBackgroundFraction(page, FRAME), { timeout: 10_000 }).toBeGreaterThan(0.01);
}

const number = (pattern: RegExp, text: string) => Number(pattern.exec(text)?.[1]);

describe("newer offline-builder designs in the IDE", () => {
  it("pong against the computer, first to 5: playable with its checks, and 'first to 10' changes the win rule", async () => {
    await prompt("pong for one player against the computer, first to 5 wins");
    await page.screenshot({ path: ".out/agent-ide-pong.png" });
    const first = await specText();
    expect(first).toMatch(/pong/i);
    expect(number(/Goal: (\d+) points/, first)).toBe(5);
    await expectPlayable(2);

    await prompt("first to 10");
    const second = await specText();
    expect(second).toMatch(/pong/i);
    expect(number(/Goal: (\d+) points/, second)).toBe(10);
    await expectPlayable(2);
  }, 400_000);

  it("tower defense with two kinds of towers: playable with its checks, and 'make the creeps faster' speeds them up", async () => {
    await prompt("tower defense with a single path and two kinds of towers");
    await page.screenshot({ path: ".out/agent-ide-towers.png" });
    const first = await specText();
    expect(first).toMatch(/tower defen[cs]e/i);
    await expectPlayable(1);
    const speedBefore = number(/\(speed (\d+)\)/, first);
    expect(speedBefore).toBeGreaterThan(0);

    await prompt("make the creeps faster");
    const second = await specText();
    expect(second).toMatch(/tower defen[cs]e/i);
    expect(number(/\(speed (\d+)\)/, second)).toBeGreaterThan(speedBefore);
    await expectPlayable(1);
  }, 400_000);
});
