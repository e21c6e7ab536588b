// The heartbeat watchdog's arithmetic, apart from timers and pages so it can be tested with plain
// numbers: how long has the game page been silent while the IDE itself was awake to hear it?

/**
 * Until its first frame a game page gets this many times the heartbeat limit, in every runtime:
 * while Phaser is parsed and the game boots on a busy machine the page cannot beat (its scripts
 * hold its thread), and the IDE's on-time ticks cannot tell that the machine starves the page's
 * process. Real freezes in that phase are loops in top-level code or create(), which the loop
 * guard names anyway.
 */
export const BOOT_ALLOWANCE = 10;

/** The watchdog's own tick; a tick much later than this means the IDE's thread was starved. */
export const TICK_MS = 250;

export type WatchVerdict = "alive" | "busy" | "frozen";

/**
 * A tick that came late (the IDE was starved too: a busy machine, a throttled tab) adds at most
 * two ticks of silence. While the IDE's own ticks have been late within the last `limit` ms the
 * machine counts as busy: the page gets three times the limit, and "busy" comes before "frozen".
 */
export class HeartbeatWatch {
  private silentMs = 0;
  private lastTick: number;
  private lastLateTick = -Infinity;

  constructor(now: number) {
    this.lastTick = now;
  }

  /** The page said something (any valid message). */
  heard() {
    this.silentMs = 0;
  }

  get silence(): number {
    return this.silentMs;
  }

  tick(now: number, limit: number): WatchVerdict {
    const gap = now - this.lastTick;
    this.lastTick = now;
    if (gap > TICK_MS * 2) this.lastLateTick = now;
    this.silentMs += Math.min(gap, TICK_MS * 2);
    if (this.silentMs <= limit) return "alive";
    const busy = now - this.lastLateTick < limit;
    return busy && this.silentMs <= limit * 3 ? "busy" : "frozen";
  }
}
