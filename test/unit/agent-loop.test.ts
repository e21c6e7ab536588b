// The agent loop end to end with a scripted model and a playtest that judges the real files.

import { describe, expect, it, vi } from "vitest";
import { runAgent, type AgentEvent, type AgentOptions } from "../../src/agent";
import { GENERIC_CHECK_IDS, type Check, type PlaytestReport } from "../../src/playtest";
import type { ChatMessage, CompletionRequest } from "../../src/providers/types";
import { BROKEN_LINE, BROKEN_PLAY, NO_GUIDES, STARTER, call, formatReport, say, scriptedModel, cannedPlaytest, turn, untilAborted } from "./agent-support";

function options(model: AgentOptions["model"], overrides: Partial<AgentOptions> = {}): AgentOptions & { events: AgentEvent[] } {
  const events: AgentEvent[] = [];
  return {
    prompt: "A star catcher game",
    files: { ...STARTER },
    model,
    playtest: cannedPlaytest,
    formatReport,
    guides: NO_GUIDES,
    budgets: { maxIterations: 6, maxTokens: 1_000_000, maxWallMs: 60_000 },
    chattiness: "normal",
    onEvent: (event) => events.push(event),
    events,
    ...overrides,
  };
}

function allText(messages: ChatMessage[]): string {
  return messages.map((m) => (typeof m.content === "string" ? m.content : JSON.stringify(m.content))).join("\n");
}

function toolResults(request: CompletionRequest): string[] {
  return request.messages.flatMap((m) => (m.role === "tool" ? [m.content] : []));
}

function ofType<T extends AgentEvent["type"]>(events: AgentEvent[], type: T): Array<Extract<AgentEvent, { type: T }>> {
  return events.filter((e): e is Extract<AgentEvent, { type: T }> => e.type === type);
}


const writeBroken = () => turn(call("write_file", { path: "src/scenes/Play.ts", content: BROKEN_PLAY }));
const fixBroken = () => turn(call("edit_file", { path: "src/scenes/Play.ts", search: "new Phaser.Geom.Point(400, 300)", replace: "new Phaser.Math.Vector2(400, 300)" }));

