// Scripted Anthropic Messages endpoint on 127.0.0.1: POST /v1/messages streams the events the
// real API sends (message_start with cache usage, text and tool_use blocks with input_json_delta,
// message_delta, message_stop), or an injected fault.

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { FakeReply, RecordedRequest } from "./index";

export type FakeAnthropicFault = "529" | "429" | "401" | "cut-stream" | "error-event" | "hang";

export type FakeAnthropicStep =
  | { reply: FakeReply; usage?: { input_tokens: number; cache_read_input_tokens?: number; cache_creation_input_tokens?: number; output_tokens: number } }
  | { fault: FakeAnthropicFault; retryAfterSeconds?: number };

export interface FakeAnthropic {
  /** Base URL ending with /v1. */
  url: string;
  requests: RecordedRequest[];
  push(...steps: FakeAnthropicStep[]): void;
  close(): Promise<void>;
}

export async function startFakeAnthropic(script: FakeAnthropicStep[] = []): Promise<FakeAnthropic> {
  const queue = [...script];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => void handle(req, res));
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Access-Control-Allow-Headers", req.headers["access-control-request-headers"] ?? "*");
    if (req.method === "OPTIONS") return void res.writeHead(204).end();
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/v1/models") return json(res, 200, { data: [{ id: "claude-fake", type: "model" }] });
    if (req.method !== "POST" || path !== "/v1/messages") return json(res, 404, { type: "error", error: { type: "not_found_error", message: `no route ${path}` } });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const recorded: RecordedRequest = {
      index: requests.length,
      method: "POST",
      path,
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
      body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
    };
    requests.push(recorded);
    const step = queue.shift();
    if (!step) return json(res, 500, { type: "error", error: { type: "api_error", message: `fake-anthropic: no scripted step for request #${recorded.index}` } });
    if ("fault" in step) return fault(res, step);
    return stream(res, recorded, step);
  }

  function fault(res: ServerResponse, step: Extract<FakeAnthropicStep, { fault: FakeAnthropicFault }>): void {
    switch (step.fault) {
      case "529":
        return json(res, 529, { type: "error", error: { type: "overloaded_error", message: "Overloaded" } });
      case "429":
        res.setHeader("retry-after", String(step.retryAfterSeconds ?? 1));
        return json(res, 429, { type: "error", error: { type: "rate_limit_error", message: "Number of request tokens has exceeded your per-minute rate limit" } });
      case "401":
        return json(res, 401, { type: "error", error: { type: "authentication_error", message: "invalid x-api-key" } });
      case "hang":
        return;
      case "cut-stream":
        res.writeHead(200, { "content-type": "text/event-stream" });
        event(res, "message_start", { type: "message_start", message: { id: "msg_cut", usage: { input_tokens: 10, output_tokens: 1 } } });
        event(res, "content_block_start", { type: "content_block_start", index: 0, content_block: { type: "tool_use", id: "toolu_cut", name: "write_file", input: {} } });
        event(res, "content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "input_json_delta", partial_json: '{"path": "src/ma' } });
        return void setTimeout(() => res.destroy(), 20);
      case "error-event":
        res.writeHead(200, { "content-type": "text/event-stream" });
        event(res, "message_start", { type: "message_start", message: { id: "msg_err", usage: { input_tokens: 10, output_tokens: 1 } } });
        event(res, "error", { type: "error", error: { type: "overloaded_error", message: "Overloaded" } });
        return void res.end();
    }
  }

  function stream(res: ServerResponse, req: RecordedRequest, step: Extract<FakeAnthropicStep, { reply: FakeReply }>): void {
    const usage = step.usage ?? { input_tokens: Math.ceil(JSON.stringify(req.body.messages).length / 4), output_tokens: 20 };
    res.writeHead(200, { "content-type": "text/event-stream" });
    const { output_tokens, ...input } = usage;
    event(res, "message_start", { type: "message_start", message: { id: `msg_${req.index}`, type: "message", role: "assistant", model: req.body.model, content: [], usage: { ...input, output_tokens: 1 } } });
    let index = 0;
    if (step.reply.content) {
      event(res, "content_block_start", { type: "content_block_start", index, content_block: { type: "text", text: "" } });
      for (let i = 0; i < step.reply.content.length; i += 7) event(res, "content_block_delta", { type: "content_block_delta", index, delta: { type: "text_delta", text: step.reply.content.slice(i, i + 7) } });
      event(res, "content_block_stop", { type: "content_block_stop", index });
      index++;
    }
    for (const [i, call] of (step.reply.tool_calls ?? []).entries()) {
      const args = typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments);
      event(res, "content_block_start", { type: "content_block_start", index, content_block: { type: "tool_use", id: `toolu_${req.index}_${i}`, name: call.name, input: {} } });
      for (let k = 0; k < args.length; k += 5) event(res, "content_block_delta", { type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: args.slice(k, k + 5) } });
      event(res, "content_block_stop", { type: "content_block_stop", index });
      index++;
    }
    res.write("event: ping\ndata: {\"type\": \"ping\"}\n\n");
    event(res, "message_delta", { type: "message_delta", delta: { stop_reason: step.reply.tool_calls?.length ? "tool_use" : "end_turn" }, usage: { output_tokens } });
    event(res, "message_stop", { type: "message_stop" });
    res.end();
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    push: (...steps) => void queue.push(...steps),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function event(res: ServerResponse, name: string, data: unknown): void {
  res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
}

function json(res: ServerResponse, status: number, data: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(data));
}
