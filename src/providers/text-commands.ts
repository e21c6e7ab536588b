// Models that cannot call tools still build games: they answer with fenced files, a RUN_PLAYTEST
// line and a FINISH: line, which become tool calls. Their requests carry no tool turns and keep
// strict user/assistant alternation, which many local chat templates require.

import type { ChatMessage, ContentPart, ToolCall, ToolDefinition } from "./types";

/** The text forms a model without tools uses, for the tools on offer; null when none applies. */
export function textCommandInstruction(tools: readonly ToolDefinition[]): string | null {
  const offered = new Set(tools.map((t) => t.function.name));
  if (!offered.has("write_file")) return null;
  const lines = [
    "This model cannot call tools. Where these instructions say to call a tool, answer in text instead:",
    "- To create or replace a file, a fenced code block whose info string is the language and the file path, for example:\n```ts src/scenes/Play.ts\n// the whole file\n```\nOne block per file, always the complete file.",
  ];
  if (offered.has("run_playtest")) lines.push("- To playtest the game, a line with only RUN_PLAYTEST.");
  if (offered.has("finish")) lines.push("- When the latest playtest passes and the game does what was asked, a line FINISH: followed by what the game is and how to play it. That ends the run.");
  return lines.join("\n");
}

/** RUN_PLAYTEST and FINISH: lines of a reply as tool calls, in that order. */
export function textCommandCalls(text: string, offered: readonly string[]): ToolCall[] {
  const calls: ToolCall[] = [];
  if (offered.includes("run_playtest") && /^\s*RUN_PLAYTEST\s*$/m.test(text)) {
    calls.push({ id: "text_run_playtest", type: "function", function: { name: "run_playtest", arguments: "{}" } });
  }
  const finish = /^\s*FINISH:\s*(.+)$/ms.exec(text);
  if (offered.includes("finish") && finish) {
    calls.push({ id: "text_finish", type: "function", function: { name: "finish", arguments: JSON.stringify({ summary: finish[1]!.trim() }) } });
  }
  return calls;
}

/**
 * Earlier tool turns become plain text, the instruction joins the system message, and messages
 * of the same role in a row are merged, so roles alternate strictly.
 */
export function withoutTools(messages: ChatMessage[], instruction: string): ChatMessage[] {
  const plain = messages.map((m): ChatMessage => {
    if (m.role === "tool") return { role: "user", content: `Result of tool call ${m.tool_call_id}:\n${m.content}` };
    if (m.role === "assistant" && m.tool_calls?.length) {
      const calls = m.tool_calls.map((c) => `[called ${c.function.name} ${c.function.arguments.slice(0, 200)}]`).join("\n");
      return { role: "assistant", content: [m.content, calls].filter(Boolean).join("\n") };
    }
    return m;
  });
  const system = plain.filter((m) => m.role === "system").map((m) => m.content as string);
  const out: ChatMessage[] = [{ role: "system", content: [...system, instruction].join("\n\n") }];
  for (const message of plain) {
    if (message.role === "system") continue;
    const last = out[out.length - 1]!;
    if (last.role === "assistant" && message.role === "assistant") {
      out[out.length - 1] = { role: "assistant", content: [last.content, message.content].filter(Boolean).join("\n\n") };
    } else if (last.role === "user" && message.role === "user") {
      out[out.length - 1] = { role: "user", content: joinContent(last.content, message.content) };
    } else out.push(message);
  }
  return out;
}

function joinContent(a: string | ContentPart[], b: string | ContentPart[]): string | ContentPart[] {
  if (typeof a === "string" && typeof b === "string") return `${a}\n\n${b}`;
  const parts = (c: string | ContentPart[]): ContentPart[] => (typeof c === "string" ? [{ type: "text", text: c }] : c);
  return [...parts(a), ...parts(b)];
}
