import { describe, expect, it } from "vitest";
import { HeartbeatWatch, TICK_MS } from "../../src/runtime/heartbeat-watch";

/** Ticks every `every` ms from `from` for `forMs`, returning the last verdict. */
function run(watch: HeartbeatWatch, from: number, forMs: number, every: number, limit: number) {
  let verdict = "alive";
  for (let t = from + every; t <= from + forMs; t += every) verdict = watch.tick(t, limit);
  return verdict;
}

describe("the heartbeat watchdog", () => {
  it("calls a page frozen after the limit of silence while the IDE's own ticks are on time", () => {
    const watch = new HeartbeatWatch(0);
    expect(run(watch, 0, 2000, TICK_MS, 2000)).toBe("alive");
    expect(watch.tick(2250, 2000)).toBe("frozen");
  });

  it("does not count the time the IDE itself was starved: a 5 s stall adds half a second of silence", () => {
    const watch = new HeartbeatWatch(0);
    expect(watch.tick(5000, 2000)).toBe("alive");
    expect(watch.silence).toBe(2 * TICK_MS);
  });

  it("on a busy machine (late ticks) says busy, not frozen, and waits up to three times the limit", () => {
    const watch = new HeartbeatWatch(0);
    // Every tick 600 ms late: each adds 500 ms of silence.
    expect(run(watch, 0, 2 * 850, 850, 2000)).toBe("alive");
    expect(run(watch, 1700, 3 * 850, 850, 2000)).toBe("busy");
    expect(run(watch, 1700 + 3 * 850, 9 * 850, 850, 2000)).toBe("frozen");
    expect(watch.silence).toBeGreaterThan(6000);
  });

  it("starts over whenever the page is heard", () => {
    const watch = new HeartbeatWatch(0);
    run(watch, 0, 1750, TICK_MS, 2000);
    watch.heard();
    expect(run(watch, 1750, 2000, TICK_MS, 2000)).toBe("alive");
  });
});
