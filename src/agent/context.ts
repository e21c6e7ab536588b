// What the model is sent, as a conversation that only grows: system, task, then every turn and
// every context note exactly as first sent, so each request repeats the previous one as a prefix
// that providers' prompt caches reuse. Each request ends with a note of only what changed since
// the model last saw it (file list, working files with the erroring ones first, the latest
// report, the user's notes). When the conversation outgrows its budget it is compacted in one
// step to the last few turns, shortened, and the next note shows the whole state again.

import type { ProjectFiles } from "../project";
import type { ChatMessage, ContentPart, ToolCall } from "../providers";
import { estimateTokens } from "./prompt";

/** Turns kept when the conversation is compacted; older ones are dropped, their effect lives in the files. */
const KEPT_TURNS = 3;
/** System + task + conversation may grow to this before compaction. */
const HISTORY_BUDGET_TOKENS = 2_600;
/** The request size the context aims for; the closing note gets what the rest leaves of it. */
const TARGET_PROMPT_TOKENS = 3_800;
const NOTE_MIN_CHARS = 2_000;
const WORKING_FILES_MAX = 4;
/** A working file this short is shown whole, even past the budget: the model edits what it sees. */
const WHOLE_FILE_LINES = 200;
const ASSISTANT_TEXT_CHARS = 1_200;
/** A write_file call keeps its text in the conversation up to this size; larger ones are shortened at once. */
const WRITE_TEXT_CHARS = 6_000;

/** A tool result in two forms: `full` while the conversation holds it, `brief` once compacted. */
export interface ToolResultEntry {
  id: string;
  full: string;
  brief: string;
  /** Set when `full` shows this file's whole current text (read_file, or the text after an edit). */
  shows?: { path: string; text: string };
  /** Set when `full` carries the playtest report of this iteration. */
  reportIteration?: number;
  /** Set by a successful edit_file: the model knows the text after it when it saw the text before. */
  edited?: { path: string; before: string; after: string };
}

/** What a closing note showed, so later notes only show what changed since. */
interface NoteShows {
  files: Record<string, string>;
  fileList?: string;
  reportIteration?: number;
  notes: number;
}

export type HistoryEntry =
  | { kind: "turn"; seq: number; assistant: Extract<ChatMessage, { role: "assistant" }>; results: ToolResultEntry[] }
  | { kind: "user"; seq: number; content: string | ContentPart[]; reportIteration?: number }
  | { kind: "note"; seq: number; content: string; shows: NoteShows };

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
  /** Entries with seq below this were dropped by a compaction. */
  historyFrom?: number;
  /** Entries with seq up to this are shown in their brief form (they were kept by a compaction). */
  briefThrough?: number;
}

const briefText = (entry: HistoryEntry, state: ContextState) => entry.seq <= (state.briefThrough ?? 0);

