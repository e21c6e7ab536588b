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
}

export type ModelDelta = { kind: "text"; text: string } | { kind: "tool"; name: string; argumentsSoFar: string };

export interface CompletionRequest {
  messages: ChatMessage[];
  tools?: ToolDefinition[];
  signal?: AbortSignal;
  onDelta?: (delta: ModelDelta) => void;
}

export interface CompletionResult {
  message: Extract<ChatMessage, { role: "assistant" }>;
  usage: Usage;
  /** Which model actually answered (after routing/failover). */
  model: string;
}

export interface ChatModel {
  /** Human-readable id such as "openai:gpt-4o-mini" or "offline-builder". */
  readonly id: string;
  readonly supportsVision: boolean;
  complete(request: CompletionRequest): Promise<CompletionResult>;
}
