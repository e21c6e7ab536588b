// ChatModel for Anthropic's Messages API, natively (fetch, streaming): the OpenAI-shaped request
// becomes system blocks, alternating user/assistant turns with tool_use and tool_result blocks
// and images, with cache_control breakpoints on the stable prefix (tools, system, the
// conversation so far); the answer comes back as the same assistant message every model gives.

import { checkAnswer, type RawAnswer } from "./assemble";
import { ProviderError, formatDuration, kindForStatus, parseRetryAfter, redactSecrets, type ProviderErrorInit } from "./errors";
import type { OpenAICompatibleOptions } from "./openai-compatible";
import { PRESETS } from "./presets";
import type { ChatMessage, ChatModel, CompletionRequest, CompletionResult, ContentPart, ToolDefinition, Usage } from "./types";

const API_VERSION = "2023-06-01";
const MAX_TOKENS = 8_192;

type Block =
  | { type: "text"; text: string; cache_control?: { type: "ephemeral" } }
  | { type: "image"; source: { type: "base64"; media_type: string; data: string } | { type: "url"; url: string }; cache_control?: { type: "ephemeral" } }
  | { type: "tool_use"; id: string; name: string; input: unknown; cache_control?: { type: "ephemeral" } }
  | { type: "tool_result"; tool_use_id: string; content: string; cache_control?: { type: "ephemeral" } };

interface WireMessage {
  role: "user" | "assistant";
  content: Block[];
}

const cached = { type: "ephemeral" as const };

function imageBlock(url: string): Block {
  const data = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  return data ? { type: "image", source: { type: "base64", media_type: data[1]!, data: data[2]! } } : { type: "image", source: { type: "url", url } };
}

function userBlocks(content: string | ContentPart[]): Block[] {
  if (typeof content === "string") return content ? [{ type: "text", text: content }] : [];
  return content.map((part) => (part.type === "text" ? { type: "text", text: part.text } : imageBlock(part.image_url.url)));
}

function toolInput(args: string): unknown {
  try {
    const value: unknown = JSON.parse(args || "{}");
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : { value };
  } catch {
    // An earlier call whose arguments never parsed: the model sees what it sent.
    return { unparsed: args };
  }
}

/**
 * OpenAI-shaped messages as Anthropic wants them: system apart, tool results as user blocks,
 * one message per role in a row, and a cache breakpoint after the conversation so far and the
 * one before it (the previous request's end, where its cache entry was written).
 */
export function toAnthropicRequest(messages: ChatMessage[], tools: readonly ToolDefinition[] | undefined): { system: Block[]; messages: WireMessage[]; tools?: unknown[] } {
  const system: Block[] = messages.filter((m) => m.role === "system").map((m) => ({ type: "text", text: m.content as string }));
  const wire: WireMessage[] = [];
  const add = (role: WireMessage["role"], blocks: Block[]) => {
    if (blocks.length === 0) return;
    const last = wire[wire.length - 1];
    if (last?.role === role) last.content.push(...blocks);
    else wire.push({ role, content: blocks });
  };
  for (const m of messages) {
    if (m.role === "user") add("user", userBlocks(m.content));
    else if (m.role === "tool") add("user", [{ type: "tool_result", tool_use_id: m.tool_call_id, content: m.content || "(empty)" }]);
    else if (m.role === "assistant") {
      const blocks: Block[] = m.content ? [{ type: "text", text: m.content }] : [];
      for (const call of m.tool_calls ?? []) blocks.push({ type: "tool_use", id: call.id, name: call.function.name, input: toolInput(call.function.arguments) });
      add("assistant", blocks);
    }
  }
  if (wire[0]?.role === "assistant") wire.unshift({ role: "user", content: [{ type: "text", text: "(continue)" }] });
  const users = wire.filter((m) => m.role === "user");
  for (const message of users.slice(-2)) {
    const last = message.content[message.content.length - 1]!;
    message.content[message.content.length - 1] = { ...last, cache_control: cached };
  }
  if (system.length) system[system.length - 1] = { ...system[system.length - 1]!, cache_control: cached };
  const wireTools = tools?.map((t, i) => ({
    name: t.function.name,
    description: t.function.description,
    input_schema: t.function.parameters,
    ...(i === tools.length - 1 ? { cache_control: cached } : {}),
  }));
  return { system, messages: wire, ...(wireTools?.length ? { tools: wireTools } : {}) };
}

