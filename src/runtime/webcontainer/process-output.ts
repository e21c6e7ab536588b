// Streams a WebContainer process's terminal output to the IDE and keeps its last lines, so a
// failed `npm install` can be explained with what npm said.

import type { WebContainerProcess } from "./boundary";

// CSI and OSC escape sequences (colours, cursor moves, window titles) that terminals interpret.
// eslint-disable-next-line no-control-regex -- matching those control characters is the point
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-_]/g;

export class OutputTail {
  private lines: string[] = [];
  private partial = "";

  constructor(private readonly keep = 12) {}

  push(chunk: string) {
    const text = this.partial + chunk.replace(ESCAPES, "");
    const parts = text.split(/\r?\n/);
    this.partial = parts.pop() ?? "";
    for (const part of parts) this.add(part);
  }

  /** The last non-empty lines, spinner redraws (\r) collapsed to what was finally shown. */
  last(): string[] {
    const pending = visible(this.partial);
    return pending ? [...this.lines, pending].slice(-this.keep) : [...this.lines];
  }

  private add(raw: string) {
    const line = visible(raw);
    if (!line) return;
    this.lines.push(line);
    if (this.lines.length > this.keep) this.lines.shift();
  }
}

function visible(raw: string): string {
  const redraws = raw.split("\r");
  return (redraws.filter((s) => s.trim()).pop() ?? "").trimEnd();
}

/** Copies the process output to `onChunk` and `tail` until the stream ends. */
export async function pipeOutput(process: WebContainerProcess, tail: OutputTail, onChunk?: (chunk: string) => void): Promise<void> {
  const reader = process.output.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      tail.push(value);
      onChunk?.(value);
    }
  } finally {
    reader.releaseLock();
  }
}
