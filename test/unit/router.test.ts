// Router: roles, failover order, retries with back-off and Retry-After, timeouts, circuit breakers, cost.

import { afterEach, describe, expect, it } from "vitest";
import { createRouter, FailoverError, ProviderError, type Clock, type ModelRef, type RetryInfo, type RouterOptions } from "../../src/providers";
import { startFakeLlm, type FakeLlm, type FakeStep } from "../fake-llm";

let fake: FakeLlm | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** Virtual time: sleeping advances `now` at once and is recorded. */
function fakeClock() {
  const clock = {
    t: 0,
    slept: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      clock.t += ms;
    },
  };
  return clock satisfies Clock;
}

const ask = { messages: [{ role: "user" as const, content: "fix the jump" }] };

/** One fake server; each model id gets its own behaviour, chosen per request. */
async function serve(behaviour: Record<string, (n: number) => FakeStep>) {
  const counts: Record<string, number> = {};
  fake = await startFakeLlm((req) => {
    const model = String(req.body.model);
    counts[model] = (counts[model] ?? 0) + 1;
    return behaviour[model]!(counts[model]!);
  });
  return (model: string, extra: Partial<Extract<ModelRef, { model: string }>> = {}): ModelRef => ({ baseURL: fake!.url, model, ...extra });
}

const modelsRequested = () => fake!.requests.map((r) => r.body.model);
const ok = (content = "ok"): FakeStep => ({ reply: { content }, usage: { prompt_tokens: 1000, completion_tokens: 500 } });

function router(options: Omit<RouterOptions, "clock">, clock = fakeClock()) {
  return { router: createRouter({ backoff: { baseMs: 100, maxMs: 5_000 }, ...options, clock }), clock };
}

describe("role assignment", () => {
  it("sends new games to build, small fixes to fix, large fixes to build and anything visual to judge", async () => {
    const ref = await serve({ strong: () => ok(), cheap: () => ok(), eyes: () => ok() });
    const { router: r } = router({ roles: { build: [ref("strong")], fix: [ref("cheap")], judge: [ref("eyes", { supportsVision: true })] } });
    expect(r.pickRole({ kind: "build" })).toBe("build");
    expect(r.pickRole({ kind: "fix", errorCount: 1, filesChanged: 1 })).toBe("fix");
    expect(r.pickRole({ kind: "fix", errorCount: 9, filesChanged: 1 })).toBe("build");
    expect(r.pickRole({ kind: "fix", errorCount: 1, filesChanged: 6 })).toBe("build");
    expect(r.pickRole({ kind: "judge" })).toBe("judge");
    expect(r.pickRole({ kind: "fix", errorCount: 1, needsVision: true })).toBe("judge");
    await r.forRole("fix").complete(ask);
    await r.forRole("judge").complete(ask);
    expect(modelsRequested()).toEqual(["cheap", "eyes"]);
    expect(r.forRole("judge").supportsVision).toBe(true);
  });

  it("falls back to the build chain for a role with no models", async () => {
    const ref = await serve({ strong: () => ok() });
    const { router: r } = router({ roles: { build: [ref("strong")] } });
    expect(r.pickRole({ kind: "fix", errorCount: 1 })).toBe("build");
    expect(r.pickRole({ kind: "judge" })).toBe("build");
    const result = await r.forRole("fix").complete(ask);
    expect(result.model).toBe("custom:strong");
  });

  it("tries vision models first when the request carries an image", async () => {
    const ref = await serve({ blind: () => ok(), eyes: () => ok() });
    const { router: r } = router({ roles: { build: [], judge: [ref("blind", { supportsVision: false }), ref("eyes", { supportsVision: true })] } });
    const image = { type: "image_url" as const, image_url: { url: "data:image/png;base64,AAAA" } };
    await r.forRole("judge").complete({ messages: [{ role: "user", content: [{ type: "text", text: "is it fun?" }, image] }] });
    await r.forRole("judge").complete(ask);
    expect(modelsRequested()).toEqual(["eyes", "blind"]);
  });
});

