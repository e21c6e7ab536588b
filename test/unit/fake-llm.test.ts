// The scripted fake LLM server speaks chat completions over real HTTP, as JSON and as SSE.

import { afterEach, describe, expect, it } from "vitest";
import { startFakeLlm, type FakeLlm } from "../fake-llm";

let fake: FakeLlm | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${fake!.url}/chat/completions`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

function sseEvents(text: string): unknown[] {
  return text
    .split("\n\n")
    .filter((block) => block.startsWith("data: "))
    .map((block) => block.slice(6))
    .map((data) => (data === "[DONE]" ? "[DONE]" : JSON.parse(data)));
}

describe("fake LLM server", () => {
  it("listens on 127.0.0.1 with a base URL ending in /v1 and lists its models", async () => {
    fake = await startFakeLlm([], { models: ["small", "big"] });
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const res = await fetch(`${fake.url}/models`);
    const body = await res.json();
    expect(body.data.map((m: { id: string }) => m.id)).toEqual(["small", "big"]);
  });

  it("answers a non-streaming request with one chat.completion JSON carrying tool calls and usage", async () => {
    fake = await startFakeLlm([
      { reply: { content: "ok", tool_calls: [{ name: "write_file", arguments: { path: "a.ts", content: "x" } }] }, usage: { prompt_tokens: 11, completion_tokens: 4 } },
    ]);
    const res = await post({ model: "m", messages: [{ role: "user", content: "hi" }] });
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.object).toBe("chat.completion");
    expect(body.choices[0].message.content).toBe("ok");
    expect(body.choices[0].message.tool_calls[0].function).toEqual({ name: "write_file", arguments: '{"path":"a.ts","content":"x"}' });
    expect(body.choices[0].finish_reason).toBe("tool_calls");
    expect(body.usage).toEqual({ prompt_tokens: 11, completion_tokens: 4, total_tokens: 15 });
  });

  it("streams SSE chunks with tool-call arguments split across deltas, a finish reason, a usage chunk and [DONE]", async () => {
    const args = { path: "src/scenes/Play.ts", content: "export class Play {}\n" };
    fake = await startFakeLlm([{ reply: { content: "Writing the scene now.", tool_calls: [{ name: "write_file", arguments: args }] } }]);
    const res = await post({ model: "m", stream: true, messages: [{ role: "user", content: "go" }] });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = sseEvents(await res.text());
    expect(events[events.length - 1]).toBe("[DONE]");
    const chunks = events.slice(0, -1) as { choices: { delta?: { content?: string; tool_calls?: { function: { arguments: string } }[] }; finish_reason?: string }[]; usage: { prompt_tokens: number } }[];
    const text = chunks.map((c) => c.choices[0]?.delta?.content ?? "").join("");
    expect(text).toBe("Writing the scene now.");
    const argPieces = chunks.flatMap((c) => c.choices[0]?.delta?.tool_calls ?? []).map((t) => t.function.arguments);
    expect(argPieces.filter((p: string) => p.length > 0).length).toBeGreaterThan(3);
    expect(JSON.parse(argPieces.join(""))).toEqual(args);
    expect(chunks.some((c) => c.choices[0]?.finish_reason === "tool_calls")).toBe(true);
    expect(chunks[chunks.length - 1].usage.prompt_tokens).toBeGreaterThan(0);
  });

  it("records each request's parsed body and headers, and takes steps pushed later", async () => {
    fake = await startFakeLlm();
    fake.push({ reply: { content: "later" } });
    const res = await post({ model: "m", messages: [{ role: "user", content: "x" }] }, { Authorization: "Bearer test-key" });
    expect((await res.json()).choices[0].message.content).toBe("later");
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.body.messages[0].content).toBe("x");
    expect(fake.requests[0]!.headers.authorization).toBe("Bearer test-key");
  });

  it("lets a function script choose the step from the request", async () => {
    fake = await startFakeLlm((req, index) => ({ reply: { content: `#${index} saw ${req.body.messages.length} messages` } }));
    await post({ model: "m", messages: [{ role: "user", content: "a" }] });
    const res = await post({ model: "m", messages: [{ role: "user", content: "a" }, { role: "user", content: "b" }] });
    expect((await res.json()).choices[0].message.content).toBe("#1 saw 2 messages");
  });

  it("says which request ran out of script instead of inventing an answer", async () => {
    fake = await startFakeLlm([]);
    const res = await post({ model: "m", messages: [] });
    expect(res.status).toBe(500);
    expect((await res.json()).error.message).toContain("no scripted step left for request #0");
  });

  it("answers error faults with the status, body and Retry-After a real provider sends", async () => {
    fake = await startFakeLlm([{ fault: "429", retryAfterSeconds: 7 }, { fault: "401" }, { fault: "404-model" }, { fault: "context-too-long" }, { fault: "500" }]);
    const r429 = await post({ model: "m", messages: [] });
    expect([r429.status, r429.headers.get("retry-after")]).toEqual([429, "7"]);
    const r401 = await post({ model: "m", messages: [] });
    expect([r401.status, (await r401.json()).error.code]).toEqual([401, "invalid_api_key"]);
    const r404 = await post({ model: "gpt-9", messages: [] });
    expect([r404.status, (await r404.json()).error.message]).toEqual([404, "The model `gpt-9` does not exist or you do not have access to it."]);
    const r400 = await post({ model: "m", messages: [] });
    expect([r400.status, (await r400.json()).error.code]).toEqual([400, "context_length_exceeded"]);
    expect((await post({ model: "m", messages: [] })).status).toBe(500);
  });

  it("cuts a stream in the middle of an event", async () => {
    fake = await startFakeLlm([{ fault: "cut-stream" }]);
    const res = await post({ model: "m", stream: true, messages: [] });
    await expect(res.text()).rejects.toThrow();
  });

  it("hangs until the client gives up", async () => {
    fake = await startFakeLlm([{ fault: "hang" }]);
    await expect(fetch(`${fake.url}/chat/completions`, { method: "POST", body: "{}", signal: AbortSignal.timeout(1500) })).rejects.toThrow();
    expect(fake.requests).toHaveLength(1);
  });

  it("sends tool calls with broken JSON, an unknown tool, and wrong argument types", async () => {
    fake = await startFakeLlm([{ fault: "bad-tool-json", raw: "{'path': 'a.ts',}" }, { fault: "unknown-tool" }, { fault: "wrong-arg-types" }]);
    const call = async () => (await (await post({ model: "m", messages: [] })).json()).choices[0].message.tool_calls[0].function;
    expect((await call()).arguments).toBe("{'path': 'a.ts',}");
    expect((await call()).name).toBe("launch_rockets");
    expect(JSON.parse((await call()).arguments)).toEqual({ path: 42, content: ["not", "a", "string"] });
  });

  it("allows cross-origin calls from a browser page", async () => {
    fake = await startFakeLlm([]);
    const res = await fetch(`${fake.url}/chat/completions`, { method: "OPTIONS", headers: { Origin: "http://127.0.0.1:5173" } });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });
});