describe("runAgent: the fix cycle", () => {
  it("takes a broken game through the error report to a fix and ends playable", async () => {
    const model = scriptedModel([writeBroken(), turn(call("run_playtest", {})), fixBroken(), turn(call("finish", { summary: "Catch stars with the arrows." }))]);
    const opts = options(model);
    const outcome = await runAgent(opts).done;

    expect(outcome).toMatchObject({ playable: true, stopReason: "finished", summary: "Catch stars with the arrows.", iterations: 2 });
    expect(outcome.files["src/scenes/Play.ts"]).toContain("new Phaser.Math.Vector2(400, 300)");
    expect(outcome.files["src/scenes/Play.ts"]).not.toContain("Phaser.Geom.Point");
    // The model saw the error with its file:line before it fixed it.
    expect(toolResults(model.requests[2]).join("\n")).toContain(`src/scenes/Play.ts:${BROKEN_LINE}`);
    const playtests = ofType(opts.events, "playtest");
    expect(playtests.map((e) => [e.report.verdict, e.requestedBy])).toEqual([["broken", "model"], ["playable", "loop"]]);
    expect(ofType(opts.events, "file-diff").map((e) => e.path)).toEqual(["src/scenes/Play.ts", "src/scenes/Play.ts"]);
    expect(ofType(opts.events, "finished")).toEqual([{ type: "finished", playable: true, summary: "Catch stars with the arrows.", iterations: 2, tokens: outcome.tokens, costUsd: 0 }]);
    expect(opts.events.at(-1)?.type).toBe("finished");
    expect(opts.events.at(-2)).toMatchObject({ type: "tool-result", name: "finish", ok: true });
  });

  it("playtests the model's edits itself when the model stops without running the playtest", async () => {
    const model = scriptedModel([writeBroken(), say("Done, I wrote the game."), fixBroken(), say("Fixed."), say("Looks right."), say("All good.")]);
    const opts = options(model);
    const outcome = await runAgent(opts).done;

    const auto = model.requests[2].messages.filter((m) => m.role === "user").map((m) => String(m.content)).join("\n");
    expect(auto).toContain("Playforge: You stopped calling tools, so I ran the playtest on your edits");
    expect(auto).toContain(`src/scenes/Play.ts:${BROKEN_LINE}`);
    // The third is the full-length playtest that ending the run needs.
    expect(ofType(opts.events, "playtest").map((e) => [e.requestedBy, e.report.requestedSeconds])).toEqual([["loop", 10], ["loop", 10], ["loop", 30]]);
    // Two plain replies on a fresh playable verdict end the run with the model's words.
    expect(outcome).toMatchObject({ playable: true, stopReason: "finished", summary: "All good." });
  });

  it("refuses finish on a broken verdict, tells the model so, and ends honestly as not playable", async () => {
    const finish = () => turn(call("finish", { summary: "A great game!" }));
    const model = scriptedModel([writeBroken(), finish(), finish(), finish()], { usage: { promptTokens: 900, completionTokens: 100 } });
    const opts = options(model, { budgets: { maxIterations: 5, maxTokens: 3_500, maxWallMs: 60_000 } });
    const outcome = await runAgent(opts).done;

    expect(toolResults(model.requests[2]).at(-1)).toMatch(new RegExp(`^Not finished: the 30 s playtest \\(iteration 1\\) of the current files has required checks that do not pass: FAIL no-errors: .*src/scenes/Play\\.ts:${BROKEN_LINE}`));
    expect(outcome.playable).toBe(false);
    expect(outcome.stopReason).toBe("max-tokens");
    expect(outcome.summary).toContain("token budget (3500)");
    expect(outcome.summary).toContain(`says broken: FAIL no-errors: No errors, failed assets or Phaser warnings (1 distinct; first: TypeError: Phaser.Geom.Point is not a constructor at src/scenes/Play.ts:${BROKEN_LINE}.)`);
    expect(outcome.summary).not.toContain("A great game");
    expect(ofType(opts.events, "finished")[0]).toMatchObject({ playable: false });
  });

  it("ends as not playable when the model stops replying with tools on a broken game", async () => {
    const model = scriptedModel([writeBroken(), turn(call("run_playtest", {})), say("I cannot fix this."), say("Sorry.")]);
    const opts = options(model);
    const outcome = await runAgent(opts).done;
    expect(model.requests[3].messages.at(-1)).toEqual({ role: "user", content: expect.stringMatching(/^Playforge: The game is still broken/) });
    expect(outcome).toMatchObject({ playable: false, stopReason: "model-stopped", iterations: 1 });
    expect(outcome.summary).toMatch(/^The model stopped working without making the game playable\. Not playable: the last playtest \(iteration 1\) says broken: FAIL no-errors: /);
    expect(outcome.summary).toContain(`TypeError: Phaser.Geom.Point is not a constructor at src/scenes/Play.ts:${BROKEN_LINE}`);
    expect(outcome.summary.endsWith('Its last message: "Sorry."')).toBe(true);
  });

  it("saves one checkpoint per iteration with that iteration's files and report, and restores any of them", async () => {
    const model = scriptedModel([writeBroken(), turn(call("run_playtest", {})), fixBroken(), turn(call("run_playtest", {})), turn(call("finish", { summary: "ok" }))]);
    const opts = options(model, { playtestSeconds: 30 });
    const outcome = await runAgent(opts).done;

    expect(outcome.checkpoints.map((c) => [c.iteration, c.report?.verdict])).toEqual([[1, "broken"], [2, "playable"]]);
    expect(new Set(outcome.checkpoints.map((c) => c.id)).size).toBe(2);
    expect(ofType(opts.events, "checkpoint").map((e) => e.id)).toEqual(outcome.checkpoints.map((c) => c.id));
    const first = outcome.checkpoints[0];
    expect(first.files["src/scenes/Play.ts"]).toBe(BROKEN_PLAY);
    expect(first.report?.verdict).toBe("broken");
    expect(outcome.checkpoints[1].files["src/scenes/Play.ts"]).not.toBe(BROKEN_PLAY);
  });

  it("shows a vision model the latest thumbnail as an image part after a playtest", async () => {
    const model = scriptedModel([turn(call("run_playtest", { seconds: 5 })), turn(call("finish", { summary: "ok" }))], { vision: true });
    await runAgent(options(model)).done;
    const last = model.requests[1].messages.at(-1)!;
    expect(last.role).toBe("user");
    expect(JSON.stringify(last.content)).toContain('"type":"image_url"');
    const blind = scriptedModel([turn(call("run_playtest", {})), turn(call("finish", { summary: "ok" }))]);
    await runAgent(options(blind)).done;
    expect(JSON.stringify(blind.requests[1].messages)).not.toContain("image_url");
  });
});

