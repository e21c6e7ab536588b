// The vision judge: after a playtest, a judge-role model with vision sees one frame per phase and
// the checklist; its opinion goes on each check as check.judge, and a measured status never changes.

import { afterEach, describe, expect, it } from "vitest";
import { createVisionJudge, framesPerPhase, runAgent, startRun, type AgentEvent } from "../../src/agent";
import type { Check, PlaytestReport } from "../../src/playtest";
import { startFakeLlm, type FakeLlm } from "../fake-llm";
import { BROKEN_PLAY, NO_GUIDES, STARTER, call, formatReport, scriptedModel, cannedPlaytest, turn } from "./agent-support";

let fake: FakeLlm | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const png = (n: number) => `data:image/png;base64,iVBORw0KGgo${n}`;
const check = (id: string, status: Check["status"]): Check => ({ id, says: `${id} holds`, required: true, status, evidence: { detail: `${id} measured` }, source: "generic" });

/** The starter's static report with phases, one thumbnail per second and two checks. */
async function phasedReport(files: Parameters<typeof cannedPlaytest>[0], request: Parameters<typeof cannedPlaytest>[1]): Promise<PlaytestReport> {
  const base = await cannedPlaytest(files, request);
  return {
    ...base,
    verdict: "broken",
    phases: [
      { phase: "boot", fromMs: 0, scenes: [] },
      { phase: "title", fromMs: 500, scenes: ["Title"] },
      { phase: "gameplay", fromMs: 2000, scenes: ["Play"] },
    ],
    thumbnails: [0, 1000, 1500, 3000, 9000].map((atMs, i) => ({ label: `t${i}`, atMs, dataUrl: png(i) })),
    checks: [check("boots", "pass"), check("controls", "fail")],
  };
}

describe("vision judge", () => {
  it("picks the last frame of each phase", async () => {
    const report = await phasedReport(STARTER, { seconds: 10, seed: 1, signal: new AbortController().signal, onProgress: () => {} });
    expect(framesPerPhase(report).map((f) => [f.phase, f.thumbnail.label])).toEqual([["boot", "t0"], ["title", "t2"], ["gameplay", "t4"]]);
  });

  it("attaches the judge's opinion to each check, marked as its own, and never turns a measured failure into a pass", async () => {
    const judgeModel = scriptedModel(
      [
        turn(call("give_opinions", { opinions: [{ id: "boots", opinion: "agrees", says: "The title is drawn." }, { id: "controls", opinion: "disagrees", says: "The player seems to move." }, { id: "made-up", opinion: "agrees", says: "x" }] })),
        turn(call("give_opinions", { opinions: [] })),
      ],
      { vision: true },
    );
    const model = scriptedModel([turn(call("run_playtest", { seconds: 30 })), turn(call("write_file", { path: "src/x.ts", content: "export {};\n" })), turn(call("finish", { summary: "done" }))]);
    const events: AgentEvent[] = [];
    const outcome = await runAgent({
      prompt: "A star catcher",
      files: { ...STARTER, "src/scenes/Play.ts": BROKEN_PLAY },
      model,
      judge: createVisionJudge(judgeModel),
      playtest: phasedReport,
      formatReport,
      guides: NO_GUIDES,
      budgets: { maxIterations: 2, maxTokens: 1e9, maxWallMs: 60_000 },
      chattiness: "normal",
      onEvent: (e) => events.push(e),
    }).done;
    const first = events.find((e): e is Extract<AgentEvent, { type: "playtest" }> => e.type === "playtest")!.report;
    expect(first.checks.map((c) => [c.id, c.status, c.judge?.opinion, c.judge?.model])).toEqual([
      ["boots", "pass", "agrees", "scripted"],
      ["controls", "fail", "disagrees", "scripted"],
    ]);
    // The judge saw the checklist with the measured statuses and one frame per phase.
    const parts = judgeModel.requests[0].messages[1].content as Array<{ type: string; text?: string }>;
    expect(parts.filter((p) => p.type === "image_url").length).toBe(3);
    expect(parts[0].text).toContain("- controls (required): controls holds — measured FAIL: controls measured");
    expect(judgeModel.requests[0].task).toEqual({ kind: "judge", needsVision: true });
    expect(events.some((e) => e.type === "progress" && e.message.startsWith("Vision judge (scripted): 2 opinions; disagrees on controls (The player seems to move.)"))).toBe(true);
    // The failed check still blocks finish.
    expect(outcome).toMatchObject({ playable: false });
    expect(outcome.report!.checks.find((c) => c.id === "controls")!.status).toBe("fail");
  });

  it("leaves the report as measured when the judge cannot answer", async () => {
    const broken = { id: "judge", supportsVision: true, complete: async () => Promise.reject(new Error("judge offline")) };
    const model = scriptedModel([turn(call("run_playtest", { seconds: 5 })), turn(call("run_playtest", { seconds: 5 }))]);
    const events: AgentEvent[] = [];
    await runAgent({ prompt: "p", files: { ...STARTER }, model, judge: createVisionJudge(broken), playtest: phasedReport, formatReport, guides: NO_GUIDES, budgets: { maxIterations: 1, maxTokens: 1e9, maxWallMs: 60_000 }, chattiness: "normal", onEvent: (e) => events.push(e) }).done;
    const report = events.find((e): e is Extract<AgentEvent, { type: "playtest" }> => e.type === "playtest")!.report;
    expect(report.checks.every((c) => c.judge === undefined)).toBe(true);
    expect(events.some((e) => e.type === "progress" && e.message.includes("The vision judge could not answer (judge offline)"))).toBe(true);
  });

  it("is wired by the run factory when the judge role has a vision model, over HTTP, on the run's meter", async () => {
    fake = await startFakeLlm((req) =>
      req.body.tools?.[0]?.function.name === "give_opinions"
        ? { reply: { tool_calls: [{ name: "give_opinions", arguments: { opinions: [{ id: "boots", opinion: "agrees", says: "Drawn." }] } }] } }
        : req.body.messages.some((m: { role: string }) => m.role === "tool")
          ? { reply: { tool_calls: [{ name: "finish", arguments: { summary: "ok" } }] } }
          : { reply: { tool_calls: [{ name: "run_playtest", arguments: { seconds: 30 } }] } },
    );
    const events: AgentEvent[] = [];
    const { run, meter } = startRun({
      prompt: "p",
      files: { ...STARTER },
      model: { plan: { roles: { build: [{ model: "builder", baseURL: fake.url }], judge: [{ model: "eyes", baseURL: fake.url, supportsVision: true }] } } },
      playtest: phasedReport,
      formatReport,
      guides: NO_GUIDES,
      budgets: { maxIterations: 3, maxTokens: 1e9, maxWallMs: 60_000 },
      chattiness: "normal",
      onEvent: (e) => events.push(e),
    });
    await run.done;
    const judged = fake.requests.filter((r) => r.body.model === "eyes");
    expect(judged.length).toBeGreaterThan(0);
    expect(JSON.stringify(judged[0].body.messages).split('"type":"image_url"').length - 1).toBe(3);
    expect(Object.keys(meter!.totals().perModel)).toEqual(expect.arrayContaining(["custom:builder", "custom:eyes"]));
    const report = events.find((e): e is Extract<AgentEvent, { type: "playtest" }> => e.type === "playtest")!.report;
    expect(report.checks.find((c) => c.id === "boots")!.judge).toEqual({ opinion: "agrees", says: "Drawn.", model: "custom:eyes" });
  });
});