describe("failover and retries", () => {
  it("retries a failing model with exponential back-off, then fails over to the next in order", async () => {
    const ref = await serve({ a: () => ({ fault: "500" }), b: () => ({ fault: "cut-stream" }), c: () => ok("from c") });
    const { router: r, clock } = router({ roles: { build: [ref("a"), ref("b"), ref("c")] }, retries: 2 });
    const retries: RetryInfo[] = [];
    const result = await r.forRole("build").complete({ ...ask, onRetry: (info) => retries.push(info) });
    expect(result.message.content).toBe("from c");
    expect(result.model).toBe("custom:c");
    expect(modelsRequested()).toEqual(["a", "a", "a", "b", "b", "b", "c"]);
    expect(clock.slept).toEqual([100, 200, 100, 200]);
    expect(retries.map((i) => `${i.failedModel}→${i.nextModel}`)).toEqual([
      "custom:a→custom:a",
      "custom:a→custom:a",
      "custom:a→custom:b",
      "custom:b→custom:b",
      "custom:b→custom:b",
      "custom:b→custom:c",
    ]);
    expect(retries[0]!.reason).toContain("HTTP 500");
  });

  it("never retries an auth failure or an unknown model on the same model, and skips it afterwards", async () => {
    const ref = await serve({ badkey: () => ({ fault: "401" }), gone: () => ({ fault: "404-model" }), good: () => ok() });
    const { router: r, clock } = router({ roles: { build: [ref("badkey"), ref("gone"), ref("good")] }, retries: 3 });
    await r.forRole("build").complete(ask);
    await r.forRole("build").complete(ask);
    expect(modelsRequested()).toEqual(["badkey", "gone", "good", "good"]);
    expect(clock.slept).toEqual([]);
    expect(r.breakers.get("custom:badkey")!.state).toBe("open");
  });

  it("waits as long as Retry-After says before retrying a rate-limited model", async () => {
    const ref = await serve({ a: (n) => (n === 1 ? { fault: "429", retryAfterSeconds: 3 } : ok()), b: () => ok() });
    const { router: r, clock } = router({ roles: { build: [ref("a"), ref("b")] } });
    const result = await r.forRole("build").complete(ask);
    expect(result.model).toBe("custom:a");
    expect(clock.slept).toEqual([3000]);
  });

  it("fails over at once when Retry-After is longer than the back-off limit, but waits on the last model", async () => {
    const ref = await serve({ a: () => ({ fault: "429", retryAfterSeconds: 60 }), b: (n) => (n === 1 ? { fault: "429", retryAfterSeconds: 60 } : ok()) });
    const { router: r, clock } = router({ roles: { build: [ref("a"), ref("b")] } });
    const result = await r.forRole("build").complete(ask);
    expect(result.model).toBe("custom:b");
    expect(modelsRequested()).toEqual(["a", "b", "b"]);
    expect(clock.slept).toEqual([60_000]);
  });

  it("times out a hanging model per request and fails over", async () => {
    const ref = await serve({ slow: () => ({ fault: "hang" }), fast: () => ok("fast") });
    // Long enough for the fast model's answer on a busy machine; the slow one never answers.
    const { router: r } = router({ roles: { build: [ref("slow"), ref("fast")] }, retries: 0, timeoutMs: 1500 });
    const retries: RetryInfo[] = [];
    const result = await r.forRole("build").complete({ ...ask, onRetry: (i) => retries.push(i) });
    expect(result.message.content).toBe("fast");
    expect(retries[0]!.reason).toMatch(/did not answer in time for model "slow": no complete answer within 1500 ms/);
  });

  it("stops at once, without failover, when the caller cancels", async () => {
    const ref = await serve({ slow: () => ({ fault: "hang" }), fast: () => ok() });
    const { router: r } = router({ roles: { build: [ref("slow"), ref("fast")] } });
    const controller = new AbortController();
    const asked = r.forRole("build").complete({ ...ask, signal: controller.signal });
    // Cancel once the slow model has the request (however long that takes on a busy machine).
    await expect.poll(() => modelsRequested(), { timeout: 10_000, interval: 20 }).toEqual(["slow"]);
    controller.abort(new Error("stopped by user"));
    await expect(asked).rejects.toThrow("stopped by user");
    expect(modelsRequested()).toEqual(["slow"]);
    expect(r.breakers.get("custom:slow")!.state).toBe("closed");
  });

  it("throws a FailoverError naming every failed attempt when the whole chain fails", async () => {
    const ref = await serve({ a: () => ({ fault: "500" }), b: () => ({ fault: "context-too-long" }) });
    const { router: r } = router({ roles: { build: [ref("a"), ref("b")] }, retries: 0 });
    const err = await r.forRole("build").complete(ask).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FailoverError);
    expect(err).toBeInstanceOf(ProviderError);
    const failover = err as FailoverError;
    expect(failover.attempts.map((a) => a.kind)).toEqual(["server", "context-too-long"]);
    expect(failover.kind).toBe("context-too-long");
    expect(failover.message).toContain('model "a" (HTTP 500)');
    expect(failover.message).toContain('model "b" (HTTP 400)');
  });
});

