// The offline builder as a ChatModel: reads the conversation, parses the prompt (and any earlier
// game.spec.json) into a GameSpec, and answers in the shared tool protocol:
// write_file × every file → run_playtest → finish. No network, no model weights.

import { SPEC_PATH } from "../project";
import type { ChatMessage, ChatModel, CompletionRequest, CompletionResult, ToolCall } from "../providers";
import { specChecks } from "./checks";
import { compileSpec } from "./compile";
import { parsePrompt } from "./parse";
import { DESIGNS, GENRES, isGameSpec, specProblem, type GameSpec, type Genre } from "./spec";

export const OFFLINE_BUILDER_ID = "offline-builder";
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
  const userText = textOf(messages[userIndex]);
  const { task, notes } = readTask(userText);
  const turn = messages.slice(userIndex + 1);
  const chatty = /Chattiness:\s*chatty/i.test(messages.filter((m) => m.role === "system").map(textOf).join("\n"));
  // A spec shown up to now: our own earlier write, a pasted file, or the agent's "Working files".
  const shown = findSpec(messages.slice(0, userIndex + 1));
  const callId = (i: number) => `offline_${messages.length}_${i}`;

  const lastAssistant = findLast(turn, (m): m is AssistantMessage => m.role === "assistant");
  const lastCalls = lastAssistant?.tool_calls ?? [];
  const called = (name: string) => lastCalls.some((c) => c.function.name === name);
  const resultOf = (name: string) => resultFor(turn, lastCalls.find((c) => c.function.name === name)!.id);

  if (!lastAssistant) {
    // A follow-up in a fresh agent run sees only the file list: read the spec before changing it.
    if (!shown && /^game\.spec\.json$/m.test(userText)) {
      return { role: "assistant", content: "Reading the current game design (game.spec.json).", tool_calls: [call(callId(0), "read_file", { path: SPEC_PATH })] };
    }
    return buildOrAsk(task, notes, shown, chatty, callId);
  }
  if (called("read_file")) {
    const text = resultOf("read_file").trim();
    const problem = readSpecProblem(text);
    // A broken hand edit is reported rather than silently replaced, unless the task names a new game.
    if (problem && parsePrompt(task).vague) {
      return finishMessage(`game.spec.json could not be used: ${problem}. Fix the file and ask again, or describe a new game (for example "a racing game").`, callId);
    }
    return buildOrAsk(task, notes, tryJson(text) ?? shown, chatty, callId);
  }
  if (called("ask_user")) {
    const answer = resultOf("ask_user");
    const genre = genreFromAnswer(answer);
    const parsed = parseAll(genre ? `${DESIGNS[genre].label} game: ${task}` : `${task} ${answer}`, notes, shown);
    if (genre && parsed.spec.genre !== genre) parsed.notes.push(`Could not switch to ${DESIGNS[genre].label}; kept ${DESIGNS[parsed.spec.genre].label}.`);
    return buildMessage(parsed.spec, parsed.notes, shown, callId);
  }
  if (called("write_file")) {
    const failures = lastCalls.map((c) => resultFor(turn, c.id)).filter((r) => /^\s*(error|failed)/i.test(r));
    if (failures.length > 0) {
      return finishMessage(`I could not write the project: ${failures[0].slice(0, 300)}. Nothing was playtested.`, callId);
    }
    return { role: "assistant", content: "Files written. Playtesting for 30 seconds of random input.", tool_calls: [call(callId(0), "run_playtest", { seconds: PLAYTEST_SECONDS })] };
  }
  // The agent shortens old write_file calls, so the spec may only be visible under "Working files".
  if (called("run_playtest")) {
    const updated = findSpec(messages.slice(0, userIndex)) !== null || turn.some((m) => m.role === "assistant" && (m.tool_calls ?? []).some((c) => c.function.name === "read_file"));
    return finishMessage(summary(writtenSpec(turn) ?? shown, resultOf("run_playtest"), updated), callId);
  }
  if (called("finish")) {
    const refusal = resultOf("finish");
    // The loop refuses finish while a required check fails; the builder cannot fix code, so it says so.
    if (/^Not finished/i.test(refusal)) return { role: "assistant", content: `The playtest still fails (${refusal.split("\n")[0].slice(14, 400)}). The offline builder cannot change game code beyond its designs; connect a model to fix it, or describe the game differently.` };
    return { role: "assistant", content: "Done. Describe a change (for example \"make it harder\" or \"more pearls\") and I will rebuild the game." };
  }
  // Our last word was plain text (the playtest still fails after finish was refused): the same
  // spec would play the same seeded playtest again, so say it once more and let the run end.
  if (lastCalls.length === 0) return { role: "assistant", content: textOf(lastAssistant) };
  // Anything else (a steering message answered by the agent, an unknown tool): carry on from the spec.
  if (!writtenSpec(turn)) return buildOrAsk(task, notes, shown, false, callId);
  return { role: "assistant", content: "Playtesting the game.", tool_calls: [call(callId(0), "run_playtest", { seconds: PLAYTEST_SECONDS })] };
}

