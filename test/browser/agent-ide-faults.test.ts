// The agent in the real IDE page, built by the same run factory as `make`, against the fake LLM's
// faults: a 500, a 429 with Retry-After, a stream cut mid tool call, an unreadable SSE line and a
// silence past the timeout set in Settings are retried and the run ends playable with every file; a primary that keeps failing fails over to
// the second model; the cost shown is the router's meter; a provider switch brings its own key.
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startFakeLlm, type FakeLlm, type FakeStep } from "../fake-llm";
import { openBrowser, readProject } from "../support/browser";
import { openIdePage } from "../support/ide";

const starter = readProject("templates/starter");
const title = starter["src/scenes/Title.ts"];
const retitled = title.replace('"STAR CATCHER"', '"APPLE CATCHER"');
const usage = { prompt_tokens: 1000, completion_tokens: 100 };

let browser: Browser;
let page: Page;
let fake: FakeLlm;
const queue: FakeStep[] = [];

beforeAll(async () => {
  // "primary" always fails; every other model answers from the queue.
  fake = await startFakeLlm((req) => (req.body.model === "primary" ? { fault: "500" } : (queue.shift() ?? { fault: "500" })), { models: ["fake-model", "primary"] });
  browser = await openBrowser();
  page = await openIdePage(await browser.newContext({ viewport: { width: 1440, height: 900 } }));
});
afterEach(async (context) => {
  if (context.task.result?.state === "fail") await page.screenshot({ path: `.out/agent-ide-faults-failed-${context.task.name.slice(0, 30).replace(/\W+/g, "-")}.png` });
});
afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

async function configure(build: string) {
  await page.getByTestId("settings-button").click();
  await page.getByTestId("settings-provider").selectOption("custom");
  await page.getByTestId("settings-base-url").fill(fake.url);
  await page.getByTestId("settings-model-build").fill(build);
  await page.getByTestId("settings-timeout").fill("3");
  if ((await page.getByLabel("Prompt price").count()) === 0) {
    await page.getByRole("button", { name: "+ Add a price" }).click();
    await page.getByLabel("Model id").fill("fake-model");
    await page.getByLabel("Prompt price").fill("1000");
    await page.getByLabel("Completion price").fill("10000");
  }
  await page.getByTestId("settings-save").click();
}

async function send(text: string) {
  await page.getByTestId("prompt-input").fill(text);
  await page.getByTestId("prompt-send").click();
}

const runEnded = () => page.getByTestId("chat-working").waitFor({ state: "detached", timeout: 280_000 });
// textContent: grouped progress lines sit inside a closed <details>, where innerText is empty.
const progressLines = async () => (await page.locator(".chat-progress").allTextContents()).filter((t) => t.includes("retrying"));

it("retries a 500, a 429 with Retry-After, a stream cut mid tool call, an unreadable SSE line and a silence past Settings' 3 s timeout, ends playable, and shows the meter's cost", async () => {
  await configure("fake-model");
  queue.push(
    { fault: "500" },
    { reply: { content: "Renaming the game.", tool_calls: [{ name: "write_file", arguments: { path: "src/scenes/Title.ts", content: retitled } }] }, usage },
    { fault: "429", retryAfterSeconds: 1 },
    { reply: { tool_calls: [{ name: "run_playtest", arguments: { seconds: 5 } }] }, usage },
    { fault: "cut-tool-stream" },
    { fault: "garbage" },
    { reply: { tool_calls: [{ name: "read_file", arguments: { path: "src/main.ts" } }] }, usage },
    { fault: "hang" },
    { reply: { tool_calls: [{ name: "finish", arguments: { summary: "Catch the apples." } }] }, usage },
  );
  await send("an apple catching game");
  await runEnded();
  expect(await page.locator("[data-testid=chat-finished]").last().getAttribute("data-playable")).toBe("true");
  expect(await page.getByTestId("verdict").innerText()).toBe("playable");
  const retries = await progressLines();
  for (const failure of ["HTTP 500", "HTTP 429", "cut the stream", "unreadable"]) expect(retries.filter((t) => t.includes(failure)).length, failure).toBe(1);
  expect(retries.filter((t) => t.includes("did not answer in time")).length).toBeGreaterThanOrEqual(1);
  expect(retries.find((t) => t.includes("HTTP 429"))).toContain("in 1000 ms");
  // Four answered calls at $1 + $1 each (1,000 prompt tokens at $1,000/M, 100 completion at $10,000/M).
  expect(await page.getByTestId("run-counters").innerText()).toContain("$8.0000");
  for (const path of Object.keys(starter)) await page.locator(`[data-testid=file-item][data-path="${path}"]`).waitFor({ state: "attached" });
}, 300_000);

it("fails over to the second model of the build role when the first keeps failing", async () => {
  await configure("primary, fake-model");
  queue.push(
    { reply: { tool_calls: [{ name: "edit_file", arguments: { path: "src/scenes/Title.ts", search: '"APPLE CATCHER"', replace: '"PEAR CATCHER"' } }] }, usage },
    { reply: { tool_calls: [{ name: "finish", arguments: { summary: "Catch the pears." } }] }, usage },
  );
  const before = fake.requests.length;
  await send("call it Pear Catcher");
  await runEnded();
  expect(await page.locator("[data-testid=chat-finished]").last().getAttribute("data-playable")).toBe("true");
  expect((await progressLines()).some((t) => t.includes("custom:primary failed") && t.includes("retrying with custom:fake-model"))).toBe(true);
  expect(fake.requests.slice(before).map((r) => r.body.model)).toContain("primary");
}, 300_000);

it("brings each provider's own key when the provider is switched in Settings", async () => {
  await page.getByTestId("settings-button").click();
  await page.getByTestId("settings-provider").selectOption("openai");
  await page.getByTestId("settings-api-key").fill("sk-openai-only-0123456789");
  await page.getByTestId("settings-provider").selectOption("custom");
  expect(await page.getByTestId("settings-api-key").inputValue()).toBe("");
  expect(await page.getByTestId("settings-base-url").inputValue()).toBe(fake.url);
  await page.getByTestId("settings-provider").selectOption("openai");
  expect(await page.getByTestId("settings-api-key").inputValue()).toBe("sk-openai-only-0123456789");
  await page.getByTestId("settings-provider").selectOption("custom");
  await page.getByTestId("settings-save").click();
  queue.push({ reply: { tool_calls: [{ name: "finish", arguments: { summary: "Unchanged." } }] }, usage });
  const before = fake.requests.length;
  await send("check it");
  await runEnded();
  expect(fake.requests.length).toBeGreaterThan(before);
  for (const request of fake.requests.slice(before)) expect(JSON.stringify(request.headers)).not.toContain("sk-openai-only");
});