/** A report of the starter as the engine gives it: the generic checks, and the task's from `tasks`. */
function reportWithChecks(base: PlaytestReport, checks: Array<[string, Check["status"], boolean?]>): PlaytestReport {
  const all: Check[] = checks.map(([id, status, required = true]) => ({ id, says: `${id} holds`, required, status, evidence: { detail: `${id} evidence` }, source: GENERIC_CHECK_IDS.includes(id as never) ? "generic" : "task" }));
  const failed = all.some((c) => c.required && c.status === "fail");
  return { ...base, checks: all, verdict: failed ? "broken" : "playable" };
}

describe("runAgent: checks and finish", () => {
  const scoreCheck = { id: "score-rises", says: "The score rises when a star is caught", probe: { field: "score", expect: "rises" } };

  it("accepts finish only after a full-length playtest: a 10 s playable report makes the loop playtest 30 s first", async () => {
    const model = scriptedModel([writeBroken(), fixBroken(), turn(call("run_playtest", { seconds: 10 })), turn(call("finish", { summary: "ok" }))]);
    const opts = options(model);
    const outcome = await runAgent(opts).done;
    expect(outcome).toMatchObject({ playable: true, stopReason: "finished" });
    expect(ofType(opts.events, "playtest").map((e) => [e.requestedBy, e.report.requestedSeconds])).toEqual([["model", 10], ["loop", 30]]);
    expect(ofType(opts.events, "progress").some((e) => e.message === "finish: the latest playtest was 10 s; playtesting for 30 s first.")).toBe(true);
  });

  it("passes set_checks to every later playtest as tasks and refuses finish until every required check passes, failed checks first", async () => {
    const seen: Array<string[] | undefined> = [];
    let caught = false;
    const model = scriptedModel([
      turn(call("set_checks", { checks: [scoreCheck, { id: "Lives Fall", says: "Lives fall when hit", required: false, probe: { field: "lives", expect: "falls", run: "either" } }] })),
      fixBroken(),
      turn(call("finish", { summary: "first try" })),
      () => ((caught = true), turn(call("edit_file", { path: "src/scenes/Play.ts", search: "const PLAYER_SPEED = 260;", replace: "const PLAYER_SPEED = 300;" }))),
      turn(call("finish", { summary: "Catch stars; the score rises." })),
    ]);
    const opts = options(model, {
      files: { ...STARTER, "src/scenes/Play.ts": BROKEN_PLAY },
      playtest: async (files, request) => {
        seen.push(request.tasks?.map((t) => t.id));
        const base = await cannedPlaytest(files, request);
        return reportWithChecks(base, [["boots", "pass"], ["controls", caught ? "pass" : "unknown"], ["score-rises", caught ? "pass" : "fail"], ["lives-fall", "fail", false]]);
      },
    });
    const outcome = await runAgent(opts).done;
    expect(outcome).toMatchObject({ playable: true, stopReason: "finished", summary: "Catch stars; the score rises." });
    expect(seen).toEqual([["score-rises", "lives-fall"], ["score-rises", "lives-fall"]]);
    const setResult = toolResults(model.requests[1]).at(-1)!;
    expect(setResult).toContain("Checks set (2)");
    expect(setResult).toContain("describe() must return: score, lives");
    const refused = toolResults(model.requests[3]).at(-1)!;
    expect(refused).toMatch(/^Not finished: the 30 s playtest \(iteration 1\) of the current files has required checks that do not pass: FAIL score-rises: score-rises holds \(score-rises evidence\); NOT VERIFIED controls/);
    // The optional check is in the report's list, not among the reasons finish was refused.
    expect(refused.split("\n")[0]).not.toContain("lives-fall");
  });

  it("falls back to the verdict when the report carries no checks, and rejects malformed checks precisely", async () => {
    const model = scriptedModel([
      turn(call("set_checks", { checks: [{ id: "boots", says: "It boots", probe: { field: "score", expect: "rises" } }] })),
      turn(call("set_checks", { checks: [{ id: "score", says: "Score", probe: { field: "score", expect: "goes up" } }] })),
      fixBroken(),
      turn(call("finish", { summary: "ok" })),
    ]);
    const opts = options(model, { files: { ...STARTER, "src/scenes/Play.ts": BROKEN_PLAY } });
    const outcome = await runAgent(opts).done;
    expect(toolResults(model.requests[1]).at(-1)).toMatch(/^Error: checks\[0\]\.id "boots" is a generic check the playtest always runs/);
    expect(toolResults(model.requests[2]).at(-1)).toMatch(/^Error: checks\[0\]\.probe\.expect must be one of rises, falls, changes, atLeast, atMost, stays; got "goes up"\. Example: /);
    expect(outcome).toMatchObject({ playable: true, stopReason: "finished" });
  });
});

