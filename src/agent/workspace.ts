// The file tools: list, read, write, edit (search/replace), delete. Every change goes through
// project/files.ts, so a rejected write leaves the project exactly as it was.

import { deleteFile, formatBytes, validatePath, writeFile, type ProjectFiles } from "../project";
import { ToolError } from "./tools";

export interface FileChange {
  files: ProjectFiles;
  path: string;
  before: string | null;
  after: string | null;
  result: string;
}

const READ_LIMIT_CHARS = 40_000;

function lineCount(text: string): number {
  return text === "" ? 0 : text.split("\n").length;
}

function lineOfOffset(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

/** Turns project/files.ts errors into tool errors that keep their precise message. */
function guarded<T>(tool: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ToolError) throw error;
    throw new ToolError(tool, `${(error as Error).message}. Nothing was changed.`);
  }
}

function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const set = new Set<string>();
    const t = s.trim().toLowerCase();
    for (let i = 0; i < t.length - 1; i++) set.add(t.slice(i, i + 2));
    return set;
  };
  const ga = grams(a);
  const gb = grams(b);
  if (ga.size === 0 || gb.size === 0) return 0;
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return (2 * shared) / (ga.size + gb.size);
}

function closestPath(files: ProjectFiles, path: string): string {
  const best = Object.keys(files)
    .map((candidate) => ({ candidate, score: similarity(candidate, path) }))
    .sort((a, b) => b.score - a.score)[0];
  return best && best.score > 0.4 ? ` Did you mean ${best.candidate}?` : "";
}

function textOf(files: ProjectFiles, tool: string, rawPath: string): { path: string; text: string } {
  const path = guarded(tool, () => validatePath(rawPath));
  const content = files[path];
  if (content === undefined) {
    throw new ToolError(tool, `${path} does not exist.${closestPath(files, path)} Call list_files to see the project.`);
  }
  if (typeof content !== "string") {
    throw new ToolError(tool, `${path} is a binary file (${formatBytes(content.byteLength)}); only text files can be read or edited.`);
  }
  return { path, text: content };
}

/** Largest middle (lines × lines) diffed exactly; beyond it the whole middle counts as changed. */
const EXACT_DIFF_CELLS = 4_000_000;

/**
 * Lines added and removed between two texts, by the longest common subsequence: a moved line
 * counts as one removed and one added, and an unchanged head and tail cost nothing.
 */
export function countLineChanges(before: string | null, after: string | null): { added: number; removed: number } {
  const a = before === null || before === "" ? [] : before.split("\n");
  const b = after === null || after === "" ? [] : after.split("\n");
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  if (x.length * y.length > EXACT_DIFF_CELLS) return { added: y.length, removed: x.length };
  let row = new Uint32Array(y.length + 1);
  for (const line of x) {
    const next = new Uint32Array(y.length + 1);
    for (let j = 0; j < y.length; j++) next[j + 1] = line === y[j] ? row[j] + 1 : Math.max(row[j + 1], next[j]);
    row = next;
  }
  const common = row[y.length];
  return { added: y.length - common, removed: x.length - common };
}

export function listFiles(files: ProjectFiles): string {
  const paths = Object.keys(files).sort();
  if (paths.length === 0) return "The project is empty.";
  return paths
    .map((path) => {
      const content = files[path];
      return typeof content === "string" ? `${path} (${lineCount(content)} lines)` : `${path} (binary, ${formatBytes(content.byteLength)})`;
    })
    .join("\n");
}

export function readFile(files: ProjectFiles, rawPath: string): { path: string; text: string } {
  const { path, text } = textOf(files, "read_file", rawPath);
  if (text.length <= READ_LIMIT_CHARS) return { path, text };
  return { path, text: `${text.slice(0, READ_LIMIT_CHARS)}\n… (${path} continues for ${text.length - READ_LIMIT_CHARS} more characters; edit it in parts)` };
}

