// A file change as the chat shows it: the changed middle of the file (common head and tail
// trimmed) in removed/added lines, capped so a whole new file does not flood the chat.

import { countLineChanges } from "../../agent";
import type { FileDiff } from "../../state";

const MAX_LINES = 60;

interface Hunk {
  startLine: number;
  removed: string[];
  added: string[];
}

function hunkOf(before: string, after: string): Hunk {
  const a = before.split("\n");
  const b = after.split("\n");
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { startLine: head + 1, removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

export function diffStats(diff: FileDiff): string {
  if (diff.after === null) return "deleted";
  if (diff.before === null) return `new, ${diff.after.split("\n").length} lines`;
  const { added, removed } = countLineChanges(diff.before, diff.after);
  return `+${added} −${removed}`;
}

export function DiffView({ diff }: { diff: FileDiff }) {
  if (diff.after === null) return <div className="diff-note">{diff.path} was deleted.</div>;
  const hunk = diff.before === null ? { startLine: 1, removed: [], added: diff.after.split("\n") } : hunkOf(diff.before, diff.after);
  const lines = [...hunk.removed.map((text) => ({ sign: "−", text })), ...hunk.added.map((text) => ({ sign: "+", text }))];
  const shown = lines.slice(0, MAX_LINES);
  return (
    <div className="diff" data-testid="diff" data-path={diff.path}>
      <div className="diff-head">
        {diff.path} <span>line {hunk.startLine}</span>
      </div>
      <pre>
        {shown.map((line, i) => (
          <div key={i} className={line.sign === "+" ? "diff-add" : "diff-del"}>
            {line.sign} {line.text}
          </div>
        ))}
        {lines.length > MAX_LINES && <div className="diff-more">… {lines.length - MAX_LINES} more lines (open the file in the editor)</div>}
      </pre>
    </div>
  );
}
