// ChatModel for any OpenAI-compatible endpoint, on the `openai` SDK: streaming with tool calls,
// a non-streaming fallback, fenced-block writes for models without tools, typed errors.

import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";
import { ToolCallAssembler, checkAnswer, toolCallsFromMessage, type RawAnswer } from "./assemble";
import { ProviderError, formatDuration, kindForStatus, parseRetryAfter, redactSecrets, type ProviderErrorInit } from "./errors";
import { PRESETS, estimateUsage, readUsage, saysToolsUnsupported, toWireMessages, type PresetName } from "./presets";
import { textCommandInstruction, withoutTools } from "./text-commands";
import type { ChatMessage, ChatModel, CompletionRequest, CompletionResult, Usage } from "./types";

export interface OpenAICompatibleOptions {
  model: string;
  /** Defaults to "custom", which needs a baseURL. */
  preset?: PresetName;
  /** Overrides the preset's URL; usually ends with /v1. */
  baseURL?: string;
  apiKey?: string;
  /** Abort when the endpoint sends nothing for this long, before the first byte or between stream chunks (default per preset). */
  timeoutMs?: number;
  /** Overrides the preset's guess from the model id. */
  supportsVision?: boolean;
  fetch?: typeof globalThis.fetch;
}

interface Transport {
  /** False after the endpoint refused streaming; later calls ask for one JSON answer. */
  stream: boolean;
  /** False after the endpoint refused stream_options. */
  streamUsage: boolean;
  /** False after the model refused tools; later calls ask for fenced blocks instead. */
  tools: boolean;
}

interface Attempt {
  signal: AbortSignal;
  /** Restarts the idle timer; called whenever bytes arrive. */
  alive(): void;
  /** Maps anything thrown while talking to the endpoint to a ProviderError (or the caller's abort). */
  fail(err: unknown, phase: "request" | "body"): Error;
  done(): void;
}

