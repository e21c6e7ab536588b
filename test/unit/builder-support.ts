// Test support for the offline builder's specifications: it runs the builder through the real
// agent loop, as the IDE and `make` do (one run per prompt; a follow-up is a new run on the files
// the last one left), with a playtest that answers with the real engine's recorded reports.

import { startRun, type AgentEvent, type AgentOutcome, type PlaytestRequest } from "../../src/agent";
import { createOfflineBuilder, type GameSpec } from "../../src/builder";
import { SPEC_PATH, type ProjectFiles } from "../../src/project";
import type { Check, PlaytestReport } from "../../src/playtest";
import type { ChatMessage, CompletionRequest } from "../../src/providers";
import { BROKEN_PLAY, NO_GUIDES, STARTER, cannedPlaytest, formatReport } from "./agent-support";

type Assistant = Extract<ChatMessage, { role: "assistant" }>;

export interface BuilderRunOptions {
  /** The project the run starts from; the starter when not given. */
  files?: ProjectFiles;
  chattiness?: "quiet" | "normal" | "chatty";
  /** The status every playtest gives a declared task check; "pass" when not named. */
  checks?: Record<string, Check["status"]>;
  /** Every playtest plays a game that throws (the recorded broken report). */
  broken?: boolean;
  /** Picks the answer when the builder asks. */
  choose?: (choices: string[]) => string;
  /** Sent before the builder's first step, as a person typing during the run. */
  steer?: string;
}

export interface BuilderRun {
  outcome: AgentOutcome;
  /** Every reply of the builder, in order. */
  replies: Assistant[];
  /** The requests the loop sent it. */
  requests: CompletionRequest[];
  events: AgentEvent[];
  /** The game.spec.json the run left. */
  spec: GameSpec;
  /** The chat text of the reply that wrote the files ("" when none did). */
  buildText: string;
  /** The tool names of each reply. */
  steps: string[][];
  /** The finish summary the builder gave, if it called finish. */
  finishSummary: string | null;
  /** The check ids it declared with set_checks. */
  checks: string[];
  question: { question: string; choices: string[] } | null;
}

export async function builderRun(prompt: string, options: BuilderRunOptions = {}): Promise<BuilderRun> {
  const builder = createOfflineBuilder();
  const replies: Assistant[] = [];
  const requests: CompletionRequest[] = [];
  const events: AgentEvent[] = [];
  const model = {
    ...builder,
    async complete(request: CompletionRequest) {
      requests.push(request);
      const result = await builder.complete(request);
      replies.push(result.message);
      return result;
    },
  };
  const playtest = async (files: ProjectFiles, request: PlaytestRequest) => withTaskChecks(await cannedPlaytest(options.broken ? { ...files, "src/scenes/Play.ts": BROKEN_PLAY } : files, request), request, options.checks ?? {});
  let question: BuilderRun["question"] = null;
  const { run } = startRun({
    prompt,
    files: { ...(options.files ?? STARTER) },
    startsFrom: options.files ? "project" : "template",
    model: { offline: model },
    playtest,
    formatReport,
    guides: NO_GUIDES,
    budgets: { maxIterations: 4, maxTokens: 1e9, maxWallMs: 60_000 },
    chattiness: options.chattiness ?? "normal",
    answerTimeoutMs: 5_000,
    onEvent: (event) => {
      events.push(event);
      if (event.type !== "question") return;
      question = { question: event.question, choices: event.choices ?? [] };
      queueMicrotask(() => run.answer(event.id, (options.choose ?? ((choices) => choices[0]))(event.choices ?? [])));
    },
  });
  if (options.steer) run.steer(options.steer);
  const outcome = await run.done;
  const args = (reply: Assistant, name: string) => {
    const found = (reply.tool_calls ?? []).find((c) => c.function.name === name);
    return found ? JSON.parse(found.function.arguments) : undefined;
  };
  const build = [...replies].reverse().find((r) => args(r, "write_file"));
  const finish = [...replies].reverse().find((r) => args(r, "finish"));
  const declared = [...replies].reverse().find((r) => args(r, "set_checks"));
  return {
    outcome,
    replies,
    requests,
    events,
    get spec() {
      return JSON.parse(String(outcome.files[SPEC_PATH])) as GameSpec;
    },
    buildText: build?.content ?? "",
    steps: replies.map((r) => (r.tool_calls ?? []).map((c) => c.function.name)),
    finishSummary: finish ? args(finish, "finish").summary : null,
    checks: declared ? args(declared, "set_checks").checks.map((c: { id: string }) => c.id) : [],
    question,
  };
}

/** The recorded report with the declared task checks in it, as the engine adds them; a failed required one makes it broken. */
function withTaskChecks(report: PlaytestReport, request: PlaytestRequest, statuses: Record<string, Check["status"]>): PlaytestReport {
  const tasks: Check[] = (request.tasks ?? []).map((t) => ({
    id: t.id,
    says: t.says,
    required: t.required !== false,
    status: statuses[t.id] ?? "pass",
    evidence: { detail: statuses[t.id] === "fail" ? `${t.probe.field} did not change` : `${t.probe.field} changed` },
    source: "task",
  }));
  const failed = tasks.filter((c) => c.required && c.status === "fail");
  return {
    ...report,
    checks: [...report.checks, ...tasks],
    verdict: failed.length ? "broken" : report.verdict,
    reasons: [...failed.map((c) => `FAIL ${c.id}: ${c.says}`), ...report.reasons],
  };
}

/** A builder project whose game.spec.json is `spec` as a person edited it (the game files stay as built from `built`). */
export function projectWithSpec(built: ProjectFiles, spec: unknown): ProjectFiles {
  return { ...built, [SPEC_PATH]: typeof spec === "string" ? spec : `${JSON.stringify(spec, null, 2)}\n` };
}
