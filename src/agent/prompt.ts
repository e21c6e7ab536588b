// What the model sees: a short system prompt and a budgeted context (task, file list, the files
// being worked on, the latest report, the last few turns) rebuilt for every request.

import type { ProjectFiles } from "../project/files";
import type { ChatMessage, ContentPart, ToolCall } from "../providers/types";
import type { Chattiness } from "./types";

/** Previous turns kept in the request; older ones are dropped, their effect lives in the files. */
const HISTORY_TURNS = 3;
/** The request size the context aims for; working files get what the rest leaves of it. */
const TARGET_PROMPT_TOKENS = 3_800;
const WORKING_FILES_MIN_CHARS = 2_000;
const WORKING_FILES_MAX = 4;
const ASSISTANT_TEXT_CHARS = 1_200;

const CHATTINESS_RULES: Record<Chattiness, string> = {
  quiet: "Do not ask questions (ask_user only returns a default). Keep your messages to one line.",
  normal: "Ask only when the game cannot be built without an answer. Keep messages short.",
  chatty: "Explain each step in one or two sentences. When the request is ambiguous, ask_user with choices before building.",
};

export function systemPrompt(chattiness: Chattiness, guideTopics: string[]): string {
  return `You are Playforge's game builder. You write small browser games in TypeScript with Phaser 4 (NOT Phaser 3) and make them playable, using the tools.

Project contract (a Vite + Phaser 4 + TypeScript project):
- index.html loads /src/main.ts. src/main.ts does \`import Phaser from "phaser"\`, creates \`const game = new Phaser.Game({ type: Phaser.AUTO, ..., scene: [...] })\` and ends with \`(window as any).__playforge?.register(game);\` so the playtest can watch it.
- Scenes are classes extending Phaser.Scene in src/scenes/*.ts. A scene may define \`describe()\` returning small JSON state (score, lives, player x/y); playtests report it.
- No network and no external assets: draw art with Graphics + generateTexture, shapes and text. Files in public/ are served at /.
- Control with arrow keys/WASD and pointer, so the playtest sees the game respond to input.

Phaser 4 is not Phaser 3: use Phaser.AUTO or Phaser.WEBGL (the Canvas renderer is deprecated); FX and masks are Filters; Phaser.Geom.Point is gone (use Phaser.Math.Vector2); tint and pipelines (now RenderNodes) changed. When unsure, read_phaser_guide. Topics: ${guideTopics.join(", ")}.

Work in cycles: write or edit files (edit_file's search must be copied exactly from the current text) → run_playtest → read the checks (failed first), errors (file:line), frames and input response → fix.
Early on, set_checks: declare what the request asks for as facts about the gameplay scene's describe() state ("score rises when a pearl is collected": field score, expect rises); every later playtest verifies them. finish is accepted only after a 30 s playtest of the current files with every required check passing (the loop runs that playtest if needed).
Each request shows the file list, the files you touched recently and the latest playtest; older tool results are shortened.

${CHATTINESS_RULES[chattiness]}
Chattiness: ${chattiness}`;
}

/** Rough token count (about 3.5 characters per token for code and English, plus message overhead). */
export function estimateTokens(input: string | ChatMessage[]): number {
  if (typeof input === "string") return Math.ceil(input.length / 3.5);
  let total = 0;
  for (const message of input) {
    total += 4;
    if (message.role === "assistant") {
      total += estimateTokens(message.content ?? "");
      for (const call of message.tool_calls ?? []) total += estimateTokens(call.function.name + call.function.arguments) + 4;
    } else if (typeof message.content === "string") {
      total += estimateTokens(message.content);
    } else {
      for (const part of message.content) total += part.type === "text" ? estimateTokens(part.text) : 765;
    }
  }
  return total;
}

/** A tool result in two forms: `full` the first time the model sees it, `brief` afterwards. */
export interface ToolResultEntry {
  id: string;
  full: string;
  brief: string;
  /** Set when `full` shows this file text, so the working-files section can skip it while fresh. */
  shows?: { path: string; text: string };
  /** Set when `full` carries the playtest report of this iteration. */
  reportIteration?: number;
}

export type HistoryEntry =
  | { kind: "turn"; seq: number; assistant: Extract<ChatMessage, { role: "assistant" }>; results: ToolResultEntry[] }
  | { kind: "user"; seq: number; content: string | ContentPart[]; reportIteration?: number };

export interface ContextState {
  prompt: string;
  notes: string[];
  files: ProjectFiles;
  /** Recently read or written paths, most recent first. */
  touched: string[];
  report: { iteration: number; text: string; errorFiles: Array<{ path: string; line: number }>; stale: boolean } | null;
  history: HistoryEntry[];
  /** Entries with seq above this have not been sent to the model yet. */
  seenSeq: number;
}

