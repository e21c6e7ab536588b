// Small local models often answer with code in fenced blocks instead of calling write_file.
// A block that names its file path becomes a synthesized write_file call, so the code gets written.

import type { ToolCall } from "./types";

export interface FencedFile {
  path: string;
  content: string;
}

const FENCE = /^(`{3,}|~{3,})(.*)$/;
// A relative POSIX path with an extension; the project's writeFile validates it again.
const PATH = /^(?!\/)(?!.*\.\.)[\w@.-]+(?:\/[\w@.-]+)*\.[A-Za-z0-9]+$/;

/**
 * Finds fenced blocks that name their path in the info string (```ts src/scenes/Play.ts), in a
 * first-line comment (// src/scenes/Play.ts), or on the line just before the block
 * (File: src/x.ts, ### src/x.ts, **src/x.ts**). Unterminated blocks are skipped: the answer was
 * cut off and writing them would leave a half file. A path written twice keeps its last block.
 */
export function findFencedFiles(text: string): FencedFile[] {
  const lines = text.split(/\r?\n/);
  const files = new Map<string, string>();
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!.trimEnd());
    if (!open) continue;
    const fence = open[1]!;
    const close = lines.findIndex((line, j) => j > i && line.trim().startsWith(fence[0]!.repeat(fence.length)) && line.trim().replace(/[`~]/g, "") === "");
    if (close < 0) break;
    const body = lines.slice(i + 1, close);
    const named = pathFromInfo(open[2]!) ?? pathFromFirstLine(body[0]) ?? pathFromLineBefore(lines, i);
    if (named) {
      const content = (named.fromFirstLine ? body.slice(1) : body).join("\n");
      files.delete(named.path);
      files.set(named.path, content.endsWith("\n") ? content : content + "\n");
    }
    i = close;
  }
  return [...files].map(([path, content]) => ({ path, content }));
}

/** write_file calls for the named blocks, with ids that cannot collide with the model's own. */
export function fencedWriteCalls(text: string): ToolCall[] {
  return findFencedFiles(text).map((file, i) => ({
    id: `fenced_${i}_${file.path.replace(/[^\w]/g, "_")}`,
    type: "function",
    function: { name: "write_file", arguments: JSON.stringify(file) },
  }));
}

type Named = { path: string; fromFirstLine: boolean };

function asPath(candidate: string | undefined): string | undefined {
  const cleaned = candidate?.trim().replace(/^\.\//, "").replace(/^[`*"']+|[`*"':]+$/g, "");
  return cleaned && PATH.test(cleaned) ? cleaned : undefined;
}

// ```ts src/a.ts  |  ```src/a.ts  |  ```ts:src/a.ts  |  ```ts title="src/a.ts"
function pathFromInfo(info: string): Named | undefined {
  const title = /(?:title|file|filename|path)=["']?([^"'\s]+)/.exec(info);
  const words = info.trim().split(/[\s:]+/);
  const path = asPath(title?.[1]) ?? words.map(asPath).find(Boolean);
  return path ? { path, fromFirstLine: false } : undefined;
}

// // src/a.ts  |  // File: src/a.ts  |  /* src/a.ts */  |  <!-- index.html -->  |  # src/a.py
function pathFromFirstLine(line: string | undefined): Named | undefined {
  const match = /^\s*(?:\/\/|\/\*|<!--|#)\s*(?:file(?:name)?:\s*)?(\S+)\s*(?:\*\/|-->)?\s*$/i.exec(line ?? "");
  const path = asPath(match?.[1]);
  return path ? { path, fromFirstLine: true } : undefined;
}

// File: src/a.ts  |  **src/a.ts**  |  ### `src/a.ts`  |  src/a.ts:   (skipping one blank line)
function pathFromLineBefore(lines: string[], fenceIndex: number): Named | undefined {
  let j = fenceIndex - 1;
  if (j >= 0 && lines[j]!.trim() === "") j--;
  if (j < 0) return undefined;
  const match = /^\s*(?:#{1,6}\s*)?(?:[-*]\s+)?(?:\*\*)?(?:file(?:name)?|path)?\s*:?\s*(?:\*\*)?\s*`?([^\s`*]+)`?(?:\*\*)?\s*:?\s*$/i.exec(lines[j]!);
  const path = asPath(match?.[1]);
  return path ? { path, fromFirstLine: false } : undefined;
}
