// The offline builder as a ChatModel: reads the conversation, parses the prompt (and any earlier
// game.spec.json) into a GameSpec, and answers in the shared tool protocol:
// write_file × every file → run_playtest → finish. No network, no model weights.

import type { ChatMessage, ChatModel, CompletionRequest, CompletionResult, ToolCall } from "../providers/types";
import { compileSpec } from "./compile";
import { parsePrompt } from "./parse";
import { DESIGNS, GENRES, isGameSpec, type GameSpec, type Genre } from "./spec";

export const OFFLINE_BUILDER_ID = "offline-builder";
const SPEC_PATH = "game.spec.json";
const PLAYTEST_SECONDS = 30;

type AssistantMessage = Extract<ChatMessage, { role: "assistant" }>;

export function createOfflineBuilder(): ChatModel {
  return {
    id: OFFLINE_BUILDER_ID,
    supportsVision: false,
    async complete(request: CompletionRequest): Promise<CompletionResult> {
      if (request.signal?.aborted) throw abortError();
      const message = respond(request.messages);
      if (request.signal?.aborted) throw abortError();
      if (request.onDelta) {
        if (message.content) request.onDelta({ kind: "text", text: message.content });
        for (const call of message.tool_calls ?? []) request.onDelta({ kind: "tool", name: call.function.name, argumentsSoFar: call.function.arguments });
      }
      const outChars = (message.content ?? "").length + (message.tool_calls ?? []).reduce((n, c) => n + c.function.name.length + c.function.arguments.length, 0);
      return {
        message,
        usage: { promptTokens: Math.ceil(conversationChars(request.messages) / 4), completionTokens: Math.ceil(outChars / 4), estimated: true },
        model: OFFLINE_BUILDER_ID,
      };
    },
  };
}

function abortError(): Error {
  const error = new Error("The offline builder was cancelled.");
  error.name = "AbortError";
  return error;
}

function conversationChars(messages: ChatMessage[]): number {
  let n = 0;
  for (const m of messages) {
    n += textOf(m).length;
    if (m.role === "assistant") for (const c of m.tool_calls ?? []) n += c.function.arguments.length;
  }
  return n;
}

function textOf(message: ChatMessage): string {
  const content = message.content;
  if (content == null) return "";
  if (typeof content === "string") return content;
  return content.map((part) => (part.type === "text" ? part.text : "")).join("\n");
}

/** Decides the next step from where the current turn (since the last user message) stands. */
function respond(messages: ChatMessage[]): AssistantMessage {
  const userIndex = findLastIndex(messages, (m) => m.role === "user");
  if (userIndex < 0) return { role: "assistant", content: "Tell me what game to make, for example: a deep-sea diving game where you collect pearls and dodge jellyfish." };
  const prompt = taskOf(textOf(messages[userIndex]));
  const turn = messages.slice(userIndex + 1);
  const chatty = /Chattiness:\s*chatty/i.test(messages.filter((m) => m.role === "system").map(textOf).join("\n"));
  const previous = findPreviousSpec(messages.slice(0, userIndex));
  const callId = (i: number) => `offline_${messages.length}_${i}`;

  const lastAssistant = findLast(turn, (m): m is AssistantMessage => m.role === "assistant");
  const lastCalls = lastAssistant?.tool_calls ?? [];
  const called = (name: string) => lastCalls.some((c) => c.function.name === name);

  if (!lastAssistant) {
    const parsed = parsePrompt(prompt, previous ?? undefined);
    if (!previous && parsed.vague && chatty) return askForGenre(prompt, callId);
    return buildMessage(parsed.spec, parsed.notes, previous, callId);
  }
  if (called("ask_user")) {
    const answer = resultFor(turn, lastCalls.find((c) => c.function.name === "ask_user")!.id);
    const genre = genreFromAnswer(answer);
    const parsed = parsePrompt(genre ? `${DESIGNS[genre].label} game: ${prompt}` : `${prompt} ${answer}`, previous ?? undefined);
    if (genre && parsed.spec.genre !== genre) parsed.notes.push(`Could not switch to ${DESIGNS[genre].label}; kept ${DESIGNS[parsed.spec.genre].label}.`);
    return buildMessage(parsed.spec, parsed.notes, previous, callId);
  }
  const written = writtenSpec(turn);
  if (called("write_file")) {
    const failures = lastCalls.map((c) => resultFor(turn, c.id)).filter((r) => /^\s*(error|failed)/i.test(r));
    if (failures.length > 0) {
      return finishMessage(`I could not write the project: ${failures[0].slice(0, 300)}. Nothing was playtested.`, callId);
    }
    return { role: "assistant", content: "Files written. Playtesting for 30 seconds of random input.", tool_calls: [call(callId(0), "run_playtest", { seconds: PLAYTEST_SECONDS })] };
  }
  if (called("run_playtest")) {
    const report = resultFor(turn, lastCalls.find((c) => c.function.name === "run_playtest")!.id);
    return finishMessage(summary(written, report), callId);
  }
  if (called("finish")) return { role: "assistant", content: "Done. Describe a change (for example \"make it harder\" or \"more pearls\") and I will rebuild the game." };
  // Anything else (a steering message answered by the agent, an unknown tool): carry on from the spec.
  if (!written) {
    const parsed = parsePrompt(prompt, previous ?? undefined);
    return buildMessage(parsed.spec, parsed.notes, previous, callId);
  }
  return { role: "assistant", content: "Playtesting the game.", tool_calls: [call(callId(0), "run_playtest", { seconds: PLAYTEST_SECONDS })] };
}