describe("circuit breaker", () => {
  it("opens after N consecutive failures, skips the model during the cool-down, and closes after a successful trial", async () => {
    let healthy = false;
    const ref = await serve({ flaky: () => (healthy ? ok("flaky ok") : { fault: "500" }), spare: () => ok("spare") });
    const { router: r, clock } = router({ roles: { build: [ref("flaky"), ref("spare")] }, retries: 0, breaker: { failureThreshold: 2, cooldownMs: 10_000 } });
    const breaker = r.breakers.get("custom:flaky")!;
    const build = r.forRole("build");

    await build.complete(ask);
    expect(breaker.state).toBe("closed");
    await build.complete(ask);
    expect(breaker.state).toBe("open");
    await build.complete(ask);
    expect(modelsRequested()).toEqual(["flaky", "spare", "flaky", "spare", "spare"]);

    clock.t += 10_000;
    expect(breaker.state).toBe("half-open");
    healthy = true;
    const result = await build.complete(ask);
    expect(result.message.content).toBe("flaky ok");
    expect(breaker.state).toBe("closed");
    expect(breaker.consecutiveFailures).toBe(0);
  });

  it("re-opens at once when the half-open trial fails", async () => {
    const ref = await serve({ flaky: () => ({ fault: "500" }), spare: () => ok() });
    const { router: r, clock } = router({ roles: { build: [ref("flaky"), ref("spare")] }, retries: 0, breaker: { failureThreshold: 1, cooldownMs: 5_000 } });
    const breaker = r.breakers.get("custom:flaky")!;
    await r.forRole("build").complete(ask);
    clock.t += 5_000;
    await r.forRole("build").complete(ask);
    expect(breaker.state).toBe("open");
    expect(breaker.retryInMs).toBe(5_000);
  });

  it("reports every model paused, with the wait, without sending a request", async () => {
    const ref = await serve({ only: () => ({ fault: "500" }) });
    const { router: r, clock } = router({ roles: { build: [ref("only")] }, retries: 0, breaker: { failureThreshold: 1, cooldownMs: 20_000 } });
    await r.forRole("build").complete(ask).catch(() => undefined);
    clock.t += 5_000;
    const err = (await r.forRole("build").complete(ask).catch((e: unknown) => e)) as FailoverError;
    expect(fake!.requests).toHaveLength(1);
    expect(err).toBeInstanceOf(FailoverError);
    expect(err.message).toContain("custom:only (next try in 15 s)");
    expect(err.retryAfterMs).toBe(15_000);
    expect(err.retryable).toBe(true);
  });
});

describe("cost meter", () => {
  it("sums tokens × price per model and overall, re-prices on edit, and notifies subscribers live", async () => {
    const ref = await serve({ a: (n) => (n === 1 ? { fault: "500" } : ok()), b: () => ok(), free: () => ok() });
    const { router: r } = router({
      roles: { build: [ref("a")], fix: [ref("b")], judge: [ref("free")] },
      prices: { "custom:a": { prompt: 2, completion: 8 }, b: { prompt: 0.5, completion: 1 } },
    });
    const seen: number[] = [];
    const unsubscribe = r.meter.subscribe((t) => seen.push(t.overall.usd));
    await r.forRole("build").complete(ask); // one failed attempt (unmetered) then 1000 + 500 tokens
    await r.forRole("fix").complete(ask);
    await r.forRole("fix").complete(ask);
    await r.forRole("judge").complete(ask);

    const totals = r.meter.totals();
    expect(totals.perModel["custom:a"]).toMatchObject({ calls: 1, promptTokens: 1000, completionTokens: 500, usd: 0.006, priced: true });
    expect(totals.perModel["custom:b"]).toMatchObject({ calls: 2, promptTokens: 2000, completionTokens: 1000, usd: 0.002 });
    expect(totals.perModel["custom:free"]).toMatchObject({ usd: 0, priced: false });
    expect(totals.overall).toMatchObject({ calls: 4, promptTokens: 4000, completionTokens: 2000, unpricedModels: ["custom:free"] });
    expect(totals.overall.usd).toBeCloseTo(0.008, 10);
    expect(seen).toHaveLength(4);

    r.meter.setPrice("free", { prompt: 10, completion: 0 });
    expect(seen[seen.length - 1]).toBeCloseTo(0.018, 10);
    unsubscribe();
    r.meter.reset();
    expect(seen).toHaveLength(5);
    expect(r.meter.totals().overall.usd).toBe(0);
  });
});