function writtenText(call: ToolCall): { path: string; content: string } | null {
  if (call.function.name !== "write_file") return null;
  try {
    const args = JSON.parse(call.function.arguments) as { path?: unknown; content?: unknown };
    return typeof args.path === "string" && typeof args.content === "string" ? { path: args.path.replace(/^\.?\//, ""), content: args.content } : null;
  } catch {
    return null;
  }
}

/** A write_file call keeps its text while the conversation holds it in full, unless the text is long. */
const keepsText = (call: ToolCall, brief: boolean) => !brief && (writtenText(call)?.content.length ?? 0) <= WRITE_TEXT_CHARS;

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

function renderEntry(entry: HistoryEntry, brief: boolean): ChatMessage[] {
  if (entry.kind === "note") return [{ role: "user", content: entry.content }];
  if (entry.kind === "user") {
    if (typeof entry.content === "string" || !brief) return [{ role: "user", content: entry.content }];
    const text = entry.content.filter((part) => part.type === "text").map((part) => (part as { text: string }).text).join("\n");
    return text ? [{ role: "user", content: `${text} [image omitted]` }] : [];
  }
  const calls = entry.assistant.tool_calls ?? [];
  const assistant: ChatMessage = {
    role: "assistant",
    content: entry.assistant.content === null ? null : clip(entry.assistant.content, ASSISTANT_TEXT_CHARS),
    ...(calls.length ? { tool_calls: calls.map((call) => (keepsText(call, brief) ? call : briefArguments(call))) } : {}),
  };
  return [assistant, ...entry.results.map((r): ChatMessage => ({ role: "tool", tool_call_id: r.id, content: brief ? r.brief : r.full }))];
}

/** The text of each file as the conversation (from historyFrom on, not briefed) last showed it. */
function visibleTexts(state: ContextState, window: HistoryEntry[]): Map<string, string> {
  const seen = new Map<string, string>();
  for (const entry of window) {
    if (briefText(entry, state)) continue;
    if (entry.kind === "note") for (const [path, text] of Object.entries(entry.shows.files)) seen.set(path, text);
    if (entry.kind !== "turn") continue;
    for (const call of entry.assistant.tool_calls ?? []) {
      const written = keepsText(call, false) ? writtenText(call) : null;
      if (written) seen.set(written.path, written.content);
    }
    for (const r of entry.results) {
      if (r.shows) seen.set(r.shows.path, r.shows.text);
      if (r.edited && seen.get(r.edited.path) === r.edited.before) seen.set(r.edited.path, r.edited.after);
    }
  }
  return seen;
}

function excerpt(text: string, budget: number, lines: number[]): string {
  const all = text.split("\n");
  const centre = lines.length > 0 ? lines[0] - 1 : 0;
  const span = Math.max(10, Math.floor(budget / 60));
  const from = Math.max(0, centre - Math.floor(span / 2));
  const shown = all.slice(from, from + span).map((line, k) => `${from + k + 1}| ${line}`);
  return `(${all.length} lines; showing lines ${from + 1}-${from + shown.length} with numbers; read_file for the whole text)\n${shown.join("\n")}`;
}

/** Working files the model cannot see as they are now: the erroring ones first, then the touched ones. */
function workingFiles(state: ContextState, visible: Map<string, string>, maxChars: number): { text: string; shows: Record<string, string> } {
  const errorPaths = state.report?.stale === false ? state.report.errorFiles.map((e) => e.path) : [];
  const order = [...new Set([...errorPaths, ...state.touched])].filter((path) => typeof state.files[path] === "string");
  let budget = maxChars;
  const shown: string[] = [];
  const shows: Record<string, string> = {};
  const skipped: string[] = [];
  for (const path of order.slice(0, WORKING_FILES_MAX + 4)) {
    const text = state.files[path] as string;
    if (visible.get(path) === text) continue;
    if (shown.length >= WORKING_FILES_MAX || budget < 400) {
      skipped.push(path);
      continue;
    }
    const lines = state.report?.errorFiles.filter((e) => e.path === path).map((e) => e.line) ?? [];
    const whole = text.length <= budget || (shown.length === 0 && text.split("\n").length <= WHOLE_FILE_LINES);
    budget -= whole ? text.length : Math.min(budget, text.length);
    shown.push(`--- ${path}\n${whole ? text : excerpt(text, budget, lines)}`);
    if (whole) shows[path] = text;
  }
  if (shown.length === 0) return { text: "", shows };
  const more = skipped.length > 0 ? `\n(also touched recently: ${skipped.join(", ")})` : "";
  return { text: `# Working files (as they are now)\n${shown.join("\n\n")}${more}`, shows };
}

function fileList(files: ProjectFiles): string {
  const paths = Object.keys(files).sort();
  return paths.length === 0 ? "(empty project)" : paths.join("\n");
}

/** The latest report, unless the conversation already carries it. */
function reportSection(state: ContextState, window: HistoryEntry[]): { text: string; iteration?: number } {
  const report = state.report;
  if (!report) return { text: "" };
  const carried = window.some((entry) =>
    briefText(entry, state)
      ? false
      : entry.kind === "user"
        ? entry.reportIteration === report.iteration
        : entry.kind === "note"
          ? entry.shows.reportIteration === report.iteration
          : entry.results.some((r) => r.reportIteration === report.iteration),
  );
  const staleNote = report.stale ? "(The files changed since the latest playtest; run_playtest to check them.)" : "";
  if (carried) return { text: staleNote ? `# Latest playtest\n${staleNote}` : "" };
  return { text: `# Latest playtest (iteration ${report.iteration})\n${report.text}${staleNote ? `\n${staleNote}` : ""}`, iteration: report.iteration };
}

/** The conversation since the last compaction; compacts it when it has outgrown its budget. */
function conversation(state: ContextState, system: string, task: string): HistoryEntry[] {
  const since = () => state.history.filter((entry) => entry.seq >= (state.historyFrom ?? 0));
  const size = (entries: HistoryEntry[]) => estimateTokens([{ role: "system", content: system }, { role: "user", content: task }, ...entries.flatMap((e) => renderEntry(e, briefText(e, state)))]);
  let window = since();
  // Compacting again before a few new turns have come would only resend the same working files.
  const turnsSince = window.filter((e) => e.kind === "turn" && e.seq > (state.briefThrough ?? 0)).length;
  if (size(window) > HISTORY_BUDGET_TOKENS && turnsSince > KEPT_TURNS) {
    const turns = window.filter((e) => e.kind === "turn");
    const kept = turns.length > KEPT_TURNS ? turns[turns.length - KEPT_TURNS] : turns[0];
    // Never drop what the model has not seen yet.
    const firstUnseen = window.find((e) => e.seq > state.seenSeq);
    state.historyFrom = Math.min(kept?.seq ?? Infinity, firstUnseen?.seq ?? Infinity);
    if (!Number.isFinite(state.historyFrom)) state.historyFrom = (window.at(-1)?.seq ?? 0) + 1;
    state.briefThrough = state.seenSeq;
    window = since();
  }
  return window;
}

/** The last note that showed a file list or notes count, within the conversation. */
function lastShown<K extends "fileList" | "notes">(state: ContextState, window: HistoryEntry[], key: K): NoteShows[K] | undefined {
  for (let i = window.length - 1; i >= 0; i--) {
    const entry = window[i];
    if (entry.kind === "note" && !briefText(entry, state) && entry.shows[key] !== undefined) return entry.shows[key];
  }
  return undefined;
}

/**
 * Builds the messages of the next request and records its closing note in the history (the note
 * is part of the conversation from now on). `nextSeq` numbers the note.
 */
export function buildRequest(system: string, state: ContextState, nextSeq: number): ChatMessage[] {
  const task = `# Task\n${state.prompt}`;
  const window = conversation(state, system, task);
  const history = window.flatMap((entry) => renderEntry(entry, briefText(entry, state)));
  const list = fileList(state.files);
  const shownNotes = lastShown(state, window, "notes") ?? 0;
  const listPart = lastShown(state, window, "fileList") !== list ? `# Project files\n${list}` : "";
  const report = reportSection(state, window);
  const notesPart = state.notes.length > shownNotes ? `# Notes from the user during the run\n${state.notes.slice(shownNotes).map((n) => `- ${n}`).join("\n")}` : "";
  const used = estimateTokens([{ role: "system", content: system }, { role: "user", content: task }, ...history, { role: "user", content: listPart + report.text + notesPart }]);
  const room = Math.max(NOTE_MIN_CHARS, Math.floor((TARGET_PROMPT_TOKENS - used) * 3.5));
  const files = workingFiles(state, visibleTexts(state, window), room);
  const parts = [listPart, files.text, report.text, notesPart].filter(Boolean);
  const messages: ChatMessage[] = [{ role: "system", content: system }, { role: "user", content: task }, ...history];
  if (parts.length === 0) return messages;
  const content = parts.join("\n\n");
  state.history.push({ kind: "note", seq: nextSeq, content, shows: { files: files.shows, fileList: list, notes: state.notes.length, ...(report.iteration ? { reportIteration: report.iteration } : {}) } });
  return [...messages, { role: "user", content }];
}
