// The agent's public data: options, events, outcome and checkpoints. The UI, the CLI and the
// tests speak only these types; the loop itself lives in loop.ts.

import type { ProjectFiles } from "../project/files";
import type { PlaytestReport } from "../playtest/report";
import type { ChatModel, Usage } from "../providers/types";

export type Chattiness = "quiet" | "normal" | "chatty";

export interface PlaytestRequest {
  seconds: number;
  seed: number;
  signal: AbortSignal;
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
  /** Price of one completion in USD; without it cost stays 0 and maxCostUsd cannot trigger. */
  costOf?: (usage: Usage, modelId: string) => number;
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
  | { type: "answer"; id: string; answer: string; auto: boolean }
  | { type: "steer-received"; text: string }
  /** After each model call: that call's prompt/completion tokens, and the run's running totals. */
  | { type: "cost"; promptTokens: number; completionTokens: number; tokens: number; usd: number; model: string }
  | ({ type: "checkpoint" } & Checkpoint)
  | { type: "finished"; playable: boolean; summary: string; iterations: number; tokens: number; costUsd: number }
  | { type: "failed"; reason: string };

export type StopReason =
  | "finished"
  /** The model replied twice without tools while the game was not playable. */
  | "model-stopped"
  | "max-iterations"
  | "max-tokens"
  | "max-cost"
  | "max-wall-time"
  | "cancelled"
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