describe("runAgent: budgets", () => {
  const runaway = () => {
    let n = 0;
    return scriptedModel(Array.from({ length: 100 }, () => () => turn(call("write_file", { path: "src/notes.ts", content: `export const n = ${++n};` }))), {
      usage: { promptTokens: 900, completionTokens: 100 },
    });
  };

  it("stops a model that edits forever when the iteration budget ends", async () => {
    const model = runaway();
    const outcome = await runAgent(options(model, { budgets: { maxIterations: 2, maxTokens: 1e9, maxWallMs: 60_000 } })).done;
    expect(outcome.stopReason).toBe("max-iterations");
    expect(outcome.iterations).toBe(2);
    // 8 turns per iteration before the loop playtests on its own.
    expect(model.requests.length).toBe(16);
  });

  it("stops at the token budget", async () => {
    const model = runaway();
    const opts = options(model, { budgets: { maxIterations: 50, maxTokens: 3_500, maxWallMs: 60_000 } });
    const outcome = await runAgent(opts).done;
    expect(outcome).toMatchObject({ stopReason: "max-tokens", tokens: 4_000, playable: false });
    expect(model.requests.length).toBe(4);
    expect(ofType(opts.events, "cost").map((e) => e.tokens)).toEqual([1000, 2000, 3000, 4000]);
  });

  it("stops at the cost budget, reading the spend from the caller's meter", async () => {
    const model = runaway();
    const spentUsd = () => model.requests.length * 0.01;
    const opts = options(model, { budgets: { maxIterations: 50, maxTokens: 1e9, maxCostUsd: 0.025, maxWallMs: 60_000 }, spentUsd });
    const outcome = await runAgent(opts).done;
    expect(outcome.stopReason).toBe("max-cost");
    expect(outcome.costUsd).toBeCloseTo(0.03, 6);
    expect(outcome.summary).toContain("cost budget ($0.025)");
  });

  it("stops a model that hangs when the wall-time budget ends, aborting the call", async () => {
    let aborted = false;
    const model = scriptedModel([(req) => untilAborted(req.signal).finally(() => (aborted = true))]);
    const outcome = await runAgent(options(model, { budgets: { maxIterations: 5, maxTokens: 1e9, maxWallMs: 150 } })).done;
    expect(outcome.stopReason).toBe("max-wall-time");
    expect(aborted).toBe(true);
  });
});

