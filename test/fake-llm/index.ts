// Scripted OpenAI-compatible chat-completions server on 127.0.0.1 for tests (Node and browser pages).
// Each request consumes one step of the script: a reply (JSON or SSE) or an injected fault.

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface FakeToolCall {
  name: string;
  /** A string is sent verbatim (so it may be broken JSON); an object is JSON-encoded. */
  arguments: string | Record<string, unknown>;
}

export interface FakeReply {
  content?: string;
  tool_calls?: FakeToolCall[];
}

export type FakeFault =
  | "500"
  | "429"
  | "401"
  | "402"
  | "404-model"
  | "context-too-long"
  | "tools-unsupported"
  | "hang"
  | "cut-stream"
  /** A stream that drops in the middle of a tool call's arguments. */
  | "cut-tool-stream"
  | "garbage"
  | "bad-tool-json"
  | "unknown-tool"
  | "wrong-arg-types";

export type FakeStep =
  | {
      reply: FakeReply;
      /** Reported usage; null sends none (as some local servers do); omitted = estimated from text. */
      usage?: { prompt_tokens: number; completion_tokens: number } | null;
    }
  | {
      fault: FakeFault;
      /** For "429": value of the Retry-After header in seconds. */
      retryAfterSeconds?: number;
      /** For "bad-tool-json": the broken arguments text (default is unrepairable). */
      raw?: string;
    };

export interface RecordedRequest {
  index: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON body (undefined for GET or a body that is not JSON); tests read what the client sent. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- whatever JSON the client sent
  body: any;
}

export type FakeScript = FakeStep[] | ((req: RecordedRequest, index: number) => FakeStep);

export interface FakeLlm {
  /** Base URL ending with /v1, e.g. http://127.0.0.1:40123/v1 */
  url: string;
  /** Chat-completion requests in arrival order (GET /v1/models is not recorded). */
  requests: RecordedRequest[];
  push(...steps: FakeStep[]): void;
  /** Drops scripted steps no request used (a test that stops a run early leaves some behind). */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeLlmOptions {
  /** Ids listed by GET /v1/models. */
  models?: string[];
}

const DEFAULT_BAD_JSON = '{"path": src/main.ts, "content": <<<';

export async function startFakeLlm(script: FakeScript = [], options: FakeLlmOptions = {}): Promise<FakeLlm> {
  const queue: FakeStep[] = Array.isArray(script) ? [...script] : [];
  const nextStep = typeof script === "function" ? script : undefined;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const models = options.models ?? ["fake-model"];

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, errorBody(`fake-llm crashed: ${String(err)}`, "server_error"));
      else res.destroy();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Browser pages on another origin (the Vite server) call this server directly.
    res.setHeader("Access-Control-Allow-Origin", "*");
    // "*" does not cover Authorization, so the requested headers are echoed back.
    res.setHeader("Access-Control-Allow-Headers", req.headers["access-control-request-headers"] ?? "*");
    res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    res.setHeader("Access-Control-Expose-Headers", "Retry-After");
    const path = (req.url ?? "/").split("?")[0]!;
    if (req.method === "OPTIONS") return void res.writeHead(204).end();
    if (req.method === "GET" && path === "/v1/models") {
      return sendJson(res, 200, { object: "list", data: models.map((id) => ({ id, object: "model", owned_by: "fake-llm" })) });
    }
    if (req.method !== "POST" || path !== "/v1/chat/completions") {
      return sendJson(res, 404, errorBody(`fake-llm: no route ${req.method} ${path}`, "not_found"));
    }
    const text = await readBody(req);
    let body: RecordedRequest["body"];
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const recorded: RecordedRequest = {
      index: requests.length,
      method: req.method,
      path,
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
      body,
    };
    requests.push(recorded);
    const step = nextStep ? nextStep(recorded, recorded.index) : queue.shift();
    if (!step) {
      return sendJson(res, 500, errorBody(`fake-llm: no scripted step left for request #${recorded.index}`, "script_exhausted"));
    }
    respond(recorded, step, res);
  }

  function respond(req: RecordedRequest, step: FakeStep, res: ServerResponse): void {
    const stream = req.body?.stream === true;
    const model = String(req.body?.model ?? models[0]);
    if ("reply" in step) return sendCompletion(res, req, model, stream, step.reply, step.usage);
    switch (step.fault) {
      case "500":
        return sendJson(res, 500, errorBody("The server had an error while processing your request.", "server_error"));
      case "429":
        res.setHeader("Retry-After", String(step.retryAfterSeconds ?? 1));
        return sendJson(res, 429, errorBody("Rate limit reached for requests. Please try again later.", "rate_limit_exceeded"));
      case "401":
        return sendJson(res, 401, errorBody("Incorrect API key provided.", "invalid_api_key"));
      case "402":
        return sendJson(res, 402, errorBody("Insufficient credits. Add more using your account page.", "insufficient_quota"));
      case "404-model":
        return sendJson(res, 404, errorBody(`The model \`${model}\` does not exist or you do not have access to it.`, "model_not_found"));
      case "context-too-long":
        return sendJson(
          res,
          400,
          errorBody(
            "This model's maximum context length is 8192 tokens. However, your messages resulted in 9500 tokens.",
            "context_length_exceeded",
          ),
        );
      case "tools-unsupported":
        return sendJson(res, 400, errorBody(`registry.ollama.ai/library/${model} does not support tools`, "invalid_request_error"));
      case "hang":
        return; // never answer; close() destroys the socket
      case "cut-stream":
        return cutStream(res, model, stream);
      case "cut-tool-stream":
        return cutToolStream(res, model);
      case "garbage":
        if (stream) {
          res.writeHead(200, { "Content-Type": "text/event-stream" });
          return void res.end("data: {\"id\": \"chatcmpl-fake\", \"choices\": [{\"delta\": <html>oops\n\n");
        }
        res.writeHead(200, { "Content-Type": "application/json" });
        return void res.end("<html><body>502 Bad Gateway</body></html>");
      case "bad-tool-json":
        return sendCompletion(res, req, model, stream, { tool_calls: [{ name: "write_file", arguments: step.raw ?? DEFAULT_BAD_JSON }] });
      case "unknown-tool":
        return sendCompletion(res, req, model, stream, { tool_calls: [{ name: "launch_rockets", arguments: { count: 3 } }] });
      case "wrong-arg-types":
        return sendCompletion(res, req, model, stream, {
          tool_calls: [{ name: "write_file", arguments: { path: 42, content: ["not", "a", "string"] } }],
        });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    push: (...steps) => void queue.push(...steps),
    reset: () => void queue.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

interface WireToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

function toWireToolCalls(req: RecordedRequest, reply: FakeReply): WireToolCall[] {
  return (reply.tool_calls ?? []).map((call, i) => ({
    id: `call_${req.index}_${i}`,
    type: "function",
    function: {
      name: call.name,
      arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments),
    },
  }));
}

function sendCompletion(
  res: ServerResponse,
  req: RecordedRequest,
  model: string,
  stream: boolean,
  reply: FakeReply,
  usageOverride?: { prompt_tokens: number; completion_tokens: number } | null,
): void {
  const toolCalls = toWireToolCalls(req, reply);
  const content = reply.content ?? (toolCalls.length ? null : "");
  const finishReason = toolCalls.length ? "tool_calls" : "stop";
  const usage = usageOverride === null ? undefined : (usageOverride ?? estimateUsage(req, content, toolCalls));
  const id = `chatcmpl-fake-${req.index}`;
  const created = Math.floor(Date.now() / 1000);
  if (!stream) {
    const message = { role: "assistant", content, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) };
    return sendJson(res, 200, {
      id,
      object: "chat.completion",
      created,
      model,
      choices: [{ index: 0, message, finish_reason: finishReason }],
      ...(usage ? { usage: withTotal(usage) } : {}),
    });
  }
  res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache", Connection: "keep-alive" });
  const chunk = (delta: unknown, finish: string | null = null) =>
    sse(res, { id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason: finish }] });
  chunk({ role: "assistant", content: "" });
  for (const piece of split(content ?? "", 7)) chunk({ content: piece });
  toolCalls.forEach((call, index) => {
    chunk({ tool_calls: [{ index, id: call.id, type: "function", function: { name: call.function.name, arguments: "" } }] });
    // Arguments arrive in small pieces, as real providers stream them, so assembly is exercised.
    for (const piece of split(call.function.arguments, 5)) chunk({ tool_calls: [{ index, function: { arguments: piece } }] });
  });
  chunk({}, finishReason);
  if (usage) sse(res, { id, object: "chat.completion.chunk", created, model, choices: [], usage: withTotal(usage) });
  res.end("data: [DONE]\n\n");
}