interface StreamState {
  text: string;
  blocks: Map<number, { id: string; name: string; json: string }>;
  usage: { input: number; cacheRead: number; cacheWrite: number; output: number };
  stopped: boolean;
}

/** A Messages stream event as Anthropic documents it; the endpoint's JSON, so any field may be missing. */
interface StreamEvent {
  type?: string;
  index: number;
  message?: { usage?: { input_tokens?: number; cache_read_input_tokens?: number; cache_creation_input_tokens?: number; output_tokens?: number } };
  content_block?: { type?: string; id: string; name: string; text?: string };
  delta?: { type?: string; text?: string; partial_json?: string };
  usage?: { output_tokens?: unknown };
  error?: { type?: unknown; message?: string };
}

/** One server-sent event of a Messages stream into the answer so far; throws on an error event. */
function applyEvent(state: StreamState, event: StreamEvent, request: CompletionRequest, fail: (init: Omit<ProviderErrorInit, "provider" | "model">) => ProviderError): void {
  switch (event.type) {
    case "message_start": {
      const u = event.message?.usage ?? {};
      state.usage.input = u.input_tokens ?? 0;
      state.usage.cacheRead = u.cache_read_input_tokens ?? 0;
      state.usage.cacheWrite = u.cache_creation_input_tokens ?? 0;
      state.usage.output = u.output_tokens ?? 0;
      return;
    }
    case "content_block_start":
      if (event.content_block?.type === "tool_use") state.blocks.set(event.index, { id: event.content_block.id, name: event.content_block.name, json: "" });
      else if (event.content_block?.type === "text" && event.content_block.text) {
        state.text += event.content_block.text;
        request.onDelta?.({ kind: "text", text: event.content_block.text });
      }
      return;
    case "content_block_delta": {
      const delta = event.delta ?? {};
      if (delta.type === "text_delta" && delta.text) {
        state.text += delta.text;
        request.onDelta?.({ kind: "text", text: delta.text });
      } else if (delta.type === "input_json_delta") {
        const block = state.blocks.get(event.index);
        if (block) {
          block.json += delta.partial_json ?? "";
          request.onDelta?.({ kind: "tool", name: block.name, argumentsSoFar: block.json });
        }
      }
      return;
    }
    case "message_delta":
      if (typeof event.usage?.output_tokens === "number") state.usage.output = event.usage.output_tokens;
      return;
    case "message_stop":
      state.stopped = true;
      return;
    case "error": {
      const type = String(event.error?.type ?? "error");
      const kind = type === "overloaded_error" || type === "api_error" ? "server" : type === "rate_limit_error" ? "rate-limit" : kindForStatus(400, `${type} ${event.error?.message ?? ""}`);
      throw fail({ kind, detail: `${type}: ${event.error?.message ?? "no message"}` });
    }
  }
}

