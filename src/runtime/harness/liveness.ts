// Harness part: the loop guard (transpiled loops call __pfLoop; a loop that spins past the limit
// while the page makes no progress is stopped and named) and the heartbeat the IDE's watchdog
// listens for. Serialised with toString: self-contained.

import type { HarnessContext } from "./context";

/* eslint-disable @typescript-eslint/no-explicit-any */
export function installLiveness(h: HarnessContext): void {
  const { config } = h;
  h.lastProgress = h.realNow();
  let guardCalls = 0;
  h.w.__pfLoop = (id: number) => {
    if ((++guardCalls & 1023) !== 0) return true;
    if (h.realNow() - h.lastProgress < config.loopLimitMs) return true;
    h.lastProgress = h.realNow();
    const where = config.loops[id];
    const error = new Error(`The game froze: a loop at ${where ? `${where.file}:${where.line}` : "an unknown place"} ran for over ${Math.round(config.loopLimitMs / 1000)} s without finishing. Check its exit condition.`) as any;
    error.name = "InfiniteLoopError";
    error.__pfKind = "loop";
    error.__pfLocation = where;
    h.reportError("loop", error);
    throw error;
  };
  // Any turn of the event loop is progress: only code that never yields runs into the guard.
  h.realSetInterval(() => {
    h.lastProgress = h.realNow();
  }, 100);

  h.lastBeat = 0;
  h.heartbeat = () => {
    h.lastBeat = h.realNow();
    h.post({ type: "heartbeat", frame: h.frame, virtualMs: Math.round(h.vnow) });
  };
  h.realSetInterval(h.heartbeat, 250);
}