/**
 * The user's request. The agent loop sends "# Task\n<prompt>" followed by sections such as
 * "# Project files"; only the task is a description of the game (file names are not hazards).
 */
function taskOf(text: string): string {
  const task = /^# Task\n([\s\S]*?)(?:\n\n# |$)/.exec(text.trim());
  return (task ? task[1] : text).trim();
}

function call(id: string, name: string, args: Record<string, unknown>): ToolCall {
  return { id, type: "function", function: { name, arguments: JSON.stringify(args) } };
}

function finishMessage(summaryText: string, callId: (i: number) => string): AssistantMessage {
  return { role: "assistant", content: summaryText, tool_calls: [call(callId(0), "finish", { summary: summaryText })] };
}

function askForGenre(prompt: string, callId: (i: number) => string): AssistantMessage {
  const question = `"${prompt.slice(0, 80)}" does not name a kind of game. Which built-in design should I start from?`;
  const choices = GENRES.map((g) => `${DESIGNS[g].label}: ${DESIGNS[g].pitch}`);
  return { role: "assistant", content: question, tool_calls: [call(callId(0), "ask_user", { question, choices })] };
}

function genreFromAnswer(answer: string): Genre | null {
  const lower = answer.toLowerCase();
  const byLabel = GENRES.find((g) => lower.startsWith(DESIGNS[g].label.toLowerCase()));
  if (byLabel) return byLabel;
  return GENRES.find((g) => lower.includes(DESIGNS[g].label.toLowerCase()) || lower.includes(g)) ?? null;
}

function buildMessage(spec: GameSpec, notes: string[], previous: GameSpec | null, callId: (i: number) => string): AssistantMessage {
  const files = compileSpec(spec);
  const calls = Object.entries(files).map(([path, content], i) => call(callId(i), "write_file", { path, content: typeof content === "string" ? content : "" }));
  const lines = [
    previous ? `Updating the game (offline builder: built-in designs only; connect a model for anything else).` : `Offline builder: picks from built-in game designs; connect a model for anything else.`,
    describeSpec(spec),
    ...(notes.length ? [`Notes: ${notes.join(" ")}`] : previous ? [`No change understood from that message; rebuilding the same design.`] : []),
    `Writing ${calls.length} files (edit game.spec.json and ask me to rebuild to change the design).`,
  ];
  return { role: "assistant", content: lines.join("\n"), tool_calls: calls };
}

/** The understood spec as a few readable lines for the chat. */
export function describeSpec(spec: GameSpec): string {
  const hex = (n: number) => "#" + n.toString(16).padStart(6, "0");
  const hazards = spec.hazards.length ? spec.hazards.map((h) => `${h.count} ${h.name} (speed ${h.speed})`).join(", ") : "none";
  const items = spec.collectibles.length ? spec.collectibles.map((c) => `${c.count} ${c.name}`).join(", ") : "none";
  return [
    `Game: "${spec.title}", ${DESIGNS[spec.genre].label.toLowerCase()} (${DESIGNS[spec.genre].pitch}).`,
    `You play: ${spec.player}. Goal: ${spec.goal.target} ${spec.goal.kind}. Lives: ${spec.lives}. Difficulty: ${spec.difficulty}.`,
    `Hazards: ${hazards}. Collect: ${items}.`,
    `Look: ${spec.theme}; background ${hex(spec.palette.background)}, player ${hex(spec.palette.player)}, hazards ${hex(spec.palette.hazard)}, accent ${hex(spec.palette.accent)}.`,
  ].join("\n");
}