export function createAnthropicModel(options: OpenAICompatibleOptions): ChatModel {
  const preset = PRESETS.anthropic;
  const baseURL = (options.baseURL ?? preset.baseURL!).replace(/\/+$/, "");
  const provider = baseURL === preset.baseURL ? preset.label : `The Anthropic endpoint ${baseURL}`;
  const timeoutMs = options.timeoutMs ?? preset.idleTimeoutMs;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const error = (init: Omit<ProviderErrorInit, "provider" | "model">) => new ProviderError({ provider, model: options.model, ...init });
  const clean = (text: string) => redactSecrets(text, options.apiKey).slice(0, 300);

  async function send(request: CompletionRequest): Promise<{ answer: RawAnswer; usage: Usage }> {
    const controller = new AbortController();
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const alive = () => {
      clearTimeout(timer);
      timer = setTimeout(() => ((timedOut = true), controller.abort()), timeoutMs);
    };
    const onAbort = () => controller.abort(request.signal?.reason);
    request.signal?.addEventListener("abort", onAbort, { once: true });
    const failed = (err: unknown, phase: "request" | "body"): Error => {
      if (request.signal?.aborted) return request.signal.reason instanceof Error ? request.signal.reason : new DOMException("The operation was aborted.", "AbortError");
      if (timedOut) return error({ kind: "timeout", detail: `no data for ${formatDuration(timeoutMs)}` });
      if (err instanceof ProviderError) return err;
      return error({ kind: phase === "body" ? "stream-cut" : "network", detail: clean(err instanceof Error ? err.message : String(err)), cause: err });
    };
    alive();
    try {
      const body = { model: options.model, max_tokens: MAX_TOKENS, stream: true, ...toAnthropicRequest(request.messages, request.tools) };
      let response: Response;
      try {
        response = await doFetch(`${baseURL}/messages`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "anthropic-version": API_VERSION,
            // The IDE calls Anthropic from the browser with the user's own key.
            "anthropic-dangerous-direct-browser-access": "true",
            ...(options.apiKey ? { "x-api-key": options.apiKey } : {}),
          },
          body: JSON.stringify(body),
          signal: controller.signal,
        });
      } catch (err) {
        throw failed(err, "request");
      }
      alive();
      if (!response.ok) {
        const text = await response.text().catch(() => "");
        let detail = text;
        try {
          const parsed = JSON.parse(text) as { error?: { type?: string; message?: string } };
          detail = `${parsed.error?.type ?? "error"}: ${parsed.error?.message ?? text}`;
        } catch {
          // Not JSON (a proxy's HTML page): keep the start of the text.
        }
        // 529 is Anthropic's "overloaded": a server error worth retrying elsewhere.
        const kind = response.status === 529 ? "server" : kindForStatus(response.status, detail);
        throw error({ kind, status: response.status, detail: clean(detail), retryAfterMs: parseRetryAfter(response.headers) });
      }
      if (!response.body) throw error({ kind: "bad-response", status: response.status, detail: "the answer has no body" });
      const state: StreamState = { text: "", blocks: new Map(), usage: { input: 0, cacheRead: 0, cacheWrite: 0, output: 0 }, stopped: false };
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          alive();
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const raw = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = raw.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trim()).join("");
            if (!data) continue;
            let event: StreamEvent;
            try {
              event = JSON.parse(data);
            } catch {
              throw error({ kind: "bad-response", detail: `unreadable stream event ${JSON.stringify(data.slice(0, 80))}` });
            }
            applyEvent(state, event, request, error);
          }
        }
      } catch (err) {
        throw failed(err, "body");
      }
      if (!state.stopped) throw error({ kind: "stream-cut", detail: "the stream ended before message_stop" });
      const toolCalls = [...state.blocks.entries()]
        .sort(([a], [b]) => a - b)
        .map(([, b]) => ({ id: b.id, type: "function" as const, function: { name: b.name, arguments: b.json || "{}" } }));
      const { input, cacheRead, cacheWrite, output } = state.usage;
      return {
        answer: { content: state.text, toolCalls },
        usage: { promptTokens: input + cacheRead + cacheWrite, completionTokens: output, ...(cacheRead ? { cachedPromptTokens: cacheRead } : {}) },
      };
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener("abort", onAbort);
    }
  }

  return {
    id: `anthropic:${options.model}`,
    supportsVision: options.supportsVision ?? preset.vision(options.model),
    async complete(request): Promise<CompletionResult> {
      if (request.signal?.aborted) throw request.signal.reason instanceof Error ? request.signal.reason : new DOMException("The operation was aborted.", "AbortError");
      if (!options.apiKey) throw error({ kind: "auth", detail: `no API key is set (${preset.hint})` });
      const { answer, usage } = await send(request);
      const checked = checkAnswer(answer, request.tools?.map((t) => t.function.name) ?? []);
      return {
        message: { role: "assistant", content: checked.content, ...(checked.toolCalls.length ? { tool_calls: checked.toolCalls } : {}) },
        usage,
        model: `anthropic:${options.model}`,
        ...(checked.toolCallErrors.length ? { toolCallErrors: checked.toolCallErrors } : {}),
      };
    },
  };
}
