// The agent over HTTP: the OpenAI-compatible provider talking to the scripted fake LLM server,
// with the faults small models produce (broken JSON, unknown tools, wrong types, fenced code).

import { afterEach, describe, expect, it } from "vitest";
import { runAgent, type AgentEvent } from "../../src/agent";
import { createOpenAICompatibleModel } from "../../src/providers";
import { startFakeLlm, type FakeLlm, type RecordedRequest } from "../fake-llm";
import { BROKEN_LINE, BROKEN_PLAY, NO_GUIDES, STARTER, formatReport, staticPlaytest } from "./agent-support";

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
    playtest: staticPlaytest,
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
