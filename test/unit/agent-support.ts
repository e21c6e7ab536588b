// Test support for the agent tests: a scripted in-process ChatModel, a playtest that answers with
// the real engine's recorded reports (test/fixtures/reports), and the starter as the fixture game.

import { readFileSync } from "node:fs";
import type { ProjectFiles } from "../../src/project/files";
import { codeFrame } from "../../src/playtest/code-frame";
import { formatReportForModel } from "../../src/playtest/format";
import type { PlaytestReport } from "../../src/playtest/report";
import type { ChatMessage, ChatModel, CompletionRequest, ToolCall, Usage } from "../../src/providers/types";
import type { GuideLibrary, PlaytestRequest } from "../../src/agent";
import { readProject } from "../support/project";
import { BROKEN_LINE, BROKEN_PLAY, CANNED_GAMES, STARTER } from "../fixtures/reports/canned";

type Assistant = Extract<ChatMessage, { role: "assistant" }>;
export type ScriptStep = (request: CompletionRequest, index: number) => Assistant | Promise<Assistant>;

let callCounter = 0;

export function call(name: string, args: Record<string, unknown> | string): ToolCall {
  return { id: `call_${++callCounter}`, type: "function", function: { name, arguments: typeof args === "string" ? args : JSON.stringify(args) } };
}

export function turn(...calls: ToolCall[]): Assistant {
  return { role: "assistant", content: null, tool_calls: calls };
}

export function say(text: string): Assistant {
  return { role: "assistant", content: text };
}

export interface ScriptedModel extends ChatModel {
  requests: CompletionRequest[];
}

/** A ChatModel that answers from a script; it fails loudly when the loop asks more than scripted. */
export function scriptedModel(steps: Array<ScriptStep | Assistant>, options: { vision?: boolean; usage?: Usage } = {}): ScriptedModel {
  const requests: CompletionRequest[] = [];
  return {
    id: "scripted",
    supportsVision: options.vision ?? false,
    requests,
    async complete(request) {
      const index = requests.length;
      requests.push({ ...request, messages: structuredClone(request.messages) });
      const step = steps[index];
      if (!step) throw new Error(`scripted model: no step for request #${index}`);
      const message = typeof step === "function" ? await step(request, index) : step;
      if (message.content) request.onDelta?.({ kind: "text", text: message.content });
      return { message, usage: options.usage ?? { promptTokens: 0, completionTokens: 0 }, model: "scripted" };
    },
  };
}

/** Resolves when the signal aborts (for a model or playtest that hangs until cancelled). */
export function untilAborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => signal?.addEventListener("abort", () => reject(signal.reason ?? new Error("aborted")), { once: true }));
}

export { readProject };
export { BROKEN_LINE, BROKEN_PLAY, STARTER };

const CANNED: Record<keyof typeof CANNED_GAMES, PlaytestReport> = {
  "starter-playable": JSON.parse(readFileSync(new URL("../fixtures/reports/starter-playable.json", import.meta.url), "utf8")),
  "geom-point-broken": JSON.parse(readFileSync(new URL("../fixtures/reports/geom-point-broken.json", import.meta.url), "utf8")),
};

/**
 * The real engine's report, recorded, for the game the files hold: a Play scene with BROKEN_PLAY's
 * `new Phaser.Geom.Point(...)` is broken there (the report moved to the line where that call now
 * is, with its code frame), anything else plays as the starter does. The length and seed are the
 * request's; a broken game survives no longer than it did.
 */
export async function cannedPlaytest(files: ProjectFiles, request: PlaytestRequest): Promise<PlaytestReport> {
  if (request.signal.aborted) throw request.signal.reason;
  const play = String(files["src/scenes/Play.ts"] ?? "");
  const line = play.split("\n").findIndex((l) => l.includes("new Phaser.Geom.Point(")) + 1;
  const report = line ? movedTo(CANNED["geom-point-broken"], line, files) : structuredClone(CANNED["starter-playable"]);
  return { ...report, requestedSeconds: request.seconds, survivedSeconds: Math.min(report.survivedSeconds, request.seconds), seed: request.seed };
}

/** The recorded broken report with its error at `line` of src/scenes/Play.ts instead of BROKEN_LINE. */
function movedTo(recorded: PlaytestReport, line: number, files: ProjectFiles): PlaytestReport {
  const report: PlaytestReport = JSON.parse(JSON.stringify(recorded).replaceAll(`src/scenes/Play.ts:${BROKEN_LINE}`, `src/scenes/Play.ts:${line}`));
  for (const error of report.errors) {
    if (error.location?.file !== "src/scenes/Play.ts") continue;
    error.location.line = line;
    error.codeFrame = codeFrame(files, error.location);
  }
  return report;
}

/** The formatter the loop uses in the IDE and in `make`. */
export const formatReport = (report: PlaytestReport) => formatReportForModel(report);

export const NO_GUIDES: GuideLibrary = { list: () => ["scenes", "v3-to-v4-migration"], read: (topic: string) => (topic === "scenes" ? "# Scenes\nUse this.scene.start(key)." : undefined) };
