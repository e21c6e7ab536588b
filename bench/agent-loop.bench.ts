// Budget of the agent issue: loop overhead per iteration, excluding model and playtest time, ≤1 s.
// The model is instant and scripted (edit → playtest, 20 times); the playtest is timed and subtracted.
import { runAgent } from "../src/agent";
import type { ChatModel, ToolCall } from "../src/providers/types";
import { loadProjectDir } from "../src/node/driver";
import { recordedPlaytest } from "./recorded-playtest";
import { recordResults } from "./results";

const ITERATIONS = 20;
const files = loadProjectDir("templates/starter");
let modelMs = 0;
let playtestMs = 0;
let turn = 0;

const call = (name: string, args: object): ToolCall => ({ id: `c${turn}-${name}`, type: "function", function: { name, arguments: JSON.stringify(args) } });
const model: ChatModel = {
  id: "bench-instant",
  supportsVision: false,
  async complete() {
    const start = performance.now();
    turn++;
    const edit = Math.ceil(turn / 2);
    const message =
      edit > ITERATIONS
        ? { role: "assistant" as const, content: null, tool_calls: [call("finish", { summary: "done" })] }
        : turn % 2 === 1
          ? { role: "assistant" as const, content: null, tool_calls: [call("edit_file", { path: "src/scenes/Play.ts", search: `PLAYER_SPEED = ${edit === 1 ? 260 : 259 + edit}`, replace: `PLAYER_SPEED = ${260 + edit}` })] }
          : { role: "assistant" as const, content: null, tool_calls: [call("run_playtest", { seconds: 5 })] };
    modelMs += performance.now() - start;
    return { message, usage: { promptTokens: 1000, completionTokens: 50 }, model: "bench-instant" };
  },
};

const start = performance.now();
const run = runAgent({
  prompt: "speed the player up, one step at a time",
  files,
  model,
  playtest: async (f, request) => {
    const t = performance.now();
    const report = await recordedPlaytest(f, request);
    playtestMs += performance.now() - t;
    return report;
  },
  guides: { list: () => [], read: () => undefined },
  budgets: { maxIterations: ITERATIONS + 2, maxTokens: 10_000_000, maxWallMs: 600_000 },
  chattiness: "quiet",
  onEvent: () => undefined,
});
const outcome = await run.done;
const total = performance.now() - start;
const perIteration = (total - modelMs - playtestMs) / Math.max(1, outcome.iterations);
console.log(`${outcome.iterations} iterations, ${outcome.stopReason}, total ${total.toFixed(0)} ms (model ${modelMs.toFixed(0)} ms, playtest ${playtestMs.toFixed(0)} ms)`);
recordResults({
  "agent-loop-overhead": {
    what: "agent loop time per iteration (edit + playtest + checkpoint), minus model and playtest time, instant scripted model",
    value: perIteration,
    unit: "ms/iteration",
    budget: "≤1000 ms per iteration",
    pass: perIteration <= 1000 && outcome.iterations >= ITERATIONS,
  },
});