function summary(spec: GameSpec | null, report: string): string {
  const verdict = readVerdict(report);
  const what = spec ? `"${spec.title}", a ${DESIGNS[spec.genre].label.toLowerCase()} game` : "the game";
  if (verdict.verdict === "playable") {
    return `Built ${what}. The playtest says it is playable${verdict.reasons.length ? ` (${verdict.reasons.join("; ")})` : ""}. Try it in the preview; ask for changes such as "make it harder" or "more ${spec?.collectibles[0]?.name ?? "enemies"}".`;
  }
  if (verdict.verdict === "broken") {
    return `Built ${what}, but the playtest says it is broken${verdict.reasons.length ? `: ${verdict.reasons.join("; ")}` : ""}. The offline builder cannot debug code; connect a model to fix it, or describe the game differently.`;
  }
  return `Built ${what}. The playtest did not report a verdict I could read (${report.slice(0, 200)}), so I cannot say whether it is playable.`;
}

function readVerdict(report: string): { verdict: "playable" | "broken" | null; reasons: string[] } {
  try {
    const parsed = JSON.parse(report) as { verdict?: unknown; reasons?: unknown };
    if (parsed.verdict === "playable" || parsed.verdict === "broken") {
      const reasons = Array.isArray(parsed.reasons) ? parsed.reasons.filter((r): r is string => typeof r === "string").slice(0, 4) : [];
      return { verdict: parsed.verdict, reasons };
    }
  } catch {
    // Not JSON: the agent may pass the report as text; read the verdict from the words.
  }
  if (/\bbroken\b|\bnot playable\b/i.test(report)) return { verdict: "broken", reasons: [report.trim().split("\n").slice(0, 3).join(" ").slice(0, 300)] };
  if (/\bplayable\b/i.test(report)) return { verdict: "playable", reasons: [] };
  return { verdict: null, reasons: [] };
}

function resultFor(turn: ChatMessage[], toolCallId: string): string {
  const result = turn.find((m) => m.role === "tool" && m.tool_call_id === toolCallId);
  return result ? textOf(result) : "";
}

/** The spec this turn already wrote, if any. */
function writtenSpec(turn: ChatMessage[]): GameSpec | null {
  for (let i = turn.length - 1; i >= 0; i--) {
    const spec = specFromMessage(turn[i]);
    if (spec) return spec;
  }
  return null;
}

/** The latest spec before this turn: our own write of game.spec.json, or one the agent showed. */
function findPreviousSpec(messages: ChatMessage[]): GameSpec | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const spec = specFromMessage(messages[i]);
    if (spec) return spec;
  }
  return null;
}

function specFromMessage(message: ChatMessage): GameSpec | null {
  if (message.role === "assistant") {
    for (const c of [...(message.tool_calls ?? [])].reverse()) {
      if (c.function.name !== "write_file") continue;
      try {
        const args = JSON.parse(c.function.arguments) as { path?: unknown; content?: unknown };
        if (typeof args.path === "string" && args.path.replace(/^\.?\//, "") === SPEC_PATH && typeof args.content === "string") {
          const spec = JSON.parse(args.content) as unknown;
          if (isGameSpec(spec)) return spec;
        }
      } catch {
        // A malformed call is not a spec; keep looking further back.
      }
    }
    return null;
  }
  const text = textOf(message);
  if (message.role === "tool") {
    const direct = tryJson(text.trim());
    if (direct) return direct;
  }
  return text.includes(SPEC_PATH) ? specInText(text.slice(text.indexOf(SPEC_PATH))) : null;
}

/** Finds a GameSpec JSON object in free text (for example a file the agent pasted into a message). */
function specInText(text: string): GameSpec | null {
  const start = text.indexOf("{");
  if (start < 0) return null;
  let attempts = 0;
  for (let end = text.lastIndexOf("}"); end > start && attempts < 50; end = text.lastIndexOf("}", end - 1), attempts++) {
    const spec = tryJson(text.slice(start, end + 1));
    if (spec) return spec;
  }
  return null;
}

function tryJson(text: string): GameSpec | null {
  if (!text.startsWith("{")) return null;
  try {
    const value = JSON.parse(text) as unknown;
    return isGameSpec(value) ? value : null;
  } catch {
    return null;
  }
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}

function findLast<T, S extends T>(items: T[], test: (item: T) => item is S): S | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (test(item)) return item;
  }
  return undefined;
}