function buildOrAsk(task: string, notes: string[], previous: GameSpec | null, chatty: boolean, callId: (i: number) => string): AssistantMessage {
  const parsed = parseAll(task, notes, previous);
  if (!previous && parsed.vague && chatty) return askForGenre(task, parsed.closest, parsed.notes[0] ?? "", callId);
  return buildMessage(parsed.spec, parsed.notes, previous, callId);
}

/**
 * The agent loop's request puts the prompt under "# Task" and steering messages under
 * "# Notes from the user during the run", followed by the file list and working files (file
 * names are not hazards); a plain chat message is the task itself.
 */
function readTask(text: string): { task: string; notes: string[] } {
  const task = /^# Task\n([\s\S]*?)(?:\n\n# |$)/m.exec(text);
  if (!task) return { task: text.trim(), notes: [] };
  const notesBlock = /^# Notes from the user during the run\n([\s\S]*?)(?:\n\n# |$)/m.exec(text);
  const notes = notesBlock ? notesBlock[1].split("\n").filter((l) => l.startsWith("- ")).map((l) => answerOnly(l.slice(2).trim())) : [];
  return { task: task[1].trim(), notes };
}

/**
 * An answered question is noted as "Q: <question> A: <answer>"; only the answer is the user's
 * word (the question lists other designs, which must not win over the one chosen).
 */
function answerOnly(note: string): string {
  const qa = /^Q: [\s\S]*? (?:A:|default used:) ([\s\S]*)$/.exec(note);
  return qa ? qa[1] : note;
}

/** The task, then each steering note as a follow-up on the result. */
function parseAll(task: string, notes: string[], previous: GameSpec | null) {
  const first = parsePrompt(task, previous ?? undefined);
  let spec = first.spec;
  const allNotes = [...first.notes];
  for (const note of notes) {
    const next = parsePrompt(note, spec);
    spec = next.spec;
    allNotes.push(...next.notes);
  }
  return { spec, notes: allNotes, vague: first.vague, closest: first.closest };
}

function call(id: string, name: string, args: Record<string, unknown>): ToolCall {
  return { id, type: "function", function: { name, arguments: JSON.stringify(args) } };
}

function finishMessage(summaryText: string, callId: (i: number) => string): AssistantMessage {
  return { role: "assistant", content: summaryText, tool_calls: [call(callId(0), "finish", { summary: summaryText })] };
}

