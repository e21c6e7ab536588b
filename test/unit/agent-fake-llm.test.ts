// The agent over HTTP: the OpenAI-compatible provider talking to the scripted fake LLM server,
// with the faults small models produce (broken JSON, unknown tools, wrong types, fenced code).

import { afterEach, describe, expect, it } from "vitest";
import { runAgent, startRun, type AgentEvent, type ModelPlan } from "../../src/agent";
import { createOpenAICompatibleModel } from "../../src/providers";
import { startFakeAnthropic, startFakeLlm, type FakeLlm, type RecordedRequest } from "../fake-llm";
import { BROKEN_LINE, BROKEN_PLAY, NO_GUIDES, STARTER, formatReport, cannedPlaytest } from "./agent-support";

const FIXED_PLAY = BROKEN_PLAY.replace("new Phaser.Geom.Point(400, 300)", "new Phaser.Math.Vector2(400, 300)");

let fake: FakeLlm | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function start(events: AgentEvent[], signal?: AbortSignal, onEvent?: (event: AgentEvent) => void) {
  const model = createOpenAICompatibleModel({ model: "fake-model", baseURL: fake!.url, timeoutMs: 5_000 });
  return runAgent({
    prompt: "A star catcher game",
    files: { ...STARTER },
    model,
    playtest: cannedPlaytest,
    formatReport,
    guides: NO_GUIDES,
    budgets: { maxIterations: 6, maxTokens: 1_000_000, maxWallMs: 60_000 },
    chattiness: "normal",
    signal,
    onEvent: (e) => {
      events.push(e);
      onEvent?.(e);
    },
  });
}

function lastTool(request: RecordedRequest): string {
  const tools = (request.body.messages as Array<{ role: string; content: string }>).filter((m) => m.role === "tool");
  return tools.at(-1)!.content;
}

describe("runAgent with the OpenAI-compatible provider and the fake LLM", () => {
  it("survives broken JSON, an unknown tool, wrong argument types and fenced code, and ends playable", async () => {
    fake = await startFakeLlm([
      { reply: { tool_calls: [{ name: "write_file", arguments: { path: "src/scenes/Play.ts", content: BROKEN_PLAY } }] } },
      { reply: { content: "Let me test it.", tool_calls: [{ name: "run_playtest", arguments: {} }] } },
      { fault: "bad-tool-json" },
      { fault: "unknown-tool" },
      { fault: "wrong-arg-types" },
      { reply: { content: `Here is the fix:\n\n\`\`\`ts src/scenes/Play.ts\n${FIXED_PLAY}\`\`\`\n` } },
      { reply: { tool_calls: [{ name: "finish", arguments: { summary: "Catch the stars with the arrow keys." } }] } },
    ]);
    const events: AgentEvent[] = [];
    const outcome = await start(events).done;

    expect(outcome).toMatchObject({ playable: true, stopReason: "finished", summary: "Catch the stars with the arrow keys." });
    expect(outcome.files["src/scenes/Play.ts"]).toBe(FIXED_PLAY);
    const requests = fake.requests;
    expect(requests[0].body.messages[0].content).toContain("Chattiness: normal");
    expect(requests[0].body.tools.map((t: { function: { name: string } }) => t.function.name)).toContain("edit_file");
    expect(lastTool(requests[2])).toContain(`src/scenes/Play.ts:${BROKEN_LINE}`);
    expect(lastTool(requests[3])).toMatch(/^Error: .*not valid JSON/);
    expect(lastTool(requests[4])).toMatch(/^Error: Unknown tool "launch_rockets"/);
    expect(lastTool(requests[5])).toMatch(/^Error: write_file: "path" must be a string, got a number \(42\)/);
    expect(lastTool(requests[6])).toMatch(/^Wrote src\/scenes\/Play.ts/);
    expect(events.filter((e) => e.type === "model-delta").map((e) => (e as { text: string }).text).join("")).toContain("Let me test it.");
  });

  it("delivers a steering message into the next HTTP request", async () => {
    fake = await startFakeLlm((_req, index) =>
      index === 0
        ? { reply: { tool_calls: [{ name: "list_files", arguments: {} }] } }
        : { reply: { tool_calls: [{ name: "finish", arguments: { summary: "ok" } }] } },
    );
    const events: AgentEvent[] = [];
    // Typed while the first tool runs, i.e. during the run and before the model's next call.
    const run = start(events, undefined, (e) => e.type === "tool-call" && e.name === "list_files" && run.steer("Add a timer"));
    await run.done;
    const messages = fake.requests[1].body.messages as Array<{ role: string; content: string }>;
    expect(messages.filter((m) => m.role === "user").map((m) => m.content)).toContain("Add a timer");
  });

  it("cancels a hanging request cleanly, leaving every file whole", async () => {
    fake = await startFakeLlm([
      { reply: { tool_calls: [{ name: "write_file", arguments: { path: "src/scenes/Play.ts", content: BROKEN_PLAY } }] } },
      { fault: "hang" },
    ]);
    const controller = new AbortController();
    const events: AgentEvent[] = [];
    const run = start(events, controller.signal);
    const waitForSecond = setInterval(() => {
      if (fake!.requests.length === 2) controller.abort();
    }, 5);
    const outcome = await run.done.finally(() => clearInterval(waitForSecond));
    expect(outcome.stopReason).toBe("cancelled");
    expect(outcome.files).toEqual({ ...STARTER, "src/scenes/Play.ts": BROKEN_PLAY });
    expect(events.at(-1)).toMatchObject({ type: "failed" });
  });
});