function cutStream(res: ServerResponse, model: string, stream: boolean): void {
  if (!stream) {
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "400" });
    res.write('{"id":"chatcmpl-fake","object":"chat.completion","model":"' + model + '","choices":[{"index":0,"message":{"role":"assistant","content":"Here is the pl');
    return void setTimeout(() => res.destroy(), 20);
  }
  res.writeHead(200, { "Content-Type": "text/event-stream" });
  const chunk = (delta: unknown) =>
    sse(res, { id: "chatcmpl-fake", object: "chat.completion.chunk", created: 0, model, choices: [{ index: 0, delta, finish_reason: null }] });
  chunk({ role: "assistant", content: "" });
  chunk({ content: "Here is the pl" });
  // Half an event, then the connection drops: what a proxy timeout or network loss looks like.
  res.write('data: {"id":"chatcmpl-fake","choices":[{"index":0,"delta":{"content":"an');
  setTimeout(() => res.destroy(), 20);
}

function cutToolStream(res: ServerResponse, model: string): void {
  res.writeHead(200, { "Content-Type": "text/event-stream" });
  const chunk = (delta: unknown) =>
    sse(res, { id: "chatcmpl-fake", object: "chat.completion.chunk", created: 0, model, choices: [{ index: 0, delta, finish_reason: null }] });
  chunk({ role: "assistant", content: "" });
  chunk({ tool_calls: [{ index: 0, id: "call_cut", type: "function", function: { name: "write_file", arguments: "" } }] });
  chunk({ tool_calls: [{ index: 0, function: { arguments: '{"path": "src/scenes/Play.ts", "content": "import Phaser' } }] });
  setTimeout(() => res.destroy(), 20);
}

function estimateUsage(req: RecordedRequest, content: string | null, toolCalls: WireToolCall[]) {
  const promptChars = JSON.stringify(req.body?.messages ?? []).length;
  const completionChars = (content ?? "").length + toolCalls.reduce((n, c) => n + c.function.arguments.length, 0);
  return { prompt_tokens: Math.ceil(promptChars / 4), completion_tokens: Math.max(1, Math.ceil(completionChars / 4)) };
}

function withTotal(usage: { prompt_tokens: number; completion_tokens: number }) {
  return { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens };
}

function split(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}

function sse(res: ServerResponse, data: unknown): void {
  res.write(`data: ${JSON.stringify(data)}\n\n`);
}

function sendJson(res: ServerResponse, status: number, data: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(data));
}

function errorBody(message: string, code: string) {
  return { error: { message, type: code === "server_error" ? "server_error" : "invalid_request_error", param: null, code } };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export { startFakeAnthropic, type FakeAnthropic, type FakeAnthropicStep, type FakeAnthropicFault } from "./anthropic";