/** Chatty mode, for a prompt that names no built-in design: one question offering the 2–3 closest. */
function askForGenre(prompt: string, closest: Genre[], why: string, callId: (i: number) => string): AssistantMessage {
  const question = `"${prompt.slice(0, 80)}": ${why.replace(/ Picked [^.]*\.$/, "")} Which should I make?`;
  const choices = closest.map((g) => `${DESIGNS[g].label}: ${DESIGNS[g].pitch}`);
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
  // game.spec.json goes last: the agent shows the most recently written files to the next request.
  const ordered = Object.entries(files).sort(([a], [b]) => Number(a === SPEC_PATH) - Number(b === SPEC_PATH));
  const writes = ordered.map(([path, content], i) => call(callId(i), "write_file", { path, content: typeof content === "string" ? content : "" }));
  // The design's gameplay facts: every later playtest verifies them and finish waits for them.
  const calls = [...writes, call(callId(writes.length), "set_checks", { checks: specChecks(spec) })];
  const lines = [
    previous ? `Updating the game (offline builder: built-in designs only; connect a model for anything else).` : `Offline builder: picks from built-in game designs; connect a model for anything else.`,
    describeSpec(spec),
    ...(notes.length ? [`Notes: ${notes.join(" ")}`] : previous ? [`No change understood from that message; rebuilding the same design.`] : []),
    `Writing ${writes.length} files (edit game.spec.json and ask me to rebuild to change the design).`,
    `Checks the playtest must pass: ${specChecks(spec).map((c) => c.says).join("; ")}.`,
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

function summary(spec: GameSpec | null, report: string, updated: boolean): string {
  const verdict = readVerdict(report);
  const what = spec ? `"${spec.title}", a ${DESIGNS[spec.genre].label.toLowerCase()} game` : "the game";
  const built = updated ? "Updated" : "Built";
  const checks = spec ? checksLine(specChecks(spec).map((c) => c.id), report) : "";
  if (verdict.verdict === "playable") {
    return `${built} ${what}. The playtest says it is playable${verdict.reasons.length ? ` (${verdict.reasons.join("; ")})` : ""}.${checks} Try it in the preview; ask for changes such as "make it harder" or "more ${spec?.collectibles[0]?.name ?? "enemies"}".`;
  }
  if (verdict.verdict === "broken") {
    return `${built} ${what}, but the playtest says it is broken${verdict.reasons.length ? `: ${verdict.reasons.join("; ")}` : ""}.${checks} The offline builder cannot debug code; connect a model to fix it, or describe the game differently.`;
  }
  return `${built} ${what}. The playtest did not report a verdict I could read (${report.slice(0, 200)}), so I cannot say whether it is playable.`;
}

/** " Its own checks: 2 of 3 pass; failed: lap-rises." from the report's check lines ("- PASS lap-rises: ..."). */
function checksLine(ids: string[], report: string): string {
  const status = new Map<string, string>();
  for (const m of report.matchAll(/^- (PASS|FAIL|NOT VERIFIED)(?: \(optional\))? ([a-z0-9-]+):/gm)) status.set(m[2], m[1]);
  const seen = ids.filter((id) => status.has(id));
  if (seen.length === 0) return "";
  const failed = seen.filter((id) => status.get(id) === "FAIL");
  const unverified = seen.filter((id) => status.get(id) === "NOT VERIFIED");
  const passed = seen.length - failed.length - unverified.length;
  return ` Its own checks: ${passed} of ${seen.length} pass${failed.length ? `; failed: ${failed.join(", ")}` : ""}${unverified.length ? `; not verified: ${unverified.join(", ")}` : ""}.`;
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
  // The agent's report text starts "PLAYTEST PLAYABLE" or "PLAYTEST BROKEN"; other texts say "Verdict: ...".
  const stated = /\b(?:playtest|verdict)\W+(playable|broken)\b/i.exec(report);
  if (stated?.[1].toLowerCase() === "playable") return { verdict: "playable", reasons: [] };
  if (stated || /\bbroken\b|\bnot playable\b/i.test(report)) return { verdict: "broken", reasons: [report.trim().split("\n").slice(0, 3).join(" ").slice(0, 300)] };
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

/** The latest spec in these messages: our own write of game.spec.json, or one the agent showed. */
function findSpec(messages: ChatMessage[]): GameSpec | null {
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
  return specInText(text);
}

/**
 * Finds a GameSpec JSON object that follows a mention of game.spec.json in free text (a file the
 * agent shows under "Working files", or one a person pasted).
 */
function specInText(text: string): GameSpec | null {
  for (let at = text.indexOf(SPEC_PATH); at >= 0; at = text.indexOf(SPEC_PATH, at + 1)) {
    const start = text.indexOf("{", at);
    if (start < 0) return null;
    let end = text.indexOf("}", start);
    for (let attempts = 0; end >= 0 && attempts < 40 && end - start < 20_000; attempts++) {
      const spec = tryJson(text.slice(start, end + 1));
      if (spec) return spec;
      end = text.indexOf("}", end + 1);
    }
  }
  return null;
}

function readSpecProblem(text: string): string | null {
  try {
    return specProblem(JSON.parse(text));
  } catch (error) {
    return `it is not valid JSON (${(error as Error).message})`;
  }
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
