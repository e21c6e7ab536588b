// The type check as the model's first pair of eyes: the project against Phaser 4's own .d.ts
// (the Node checker, the same core as the IDE's worker), Phaser 3 APIs answered with the
// replacement from Phaser's migration guide, and the loop telling the model before a playtest.

import { describe, expect, it } from "vitest";
import { runAgent, type AgentEvent, type TypeDiagnostic } from "../../src/agent";
import { createNodeTypeChecker } from "../../src/node/cli/typecheck";
import { BROKEN_LINE, BROKEN_PLAY, NO_GUIDES, STARTER, call, formatReport, scriptedModel, cannedPlaytest, turn } from "./agent-support";

const check = createNodeTypeChecker();
const PLAY = String(STARTER["src/scenes/Play.ts"]);
const withLines = (lines: string[]) => PLAY.replace("  create() {\n", `  create() {\n${lines.map((l) => `    ${l}\n`).join("")}`);

const hintOf = (diagnostics: TypeDiagnostic[], line: number) => diagnostics.find((d) => d.line === line)?.hint ?? "";

describe("the type check against Phaser 4's types", () => {
  it("passes the starter game as it is", async () => {
    expect(await check(STARTER)).toEqual([]);
    // The first check parses Phaser's 8 MB of types; on a busy machine that takes a while.
  }, 240_000);

  it("names file:line and the Phaser 4 replacement of removed Phaser 3 APIs, from the migration guide", async () => {
    const play = withLines([
      "const spawn = new Phaser.Geom.Point(400, 300);",
      'const glow = this.add.sprite(1, 2, "star");',
      'glow.setPipeline("Light2D");',
      "glow.setTintFill(0xff0000);",
      "glow.preFX?.addGlow();",
      "const turn = Phaser.Math.PI2;",
    ]);
    const diagnostics = await check({ ...STARTER, "src/scenes/Play.ts": play });
    const first = play.split("\n").findIndex((l) => l.includes("Phaser.Geom.Point")) + 1;
    expect(diagnostics.map((d) => [d.file, d.line])).toEqual([first, first + 2, first + 3, first + 4, first + 5].map((line) => ["src/scenes/Play.ts", line]));
    expect(diagnostics[0].message).toBe("Property 'Point' does not exist on type 'typeof Geom'. Did you mean 'POINT'?");
    expect(hintOf(diagnostics, first)).toBe('Phaser 4: Replace `Geom.Point` usage with `Vector2` (read_phaser_guide v3-to-v4-migration, section "Geometry: Point Replaced by Vector2")');
    expect(hintOf(diagnostics, first + 2)).toContain("Replace `sprite.setPipeline('Light2D')` with `sprite.setLighting(true)`");
    expect(hintOf(diagnostics, first + 3)).toContain("Replace any `setTintFill()` calls with `setTint().setTintMode(Phaser.TintModes.FILL)`");
    expect(hintOf(diagnostics, first + 4)).toContain("No more preFX/postFX distinction");
    expect(hintOf(diagnostics, first + 5)).toContain("Replace `Math.PI2` with `Math.TAU`");
  }, 60_000);

  it("gives no Phaser hint for the game's own mistakes, and skips strictness that is not a bug", async () => {
    const play = withLines(["const lives: number = 'three';", "this.noSuchMethod();", "function loose(a) { return a; }"]);
    const diagnostics = await check({ ...STARTER, "src/scenes/Play.ts": play });
    expect(diagnostics.map((d) => d.code)).toEqual([2322, 2339]);
    expect(diagnostics.every((d) => d.hint === undefined)).toBe(true);
  }, 60_000);
});

describe("the loop with a type check", () => {
  it("tells a model that writes new Phaser.Geom.Point(...) with the replacement, before any playtest", async () => {
    const fixed = BROKEN_PLAY.replace("new Phaser.Geom.Point(400, 300)", "new Phaser.Math.Vector2(400, 300)");
    const model = scriptedModel([
      turn(call("write_file", { path: "src/scenes/Play.ts", content: BROKEN_PLAY })),
      turn(call("run_playtest", {})),
      turn(call("edit_file", { path: "src/scenes/Play.ts", search: "new Phaser.Geom.Point(400, 300)", replace: "new Phaser.Math.Vector2(400, 300)" }), call("check_types", {})),
      turn(call("finish", { summary: "ok" })),
    ]);
    const events: AgentEvent[] = [];
    const outcome = await runAgent({
      prompt: "A star catcher game",
      files: { ...STARTER },
      model,
      playtest: cannedPlaytest,
      formatReport,
      guides: NO_GUIDES,
      typeCheck: check,
      budgets: { maxIterations: 4, maxTokens: 1e9, maxWallMs: 120_000 },
      chattiness: "normal",
      onEvent: (e) => events.push(e),
    }).done;
    const results = model.requests.map((r) => r.messages.filter((m) => m.role === "tool").at(-1)?.content ?? "");
    expect(results[1]).toMatch(/^Wrote src\/scenes\/Play.ts \(\d+ lines\)\.\nType check/);
    expect(results[1]).toContain(`Type check: 1 error against Phaser 4's types:\n- src/scenes/Play.ts:${BROKEN_LINE}:`);
    expect(results[1]).toContain("Replace `Geom.Point` usage with `Vector2`");
    expect(results[2]).toMatch(/^Not run: Type check: 1 error/);
    expect(results[3]).toBe("Type check: no errors.");
    expect(outcome).toMatchObject({ playable: true, stopReason: "finished" });
    // The only playtest is finish's, on the fixed files.
    expect(events.filter((e) => e.type === "playtest").length).toBe(1);
    expect(outcome.files["src/scenes/Play.ts"]).toBe(fixed);
  }, 60_000);
});
