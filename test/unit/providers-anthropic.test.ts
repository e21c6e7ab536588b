// The native Anthropic Messages adapter behind ChatModel, against a fake Anthropic endpoint on
// 127.0.0.1: request translation (system, tool_use/tool_result, images, cache_control on the
// stable prefix), streamed text and tool calls, cache usage, and faults as ProviderErrors.

import { afterEach, describe, expect, it } from "vitest";
import { createChatModel, createRouter, ProviderError, type ChatMessage, type ToolDefinition } from "../../src/providers";
import { startFakeAnthropic, type FakeAnthropic } from "../fake-llm";

let fake: FakeAnthropic | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const TOOLS: ToolDefinition[] = ["write_file", "finish"].map((name) => ({ type: "function", function: { name, description: `${name} tool`, parameters: { type: "object", properties: {} } } }));
const conversation: ChatMessage[] = [
  { role: "system", content: "You build Phaser 4 games." },
  { role: "user", content: "# Task\nA star catcher" },
  { role: "assistant", content: "Writing it.", tool_calls: [{ id: "toolu_1", type: "function", function: { name: "write_file", arguments: '{"path":"src/a.ts","content":"x"}' } }] },
  { role: "tool", tool_call_id: "toolu_1", content: "Created src/a.ts (1 lines)." },
  { role: "user", content: [{ type: "text", text: "latest frame" }, { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } }] },
];
const model = (key = "sk-ant-test-key-0123456789") => createChatModel({ preset: "anthropic", model: "claude-fake", baseURL: fake!.url, apiKey: key, timeoutMs: 2_000 });

describe("Anthropic Messages adapter", () => {
  it("translates the conversation: system apart, tool_use and tool_result blocks, images, strict alternation, cache_control on the stable prefix", async () => {
    fake = await startFakeAnthropic([{ reply: { content: "ok" } }]);
    await model().complete({ messages: conversation, tools: TOOLS });
    const { body, headers } = fake.requests[0];
    expect(headers["x-api-key"]).toBe("sk-ant-test-key-0123456789");
    expect(headers["anthropic-version"]).toBe("2023-06-01");
    expect(headers.authorization).toBeUndefined();
    expect(body).toMatchObject({ model: "claude-fake", stream: true, max_tokens: 8192 });
    expect(body.system).toEqual([{ type: "text", text: "You build Phaser 4 games.", cache_control: { type: "ephemeral" } }]);
    expect(body.messages.map((m: { role: string }) => m.role)).toEqual(["user", "assistant", "user"]);
    expect(body.messages[1].content).toEqual([
      { type: "text", text: "Writing it." },
      { type: "tool_use", id: "toolu_1", name: "write_file", input: { path: "src/a.ts", content: "x" } },
    ]);
    expect(body.messages[2].content).toEqual([
      { type: "tool_result", tool_use_id: "toolu_1", content: "Created src/a.ts (1 lines)." },
      { type: "text", text: "latest frame" },
      { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" }, cache_control: { type: "ephemeral" } },
    ]);
    // The task message is the other breakpoint: the previous request's end.
    expect(body.messages[0].content.at(-1).cache_control).toEqual({ type: "ephemeral" });
    expect(body.tools.map((t: { name: string }) => t.name)).toEqual(["write_file", "finish"]);
    expect(body.tools[1]).toMatchObject({ input_schema: { type: "object" }, cache_control: { type: "ephemeral" } });
    expect(body.tools[0].cache_control).toBeUndefined();
  });

  it("streams text and tool calls into the assistant message, and reads cached prompt tokens", async () => {
    fake = await startFakeAnthropic([
      {
        reply: { content: "Here is the scene.", tool_calls: [{ name: "write_file", arguments: { path: "src/scenes/Play.ts", content: "export {};\n" } }, { name: "finish", arguments: { summary: "done" } }] },
        usage: { input_tokens: 120, cache_read_input_tokens: 3000, cache_creation_input_tokens: 400, output_tokens: 55 },
      },
    ]);
    const deltas: string[] = [];
    const result = await model().complete({ messages: conversation, tools: TOOLS, onDelta: (d) => d.kind === "text" && deltas.push(d.text) });
    expect(deltas.join("")).toBe("Here is the scene.");
    expect(result.message.content).toBe("Here is the scene.");
    expect(result.message.tool_calls!.map((c) => [c.id, c.function.name, JSON.parse(c.function.arguments)])).toEqual([
      ["toolu_0_0", "write_file", { path: "src/scenes/Play.ts", content: "export {};\n" }],
      ["toolu_0_1", "finish", { summary: "done" }],
    ]);
    expect(result.usage).toEqual({ promptTokens: 3520, completionTokens: 55, cachedPromptTokens: 3000 });
    expect(result.model).toBe("anthropic:claude-fake");
  });

  it("maps overloaded (529), rate limits with retry-after, a cut stream, an error event and a bad key to ProviderErrors", async () => {
    fake = await startFakeAnthropic([{ fault: "529" }, { fault: "429", retryAfterSeconds: 2 }, { fault: "cut-stream" }, { fault: "error-event" }, { fault: "401" }]);
    const errors: ProviderError[] = [];
    for (let i = 0; i < 5; i++) errors.push(await model().complete({ messages: conversation, tools: TOOLS }).then(() => { throw new Error("expected a failure"); }, (e: ProviderError) => e));
    expect(errors.map((e) => [e.kind, e.status, e.retryable])).toEqual([
      ["server", 529, true],
      ["rate-limit", 429, true],
      ["stream-cut", undefined, true],
      ["server", undefined, true],
      ["auth", 401, false],
    ]);
    expect(errors[1].retryAfterMs).toBe(2000);
    expect(errors[4].message).toContain('Anthropic endpoint');
    expect(errors[4].message).toContain('model "claude-fake" (HTTP 401)');
    for (const e of errors) expect(e.message).not.toContain("sk-ant-test-key-0123456789");
  });

  it("works behind the router: a 529 is retried and the meter counts cached tokens at the cached price", async () => {
    fake = await startFakeAnthropic([{ fault: "529" }, { reply: { content: "ok" }, usage: { input_tokens: 1_000, cache_read_input_tokens: 9_000, output_tokens: 1_000 } }]);
    const router = createRouter({
      roles: { build: [{ preset: "anthropic", model: "claude-fake", baseURL: fake.url, apiKey: "k-123456" }] },
      prices: { "claude-fake": { prompt: 3, cachedPrompt: 0.3, completion: 15 } },
      backoff: { baseMs: 1, maxMs: 5 },
    });
    await router.routed().complete({ messages: conversation });
    expect(fake.requests.length).toBe(2);
    const totals = router.meter.totals();
    expect(totals.perModel["anthropic:claude-fake"]).toMatchObject({ promptTokens: 10_000, cachedPromptTokens: 9_000, completionTokens: 1_000 });
    expect(totals.overall.usd).toBeCloseTo((1_000 * 3 + 9_000 * 0.3 + 1_000 * 15) / 1e6, 9);
  });
});
