// The agent's public data: options, events, outcome and checkpoints. The UI, the CLI and the
// tests speak only these types; the loop itself lives in loop.ts.

import type { ProjectFiles } from "../project";
import type { PlaytestReport, TaskCheckSpec } from "../playtest";
import type { TypeCheckFunction } from "./typecheck";
import type { ReportJudge } from "./judge";
import type { ChatModel } from "../providers";

export type Chattiness = "quiet" | "normal" | "chatty";

export interface PlaytestRequest {
  seconds: number;
  seed: number;
  signal: AbortSignal;
  /** The task's checks declared with set_checks, verified in gameplay; absent until declared. */
  tasks?: TaskCheckSpec[];
  /** Short lines about what the playtest is doing; they become progress events. */
  onProgress: (text: string) => void;
}

export type PlaytestFunction = (files: ProjectFiles, request: PlaytestRequest) => Promise<PlaytestReport>;

export interface GuideLibrary {
  list(): string[];
  read(topic: string): string | undefined;
}

export interface AgentBudgets {
  /** Fix cycles; each ends with one playtest and one checkpoint. */
  maxIterations: number;
  /** Prompt + completion tokens over the whole run. */
  maxTokens: number;
  maxCostUsd?: number;
  /** Wall time, not counting time spent waiting for the user (questions, pause). */
  maxWallMs: number;
}

export interface AgentOptions {
  prompt: string;
  files: ProjectFiles;
  model: ChatModel;
  playtest: PlaytestFunction;
  /** Turns a report into the compact text the model reads. Default: formatReportForModel. */
  formatReport?: (report: PlaytestReport) => string;
  guides: GuideLibrary;
  budgets: AgentBudgets;
  chattiness: Chattiness;
  /**
   * USD spent so far by this run's model calls: the router's cost meter, the one source of cost.
   * Without it cost stays 0 and maxCostUsd cannot trigger.
   */
  spentUsd?: () => number;
  /**
   * "template": the files are a starting template (the starter game), not an answer to the prompt,
   * so a run whose model changed no file is not playable. Default "project" (the user's own game).
   */
  startsFrom?: "template" | "project";
  /** False when nobody can answer ask_user (a headless run without a terminal): defaults at once. Default true. */
  interactive?: boolean;
  /** How long a question waits for the user before the default answer is used. Default 10 minutes. */
  answerTimeoutMs?: number;
  /** Type-checks the project against Phaser 4's .d.ts after writes and for check_types; without it, playtests alone judge. */
  typeCheck?: TypeCheckFunction;
  /** A vision judge: its opinion on each check of every playtest, attached as check.judge (statuses never change). */
  judge?: ReportJudge;
  /** Seed for every playtest of the run, so two runs see the same frames. Default 1. */
  seed?: number;
  /** Playtest length when the model does not say. Default 10 s. */
  playtestSeconds?: number;
  signal?: AbortSignal;
  onEvent: (event: AgentEvent) => void;
}

export interface Checkpoint {
  id: string;
  iteration: number;
  files: ProjectFiles;
  report: PlaytestReport | null;
}

export type AgentEvent =
  | { type: "progress"; message: string; iteration: number }
  | { type: "model-delta"; text: string }
  | { type: "tool-call"; id: string; name: string; arguments: string }
  | { type: "tool-result"; id: string; name: string; ok: boolean; result: string }
  | { type: "file-diff"; path: string; before: string | null; after: string | null }
  | { type: "playtest"; iteration: number; report: PlaytestReport; requestedBy: "model" | "loop" }
  | { type: "question"; id: string; question: string; choices?: string[] }
  /** `auto`: the loop chose a default; `why` says why nobody answered. */
  | { type: "answer"; id: string; answer: string; auto: boolean; why?: DefaultAnswerReason }
  | { type: "steer-received"; text: string }
  /** After each model call: that call's prompt/completion tokens, and the run's running totals. */
  | { type: "cost"; promptTokens: number; completionTokens: number; tokens: number; usd: number; model: string }
  | ({ type: "checkpoint" } & Checkpoint)
  | { type: "finished"; playable: boolean; summary: string; iterations: number; tokens: number; costUsd: number }
  | { type: "failed"; reason: string; failure?: ProviderFailure };

export type DefaultAnswerReason = "quiet" | "no-one-to-ask" | "timeout";

/** A model call that failed after every retry and fallback, as the user needs to see it. */
export interface ProviderFailure {
  provider: string;
  model: string;
  status?: number;
  kind: string;
  advice: string;
}

export type StopReason =
  | "finished"
  /** The model replied twice without tools while the game was not playable. */
  | "model-stopped"
  | "max-iterations"
  | "max-tokens"
  | "max-cost"
  | "max-wall-time"
  | "cancelled"
  /** Every model call attempt failed (after retries, back-off and failover). */
  | "provider-failed"
  | "error";

export interface AgentOutcome {
  playable: boolean;
  stopReason: StopReason;
  /** What happened, in words a user can act on; never claims playable on a broken verdict. */
  summary: string;
  files: ProjectFiles;
  report: PlaytestReport | null;
  iterations: number;
  tokens: number;
  costUsd: number;
  checkpoints: Checkpoint[];
  /** Set when stopReason is "provider-failed". */
  failure?: ProviderFailure;
}

export interface AgentRun {
  /** Delivered to the model as a user message before its next call. */
  steer(text: string): void;
  /** False when no question with that id is waiting (already answered, or a stale UI). */
  answer(questionId: string, answer: string): boolean;
  pause(): void;
  resume(): void;
  cancel(): void;
  readonly done: Promise<AgentOutcome>;
}
