// Model settings that change a run, against the fake LLM: starting a new game from a built-in
// design (the offline builder's playable game at once, which the model is told to refine), a
// spending cap that stops a run, a key kept for one tab, and handing a broken playtest to the model.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startFakeLlm, type FakeLlm } from "../fake-llm";
import { openBrowser, readProject } from "../support/browser";
import { openIdePage } from "../support/ide";

let browser: Browser;
let fake: FakeLlm;

beforeAll(async () => {
  fake = await startFakeLlm([], { models: ["fake-model"] });
  browser = await openBrowser();
});
beforeEach(() => fake.reset());
afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

/** A new IDE page with the Settings dialog open on the fake LLM as a custom endpoint. */
async function openWithFakeModel(context: BrowserContext): Promise<Page> {
  const page = await openIdePage(context);
  await page.getByTestId("settings-button").click();
  await page.getByTestId("settings-provider").selectOption("custom");
  await page.getByTestId("settings-base-url").fill(fake.url);
  await page.getByTestId("settings-model-build").fill("fake-model");
  return page;
}

it("starts a named design from the builder's game and hands it to the model to refine", async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await openWithFakeModel(context);
    await page.getByTestId("settings-scaffold").check();
    await page.getByTestId("settings-save").click();

    fake.push(
      { reply: { content: "A diving game is already here; playing it.", tool_calls: [{ name: "run_playtest", arguments: { seconds: 30 } }] } },
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
}, 240_000);

it("stops a run at the spending cap set in Settings and says so", async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await openWithFakeModel(context);
    await page.getByRole("button", { name: "+ Add a price" }).click();
    await page.getByLabel("Prompt price").fill("1000");
    await page.getByLabel("Completion price").fill("1000");
    await page.getByTestId("settings-max-cost").fill("nothing");
    await page.getByTestId("settings-save").click();
    expect(await page.getByTestId("settings-dialog").innerText()).toContain('The spending cap must be a positive number of dollars, like 0.50 (got "nothing")');
    await page.getByTestId("settings-max-cost").fill("1");
    await page.getByTestId("settings-save").click();

    // 2,000 prompt tokens at $1,000 per million: $2 after the first answer, over the $1 cap.
    const before = fake.requests.length;
    fake.push(
      { reply: { content: "Looking at the starter first.", tool_calls: [{ name: "run_playtest", arguments: { seconds: 4 } }] }, usage: { prompt_tokens: 2000, completion_tokens: 10 } },
      { reply: { tool_calls: [{ name: "finish", arguments: { summary: "Never reached." } }] } },
    );
    await page.getByTestId("prompt-input").fill("a star catcher game");
    await page.getByTestId("prompt-send").click();
    await page.getByTestId("chat-working").waitFor({ state: "detached", timeout: 60_000 });
    expect(fake.requests.length - before).toBe(1);
    expect(await page.getByTestId("chat-log").innerText()).toContain("Stopped: the cost budget ($1) ran out");
    expect(await page.getByTestId("run-counters").innerText()).toContain("$2.0100 of $1 cap");
  } finally {
    await context.close();
  }
}, 240_000);

it("keeps a key that is not to be remembered only in its tab: a reload keeps it, a new tab does not", async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await openWithFakeModel(context);
    await page.getByTestId("settings-api-key").fill("sk-classroom-key");
    await page.getByTestId("settings-remember-key").uncheck();
    expect(await page.getByTestId("settings-key-warning").innerText()).toMatch(/only until this tab closes/);
    await page.getByTestId("settings-save").click();
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain("sk-classroom-key");

    await page.reload();
    await page.getByTestId("settings-button").click();
    expect(await page.getByTestId("settings-api-key").inputValue()).toBe("sk-classroom-key");

    const newTab = await openIdePage(context);
    await newTab.getByTestId("settings-button").click();
    expect(await newTab.getByTestId("settings-base-url").inputValue()).toBe(fake.url);
    expect(await newTab.getByTestId("settings-api-key").inputValue()).toBe("");
    expect(await newTab.getByTestId("settings-remember-key").isChecked()).toBe(false);
  } finally {
    await context.close();
  }
});

it("hands a broken Playtest report to the model with Ask the agent to fix it, and the game ends playable", async () => {
  const title = readProject("templates/starter")["src/scenes/Title.ts"] as string;
  const broken = title.replace("  create() {\n", '  create() {\n    throw new Error("the lantern went out");\n');
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await openWithFakeModel(context);
    await page.getByTestId("settings-save").click();
    // A first run leaves the game broken without playtesting it.
    fake.push(
      { reply: { content: "Writing the title.", tool_calls: [{ name: "write_file", arguments: { path: "src/scenes/Title.ts", content: broken } }] } },
      { reply: { tool_calls: [{ name: "finish", arguments: { summary: "Wrote the title." } }] } },
    );
    await page.getByTestId("prompt-input").fill("a lantern game");
    await page.getByTestId("prompt-send").click();
    await page.getByTestId("chat-working").waitFor({ state: "detached", timeout: 60_000 });

    await page.getByTestId("playtest-button").click();
    await page.locator("[data-testid=playtest-panel] [data-testid=playtest-report][data-verdict=broken]").waitFor({ timeout: 120_000 });
    const before = fake.requests.length;
    fake.push(
      { reply: { content: "The title throws in create(); removing the throw.", tool_calls: [{ name: "write_file", arguments: { path: "src/scenes/Title.ts", content: title } }, { name: "run_playtest", arguments: { seconds: 5 } }] } },
      { reply: { tool_calls: [{ name: "finish", arguments: { summary: "Removed the throw; the game is playable." } }] } },
    );
    await page.getByTestId("playtest-fix").click();
    await page.getByTestId("chat-working").waitFor({ state: "detached", timeout: 120_000 });
    // The model was given the report: the verdict, the error and where it is.
    const asked = JSON.stringify(fake.requests[before]?.body?.messages ?? []);
    expect(asked).toContain("judged this game broken");
    expect(asked).toContain("the lantern went out");
    expect(asked).toContain("src/scenes/Title.ts");
    // The chat shows a one-line request, not the whole report the model read.
    const shown = await page.getByTestId("chat-user").last().innerText();
    expect(shown).toMatch(/^Fix the game\. The playtest judged it broken: .*the lantern went out/);
    expect(shown).not.toContain("Observed:");
    await expect.poll(() => page.getByTestId("verdict").innerText()).toBe("playable");
    expect(await page.locator("[data-testid=chat-finished]").last().getAttribute("data-playable")).toBe("true");
  } finally {
    await context.pages()[0]?.screenshot({ path: ".out/agent-ide-fix.png" }).catch(() => undefined);
    await context.close();
  }
}, 240_000);
