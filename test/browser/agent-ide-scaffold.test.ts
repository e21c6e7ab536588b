// A real model (the fake LLM here) that starts from a built-in design: with the setting on, a new
// game whose prompt names a design is the offline builder's playable game at once, and the model
// is told to refine it.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startFakeLlm, type FakeLlm } from "../fake-llm";
import { openBrowser } from "../support/browser";
import { openIdePage } from "./agent-ide-support";

let browser: Browser;
let fake: FakeLlm;

beforeAll(async () => {
  fake = await startFakeLlm([], { models: ["fake-model"] });
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

it("starts a named design from the builder's game and hands it to the model to refine", async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await openIdePage(context);
    await page.getByTestId("settings-button").click();
    await page.getByTestId("settings-provider").selectOption("custom");
    await page.getByTestId("settings-base-url").fill(fake.url);
    await page.getByTestId("settings-model-build").fill("fake-model");
    await page.getByTestId("settings-scaffold").check();
    await page.getByTestId("settings-save").click();

    fake.push(
      { reply: { content: "A diving game is already here; playing it.", tool_calls: [{ name: "run_playtest", arguments: { seconds: 6 } }] } },
      { reply: { tool_calls: [{ name: "finish", arguments: { summary: "The builder's diving game already has sharks." } }] } },
    );
    const before = fake.requests.length;
    await page.getByTestId("prompt-input").fill("a deep-sea diving game with sharks");
    await page.getByTestId("prompt-send").click();
    await page.getByTestId("chat-log").getByText("Started from the built-in deep-sea diving design").waitFor({ timeout: 15_000 });
    await page.locator('[data-testid=file-item][data-path="game.spec.json"]').waitFor();
    await page.getByTestId("chat-working").waitFor({ state: "detached", timeout: 120_000 });

    const firstRequest = JSON.stringify(fake.requests[before].body.messages);
    expect(firstRequest).toContain("already holds a playable deep-sea diving game");
    expect(firstRequest).toContain("a deep-sea diving game with sharks");
    expect(await page.locator("[data-testid=chat-playtest]").last().getAttribute("data-verdict")).toBe("playable");
    expect(await page.getByTestId("verdict").innerText()).toBe("playable");

    // Not a new game any more: the next prompt goes to the model as it is, on the project as it is.
    fake.push({ reply: { tool_calls: [{ name: "finish", arguments: { summary: "Nothing to change." } }] } });
    const next = fake.requests.length;
    await page.getByTestId("prompt-input").fill("a racing game");
    await page.getByTestId("prompt-send").click();
    await page.getByTestId("chat-working").waitFor({ state: "detached", timeout: 60_000 });
    expect(JSON.stringify(fake.requests[next].body.messages)).not.toContain("already holds a playable");
    expect(await page.getByTestId("chat-log").getByText("Started from the built-in racing design").count()).toBe(0);
  } finally {
    await context.close();
  }
});