describe("a run built by the run factory (plan → router → runAgent) against the fake LLM", () => {
  const plan = (...models: string[]): ModelPlan => ({ roles: { build: models.map((model) => ({ model, baseURL: fake!.url, timeoutMs: 1_500 })) }, prices: { "fake-model": { prompt: 1000, completion: 2000 }, backup: { prompt: 1000, completion: 2000 } } });
  const begin = (models: ModelPlan, events: AgentEvent[]) =>
    startRun({
      prompt: "A star catcher game",
      files: { ...STARTER },
      startsFrom: "template",
      model: { plan: models },
      router: { backoff: { baseMs: 10, maxMs: 50 } },
      playtest: cannedPlaytest,
      formatReport,
      guides: NO_GUIDES,
      budgets: { maxIterations: 6, maxTokens: 1_000_000, maxWallMs: 60_000 },
      chattiness: "normal",
      onEvent: (e) => events.push(e),
    });

  it("survives a 500, a 429 with Retry-After, a stream cut mid tool call, an unreadable SSE line and a silent endpoint, and ends playable", async () => {
    fake = await startFakeLlm([
      { fault: "500" },
      { reply: { tool_calls: [{ name: "write_file", arguments: { path: "src/scenes/Play.ts", content: BROKEN_PLAY } }] } },
      { fault: "429", retryAfterSeconds: 1 },
      { reply: { tool_calls: [{ name: "run_playtest", arguments: {} }] } },
      { fault: "cut-tool-stream" },
      { reply: { tool_calls: [{ name: "edit_file", arguments: { path: "src/scenes/Play.ts", search: "new Phaser.Geom.Point(400, 300)", replace: "new Phaser.Math.Vector2(400, 300)" } }] } },
      { fault: "garbage" },
      { fault: "hang" },
      { reply: { tool_calls: [{ name: "finish", arguments: { summary: "Catch the stars." } }] } },
    ]);
    const events: AgentEvent[] = [];
    const { run, meter } = begin(plan("fake-model"), events);
    const outcome = await run.done;
    expect(outcome).toMatchObject({ playable: true, stopReason: "finished", summary: "Catch the stars." });
    expect(outcome.files["src/scenes/Play.ts"]).toBe(FIXED_PLAY);
    expect(outcome.files["src/main.ts"]).toBe(STARTER["src/main.ts"]);
    const retries = events.flatMap((e) => (e.type === "progress" && e.message.includes("retrying") ? [e.message] : []));
    expect(retries.map((m) => /failed \((.*?)\)/.exec(m)?.[1] ?? m).join("\n")).toMatch(/HTTP 500[\s\S]*HTTP 429[\s\S]*cut the stream[\s\S]*unreadable[\s\S]*did not answer in time/);
    expect(retries.find((m) => m.includes("HTTP 429"))).toContain("in 1000 ms");
    // The cost every event shows is the meter's, and the meter priced every answered call.
    const costs = events.filter((e): e is Extract<AgentEvent, { type: "cost" }> => e.type === "cost");
    expect(costs.at(-1)!.usd).toBe(meter!.totals().overall.usd);
    expect(outcome.costUsd).toBe(meter!.totals().overall.usd);
    expect(meter!.totals().overall.calls).toBe(4);
    expect(outcome.costUsd).toBeGreaterThan(0);
  });

  it("fails over to the second model when the first keeps failing", async () => {
    fake = await startFakeLlm((req) =>
      req.body.model === "fake-model"
        ? { fault: "500" }
        : req.body.messages.some((m: { role: string }) => m.role === "tool")
          ? { reply: { tool_calls: [{ name: "finish", arguments: { summary: "done" } }] } }
          : { reply: { tool_calls: [{ name: "write_file", arguments: { path: "src/scenes/Play.ts", content: FIXED_PLAY } }] } },
    );
    const events: AgentEvent[] = [];
    const outcome = await begin(plan("fake-model", "backup"), events).run.done;
    expect(outcome).toMatchObject({ playable: true, stopReason: "finished" });
    expect(events.some((e) => e.type === "progress" && e.message.includes("custom:fake-model failed") && e.message.includes("retrying with custom:backup"))).toBe(true);
    expect(events.filter((e) => e.type === "cost").map((e) => (e as { model: string }).model)).toEqual(expect.arrayContaining(["custom:backup"]));
  });

  it("ends provider-failed, naming provider, model, status and what to do, when every attempt fails", async () => {
    fake = await startFakeLlm(() => ({ fault: "500" }));
    const events: AgentEvent[] = [];
    const outcome = await begin(plan("fake-model"), events).run.done;
    expect(outcome).toMatchObject({ playable: false, stopReason: "provider-failed", failure: { model: "fake-model", status: 500, kind: "server" } });
    expect(outcome.summary).toContain(`The endpoint ${fake.url}`);
    expect(outcome.summary).toMatch(/HTTP 500.*add a fallback model/);
    expect(events.at(-1)).toMatchObject({ type: "failed", failure: { status: 500 } });
    expect(fake.requests.length).toBe(3);
  });

  it("never calls a refusing model's untouched starter playable", async () => {
    fake = await startFakeLlm([
      { reply: { content: "I'm sorry, but I can't help with making games." } },
      { reply: { content: "I can't do that." } },
    ]);
    const events: AgentEvent[] = [];
    const outcome = await begin(plan("fake-model"), events).run.done;
    expect(outcome).toMatchObject({ playable: false, stopReason: "model-stopped" });
    expect(outcome.summary).toContain("The model wrote no file: the project is still the starter template it began as");
    expect(events.some((e) => e.type === "playtest")).toBe(false);
    expect(JSON.stringify(fake.requests[1].body.messages)).toContain("You wrote nothing");
  });

  it("runs the same way on Anthropic's Messages API, natively", async () => {
    const anthropic = await startFakeAnthropic([
      { reply: { content: "Fixing the scene.", tool_calls: [{ name: "write_file", arguments: { path: "src/scenes/Play.ts", content: FIXED_PLAY } }] } },
      { reply: { tool_calls: [{ name: "finish", arguments: { summary: "Catch the stars." } }] } },
    ]);
    try {
      const events: AgentEvent[] = [];
      const outcome = await begin({ roles: { build: [{ preset: "anthropic", model: "claude-sonnet-4-5-20250929", baseURL: anthropic.url, apiKey: "sk-ant-0123456789" }] } }, events).run.done;
      expect(outcome).toMatchObject({ playable: true, stopReason: "finished", summary: "Catch the stars." });
      expect(outcome.files["src/scenes/Play.ts"]).toBe(FIXED_PLAY);
      // The second request carries the first answer as tool_use and its result as tool_result.
      const second = anthropic.requests[1].body.messages;
      expect(second.flatMap((m: { content: Array<{ type: string }> }) => m.content.map((b) => b.type))).toEqual(expect.arrayContaining(["tool_use", "tool_result"]));
      // The dated snapshot is priced at claude-sonnet-4-5's list price, so the run has a cost.
      expect(outcome.costUsd).toBeGreaterThan(0);
    } finally {
      await anthropic.close();
    }
  });

  it("runs the offline builder with the prompt's design, the prompt read from the task and the user's notes", async () => {
    const { createOfflineBuilder } = await import("../../src/builder");
    const events: AgentEvent[] = [];
    let run!: ReturnType<typeof startRun>["run"];
    // eslint-disable-next-line prefer-const -- onEvent reads run, so it is declared before startRun runs
    ({ run } = startRun({
      prompt: "a deep-sea diving game where you collect pearls and dodge jellyfish",
      files: { ...STARTER },
      startsFrom: "template",
      model: { offline: createOfflineBuilder() },
      playtest: cannedPlaytest,
      formatReport,
      guides: NO_GUIDES,
      budgets: { maxIterations: 3, maxTokens: 1e9, maxWallMs: 60_000 },
      chattiness: "normal",
      onEvent: (e) => {
        events.push(e);
        if (e.type === "tool-call" && e.name === "write_file") run.steer("make the jellyfish faster");
      },
    }));
    const outcome = await run.done;
    expect(JSON.parse(String(outcome.files["game.spec.json"])).genre).toBe("diving");
    expect(events.filter((e) => e.type === "playtest").length).toBeGreaterThan(0);
    expect(outcome.stopReason).not.toBe("error");
  });
});
