// Turns what an endpoint sent (stream deltas or one JSON message) into the assistant message the
// agent sees: tool calls assembled, arguments checked and repaired once, fenced files turned into writes.

import { fencedWriteCalls } from "./fenced";
import { textCommandCalls } from "./text-commands";
import { repairToolArguments } from "./repair";
import type { ModelDelta, ToolCall, ToolCallError } from "./types";

/** One answer as received, before checking. */
export interface RawAnswer {
  content: string;
  toolCalls: ToolCall[];
}

/**
 * Collects streamed tool-call deltas. Providers differ: OpenAI sends the name once and the
 * arguments in pieces keyed by index; some send whole calls per chunk, omit the index, repeat the
 * name, or send arguments as an object.
 */
export class ToolCallAssembler {
  private readonly calls: { id?: string; name: string; args: string }[] = [];

  add(delta: unknown, onDelta?: (delta: ModelDelta) => void): void {
    if (!delta || typeof delta !== "object") return;
    const d = delta as { index?: number; id?: string; function?: { name?: string; arguments?: unknown } };
    const index = this.indexFor(d);
    const call = (this.calls[index] ??= { name: "", args: "" });
    if (d.id) call.id = d.id;
    if (d.function?.name) call.name = d.function.name;
    const args = d.function?.arguments;
    if (typeof args === "string") call.args += args;
    else if (args && typeof args === "object") call.args = JSON.stringify(args);
    onDelta?.({ kind: "tool", name: call.name, argumentsSoFar: call.args });
  }

  private indexFor(d: { index?: number; id?: string }): number {
    if (typeof d.index === "number") return d.index;
    const last = this.calls.length - 1;
    if (last < 0 || (d.id && this.calls[last]!.id && this.calls[last]!.id !== d.id)) return last + 1;
    return last;
  }

  result(): ToolCall[] {
    return this.calls.filter(Boolean).map((call, i) => ({
      id: call.id || `call_${i}`,
      type: "function",
      function: { name: call.name, arguments: call.args },
    }));
  }
}

/** Tool calls from a non-streamed message, tolerating object arguments and missing ids. */
export function toolCallsFromMessage(raw: unknown): ToolCall[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((call, i) => {
    const fn = (call?.function ?? {}) as { name?: unknown; arguments?: unknown };
    const args = typeof fn.arguments === "string" ? fn.arguments : JSON.stringify(fn.arguments ?? {});
    return { id: typeof call?.id === "string" && call.id ? call.id : `call_${i}`, type: "function", function: { name: String(fn.name ?? ""), arguments: args } };
  });
}

export interface CheckedAnswer {
  content: string | null;
  toolCalls: ToolCall[];
  toolCallErrors: ToolCallError[];
}

/**
 * Checks every tool call's arguments: valid JSON objects pass, almost-JSON is repaired once and
 * re-encoded, anything else is reported as a ToolCallError for the agent to send back. When the
 * model called no tool but offered files in fenced blocks, and write_file was on offer, those
 * blocks become write_file calls; with `textCommands` (the endpoint takes no tools) the
 * RUN_PLAYTEST and FINISH: lines the model was taught become calls too.
 */
export function checkAnswer(raw: RawAnswer, offeredTools: readonly string[], options: { textCommands?: boolean } = {}): CheckedAnswer {
  const toolCallErrors: ToolCallError[] = [];
  let toolCalls = raw.toolCalls.map((call) => {
    if (isObject(safeParse(call.function.arguments))) return call;
    // Models calling a tool without parameters (list_files) often send "" instead of "{}".
    const text = call.function.arguments.trim() === "" ? "{}" : call.function.arguments;
    const repaired = repairToolArguments(text);
    if (repaired.ok && isObject(repaired.value)) return withArgs(call, JSON.stringify(repaired.value));
    const error = repaired.ok
      ? `Tool arguments for ${call.function.name} must be a JSON object, got ${describe(repaired.value)}.`
      : `Could not read the arguments of your ${call.function.name} call. ${repaired.error}`;
    toolCallErrors.push({ toolCallId: call.id, name: call.function.name, error });
    return call;
  });
  if (toolCalls.length === 0 && offeredTools.includes("write_file")) toolCalls = fencedWriteCalls(raw.content);
  if (raw.toolCalls.length === 0 && options.textCommands) toolCalls = [...toolCalls, ...textCommandCalls(raw.content, offeredTools)];
  return { content: raw.content === "" && toolCalls.length ? null : raw.content, toolCalls, toolCallErrors };
}

function withArgs(call: ToolCall, args: string): ToolCall {
  return { ...call, function: { ...call.function, arguments: args } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describe(value: unknown): string {
  return Array.isArray(value) ? "an array" : value === null ? "null" : `a ${typeof value}`;
}
