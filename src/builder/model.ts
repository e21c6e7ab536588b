// The offline builder as a ChatModel: reads the run's facts (the person's words, the project's
// game.spec.json, the latest playtest, what its last tool calls did: CompletionRequest.run) and
// answers in the shared tool protocol: write_file × every file → set_checks → run_playtest →
// finish. No network, no model weights, and no reading back of prompt headings or report prose.

import { SPEC_PATH } from "../project";
import type { ChatMessage, ChatModel, CompletionRequest, CompletionResult, PlaytestFacts, RunFacts, ToolCall } from "../providers";
import { specChecks } from "./checks";
import { compileSpec } from "./compile";
import { parsePrompt } from "./parse";
import { DESIGNS, GENRES, projectSpec, type GameSpec, type Genre } from "./spec";

export const OFFLINE_BUILDER_ID = "offline-builder";
const PLAYTEST_SECONDS = 30;

type AssistantMessage = Extract<ChatMessage, { role: "assistant" }>;

export function createOfflineBuilder(): ChatModel {
  return {
    id: OFFLINE_BUILDER_ID,
    supportsVision: false,
    async complete(request: CompletionRequest): Promise<CompletionResult> {
      if (request.signal?.aborted) throw abortError();
      const message = respond(request.messages, request.run ?? chatFacts(request.messages));
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

/**
 * Outside an agent run (a plain chat request) the last user message is the whole task and there
 * is no project, no playtest and no tool result to read.
 */
function chatFacts(messages: ChatMessage[]): RunFacts {
  const user = findLast(messages, (m): m is Extract<ChatMessage, { role: "user" }> => m.role === "user");
  return { task: user ? textOf(user).trim() : "", notes: [], chattiness: "normal", startFiles: {}, files: {}, playtest: null, results: {} };
}

/** Decides the next step from the run's facts and the builder's own latest tool calls. */
function respond(messages: ChatMessage[], run: RunFacts): AssistantMessage {
  if (!run.task) return { role: "assistant", content: "Tell me what game to make, for example: a deep-sea diving game where you collect pearls and dodge jellyfish." };
  const { task, notes } = run;
  const callId = (i: number) => `offline_${messages.length}_${i}`;
  // The game this run began with: a follow-up changes it, a first prompt builds from nothing.
  const start = projectSpec(run.startFiles);
  const previous = start.spec;
  const lastAssistant = findLast(messages, (m): m is AssistantMessage => m.role === "assistant");
  const lastCalls = lastAssistant?.tool_calls ?? [];
  const called = (name: string) => lastCalls.some((c) => c.function.name === name);
  const resultOf = (name: string) => run.results[lastCalls.find((c) => c.function.name === name)!.id];

  if (!lastAssistant) {
    // A broken hand edit is reported rather than silently replaced, unless the task names a new game.
    if (start.problem && parsePrompt(task).vague) {
      return finishMessage(`${SPEC_PATH} could not be used: ${start.problem}. Fix the file and ask again, or describe a new game (for example "a racing game").`, callId);
    }
    return buildOrAsk(task, notes, previous, run.chattiness === "chatty", callId);
  }
  if (called("ask_user")) {
    const answer = resultOf("ask_user")?.answer ?? "";
    const genre = genreFromAnswer(answer);
    const parsed = parseAll(genre ? `${DESIGNS[genre].label} game: ${task}` : `${task} ${answer}`, notes, previous);
    if (genre && parsed.spec.genre !== genre) parsed.notes.push(`Could not switch to ${DESIGNS[genre].label}; kept ${DESIGNS[parsed.spec.genre].label}.`);
    return buildMessage(parsed.spec, parsed.notes, previous, callId);
  }
  if (called("write_file")) {
    const failed = lastCalls.map((c) => run.results[c.id]).find((r) => r?.outcome === "error");
    if (failed) return finishMessage(`I could not write the project: ${failed.text.slice(0, 300)}. Nothing was playtested.`, callId);
    return { role: "assistant", content: "Files written. Playtesting for 30 seconds of random input.", tool_calls: [call(callId(0), "run_playtest", { seconds: PLAYTEST_SECONDS })] };
  }
  if (called("run_playtest")) {
    const ran = resultOf("run_playtest");
    return finishMessage(summary(projectSpec(run.files).spec, ran?.outcome === "error" ? null : run.playtest, previous !== null, ran?.text ?? ""), callId);
  }
  if (called("finish")) {
    // The loop refuses finish while a required check fails; the builder cannot fix code, so it says so.
    if (resultOf("finish")?.outcome === "refused") return { role: "assistant", content: `The playtest still fails (${failingText(run.playtest)}). The offline builder cannot change game code beyond its designs; connect a model to fix it, or describe the game differently.` };
    return { role: "assistant", content: "Done. Describe a change (for example \"make it harder\" or \"more pearls\") and I will rebuild the game." };
  }
  // Our last word was plain text (the playtest still fails after finish was refused): the same
  // spec would play the same seeded playtest again, so say it once more and let the run end.
  if (lastCalls.length === 0) return { role: "assistant", content: textOf(lastAssistant) };
  // Anything else (a steering message answered by the agent, an unknown tool): carry on from the spec.
  if (run.files[SPEC_PATH] === undefined || run.files[SPEC_PATH] === run.startFiles[SPEC_PATH]) return buildOrAsk(task, notes, previous, false, callId);
  return { role: "assistant", content: "Playtesting the game.", tool_calls: [call(callId(0), "run_playtest", { seconds: PLAYTEST_SECONDS })] };
}

/** Why the latest playtest does not let the run finish: its failing required checks, else its reasons. */
function failingText(playtest: PlaytestFacts | null): string {
  if (!playtest) return "no playtest of the current files";
  const unmet = playtest.checks.filter((c) => c.required && c.status !== "pass").map((c) => `${c.id} ${c.status === "fail" ? "failed" : "not verified"}`);
  return (unmet.length ? unmet : playtest.reasons.slice(0, 2)).join("; ").slice(0, 400) || "the verdict is broken";
}

function buildOrAsk(task: string, notes: string[], previous: GameSpec | null, chatty: boolean, callId: (i: number) => string): AssistantMessage {
  const parsed = parseAll(task, notes, previous);
  if (!previous && parsed.vague && chatty) return askForGenre(task, parsed.closest, parsed.notes[0] ?? "", callId);
  return buildMessage(parsed.spec, parsed.notes, previous, callId);
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

function summary(spec: GameSpec | null, playtest: PlaytestFacts | null, updated: boolean, resultText: string): string {
  const what = spec ? `"${spec.title}", a ${DESIGNS[spec.genre].label.toLowerCase()} game` : "the game";
  const built = updated ? "Updated" : "Built";
  if (!playtest || playtest.stale) return `${built} ${what}. The playtest did not run on these files (${resultText.slice(0, 200)}), so I cannot say whether it is playable.`;
  const checks = spec ? checksLine(specChecks(spec).map((c) => c.id), playtest) : "";
  // A playable verdict's reasons restate every passing check; its checks line says it shorter.
  const reasons = playtest.reasons.slice(0, 3);
  if (playtest.verdict === "playable") {
    return `${built} ${what}. The playtest says it is playable.${checks} Try it in the preview; ask for changes such as "make it harder" or "more ${spec?.collectibles[0]?.name ?? "enemies"}".`;
  }
  return `${built} ${what}, but the playtest says it is broken${reasons.length ? `: ${reasons.join("; ")}` : ""}.${checks} The offline builder cannot debug code; connect a model to fix it, or describe the game differently.`;
}

/** " Its own checks: 2 of 3 pass; failed: lap-rises, sting-costs-a-life (optional)." for the design's checks the playtest carried. */
function checksLine(ids: string[], playtest: PlaytestFacts): string {
  const seen = playtest.checks.filter((c) => ids.includes(c.id));
  if (seen.length === 0) return "";
  const named = (c: PlaytestFacts["checks"][number]) => `${c.id}${c.required ? "" : " (optional)"}`;
  const failed = seen.filter((c) => c.status === "fail").map(named);
  const unverified = seen.filter((c) => c.status === "unknown").map(named);
  const passed = seen.length - failed.length - unverified.length;
  return ` Its own checks: ${passed} of ${seen.length} pass${failed.length ? `; failed: ${failed.join(", ")}` : ""}${unverified.length ? `; not verified: ${unverified.join(", ")}` : ""}.`;
}

function findLast<T, S extends T>(items: T[], test: (item: T) => item is S): S | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (test(item)) return item;
  }
  return undefined;
}