export function writeProjectFile(files: ProjectFiles, rawPath: string, content: string): FileChange {
  const next = guarded("write_file", () => writeFile(files, rawPath, content));
  const path = validatePath(rawPath);
  const before = files[path];
  const beforeText = before === undefined ? null : typeof before === "string" ? before : `(binary, ${formatBytes(before.byteLength)})`;
  const verb = before === undefined ? "Created" : "Wrote";
  return { files: next, path, before: beforeText, after: content, result: `${verb} ${path} (${lineCount(content)} lines).` };
}

export function deleteProjectFile(files: ProjectFiles, rawPath: string): FileChange {
  const path = guarded("delete_file", () => validatePath(rawPath));
  if (!(path in files)) throw new ToolError("delete_file", `${path} does not exist.${closestPath(files, path)}`);
  const before = files[path];
  const next = guarded("delete_file", () => deleteFile(files, path));
  return { files: next, path, before: typeof before === "string" ? before : `(binary, ${formatBytes(before.byteLength)})`, after: null, result: `Deleted ${path}.` };
}

/** Finds the file line that looks most like the first meaningful line of the search text. */
function closestLine(text: string, search: string): string {
  const probe = search.split("\n").find((line) => line.trim() !== "") ?? search;
  const lines = text.split("\n");
  let best = { index: -1, score: 0 };
  lines.forEach((line, index) => {
    const score = similarity(line, probe);
    if (score > best.score) best = { index, score };
  });
  if (best.index < 0 || best.score < 0.3) return "No line of the file looks like it; read_file to see the current text.";
  return `The closest line is ${best.index + 1}: ${JSON.stringify(lines[best.index].trim())}. Copy the search text exactly from the current file.`;
}

function occurrences(text: string, search: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(search); at !== -1; at = text.indexOf(search, at + 1)) found.push(at);
  return found;
}

/**
 * Finds `search` line by line ignoring leading/trailing whitespace, because models often get
 * indentation wrong; returns the character range only when exactly one place matches.
 */
function looseRange(text: string, search: string): { start: number; end: number } | null {
  const want = search.split("\n").map((line) => line.trim());
  while (want.length > 0 && want[want.length - 1] === "") want.pop();
  while (want.length > 0 && want[0] === "") want.shift();
  if (want.length === 0) return null;
  const lines = text.split("\n");
  const starts: number[] = [];
  for (let i = 0; i + want.length <= lines.length; i++) {
    if (want.every((line, k) => lines[i + k].trim() === line)) starts.push(i);
  }
  if (starts.length !== 1) return null;
  const offsetOfLine = (n: number) => lines.slice(0, n).reduce((sum, line) => sum + line.length + 1, 0);
  const start = offsetOfLine(starts[0]);
  const end = offsetOfLine(starts[0] + want.length) - 1;
  return { start, end };
}

export function editProjectFile(files: ProjectFiles, rawPath: string, search: string, replace: string): FileChange {
  const { path, text } = textOf(files, "edit_file", rawPath);
  if (search === "") throw new ToolError("edit_file", `edit_file on ${path}: "search" is empty. Put the exact text to replace in "search", or use write_file for a whole new file.`);
  if (search === replace) throw new ToolError("edit_file", `edit_file on ${path}: "search" and "replace" are the same, so nothing would change.`);
  const found = occurrences(text, search);
  let after: string;
  let start: number;
  let note = "";
  if (found.length === 1) {
    start = found[0];
    after = text.slice(0, start) + replace + text.slice(start + search.length);
  } else if (found.length > 1) {
    const lines = found.map((at) => lineOfOffset(text, at)).join(", ");
    throw new ToolError("edit_file", `edit_file on ${path}: the search text occurs ${found.length} times (lines ${lines}). Include more surrounding lines so it matches exactly one place. Nothing was changed.`);
  } else {
    const range = looseRange(text, search);
    if (!range) throw new ToolError("edit_file", `edit_file on ${path}: the search text was not found. ${closestLine(text, search)} Nothing was changed.`);
    start = range.start;
    after = text.slice(0, start) + replace + text.slice(range.end);
    note = " (matched ignoring indentation; check the indentation of the replacement)";
  }
  const next = guarded("edit_file", () => writeFile(files, path, after));
  return { files: next, path, before: text, after, result: `Edited ${path} at line ${lineOfOffset(after, start)}${note}; it now has ${lineCount(after)} lines.` };
}
