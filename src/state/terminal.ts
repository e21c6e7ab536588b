// The WebContainer runtime's terminal output (npm install, Vite; escape codes included), kept so a
// terminal view opened later shows what happened, and passed on live to the views that are open.

/** Characters of output kept: the last ~200 KB. */
export const TERMINAL_LOG_LIMIT = 200_000;

export interface TerminalLog {
  /** Adds output as the runtime printed it. */
  append(chunk: string): void;
  /** The kept output: at most the limit, starting at the beginning of a line once older output was dropped. */
  read(): string;
  /** Calls `listener` with each chunk appended from now on; returns the unsubscribe. */
  subscribe(listener: (chunk: string) => void): () => void;
}

export function createTerminalLog(limit = TERMINAL_LOG_LIMIT): TerminalLog {
  let kept = "";
  let dropped = false;
  const listeners = new Set<(chunk: string) => void>();
  return {
    append(chunk) {
      kept += chunk;
      // Trim with some slack, so a flood of small chunks does not copy the whole log for each.
      if (kept.length > limit + limit / 4) {
        kept = kept.slice(kept.length - limit);
        dropped = true;
      }
      for (const listener of listeners) listener(chunk);
    },
    read() {
      if (!dropped && kept.length <= limit) return kept;
      const tail = kept.slice(kept.length - limit);
      // A cut mid-line could also cut an escape sequence in two; start at the next whole line.
      const lineStart = tail.indexOf("\n") + 1;
      return lineStart > 0 ? tail.slice(lineStart) : tail;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
