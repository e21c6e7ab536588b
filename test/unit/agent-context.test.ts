// What the model is sent: a short system prompt that teaches Phaser 4 and the template contract,
// and a budgeted context. Measures prompt tokens per request of a fix iteration on fixture games.

import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createGuideLibrary, estimateTokens, runAgent, systemPrompt, type AgentOptions } from "../../src/agent";
import { formatReportForModel } from "../../src/playtest";
import type { ChatMessage } from "../../src/providers/types";
import { BROKEN_PLAY, STARTER, call, readProject, say, scriptedModel, cannedPlaytest, turn } from "./agent-support";

const skills = new URL("../../node_modules/phaser/skills/", import.meta.url);
const GUIDES = createGuideLibrary(Object.fromEntries(readdirSync(skills).map((t) => [t, readFileSync(new URL(`${t}/SKILL.md`, skills), "utf8")])));

function run(files: AgentOptions["files"], model: AgentOptions["model"]) {
  return runAgent({
    prompt: "A star catcher: move with the arrows, catch the yellow stars, avoid nothing yet.",
    files,
    model,
    playtest: cannedPlaytest,
    formatReport: (report) => formatReportForModel(report),
    guides: GUIDES,
    budgets: { maxIterations: 8, maxTokens: 1e9, maxWallMs: 60_000 },
    chattiness: "normal",
    onEvent: () => {},
  }).done;
}

describe("system prompt", () => {
  it("teaches Phaser 4 and the template contract, lists the guide topics and states the chattiness", () => {
    const prompt = systemPrompt("chatty", GUIDES.list());
    expect(prompt).toContain("Phaser 4 (NOT Phaser 3)");
    expect(prompt).toContain("(window as any).__playforge?.register(game);");
    expect(prompt).toContain("describe()");
    expect(prompt).toContain("v3-to-v4-migration");
    expect(prompt.split("\n").at(-1)).toBe("Chattiness: chatty");
    expect(estimateTokens(prompt)).toBeLessThan(800);
  });
});

describe("context budget", () => {
  it("keeps each request a prefix of the next, and shows a written file's text once (in the model's own call)", async () => {
    const edits = Array.from({ length: 3 }, (_, i) => turn(call("write_file", { path: `src/notes${i}.ts`, content: `export const marker${i} = "${"x".repeat(50)}";` })));
    const model = scriptedModel([...edits, turn(call("finish", { summary: "ok" }))]);
    await run({ ...STARTER }, model);
    for (let i = 1; i < model.requests.length; i++) {
      const before = model.requests[i - 1].messages;
      expect(model.requests[i].messages.slice(0, before.length)).toEqual(before);
    }
    const last = JSON.stringify(model.requests[3].messages);
    expect(last.split("export const marker2").length).toBe(2);
    expect(last.split("export const marker0").length).toBe(2);
    // Each closing note shows only what changed: the new file list, never the files the model wrote.
    const note = String(model.requests[3].messages.at(-1)!.content);
    expect(note).toMatch(/^# Project files\n/);
    expect(note).not.toContain("marker");
  });

  it("compacts the conversation in one step when it outgrows its budget: the last three turns remain, shortened", async () => {
    const edits = Array.from({ length: 7 }, (_, i) => turn(call("write_file", { path: `src/notes${i}.ts`, content: `export const marker${i} = "${"x".repeat(1500)}";` })));
    const model = scriptedModel([...edits, turn(call("finish", { summary: "ok" }))]);
    await run({ ...STARTER }, model);
    const sizes = model.requests.map((r) => r.messages.length);
    const compacted = sizes.findIndex((n, i) => i > 0 && n < sizes[i - 1]);
    expect(compacted).toBeGreaterThan(1);
    const after = model.requests[compacted].messages;
    expect(after.filter((m) => m.role === "assistant").length).toBe(3);
    expect(JSON.stringify(after.filter((m) => m.role === "assistant").slice(0, 2))).toContain("[1526 characters; the current text is under");
    // Every request after a compaction starts with the one before it again.
    expect(model.requests[compacted + 1].messages.slice(0, after.length)).toEqual(after);
    expect(estimateTokens(after)).toBeLessThanOrEqual(4_000);
  });

  it("shows a file the model read once: the result stays as it was, and no note repeats it", async () => {
    const model = scriptedModel([turn(call("read_file", { path: "src/main.ts" })), say("thinking"), turn(call("finish", { summary: "ok" }))]);
    await run({ ...STARTER }, model);
    const marker = "(window as any).__playforge?.register(game);";
    const count = (messages: ChatMessage[]) => JSON.stringify(messages).split(marker.replace(/"/g, '\\"')).length - 1;
    // once in the system prompt, once in the tool result, in both requests
    expect(count(model.requests[1].messages)).toBe(2);
    expect(count(model.requests[2].messages)).toBe(2);
    expect(model.requests[2].messages.find((m) => m.role === "tool")?.content).toBe(String(STARTER["src/main.ts"]));
  });

  it("shows a numbered excerpt around the reported error line when a working file is too big", async () => {
    const filler = Array.from({ length: 900 }, (_, i) => `  const filler${i} = ${i}; // padding to make the scene long`).join("\n");
    const big = String(BROKEN_PLAY).replace("  create() {\n", `  create() {\n${filler}\n`);
    const line = big.split("\n").findIndex((l) => l.includes("Phaser.Geom.Point")) + 1;
    const model = scriptedModel([turn(call("write_file", { path: "src/scenes/Play.ts", content: big })), turn(call("run_playtest", {})), say("looking"), say("stop")]);
    await run({ ...STARTER }, model);
    const snapshot = String(model.requests[2].messages.at(-1)!.content);
    expect(snapshot).toMatch(new RegExp(`--- src/scenes/Play.ts\\n\\(\\d+ lines; showing lines \\d+-\\d+ with numbers; read_file for the whole text\\)`));
    expect(snapshot).toContain(`${line}|     const spawn = new Phaser.Geom.Point(400, 300);`);
    expect(estimateTokens(model.requests[2].messages)).toBeLessThanOrEqual(4_000);
  });

  it("keeps every request of a fix iteration on a fixture game within 4k prompt tokens", async () => {
    const games: Array<[string, AgentOptions["files"], string, string]> = [
      ["starter with a Phaser 3 call", { ...STARTER, "src/scenes/Play.ts": BROKEN_PLAY }, "new Phaser.Geom.Point(400, 300)", "new Phaser.Math.Vector2(400, 300)"],
      ["fixture phaser3-api", readProject(fileURLToPath(new URL("../fixtures/phaser3-api", import.meta.url))), "new Phaser.Geom.Point(320, 240)", "new Phaser.Math.Vector2(320, 240)"],
    ];
    const measured: string[] = [];
    for (const [name, files, search, replace] of games) {
      const path = Object.keys(files).find((p) => String(files[p]).includes(search))!;
      const model = scriptedModel([
        turn(call("run_playtest", {})),
        turn(call("read_file", { path })),
        turn(call("edit_file", { path, search, replace })),
        turn(call("run_playtest", {})),
        turn(call("finish", { summary: "fixed" })),
      ]);
      const outcome = await run(files, model);
      expect(outcome.playable).toBe(true);
      const tokens = model.requests.map((r) => estimateTokens(r.messages));
      measured.push(`${name}: ${tokens.join(", ")} (max ${Math.max(...tokens)})`);
      for (const t of tokens) expect(t).toBeLessThanOrEqual(4_000);
    }
    console.log(`prompt tokens per request of a fix iteration:\n  ${measured.join("\n  ")}`);
  });
});
