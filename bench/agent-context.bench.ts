// Issue 10's context measure: prompt tokens per request split into the prefix a provider's prompt
// cache can reuse (identical to the previous request's start: tools, system, task, earlier turns)
// and the fresh suffix, and the cost per fix iteration at the presets' input, cached-input and
// output prices. A scripted fix session on the starter game (broken scene → report → read → edit
// → playtest → a new file → playtest → finish), the real report formatter and the real guides.
import { readdirSync, readFileSync } from "node:fs";
import { createGuideLibrary, runAgent } from "../src/agent";
import { formatReportForModel } from "../src/playtest";
import { presetPrice, type ChatModel, type CompletionRequest, type ToolCall } from "../src/providers";
import { loadProjectDir } from "../src/node/driver";
import { recordedPlaytest } from "./recorded-playtest";
import { recordResults } from "./results";

const starter = loadProjectDir("templates/starter") as Record<string, string>;
const play = starter["src/scenes/Play.ts"];
const broken = play.replace("    this.score = 0;\n", "    this.score = 0;\n    const spawn = new Phaser.Geom.Point(400, 300);\n");
const skills = new URL("../node_modules/phaser/skills/", import.meta.url);
const guides = createGuideLibrary(Object.fromEntries(readdirSync(skills).map((t) => [t, readFileSync(new URL(`${t}/SKILL.md`, skills), "utf8")])));

let n = 0;
const call = (name: string, args: object): ToolCall => ({ id: `c${++n}`, type: "function", function: { name, arguments: JSON.stringify(args) } });
const enemy = `import Phaser from "phaser";\n\nexport function spawnEnemy(scene: Phaser.Scene, x: number): Phaser.GameObjects.Rectangle {\n  const enemy = scene.add.rectangle(x, 0, 24, 24, 0xff4444);\n  scene.tweens.add({ targets: enemy, y: 600, duration: 3000 });\n  return enemy;\n}\n`;
const script: ToolCall[][] = [
  [call("run_playtest", {})],
  [call("read_file", { path: "src/scenes/Play.ts" })],
  [call("edit_file", { path: "src/scenes/Play.ts", search: "new Phaser.Geom.Point(400, 300)", replace: "new Phaser.Math.Vector2(400, 300)" })],
  [call("run_playtest", {})],
  [call("read_phaser_guide", { topic: "tweens", section: "Quick Start" })],
  [call("write_file", { path: "src/enemy.ts", content: enemy })],
  [call("edit_file", { path: "src/scenes/Play.ts", search: "const PLAYER_SPEED = 260;", replace: "const PLAYER_SPEED = 280;" })],
  [call("run_playtest", {})],
  [call("edit_file", { path: "src/scenes/Play.ts", search: "const PLAYER_SPEED = 280;", replace: "const PLAYER_SPEED = 300;" })],
  [call("run_playtest", {})],
  [call("finish", { summary: "Catch the stars; enemies fall." })],
];

const requests: CompletionRequest[] = [];
const model: ChatModel = {
  id: "bench-scripted",
  supportsVision: false,
  async complete(request) {
    requests.push(structuredClone({ messages: request.messages, tools: request.tools }));
    const calls = script[requests.length - 1] ?? [call("finish", { summary: "done" })];
    return { message: { role: "assistant", content: null, tool_calls: calls }, usage: { promptTokens: 0, completionTokens: 0 }, model: "bench" };
  },
};
const outcome = await runAgent({
  prompt: "A star catcher: move with the arrows, catch the yellow stars; add enemies that fall from the top.",
  files: { ...starter, "src/scenes/Play.ts": broken },
  model,
  playtest: recordedPlaytest,
  formatReport: (report) => formatReportForModel(report),
  guides,
  playtestSeconds: 30,
  budgets: { maxIterations: 10, maxTokens: 1e9, maxWallMs: 120_000 },
  chattiness: "quiet",
  onEvent: () => undefined,
}).done;

/** What the provider reads, in order: tools, then every message. */
const serialize = (r: CompletionRequest) => [JSON.stringify(r.tools ?? []), ...r.messages.map((m) => JSON.stringify(m))].join("\n");
const charsPerToken = 3.5;
const rows = requests.map((r, i) => {
  const text = serialize(r);
  const previous = i > 0 ? serialize(requests[i - 1]!) : "";
  let same = 0;
  while (same < text.length && same < previous.length && text[same] === previous[same]) same++;
  const total = Math.ceil(text.length / charsPerToken);
  const cached = Math.floor(same / charsPerToken);
  const completion = Math.ceil(JSON.stringify(script[i] ?? []).length / charsPerToken);
  return { total, cached, fresh: total - cached, completion };
});
const sum = (key: "total" | "cached" | "fresh" | "completion") => rows.reduce((s, r) => s + r[key], 0);
const iterations = Math.max(1, outcome.iterations);
const prices = { "openai gpt-4.1": presetPrice("openai", "gpt-4.1")!, "anthropic claude-sonnet-4-5": presetPrice("anthropic", "claude-sonnet-4-5")!, "gemini gemini-2.5-flash": presetPrice("gemini", "gemini-2.5-flash")! };
const costPerIteration = Object.fromEntries(
  Object.entries(prices).map(([name, p]) => [name, (sum("fresh") * p.prompt + sum("cached") * (p.cachedPrompt ?? p.prompt) + sum("completion") * p.completion) / 1e6 / iterations]),
);
const share = sum("cached") / sum("total");
// Measured with this script on a9eec91 (the report and working files in the first user message,
// history a sliding window of 3 turns, whole guides cut at 12,000 characters).
const BEFORE = { share: 0.628, promptTokens: 38783, usdPerIteration: { "openai gpt-4.1": 0.01123, "anthropic claude-sonnet-4-5": 0.01447, "gemini gemini-2.5-flash": 0.00184 } };
console.log(`${requests.length} requests, ${outcome.iterations} iterations (${outcome.stopReason}); tokens per request (total/cached): ${rows.map((r) => `${r.total}/${r.cached}`).join(" ")}`);
console.log(`cacheable prefix ${(share * 100).toFixed(1)}% of ${sum("total")} prompt tokens; cost per fix iteration: ${Object.entries(costPerIteration).map(([k, v]) => `${k} $${v.toFixed(5)}`).join(", ")}`);
recordResults({
  "agent-context-cacheable-prefix": {
    what: "share of prompt tokens in a fix session that repeat the previous request's start (reusable by providers' prompt caches)",
    value: share * 100,
    unit: "%",
    baseline: BEFORE.share * 100,
    ratio: share / BEFORE.share,
    budget: "more than before (a9eec91), and no dearer per fix iteration at any preset's prices",
    pass: outcome.stopReason === "finished" && share > BEFORE.share && Object.entries(costPerIteration).every(([k, v]) => v <= BEFORE.usdPerIteration[k as keyof typeof BEFORE.usdPerIteration]),
    details: {
      requests: requests.length,
      iterations: outcome.iterations,
      promptTokens: sum("total"),
      cachedTokens: sum("cached"),
      freshTokens: sum("fresh"),
      beforePromptTokens: BEFORE.promptTokens,
      ...Object.fromEntries(Object.entries(costPerIteration).map(([k, v]) => [`microUsdPerIteration ${k} (before ${BEFORE.usdPerIteration[k as keyof typeof BEFORE.usdPerIteration] * 1e6})`, v * 1e6])),
    },
  },
});