export function createOpenAICompatibleModel(options: OpenAICompatibleOptions): ChatModel {
  const preset = PRESETS[options.preset ?? "custom"];
  const baseURL = options.baseURL ?? preset.baseURL;
  const provider = preset.name === "custom" ? `The endpoint ${baseURL ?? "(no base URL)"}` : preset.label;
  const timeoutMs = options.timeoutMs ?? preset.idleTimeoutMs;
  const transport: Transport = { stream: true, streamUsage: true, tools: true };
  const error = (init: Omit<ProviderErrorInit, "provider" | "model">) => new ProviderError({ provider, model: options.model, ...init });
  const client = baseURL
    ? new OpenAI({
        baseURL,
        // The SDK insists on a key; local servers need none, so the header is dropped below.
        apiKey: options.apiKey || "no-key",
        dangerouslyAllowBrowser: true,
        maxRetries: 0, // the router owns retries
        timeout: timeoutMs,
        logLevel: "off",
        fetch: options.fetch,
        defaultHeaders: { ...preset.headers, ...(options.apiKey ? {} : { Authorization: null }) },
      })
    : undefined;

  function begin(outer: AbortSignal | undefined): Attempt {
    const controller = new AbortController();
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const alive = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
    };
    const onAbort = () => controller.abort(outer?.reason);
    outer?.addEventListener("abort", onAbort, { once: true });
    alive();
    return {
      signal: controller.signal,
      alive,
      done: () => {
        clearTimeout(timer);
        outer?.removeEventListener("abort", onAbort);
      },
      fail: (err, phase) => {
        if (outer?.aborted) return abortReason(outer);
        if (timedOut) return error({ kind: "timeout", detail: `no data for ${formatDuration(timeoutMs)}` });
        return classify(err, phase);
      },
    };
  }

  function classify(err: unknown, phase: "request" | "body"): ProviderError {
    if (err instanceof ProviderError) return err;
    const clean = (text: string) => redactSecrets(text, options.apiKey).slice(0, 300);
    if (err instanceof APIConnectionTimeoutError) return error({ kind: "timeout", detail: `no answer within ${formatDuration(timeoutMs)}`, cause: err });
    if (err instanceof APIConnectionError) {
      const cause = err.cause instanceof Error ? err.cause.message : err.message;
      return error({ kind: phase === "body" ? "stream-cut" : "network", detail: clean(cause), cause: err });
    }
    if (err instanceof APIError) {
      const body = err.error as { message?: unknown; code?: unknown } | undefined;
      const detail = clean(typeof body?.message === "string" ? body.message : err.message);
      // Errors sent inside a stream carry no HTTP status; some providers put one in the body's code.
      const status = err.status ?? (typeof body?.code === "number" ? body.code : undefined);
      const kind = status === undefined ? "server" : kindForStatus(status, `${detail} ${String(body?.code ?? "")}`);
      // No `cause`: the SDK error's own message may quote the key back; `detail` is the redacted copy.
      return error({ kind, status, detail, retryAfterMs: parseRetryAfter(err.headers ?? undefined) });
    }
    if (err instanceof SyntaxError) return error({ kind: "bad-response", detail: clean(err.message), cause: err });
    const message = err instanceof Error ? err.message : String(err);
    return error({ kind: phase === "body" ? "stream-cut" : "network", detail: clean(message), cause: err });
  }

  function requestBody(request: CompletionRequest, vision: boolean) {
    const useTools = transport.tools && !!request.tools?.length;
    let messages: ChatMessage[] = toWireMessages(request.messages, vision);
    const instruction = useTools ? null : textCommandInstruction(request.tools ?? []);
    if (instruction) messages = withoutTools(messages, instruction);
    return {
      model: options.model,
      messages: messages as OpenAI.Chat.ChatCompletionMessageParam[],
      ...(useTools ? { tools: request.tools as OpenAI.Chat.ChatCompletionTool[] } : {}),
    };
  }

  async function streamed(request: CompletionRequest, attempt: Attempt, vision: boolean): Promise<{ answer: RawAnswer; usage?: Usage } | "empty"> {
    let stream;
    try {
      stream = await client!.chat.completions.create(
        { ...requestBody(request, vision), stream: true, ...(transport.streamUsage ? { stream_options: { include_usage: true } } : {}) },
        { signal: attempt.signal },
      );
    } catch (err) {
      throw attempt.fail(err, "request");
    }
    attempt.alive();
    let content = "";
    let usage: Usage | undefined;
    let finished = false;
    let chunks = 0;
    const tools = new ToolCallAssembler();
    try {
      for await (const chunk of stream) {
        attempt.alive();
        chunks++;
        usage = readUsage(chunk.usage) ?? usage;
        const choice = chunk.choices?.[0];
        if (!choice) continue;
        const text = choice.delta?.content;
        if (text) {
          content += text;
          request.onDelta?.({ kind: "text", text });
        }
        for (const call of choice.delta?.tool_calls ?? []) tools.add(call, request.onDelta);
        if (choice.finish_reason) finished = true;
      }
    } catch (err) {
      throw attempt.fail(err, "body");
    }
    // The SDK ends the loop quietly on abort, so a timeout or cancel is noticed here.
    if (attempt.signal.aborted) throw attempt.fail(new Error("aborted"), "body");
    if (chunks === 0) return "empty";
    if (!finished) throw error({ kind: "stream-cut", detail: `the stream ended after ${chunks} chunks without a finish reason` });
    return { answer: { content, toolCalls: tools.result() }, usage };
  }

  async function whole(request: CompletionRequest, attempt: Attempt, vision: boolean): Promise<{ answer: RawAnswer; usage?: Usage }> {
    let response: Response;
    try {
      response = await client!.chat.completions.create({ ...requestBody(request, vision), stream: false }, { signal: attempt.signal }).asResponse();
    } catch (err) {
      throw attempt.fail(err, "request");
    }
    attempt.alive();
    let text: string;
    try {
      text = await response.text();
    } catch (err) {
      throw attempt.fail(err, "body");
    }
    let data: { choices?: { message?: { content?: unknown; tool_calls?: unknown } }[]; usage?: unknown };
    try {
      data = JSON.parse(text);
    } catch {
      throw error({ kind: "bad-response", status: response.status, detail: `expected JSON, got ${JSON.stringify(text.slice(0, 80))}` });
    }
    const message = data?.choices?.[0]?.message;
    if (!message) throw error({ kind: "bad-response", status: response.status, detail: `no choices[0].message in ${JSON.stringify(text.slice(0, 80))}` });
    const content = typeof message.content === "string" ? message.content : "";
    if (content) request.onDelta?.({ kind: "text", text: content });
    return { answer: { content, toolCalls: toolCallsFromMessage(message.tool_calls) }, usage: readUsage(data.usage) };
  }

  // Each refusal (tools, stream_options, streaming) switches the transport once and tries again.
  async function send(request: CompletionRequest, vision: boolean): Promise<{ answer: RawAnswer; usage?: Usage }> {
    for (;;) {
      const attempt = begin(request.signal);
      try {
        if (!transport.stream) return await whole(request, attempt, vision);
        const result = await streamed(request, attempt, vision);
        if (result !== "empty") return result;
        transport.stream = false; // the server ignored stream: true or sent no events
      } catch (err) {
        if (!(err instanceof ProviderError) || err.kind !== "bad-request" || !fallBack(err.message, request)) throw err;
      } finally {
        attempt.done();
      }
    }
  }

  function fallBack(message: string, request: CompletionRequest): boolean {
    if (transport.tools && request.tools?.length && saysToolsUnsupported(message)) transport.tools = false;
    else if (transport.stream && transport.streamUsage && /stream_options|include_usage/i.test(message)) transport.streamUsage = false;
    else if (transport.stream && /stream/i.test(message)) transport.stream = false;
    else return false;
    return true;
  }

  const vision = options.supportsVision ?? preset.vision(options.model);
  return {
    id: `${preset.name}:${options.model}`,
    supportsVision: vision,
    async complete(request: CompletionRequest): Promise<CompletionResult> {
      if (request.signal?.aborted) throw abortReason(request.signal);
      if (!client) throw error({ kind: "network", detail: "no base URL is set" });
      if (preset.needsKey && !options.apiKey) throw error({ kind: "auth", detail: `no API key is set (${preset.hint})` });
      const { answer, usage } = await send(request, vision);
      const checked = checkAnswer(answer, request.tools?.map((t) => t.function.name) ?? [], { textCommands: !transport.tools });
      const replyText = answer.content + answer.toolCalls.map((c) => c.function.arguments).join("");
      return {
        message: { role: "assistant", content: checked.content, ...(checked.toolCalls.length ? { tool_calls: checked.toolCalls } : {}) },
        usage: usage ?? estimateUsage(request.messages, replyText),
        model: `${preset.name}:${options.model}`,
        ...(checked.toolCallErrors.length ? { toolCallErrors: checked.toolCallErrors } : {}),
      };
    },
  };
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException("The operation was aborted.", "AbortError");
}
