// The agent's tools at the boundary: argument validation, file edits, guides, and how every
// mistake becomes a precise tool result while the run carries on.

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AGENT_TOOLS, createGuideLibrary, parseToolCall, runAgent, ToolError, type AgentEvent } from "../../src/agent";
import { repairToolArguments } from "../../src/providers";
import type { CompletionRequest } from "../../src/providers/types";
import { NO_GUIDES, STARTER, call, formatReport, scriptedModel, cannedPlaytest, turn } from "./agent-support";

const PLAY = String(STARTER["src/scenes/Play.ts"]);

function lastToolResult(request: CompletionRequest): string {
  const tools = request.messages.filter((m) => m.role === "tool");
  return String(tools.at(-1)?.content);
}

/** Runs one tool call as the model's first turn and returns what the model read back, plus the run. */
async function oneCall(toolCall: ReturnType<typeof call>, guides = NO_GUIDES) {
  const model = scriptedModel([turn(toolCall), turn(call("finish", { summary: "ok" }))]);
  const events: AgentEvent[] = [];
  const outcome = await runAgent({
    prompt: "p",
    files: { ...STARTER },
    model,
    playtest: cannedPlaytest,
    formatReport,
    guides,
    budgets: { maxIterations: 3, maxTokens: 1e9, maxWallMs: 60_000 },
    chattiness: "normal",
    onEvent: (e) => events.push(e),
  }).done;
  return { result: lastToolResult(model.requests[1]), outcome, events };
}

describe("AGENT_TOOLS", () => {
  it("defines exactly the shared tool protocol as OpenAI functions with required arguments", () => {
    const byName = Object.fromEntries(AGENT_TOOLS.map((t) => [t.function.name, t.function.parameters]));
    expect(Object.keys(byName).sort()).toEqual(["ask_user", "check_types", "delete_file", "edit_file", "finish", "list_files", "read_file", "read_phaser_guide", "run_playtest", "set_checks", "write_file"]);
    expect(byName.set_checks).toMatchObject({ required: ["checks"], properties: { checks: { type: "array", items: { required: ["id", "says", "probe"] } } } });
    expect(byName.edit_file).toMatchObject({ type: "object", required: ["path", "search", "replace"] });
    expect(byName.ask_user).toMatchObject({ required: ["question"], properties: { choices: { type: "array", items: { type: "string" } } } });
    expect(byName.run_playtest).toMatchObject({ required: [] });
  });
});

describe("parseToolCall", () => {
  const tc = (name: string, args: string) => ({ id: "c1", type: "function" as const, function: { name, arguments: args } });

  it("names an unknown tool and lists the real ones", () => {
    expect(() => parseToolCall(tc("launch_rockets", "{}"))).toThrow('Unknown tool "launch_rockets". The tools are: list_files, read_file, write_file');
  });

  it("says which argument has the wrong type and what it got", () => {
    expect(() => parseToolCall(tc("write_file", '{"path": 42, "content": "x"}'))).toThrow('write_file: "path" must be a string, got a number (42)');
    expect(() => parseToolCall(tc("ask_user", '{"question": "q", "choices": "a"}'))).toThrow('ask_user: "choices" must be an array of strings');
    expect(() => parseToolCall(tc("read_file", "{}"))).toThrow('read_file needs "path" (string)');
  });

  it("reports invalid JSON with the parser's complaint and an example, and repairs almost-JSON once", () => {
    expect(() => parseToolCall(tc("write_file", '{"path": src/main.ts'))).toThrow(`The arguments of write_file are not valid JSON (Unexpected token 's'`);
    expect(() => parseToolCall(tc("write_file", '{"path": src/main.ts'))).toThrow('Send one JSON object like {"path": "...", "content": "..."}');
    const repaired = parseToolCall(tc("write_file", "{'path': 'a.ts', 'content': 'x',}"), repairToolArguments);
    expect(repaired).toEqual({ id: "c1", name: "write_file", args: { path: "a.ts", content: "x" } });
    expect(() => parseToolCall(tc("write_file", '{"path": src/main.ts, "content": <<<'), repairToolArguments)).toThrow(ToolError);
    expect(() => parseToolCall(tc("read_file", "[1]"))).toThrow("must be a JSON object");
  });
});

