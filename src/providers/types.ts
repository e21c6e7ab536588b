// ChatModel: the one interface every model implements (offline builder, real providers, test fakes).
// Shapes follow OpenAI chat completions so any compatible endpoint fits without translation here.

export type ContentPart =
  | { type: "text"; text: string }
  | { type: "image_url"; image_url: { url: string } };

export interface ToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

export type ChatMessage =
  | { role: "system"; content: string }
  | { role: "user"; content: string | ContentPart[] }
  | { role: "assistant"; content: string | null; tool_calls?: ToolCall[] }
  | { role: "tool"; tool_call_id: string; content: string };

export interface ToolDefinition {
  type: "function";
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  /** Of promptTokens, how many the provider read from its prompt cache (billed at the cached price). */
  cachedPromptTokens?: number;
  /** True when the endpoint reported no usage and the numbers were estimated from text length. */
  estimated?: boolean;
}

export type ModelDelta = { kind: "text"; text: string } | { kind: "tool"; name: string; argumentsSoFar: string };

/** What a request is for, so a router can pick the role (build, fix, judge) by the size of the job. */
export interface RequestTask {
  kind: "build" | "fix" | "judge";
  /** Distinct errors in the latest playtest. */
  errorCount?: number;
  /** Files the fix is likely to touch (the files the errors are in). */
  filesChanged?: number;
  needsVision?: boolean;
}

export interface CompletionRequest {
  messages: ChatMessage[];
  tools?: ToolDefinition[];
  /** Without it a router sends the request to the build role. */
  task?: RequestTask;
  signal?: AbortSignal;
  onDelta?: (delta: ModelDelta) => void;
  /**
   * Called when an attempt failed and another starts (same model after a back-off, or the next
   * model in a failover chain). Text already streamed through onDelta belongs to the failed
   * attempt and should be discarded by the listener.
   */
  onRetry?: (info: RetryInfo) => void;
  /**
   * What the agent run knows, as data, beside the conversation. Models that read the
   * conversation ignore it (no provider sends it); the offline builder reads only this and its
   * own tool calls, never the prompt's headings or a report's words.
   */
  run?: RunFacts;
}

/** The state of an agent run as plain data: the person's words, the files, the last playtest. */
export interface RunFacts {
  /** The request that started the run. */
  task: string;
  /** What the person said during the run, in order: steering messages, and the answer to each question (the default when nobody answered). */
  notes: string[];
  /** How much the person wants to be asked: chatty asks, quiet never does. */
  chattiness: "quiet" | "normal" | "chatty";
  /** The project's text files when the run began. */
  startFiles: Readonly<Record<string, string>>;
  /** The project's text files now. */
  files: Readonly<Record<string, string>>;
  /** The latest playtest of this run; null before the first. */
  playtest: PlaytestFacts | null;
  /** The outcome of each tool call of the latest turn, by call id. */
  results: Readonly<Record<string, ToolResultFacts>>;
}

export interface PlaytestFacts {
  verdict: "playable" | "broken";
  /** The report's reasons, failed required checks first. */
  reasons: string[];
  checks: Array<{ id: string; status: "pass" | "fail" | "unknown"; required: boolean }>;
  /** The files changed after this playtest. */
  stale: boolean;
}

export interface ToolResultFacts {
  tool: string;
  /** done: it did what it was asked; error: it failed (text says why); refused: finish was not accepted. */
  outcome: "done" | "error" | "refused";
  /** The result as the model reads it, for showing to a person. */
  text: string;
  /** ask_user: the answer, or the default used when nobody answered. */
  answer?: string;
}

export interface RetryInfo {
  /** Model that failed, e.g. "openai:gpt-4o-mini". */
  failedModel: string;
  /** Model of the next attempt (the same one for a plain retry). */
  nextModel: string;
  /** Human-readable reason, the failed attempt's error message. */
  reason: string;
  delayMs: number;
}

/**
 * A tool call whose arguments were not valid JSON and could not be repaired. The agent answers it
 * with a role "tool" message whose content is `error`, so the model can correct itself.
 */
export interface ToolCallError {
  toolCallId: string;
  name: string;
  error: string;
}

export interface CompletionResult {
  message: Extract<ChatMessage, { role: "assistant" }>;
  usage: Usage;
  /** Which model actually answered (after routing/failover). */
  model: string;
  /** Tool calls in `message` whose arguments are still invalid JSON after one repair attempt. */
  toolCallErrors?: ToolCallError[];
}

export interface ChatModel {
  /** Human-readable id such as "openai:gpt-4o-mini" or "offline-builder". */
  readonly id: string;
  readonly supportsVision: boolean;
  complete(request: CompletionRequest): Promise<CompletionResult>;
}
