// The agent: runAgent turns a prompt into a playable Phaser 4 game through tool calls and playtests.

export { runAgent, LOOP_NOTICE_PREFIX, withPhaserNames } from "./loop";
export { startRun, ModelPlanError, type ModelPlan, type RunModel, type RunSetup, type StartedRun } from "./factory";
export { createGuideLibrary } from "./guides";
export { AGENT_TOOLS, parseToolCall, ToolError } from "./tools";
export { countLineChanges } from "./workspace";
export { createTypeChecker, formatTypeDiagnostics, type TypeCheckEnvironment, type TypeCheckFunction, type TypeDiagnostic } from "./typecheck";
export { migrationHints, type MigrationHints } from "./phaser-hints";
export { createVisionJudge, framesPerPhase, type ReportJudge } from "./judge";
export type { ToolName, ToolArguments, ParsedToolCall } from "./tools";
export { estimateTokens, systemPrompt } from "./prompt";
export { AgentCancelledError } from "./control";
export type {
  AgentBudgets,
  AgentEvent,
  AgentOptions,
  AgentOutcome,
  AgentRun,
  Chattiness,
  Checkpoint,
  DefaultAnswerReason,
  GuideLibrary,
  PlaytestFunction,
  PlaytestRequest,
  ProviderFailure,
  StopReason,
} from "./types";
