// The OpenAI-compatible ChatModel against the fake LLM server: streaming, tool calls, faults, small-model quirks.

import { afterEach, describe, expect, it } from "vitest";
import { createOpenAICompatibleModel, PRESETS, ProviderError, type ModelDelta, type ToolDefinition } from "../../src/providers";
import { startFakeLlm, type FakeLlm, type FakeStep } from "../fake-llm";

let fake: FakeLlm | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const tool = (name: string): ToolDefinition => ({ type: "function", function: { name, description: name, parameters: { type: "object" } } });
const TOOLS = [tool("write_file"), tool("finish")];
const ask = { messages: [{ role: "user" as const, content: "make a game" }], tools: TOOLS };

async function modelFor(steps: FakeStep[], extra: { timeoutMs?: number; apiKey?: string } = {}) {
  fake = await startFakeLlm(steps);
  return createOpenAICompatibleModel({ baseURL: fake.url, model: "fake-model", ...extra });
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

describe("OpenAI-compatible ChatModel", () => {
  it("streams text through onDelta and assembles tool calls split across chunks", async () => {
    const content = "export class Play extends Phaser.Scene {\n  create() {}\n}\n";
    const model = await modelFor([
      { reply: { content: "Writing two files.", tool_calls: [{ name: "write_file", arguments: { path: "src/scenes/Play.ts", content } }, { name: "finish", arguments: { summary: "done" } }] }, usage: { prompt_tokens: 120, completion_tokens: 45 } },
    ]);
    const deltas: ModelDelta[] = [];
    const result = await model.complete({ ...ask, onDelta: (d) => deltas.push(d) });

    expect(fake!.requests[0]!.body.stream).toBe(true);
    expect(deltas.filter((d) => d.kind === "text").map((d) => (d as { text: string }).text).join("")).toBe("Writing two files.");
    const toolProgress = deltas.filter((d) => d.kind === "tool");
    expect(toolProgress.length).toBeGreaterThan(5);
    expect(result.message.content).toBe("Writing two files.");
    expect(result.message.tool_calls?.map((c) => c.function.name)).toEqual(["write_file", "finish"]);
    expect(JSON.parse(result.message.tool_calls![0]!.function.arguments)).toEqual({ path: "src/scenes/Play.ts", content });
    expect(result.message.tool_calls![0]!.id).not.toBe(result.message.tool_calls![1]!.id);
    expect(result.usage).toEqual({ promptTokens: 120, completionTokens: 45 });
    expect(result.model).toBe("custom:fake-model");
    expect(result.toolCallErrors).toBeUndefined();
  });

  it("never sends the run's facts (the project's files, the playtest) to the endpoint: it gets the conversation only", async () => {
    const model = await modelFor([{ reply: { content: "ok" } }]);
    const secret = "const FACTS_ONLY_MARKER = 1;";
    await model.complete({ ...ask, run: { task: "make a game", notes: [], chattiness: "normal", startFiles: { "src/a.ts": secret }, files: { "src/a.ts": secret }, playtest: null, results: {} } });
    const sent = JSON.stringify(fake!.requests[0]!.body);
    expect(sent).not.toContain("FACTS_ONLY_MARKER");
    expect(fake!.requests[0]!.body).not.toHaveProperty("run");
  });

  it("sends the key as a bearer token, and no Authorization header at all for a keyless local server", async () => {
    const withKey = await modelFor([{ reply: { content: "a" } }], { apiKey: "sk-test-123456789" });
    await withKey.complete(ask);
    expect(fake!.requests[0]!.headers.authorization).toBe("Bearer sk-test-123456789");
    await fake!.close();
    const keyless = await modelFor([{ reply: { content: "b" } }]);
    await keyless.complete(ask);
    expect(fake!.requests[0]!.headers.authorization).toBeUndefined();
  });

  it("estimates usage, and says so, when the endpoint reports none", async () => {
    const model = await modelFor([{ reply: { content: "x".repeat(400) }, usage: null }]);
    const result = await model.complete(ask);
    expect(result.usage.estimated).toBe(true);
    expect(result.usage.completionTokens).toBe(100);
  });

  it("falls back to one JSON answer when the server ignores stream: true, and keeps doing so", async () => {
    fake = await startFakeLlm((req) => ({ reply: { content: `stream was ${req.body.stream}` } }));
    // A server that answers SSE requests with plain JSON, as some proxies do.
    const model = createOpenAICompatibleModel({
      baseURL: fake.url,
      model: "m",
      fetch: (url, init) => fetch(url, { ...init, body: JSON.stringify({ ...JSON.parse(String(init?.body)), stream: false }) }),
    });
    expect((await model.complete(ask)).message.content).toBe("stream was false");
    expect(fake.requests).toHaveLength(2);
    await model.complete(ask);
    expect(fake.requests).toHaveLength(3);
  });

  it("retries without tools, asking for fenced blocks, when the model does not support tools, and remembers it", async () => {
    fake = await startFakeLlm((req) => (req.body.tools ? { fault: "tools-unsupported" } : { reply: { content: "```ts src/main.ts\nconsole.log('hi');\n```" } }));
    const model = createOpenAICompatibleModel({ baseURL: fake.url, model: "gemma:2b", preset: "ollama" });
    const history = [
      ...ask.messages,
      { role: "assistant" as const, content: null, tool_calls: [{ id: "c1", type: "function" as const, function: { name: "finish", arguments: "{}" } }] },
      { role: "tool" as const, tool_call_id: "c1", content: "not yet: the playtest is broken" },
    ];
    const result = await model.complete({ messages: history, tools: TOOLS });
    expect(JSON.parse(result.message.tool_calls![0]!.function.arguments)).toEqual({ path: "src/main.ts", content: "console.log('hi');\n" });
    const retried = fake.requests[1]!.body;
    expect(retried.tools).toBeUndefined();
    expect(retried.messages[0]).toMatchObject({ role: "system" });
    expect(retried.messages[0].content).toContain("fenced code block");
    expect(retried.messages[0].content).toContain("FINISH:");
    expect(retried.messages.some((m: { role: string }) => m.role === "tool")).toBe(false);
    expect(retried.messages.slice(1).map((m: { role: string }) => m.role)).toEqual(["user", "assistant", "user"]);
    expect(retried.messages[3]).toEqual({ role: "user", content: "Result of tool call c1:\nnot yet: the playtest is broken" });
    await model.complete(ask);
    expect(fake.requests).toHaveLength(3);
  });

  it("without tools, turns the taught RUN_PLAYTEST and FINISH: lines into calls, but never a tool-calling model's prose", async () => {
    const playtestTool = tool("run_playtest");
    fake = await startFakeLlm((req) =>
      req.body.tools?.length
        ? req.index === 3
          ? { reply: { content: "FINISH: not a command here" } }
          : { fault: "tools-unsupported" }
        : req.index === 1
          ? { reply: { content: "Written.\n```ts src/main.ts\nconsole.log(1);\n```\nRUN_PLAYTEST" } }
          : { reply: { content: "All good.\nFINISH: Catch the stars with the arrow keys." } },
    );
    const local = createOpenAICompatibleModel({ baseURL: fake.url, model: "gemma:2b", preset: "ollama" });
    const tools = [...TOOLS, playtestTool];
    const first = await local.complete({ messages: ask.messages, tools });
    expect(first.message.tool_calls!.map((c) => c.function.name)).toEqual(["write_file", "run_playtest"]);
    const second = await local.complete({ messages: ask.messages, tools });
    expect(second.message.tool_calls!.map((c) => [c.function.name, JSON.parse(c.function.arguments)])).toEqual([["finish", { summary: "Catch the stars with the arrow keys." }]]);
    const withTools = createOpenAICompatibleModel({ baseURL: fake.url, model: "gpt", preset: "custom" });
    expect((await withTools.complete({ messages: ask.messages, tools })).message.tool_calls).toBeUndefined();
  });

  it("turns a fenced block that names its file into a write_file call when the model called no tool", async () => {
    const model = await modelFor([{ reply: { content: "Here you go:\n```ts src/scenes/Play.ts\nexport const speed = 200;\n```\nThen run it." } }]);
    const result = await model.complete(ask);
    expect(result.message.tool_calls).toHaveLength(1);
    expect(result.message.tool_calls![0]!.function.name).toBe("write_file");
    expect(JSON.parse(result.message.tool_calls![0]!.function.arguments)).toEqual({ path: "src/scenes/Play.ts", content: "export const speed = 200;\n" });
  });

  it("does not synthesize writes when write_file was not offered or the model called a tool itself", async () => {
    const text = "```ts src/a.ts\nlet a = 1;\n```";
    const model = await modelFor([{ reply: { content: text } }, { reply: { content: text, tool_calls: [{ name: "finish", arguments: { summary: "s" } }] } }]);
    expect((await model.complete({ messages: ask.messages, tools: [tool("finish")] })).message.tool_calls).toBeUndefined();
    expect((await model.complete(ask)).message.tool_calls?.map((c) => c.function.name)).toEqual(["finish"]);
  });

  it("repairs almost-JSON tool arguments once and hands the agent valid JSON", async () => {
    const model = await modelFor([{ fault: "bad-tool-json", raw: "{'path': 'src/a.ts', 'content': 'let a = 1;\nlet b = 2;',}" }]);
    const result = await model.complete(ask);
    expect(JSON.parse(result.message.tool_calls![0]!.function.arguments)).toEqual({ path: "src/a.ts", content: "let a = 1;\nlet b = 2;" });
    expect(result.toolCallErrors).toBeUndefined();
  });

  it("reports unrepairable tool JSON as a toolCallError the agent can send back to the model", async () => {
    const model = await modelFor([{ fault: "bad-tool-json" }]);
    const result = await model.complete(ask);
    const call = result.message.tool_calls![0]!;
    expect(result.toolCallErrors).toEqual([{ toolCallId: call.id, name: "write_file", error: expect.stringContaining("Could not read the arguments of your write_file call") }]);
    expect(result.toolCallErrors![0]!.error).toContain("Send the call again");
  });

  it("passes unknown tools and wrong argument types through for the agent to reject", async () => {
    const model = await modelFor([{ fault: "unknown-tool" }, { fault: "wrong-arg-types" }]);
    expect((await model.complete(ask)).message.tool_calls![0]!.function.name).toBe("launch_rockets");
    const wrong = await model.complete(ask);
    expect(JSON.parse(wrong.message.tool_calls![0]!.function.arguments)).toEqual({ path: 42, content: ["not", "a", "string"] });
    expect(wrong.toolCallErrors).toBeUndefined();
  });

  it("replaces image parts with a note for a model without vision and keeps them for a vision model", async () => {
    fake = await startFakeLlm((_, i) => ({ reply: { content: String(i) } }));
    const image = { type: "image_url" as const, image_url: { url: "data:image/png;base64,AAAA" } };
    const messages = [{ role: "user" as const, content: [{ type: "text" as const, text: "judge this" }, image] }];
    await createOpenAICompatibleModel({ baseURL: fake.url, model: "llama3.1:8b", preset: "ollama" }).complete({ messages });
    await createOpenAICompatibleModel({ baseURL: fake.url, model: "llava:13b", preset: "ollama" }).complete({ messages });
    expect(fake.requests[0]!.body.messages[0].content).toBe("judge this\n[image omitted: this model cannot see images]");
    expect(fake.requests[1]!.body.messages[0].content[1]).toEqual(image);
  });

  it("knows each preset's default base URL", () => {
    expect(PRESETS.ollama.baseURL).toBe("http://127.0.0.1:11434/v1");
    expect(PRESETS.lmstudio.baseURL).toBe("http://127.0.0.1:1234/v1");
    expect(PRESETS.openrouter.baseURL).toBe("https://openrouter.ai/api/v1");
    expect(createOpenAICompatibleModel({ preset: "anthropic", model: "claude-sonnet-4", apiKey: "k" }).id).toBe("anthropic:claude-sonnet-4");
  });
});

describe("ProviderError kinds for injected faults", () => {
  const cases: [string, FakeStep, string, boolean, number | undefined][] = [
    ["500", { fault: "500" }, "server", true, 500],
    ["429", { fault: "429", retryAfterSeconds: 3 }, "rate-limit", true, 429],
    ["401", { fault: "401" }, "auth", false, 401],
    ["402", { fault: "402" }, "credit", false, 402],
    ["404-model", { fault: "404-model" }, "model-not-found", false, 404],
    ["context-too-long", { fault: "context-too-long" }, "context-too-long", false, 400],
    ["cut-stream", { fault: "cut-stream" }, "stream-cut", true, undefined],
    ["cut-tool-stream", { fault: "cut-tool-stream" }, "stream-cut", true, undefined],
    ["garbage", { fault: "garbage" }, "bad-response", true, undefined],
  ];
  for (const [name, step, kind, retryable, status] of cases) {
    it(`maps "${name}" to kind ${kind} (retryable: ${retryable})`, async () => {
      const model = await modelFor([step]);
      const err = await failure(model.complete(ask));
      expect(err.kind).toBe(kind);
      expect(err.retryable).toBe(retryable);
      expect(err.status).toBe(status);
    });
  }

  it("reads Retry-After into retryAfterMs", async () => {
    const model = await modelFor([{ fault: "429", retryAfterSeconds: 3 }]);
    expect((await failure(model.complete(ask))).retryAfterMs).toBe(3000);
  });

  it("maps garbage in a non-streamed answer and a cut JSON body too", async () => {
    // The first answer is not SSE, so the model switches to non-streaming requests for good.
    fake = await startFakeLlm([{ reply: { content: "switch" } }, { reply: { content: "plain" } }, { fault: "garbage" }, { fault: "cut-stream" }]);
    const model = createOpenAICompatibleModel({
      baseURL: fake.url,
      model: "m",
      fetch: (url, init) => fetch(url, { ...init, body: JSON.stringify({ ...JSON.parse(String(init?.body)), stream: false }) }),
    });
    expect((await model.complete(ask)).message.content).toBe("plain");
    expect((await failure(model.complete(ask))).kind).toBe("bad-response");
    expect((await failure(model.complete(ask))).kind).toBe("stream-cut");
  });

  // The test's own limit (10 s, far below the preset's idle timeout) fails it if timeoutMs is ignored.
  it("times out a hanging endpoint after timeoutMs with kind timeout", { timeout: 10_000 }, async () => {
    const model = await modelFor([{ fault: "hang" }], { timeoutMs: 200 });
    const err = await failure(model.complete(ask));
    expect(err.kind).toBe("timeout");
    expect(err.message).toContain("200 ms");
  });

  it("rejects with the caller's abort reason, not a ProviderError, when cancelled", async () => {
    const model = await modelFor([{ fault: "hang" }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("user pressed stop")), 100);
    await expect(model.complete({ ...ask, signal: controller.signal })).rejects.toThrow("user pressed stop");
  });

  it("refuses to call a hosted preset without a key, saying where to get one", async () => {
    const err = await failure(createOpenAICompatibleModel({ preset: "openai", model: "gpt-4o-mini" }).complete(ask));
    expect(err.kind).toBe("auth");
    expect(err.message).toContain("platform.openai.com");
  });
});

describe("error messages", () => {
  it("name the provider, the model, the HTTP status and what to do, and never contain the key", async () => {
    const apiKey = "sk-proj-SECRET0123456789abcdef";
    fake = await startFakeLlm([{ fault: "401" }, { fault: "404-model" }, { fault: "402" }, { fault: "context-too-long" }]);
    const model = createOpenAICompatibleModel({ preset: "openrouter", baseURL: fake.url, apiKey, model: "vendor/model-x" });
    const expectations = [
      [401, /API key/],
      [404, /model id/],
      [402, /credit/],
      [400, /context window/],
    ] as const;
    for (const [status, advice] of expectations) {
      const err = await failure(model.complete(ask));
      expect(err.message).toContain("OpenRouter");
      expect(err.message).toContain('"vendor/model-x"');
      expect(err.message).toContain(`HTTP ${status}`);
      expect(err.message).toMatch(advice);
      expect(err.message).not.toContain(apiKey);
      expect(err.message).not.toContain("SECRET");
      expect(err.message.toLowerCase()).not.toContain("error processing request");
    }
  });

  it("redact a key that the provider echoes back in its error body", async () => {
    const apiKey = "sk-live-ECHOED9876543210";
    const model = createOpenAICompatibleModel({
      baseURL: "http://127.0.0.1:9/v1",
      apiKey,
      model: "m",
      fetch: async () =>
        new Response(JSON.stringify({ error: { message: `Incorrect API key provided: ${apiKey}. Also Bearer ${apiKey}` } }), {
          status: 401,
          headers: { "Content-Type": "application/json" },
        }),
    });
    const err = await failure(model.complete(ask));
    expect(err.message).toContain("Incorrect API key provided");
    expect(err.message).not.toContain("ECHOED");
    expect(String(err.cause ?? "")).not.toContain("ECHOED");
  });

  it("name the base URL and advise on CORS and the server when a local endpoint is unreachable", async () => {
    fake = await startFakeLlm([]);
    const url = fake.url;
    await fake.close();
    fake = undefined;
    const err = await failure(createOpenAICompatibleModel({ preset: "lmstudio", baseURL: url, model: "qwen2.5-coder" }).complete(ask));
    expect(err.kind).toBe("network");
    expect(err.message).toContain("LM Studio");
    expect(err.message).toMatch(/server is running/);
  });
});