describe("file tools inside a run", () => {
  it("edit_file names the closest line when the search text is not found, and changes nothing", async () => {
    const { result, outcome, events } = await oneCall(call("edit_file", { path: "src/scenes/Play.ts", search: "const PLAYER_SPEED = 999;", replace: "const PLAYER_SPEED = 300;" }));
    expect(result).toBe('Error: edit_file on src/scenes/Play.ts: the search text was not found. The closest line is 3: "const PLAYER_SPEED = 260;". Copy the search text exactly from the current file. Nothing was changed.');
    expect(outcome.files["src/scenes/Play.ts"]).toBe(PLAY);
    expect(events.filter((e) => e.type === "file-diff")).toEqual([]);
    expect(outcome.playable).toBe(true);
  });

  it("edit_file refuses a search text that occurs more than once and gives the lines", async () => {
    const { result } = await oneCall(call("edit_file", { path: "src/scenes/Play.ts", search: "this.spawnStar();", replace: "this.spawnStar(); // x" }));
    const lines = PLAY.split("\n").flatMap((l, i) => (l.includes("this.spawnStar();") ? [i + 1] : []));
    expect(result).toBe(`Error: edit_file on src/scenes/Play.ts: the search text occurs 2 times (lines ${lines.join(", ")}). Include more surrounding lines so it matches exactly one place. Nothing was changed.`);
  });

  it("edit_file matches a unique block whose indentation is wrong, and says so", async () => {
    const { result, outcome } = await oneCall(call("edit_file", { path: "src/scenes/Play.ts", search: "this.score = 0;\nthis.makeTextures();", replace: "    this.score = 5;\n    this.makeTextures();" }));
    expect(result).toMatch(/^Edited src\/scenes\/Play.ts at line \d+ \(matched ignoring indentation/);
    expect(outcome.files["src/scenes/Play.ts"]).toContain("    this.score = 5;\n    this.makeTextures();\n");
  });

  it("edit_file on a missing file suggests the likely path", async () => {
    const { result } = await oneCall(call("edit_file", { path: "src/scene/Play.ts", search: "a", replace: "b" }));
    expect(result).toBe("Error: src/scene/Play.ts does not exist. Did you mean src/scenes/Play.ts? Call list_files to see the project.");
  });

  it("write_file outside the project is refused by the project's validator and nothing is written", async () => {
    const { result, outcome } = await oneCall(call("write_file", { path: "../escape.ts", content: "x" }));
    expect(result).toBe(`Error: Invalid file path "../escape.ts": '..' and '.' segments are not allowed; paths stay inside the project. Nothing was changed.`);
    expect(Object.keys(outcome.files).sort()).toEqual(Object.keys(STARTER).sort());
  });

  it("write_file emits a diff with the text before and after; delete_file removes the file", async () => {
    const { events, outcome } = await oneCall(call("write_file", { path: "src/scenes/Title.ts", content: "export {};\n" }));
    expect(events.find((e) => e.type === "file-diff")).toEqual({ type: "file-diff", path: "src/scenes/Title.ts", before: STARTER["src/scenes/Title.ts"], after: "export {};\n" });
    expect(outcome.files["src/scenes/Title.ts"]).toBe("export {};\n");
    const deleted = await oneCall(call("delete_file", { path: "tsconfig.json" }));
    expect(deleted.result).toBe("Deleted tsconfig.json.");
    expect(deleted.outcome.files).not.toHaveProperty("tsconfig.json");
  });

  it("read_file and list_files return the project as it is", async () => {
    expect((await oneCall(call("read_file", { path: "src/main.ts" }))).result).toBe(STARTER["src/main.ts"]);
    const listed = (await oneCall(call("list_files", {}))).result;
    expect(listed.split("\n")).toContain(`src/scenes/Play.ts (${PLAY.split("\n").length} lines)`);
  });

  it("turns an unknown tool, wrong argument types and bad JSON into tool results and carries on", async () => {
    const model = scriptedModel([
      turn(call("launch_rockets", { count: 3 })),
      turn(call("write_file", { path: 42, content: ["not", "a", "string"] })),
      turn(call("write_file", '{"path": src/main.ts, "content": <<<')),
      turn(call("finish", { summary: "ok" })),
    ]);
    const outcome = await runAgent({
      prompt: "p", files: { ...STARTER }, model, playtest: cannedPlaytest, formatReport, guides: NO_GUIDES,
      budgets: { maxIterations: 3, maxTokens: 1e9, maxWallMs: 60_000 }, chattiness: "normal", onEvent: () => {},
    }).done;
    expect(lastToolResult(model.requests[1])).toMatch(/^Error: Unknown tool "launch_rockets"/);
    expect(lastToolResult(model.requests[2])).toMatch(/^Error: write_file: "path" must be a string, got a number \(42\)/);
    expect(lastToolResult(model.requests[3])).toMatch(/^Error: write_file: Tool arguments are not valid JSON/);
    expect(outcome).toMatchObject({ playable: true, stopReason: "finished" });
    expect(outcome.files).toEqual(STARTER);
  });
});

describe("Phaser guides", () => {
  const skills = new URL("../../node_modules/phaser/skills/", import.meta.url);
  const entries = Object.fromEntries(readdirSync(skills).map((topic) => [topic, readFileSync(new URL(`${topic}/SKILL.md`, skills), "utf8")]));
  const library = createGuideLibrary(entries);

  it("lists the topics of node_modules/phaser/skills and serves their text", () => {
    expect(library.list()).toContain("v3-to-v4-migration");
    expect(library.list()).toContain("physics-arcade");
    expect(library.read("physics-arcade")).toBe(entries["physics-arcade"]);
    expect(createGuideLibrary({ "/node_modules/phaser/skills/tweens/SKILL.md": "# T" }).list()).toEqual(["tweens"]);
  });

  it("answers read_phaser_guide for a long guide with its sections, and names the topics for an unknown one", async () => {
    const found = await oneCall(call("read_phaser_guide", { topic: "tweens" }), library);
    expect(found.result).toMatch(/^# Phaser guide tweens \(\d+ characters: read it by part\)/);
    expect(found.result).toContain("Sections: Quick Start | ");
    expect(found.result).not.toContain("cut at");
    const missing = await oneCall(call("read_phaser_guide", { topic: "physics" }), library);
    expect(missing.result).toMatch(/^Error: No guide "physics". Topics: .*physics-arcade/);
  });

  it("returns a section whole, by title or number: nothing of the migration guide is cut any more", async () => {
    const geometry = (await oneCall(call("read_phaser_guide", { topic: "v3-to-v4-migration", section: "Geometry: Point Replaced by Vector2" }), library)).result;
    expect(geometry).toContain("| `Point.Interpolate` | `Math.LinearXY` |");
    expect(geometry).toContain("update it to check for `Phaser.Math.Vector2`");
    const constants = (await oneCall(call("read_phaser_guide", { topic: "v3-to-v4-migration", section: "14" }), library)).result;
    expect(constants).toMatch(/^# Phaser guide v3-to-v4-migration, section "14\. Math Constants"/);
    expect(constants).toContain("If you used `Math.PI2`, replace it with `Math.TAU`.");
    const checklist = (await oneCall(call("read_phaser_guide", { topic: "v3-to-v4-migration", section: "migration checklist" }), library)).result;
    expect(checklist).toContain("- [ ] Verify custom shader texture coordinates (Y=0 is now at bottom)");
    const removed = (await oneCall(call("read_phaser_guide", { topic: "v3-to-v4-migration", section: "Removed Game Objects" }), library)).result;
    expect(removed).toContain("`Mesh` and `Plane`");
    const wrong = await oneCall(call("read_phaser_guide", { topic: "v3-to-v4-migration", section: "Shaders for fun" }), library);
    expect(wrong.result).toMatch(/^Error: The guide "v3-to-v4-migration" has no section "Shaders for fun"\. Its sections: Renderer: Pipelines to Render Nodes \| Canvas Renderer Deprecated/);
  });

  it("returns the parts that mention a search phrase, whole", async () => {
    const found = (await oneCall(call("read_phaser_guide", { topic: "v3-to-v4-migration", search: "setTintFill" }), library)).result;
    expect(found).toMatch(/^# Phaser guide v3-to-v4-migration, the parts that mention "setTintFill"\n## 4\. Tint System/);
    expect(found).toContain("sprite.setTint(0xff0000).setTintMode(Phaser.TintModes.FILL);");
    expect(found).toContain("## Migration Checklist");
    const none = await oneCall(call("read_phaser_guide", { topic: "tweens", search: "quantum flux" }), library);
    expect(none.result).toMatch(/^Error: "quantum flux" does not occur in the guide "tweens"/);
  });

  it("lists every guide's sections in read_phaser_guide's description", async () => {
    const model = scriptedModel([turn(call("finish", { summary: "ok" }))]);
    await runAgent({ prompt: "p", files: { ...STARTER }, model, playtest: cannedPlaytest, formatReport, guides: library, budgets: { maxIterations: 3, maxTokens: 1e9, maxWallMs: 60_000 }, chattiness: "normal", onEvent: () => {} }).done;
    const description = model.requests[0].tools!.find((t) => t.function.name === "read_phaser_guide")!.function.description;
    expect(description).toContain("v3-to-v4-migration: Renderer: Pipelines to Render Nodes | Canvas Renderer Deprecated |");
    expect(description).toContain("| Math Constants |");
    expect(description.split("\n").filter((l) => /^[a-z0-9-]+: /.test(l)).length).toBe(library.list().length);
  });
});