describe("runAgent: the user in the loop", () => {
  it("delivers a steering message as a user message before the model's next call", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const model = scriptedModel([async () => (await gate, writeBroken()), fixBroken(), turn(call("finish", { summary: "blue" }))]);
    const opts = options(model);
    const run = runAgent(opts);
    await vi.waitFor(() => expect(model.requests.length).toBe(1));
    run.steer("Make the stars blue");
    release();
    await run.done;
    expect(allText(model.requests[0].messages)).not.toContain("Make the stars blue");
    expect(model.requests[1].messages.filter((m) => m.role === "user").map((m) => m.content)).toContain("Make the stars blue");
    expect(String(model.requests[1].messages.at(-1)!.content)).toContain("# Notes from the user during the run\n- Make the stars blue");
    expect(ofType(opts.events, "steer-received")).toEqual([{ type: "steer-received", text: "Make the stars blue" }]);
  });

  it("pauses on ask_user until answered, then passes the answer to the model", async () => {
    const model = scriptedModel([turn(call("ask_user", { question: "Which key jumps?", choices: ["Space", "Up"] })), turn(call("finish", { summary: "ok" }))]);
    const opts = options(model);
    const run = runAgent(opts);
    await vi.waitFor(() => expect(ofType(opts.events, "question").length).toBe(1));
    const [question] = ofType(opts.events, "question");
    expect(question).toMatchObject({ question: "Which key jumps?", choices: ["Space", "Up"] });
    expect(model.requests.length).toBe(1);
    expect(run.answer("wrong-id", "Up")).toBe(false);
    expect(run.answer(question.id, "Up")).toBe(true);
    await run.done;
    expect(toolResults(model.requests[1])).toContain("The user answered: Up");
    expect(allText(model.requests[1].messages)).toContain("Q: Which key jumps? A: Up");
    expect(ofType(opts.events, "answer")).toEqual([{ type: "answer", id: question.id, answer: "Up", auto: false }]);
  });

  it("cancels cleanly while waiting for an answer", async () => {
    const model = scriptedModel([turn(call("ask_user", { question: "Which key jumps?" }))]);
    const opts = options(model);
    const run = runAgent(opts);
    await vi.waitFor(() => expect(ofType(opts.events, "question").length).toBe(1));
    run.cancel();
    const outcome = await run.done;
    expect(outcome.stopReason).toBe("cancelled");
    expect(ofType(opts.events, "answer")).toEqual([]);
  });

  it("answers questions itself in quiet mode, labelled as a default, never as the user's answer", async () => {
    const model = scriptedModel([turn(call("ask_user", { question: "Which key jumps?", choices: ["Space", "Up"] })), turn(call("ask_user", { question: "Theme?" })), turn(call("finish", { summary: "ok" }))]);
    const opts = options(model, { chattiness: "quiet" });
    await runAgent(opts).done;
    expect(ofType(opts.events, "answer").map((e) => [e.answer, e.auto, e.why])).toEqual([["Space", true, "quiet"], [expect.stringContaining("sensible default"), true, "quiet"]]);
    const result = toolResults(model.requests[1]).at(-1)!;
    expect(result).toBe("No answer from the user (quiet mode: the user is not asked). Default: Space. Decide the rest yourself and carry on.");
    expect(allText(model.requests.at(-1)!.messages)).not.toContain("The user answered");
    expect(ofType(opts.events, "progress").some((e) => e.message.includes('No answer to "Which key jumps?" (quiet mode: the user is not asked); using the default "Space"'))).toBe(true);
    expect(model.requests[0].messages[0].content).toContain("Chattiness: quiet");
  });

  it("keeps an answer given inside the question event (a terminal or UI that answers at once)", async () => {
    const model = scriptedModel([turn(call("ask_user", { question: "Which key jumps?", choices: ["Space", "Up"] })), turn(call("finish", { summary: "ok" }))]);
    let run!: ReturnType<typeof runAgent>;
    const opts = options(model, { onEvent: (e) => e.type === "question" && run.answer(e.id, "Up") });
    run = runAgent(opts);
    await run.done;
    expect(toolResults(model.requests[1])).toContain("The user answered: Up");
  });

  it("uses the labelled default at once when nobody can answer, and after the deadline when nobody does", async () => {
    const ask = () => turn(call("ask_user", { question: "Which key jumps?", choices: ["Space", "Up"] }));
    const headless = scriptedModel([ask(), turn(call("finish", { summary: "ok" }))]);
    const events: AgentEvent[] = [];
    await runAgent(options(headless, { interactive: false, onEvent: (e) => events.push(e) })).done;
    expect(toolResults(headless.requests[1]).at(-1)).toBe("No answer from the user (no one can answer: the run has no terminal). Default: Space. Decide the rest yourself and carry on.");
    expect(ofType(events, "answer")).toEqual([expect.objectContaining({ answer: "Space", auto: true, why: "no-one-to-ask" })]);

    const ignored = scriptedModel([ask(), turn(call("finish", { summary: "ok" }))]);
    const later: AgentEvent[] = [];
    await runAgent(options(ignored, { answerTimeoutMs: 30, onEvent: (e) => later.push(e) })).done;
    expect(toolResults(ignored.requests[1]).at(-1)).toMatch(/^No answer from the user \(nobody answered within 30 ms\)\. Default: Space\./);
    expect(ofType(later, "answer")).toEqual([expect.objectContaining({ auto: true, why: "timeout" })]);
  });

  it("waits between steps while paused and continues after resume", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const model = scriptedModel([async () => (await gate, writeBroken()), fixBroken(), turn(call("finish", { summary: "ok" }))]);
    const opts = options(model);
    const run = runAgent(opts);
    await vi.waitFor(() => expect(model.requests.length).toBe(1));
    run.pause();
    release();
    // The loop holds before the model's write and says so; nothing runs until resume.
    await vi.waitFor(() => expect(ofType(opts.events, "progress").map((e) => e.message)).toContain("Paused: the next step waits for Resume."));
    expect(model.requests.length).toBe(1);
    expect(ofType(opts.events, "file-diff")).toEqual([]);
    run.resume();
    const outcome = await run.done;
    expect(outcome.playable).toBe(true);
    expect(model.requests.length).toBe(3);
  });

  it("cancels cleanly during a model call: every file is whole, the run reports cancelled", async () => {
    const model = scriptedModel([writeBroken(), (req) => untilAborted(req.signal)]);
    const opts = options(model);
    const run = runAgent(opts);
    // Cancelled during the second model call, after the first one's write.
    await vi.waitFor(() => expect(model.requests.length).toBe(2));
    run.cancel();
    const outcome = await run.done;
    expect(outcome.stopReason).toBe("cancelled");
    expect(outcome.playable).toBe(false);
    expect(outcome.files).toEqual({ ...STARTER, "src/scenes/Play.ts": BROKEN_PLAY });
    expect(ofType(opts.events, "failed")[0].reason).toMatch(/^Cancelled after 0 iteration/);
  });

  it("cancels promptly even when the model ignores its abort signal", async () => {
    const model = scriptedModel([() => new Promise<never>(() => {})]);
    const run = runAgent(options(model));
    await vi.waitFor(() => expect(model.requests.length).toBe(1));
    run.cancel();
    // Without the run's own cancel the model's promise would keep it waiting for ever.
    const outcome = await run.done;
    expect(outcome.stopReason).toBe("cancelled");
    expect(outcome.files).toEqual(STARTER);
  });

  it("cancels through the caller's AbortSignal during a playtest without saving a checkpoint", async () => {
    const controller = new AbortController();
    const model = scriptedModel([writeBroken(), turn(call("run_playtest", {}))]);
    const opts = options(model, {
      signal: controller.signal,
      playtest: (_files, request) => {
        setTimeout(() => controller.abort(), 10);
        return untilAborted(request.signal);
      },
    });
    const outcome = await runAgent(opts).done;
    expect(outcome.stopReason).toBe("cancelled");
    expect(outcome.checkpoints).toEqual([]);
    expect(outcome.files["src/scenes/Play.ts"]).toBe(BROKEN_PLAY);
  });
});

describe("runAgent: the iteration budget", () => {
  it("never playtests past the iteration budget, even when finish asks for one", async () => {
    const model = scriptedModel([turn(call("run_playtest", {}), call("write_file", { path: "src/x.ts", content: "export {};" }), call("finish", { summary: "ok" }))]);
    const opts = options(model, { budgets: { maxIterations: 1, maxTokens: 1e9, maxWallMs: 60_000 } });
    const outcome = await runAgent(opts).done;
    expect(ofType(opts.events, "playtest").length).toBe(1);
    expect(outcome).toMatchObject({ stopReason: "max-iterations", playable: false });
    expect(outcome.summary).toContain("later edits were not playtested");
  });
});
