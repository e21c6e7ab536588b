// The loop guard stops a loop that spins past the limit and names it, but a page the machine did
// not run for a while (a busy classroom laptop) is not a stuck loop.
import { describe, expect, it } from "vitest";
import { installLiveness } from "../../src/runtime/harness/liveness";
import type { HarnessContext } from "../../src/runtime/harness/context";

/** A harness context with a clock the test moves; intervals never fire (the page never yields). */
function harness(loopLimitMs = 1500) {
  const clock = { now: 0 };
  const errors: string[] = [];
  const h = {
    config: { loopLimitMs, loops: [{ file: "src/scenes/Play.ts", line: 12 }] },
    w: {} as Record<string, unknown>,
    realNow: () => clock.now,
    realSetInterval: () => 0,
    post: () => undefined,
    reportError: (_kind: string, error: Error) => errors.push(error.message),
  } as unknown as HarnessContext & { w: { __pfLoop: (id: number) => boolean } };
  installLiveness(h);
  return { guard: h.w.__pfLoop, clock, errors };
}

/** Calls the guard `checks` times 1,024 calls apart, moving the clock `msPerCheck` before each. */
function spin(g: ReturnType<typeof harness>, checks: number, msPerCheck: number): void {
  for (let c = 0; c < checks; c++) {
    g.clock.now += msPerCheck;
    for (let i = 0; i < 1024; i++) g.guard(0);
  }
}

describe("the loop guard", () => {
  it("stops a loop that spins for the limit and names its file and line", () => {
    const g = harness();
    spin(g, 140, 10);
    expect(g.errors).toEqual([]);
    expect(() => spin(g, 20, 10)).toThrow("The game froze: a loop at src/scenes/Play.ts:12 ran for over 1.5 s without finishing");
  });

  it("does not call a page stuck because the machine did not run it for 5 s in the middle of a short loop", () => {
    const g = harness();
    spin(g, 2, 1);
    g.clock.now += 5_000;
    expect(() => spin(g, 3, 1)).not.toThrow();
    expect(g.errors).toEqual([]);
  });
});