function briefArguments(call: ToolCall): ToolCall {
  if (call.function.name !== "write_file") return call;
  try {
    const args = JSON.parse(call.function.arguments) as { path?: unknown; content?: unknown };
    if (typeof args.content !== "string") return call;
    const content = `[${args.content.length} characters; the current text is under "Working files" when relevant]`;
    return { ...call, function: { ...call.function, arguments: JSON.stringify({ path: args.path, content }) } };
  } catch {
    return call;
  }
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… [${text.length - max} more characters]`;
}

/** The window of history sent: the last HISTORY_TURNS turns, and always what the model has not seen. */
function historyWindow(state: ContextState): HistoryEntry[] {
  let turns = 0;
  let start = state.history.length;
  for (let i = state.history.length - 1; i >= 0; i--) {
    const entry = state.history[i];
    if (entry.kind === "turn" && ++turns > HISTORY_TURNS && entry.seq <= state.seenSeq) break;
    start = i;
  }
  return state.history.slice(start);
}

function excerpt(text: string, budget: number, lines: number[]): string {
  const all = text.split("\n");
  const centre = lines.length > 0 ? lines[0] - 1 : 0;
  const span = Math.max(10, Math.floor(budget / 60));
  const from = Math.max(0, centre - Math.floor(span / 2));
  const shown = all.slice(from, from + span).map((line, k) => `${from + k + 1}| ${line}`);
  return `(${all.length} lines; showing lines ${from + 1}-${from + shown.length} with numbers; read_file for the whole text)\n${shown.join("\n")}`;
}

function workingFiles(state: ContextState, fresh: HistoryEntry[], maxChars: number): string {
  const freshTexts = new Map<string, string>();
  for (const entry of fresh) if (entry.kind === "turn") for (const r of entry.results) if (r.shows) freshTexts.set(r.shows.path, r.shows.text);
  const errorPaths = state.report?.stale === false ? state.report.errorFiles.map((e) => e.path) : [];
  const order = [...new Set([...state.touched, ...errorPaths])].filter((path) => typeof state.files[path] === "string" && freshTexts.get(path) !== state.files[path]);
  let budget = maxChars;
  const shown: string[] = [];
  const skipped: string[] = [];
  for (const path of order) {
    const text = state.files[path] as string;
    if (shown.length >= WORKING_FILES_MAX || budget < 400) {
      skipped.push(path);
      continue;
    }
    const lines = state.report?.errorFiles.filter((e) => e.path === path).map((e) => e.line) ?? [];
    const body = text.length <= budget ? text : excerpt(text, budget, lines);
    budget -= body.length;
    shown.push(`--- ${path}\n${body}`);
  }
  if (shown.length === 0) return "";
  const more = skipped.length > 0 ? `\n(also touched recently: ${skipped.join(", ")})` : "";
  return `\n\n# Working files\n${shown.join("\n\n")}${more}`;
}

function fileList(files: ProjectFiles): string {
  const paths = Object.keys(files).sort();
  return paths.length === 0 ? "(empty project)" : paths.join("\n");
}

function reportSection(state: ContextState, fresh: HistoryEntry[]): string {
  const report = state.report;
  if (!report) return "\n\n# Latest playtest\nNone yet.";
  const inFresh = fresh.some((entry) =>
    entry.kind === "user" ? entry.reportIteration === report.iteration : entry.results.some((r) => r.reportIteration === report.iteration),
  );
  const staleNote = report.stale ? "\n(The files changed since this playtest; run_playtest to check them.)" : "";
  if (inFresh) return staleNote ? `\n\n# Latest playtest${staleNote}` : "";
  return `\n\n# Latest playtest (iteration ${report.iteration})\n${report.text}${staleNote}`;
}

function renderEntry(entry: HistoryEntry, fresh: boolean): ChatMessage[] {
  if (entry.kind === "user") {
    if (typeof entry.content === "string" || fresh) return [{ role: "user", content: entry.content }];
    const text = entry.content.filter((part) => part.type === "text").map((part) => (part as { text: string }).text).join("\n");
    return text ? [{ role: "user", content: `${text} [image omitted]` }] : [];
  }
  const assistant: ChatMessage = {
    role: "assistant",
    content: entry.assistant.content === null ? null : clip(entry.assistant.content, ASSISTANT_TEXT_CHARS),
    ...(entry.assistant.tool_calls?.length ? { tool_calls: entry.assistant.tool_calls.map(briefArguments) } : {}),
  };
  return [assistant, ...entry.results.map((r): ChatMessage => ({ role: "tool", tool_call_id: r.id, content: fresh ? r.full : r.brief }))];
}

/** Builds the messages of the next request. */
export function buildRequest(system: string, state: ContextState): ChatMessage[] {
  const window = historyWindow(state);
  const fresh = window.filter((entry) => entry.seq > state.seenSeq);
  const notes = state.notes.length > 0 ? `\n\n# Notes from the user during the run\n${state.notes.map((n) => `- ${n}`).join("\n")}` : "";
  const history = window.flatMap((entry) => renderEntry(entry, entry.seq > state.seenSeq));
  const head = `# Task\n${state.prompt}${notes}\n\n# Project files\n${fileList(state.files)}`;
  const report = reportSection(state, fresh);
  const used = estimateTokens([{ role: "system", content: system }, { role: "user", content: head + report }, ...history]);
  const room = Math.max(WORKING_FILES_MIN_CHARS, Math.floor((TARGET_PROMPT_TOKENS - used) * 3.5));
  return [
    { role: "system", content: system },
    { role: "user", content: `${head}${workingFiles(state, fresh, room)}${report}` },
    ...history,
  ];
}
