// Harness part: the loop guard (transpiled loops call __pfLoop; a loop that spins past the limit
// while the page makes no progress is stopped and named) and the heartbeat the IDE's watchdog
// listens for. Serialised with toString: self-contained.

import type { HarnessContext } from "./context";

/* eslint-disable @typescript-eslint/no-explicit-any */
export function installLiveness(h: HarnessContext): void {
  const { config } = h;
  // Inside the function: the harness part is serialised with toString.
  const MAX_GAP_MS = 500;
  h.lastProgress = h.realNow();
  let guardCalls = 0;
  /** Real ms the page has spun in guarded loops since it last made progress. */
  let spun = 0;
  let lastCheck = h.realNow();
  h.w.__pfLoop = (id: number) => {
    if ((++guardCalls & 1023) !== 0) return true;
    const now = h.realNow();
    // A long gap between two checks is the machine not running the page (a busy classroom laptop)
    // or a slow loop body, not spinning: it counts as at most MAX_GAP_MS, so a starved page is not
    // called a stuck loop. A loop that spins still reaches the limit in about its real time.
    const since = Math.max(lastCheck, h.lastProgress);
    if (h.lastProgress > lastCheck) spun = 0;
    spun += Math.min(now - since, MAX_GAP_MS);
    lastCheck = now;
    if (spun < config.loopLimitMs) return true;
    h.lastProgress = now;
    spun = 0;
    const where = config.loops[id];
    const seconds = Math.round(config.loopLimitMs / 100) / 10;
    const error = new Error(`The game froze: a loop at ${where ? `${where.file}:${where.line}` : "an unknown place"} ran for over ${seconds} s without finishing. Check its exit condition.`) as any;
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
