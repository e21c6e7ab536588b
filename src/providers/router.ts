// Router: a failover chain of models per role (build, fix, judge) with retries, back-off that
// honours Retry-After, a per-request timeout, a circuit breaker per model and a shared cost meter.

import { CircuitBreaker, type BreakerOptions } from "./breaker";
import { createCostMeter, type CostMeter, type PriceTable } from "./cost";
import { ProviderError, formatDuration } from "./errors";
import { createChatModel, type ProviderModelOptions } from "./create";
import type { ChatModel, CompletionRequest, CompletionResult, RequestTask } from "./types";

export type Role = "build" | "fix" | "judge";

/** A ready ChatModel (offline builder, fake, custom) or the options to build a provider's model. */
export type ModelRef = ChatModel | ProviderModelOptions;

export type Task = RequestTask;

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface RouterOptions {
  /** Models per role, strongest or preferred first; an empty role borrows the build chain. */
  roles: Partial<Record<Role, ModelRef[]>>;
  prices?: PriceTable;
  /** Extra attempts on the same model for retryable failures (default 2). */
  retries?: number;
  /** Exponential back-off: baseMs × 2^attempt, at most maxMs (defaults 500 ms, 8 s). */
  backoff?: { baseMs: number; maxMs: number };
  breaker?: BreakerOptions;
  /** Whole-request limit per attempt, including streaming (default 10 min; providers also stop endpoints that go silent). */
  timeoutMs?: number;
  /** Time source for back-off and breaker cool-downs; tests pass a fake one. */
  clock?: Clock;
}

export interface Router {
  forRole(role: Role): ChatModel;
  pickRole(task: Task): Role;
  /** One ChatModel for a whole run: each request goes to the role its `task` calls for (build without one). */
  routed(): ChatModel;
  /** True when the role has models of its own (not borrowed from build). */
  hasOwn(role: Role): boolean;
  meter: CostMeter;
  /** One breaker per model id, shared by every role that lists the model. */
  breakers: ReadonlyMap<string, CircuitBreaker>;
}

/** Thrown when every model in a role's chain failed or was paused; `attempts` holds each failure. */
export class FailoverError extends ProviderError {
  readonly attempts: ProviderError[];
  readonly role: Role;

  constructor(role: Role, attempts: ProviderError[], paused: CircuitBreaker[]) {
    const last = attempts[attempts.length - 1];
    const wait = paused.length ? Math.min(...paused.map((b) => b.retryInMs)) : undefined;
    super({
      provider: last?.provider ?? "router",
      model: last?.model ?? paused.map((b) => b.modelId).join(", "),
      kind: last?.kind ?? "server",
      status: last?.status,
      retryAfterMs: last?.retryAfterMs ?? wait,
    });
    this.name = "FailoverError";
    this.role = role;
    this.attempts = attempts;
    const pausedText = paused.length
      ? ` Paused after repeated failures: ${paused.map((b) => `${b.modelId} (next try in ${Math.ceil(b.retryInMs / 1000)} s)`).join(", ")}.`
      : "";
    const tried = attempts.map((a, i) => `${i + 1}) ${a.message}`).join(" ");
    this.message = `No ${role} model could answer.${pausedText}${tried ? ` ${tried}` : " Add another model to this role in Settings, or wait."}`;
  }
}

const SMALL_FIX = { maxErrors: 3, maxFiles: 2 };

// Failures that say something about the model's health; context-too-long and bad-request are
// about this request, and a model that answered them is reachable.
const HEALTH_FAILURES = new Set(["rate-limit", "server", "timeout", "network", "bad-response", "stream-cut"]);

// Failures that will repeat on every request until the user changes a setting: skip the model at once.
const CONFIG_FAILURES = new Set(["auth", "credit", "model-not-found"]);

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal!.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

export function createRouter(options: RouterOptions): Router {
  const clock = options.clock ?? realClock;
  const retries = options.retries ?? 2;
  const backoff = options.backoff ?? { baseMs: 500, maxMs: 8_000 };
  const breakerOptions = options.breaker ?? { failureThreshold: 3, cooldownMs: 30_000 };
  const timeoutMs = options.timeoutMs ?? 600_000;
  const meter = createCostMeter(options.prices);
  const breakers = new Map<string, CircuitBreaker>();

  const chains: Record<Role, ChatModel[]> = { build: [], fix: [], judge: [] };
  for (const role of ["build", "fix", "judge"] as const) {
    chains[role] = (options.roles[role] ?? []).map((ref) => ("complete" in ref ? ref : createChatModel(ref)));
    for (const model of chains[role]) {
      if (!breakers.has(model.id)) breakers.set(model.id, new CircuitBreaker(model.id, breakerOptions, clock.now));
    }
  }
  const chainFor = (role: Role) => (chains[role].length ? chains[role] : chains.build);

  async function attempt(model: ChatModel, request: CompletionRequest): Promise<CompletionResult> {
    const controller = new AbortController();
    const onAbort = () => controller.abort(request.signal?.reason);
    request.signal?.addEventListener("abort", onAbort, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Raced, not only signalled: a ChatModel that ignores its signal must not hang the run.
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const [provider, name] = splitId(model.id);
        reject(new ProviderError({ provider, model: name, kind: "timeout", detail: `no complete answer within ${formatDuration(timeoutMs)}` }));
        controller.abort();
      }, timeoutMs);
    });
    try {
      return await Promise.race([model.complete({ ...request, signal: controller.signal }), timeout]);
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener("abort", onAbort);
    }
  }

  async function run(role: Role, request: CompletionRequest): Promise<CompletionResult> {
    const chain = orderForRequest(chainFor(role), request);
    const attempts: ProviderError[] = [];
    const paused: CircuitBreaker[] = [];
    for (let m = 0; m < chain.length; m++) {
      const model = chain[m]!;
      const breaker = breakers.get(model.id)!;
      const next = chain[m + 1];
      for (let tryIndex = 0; ; tryIndex++) {
        if (!breaker.tryAcquire()) {
          paused.push(breaker);
          break;
        }
        try {
          const result = await attempt(model, request);
          breaker.success();
          meter.record(result.model, result.usage);
          return result;
        } catch (err) {
          if (request.signal?.aborted) {
            breaker.release();
            throw err;
          }
          const failure = asProviderError(err, model);
          attempts.push(failure);
          if (CONFIG_FAILURES.has(failure.kind)) breaker.trip();
          else if (HEALTH_FAILURES.has(failure.kind)) breaker.failure();
          else breaker.success();
          const delay = failure.retryAfterMs ?? Math.min(backoff.maxMs, backoff.baseMs * 2 ** tryIndex);
          // A long Retry-After is better spent on the next model, if there is one.
          const retryHere = failure.retryable && tryIndex < retries && breaker.state === "closed" && !(next && delay > backoff.maxMs);
          if (!retryHere) {
            if (next) request.onRetry?.({ failedModel: model.id, nextModel: next.id, reason: failure.message, delayMs: 0 });
            break;
          }
          request.onRetry?.({ failedModel: model.id, nextModel: model.id, reason: failure.message, delayMs: delay });
          await clock.sleep(delay, request.signal);
        }
      }
    }
    throw new FailoverError(role, attempts, paused);
  }

  function pickRole(task: Task): Role {
    let role: Role = "build";
    if (task.kind === "judge" || task.needsVision) role = "judge";
    else if (task.kind === "fix" && (task.errorCount ?? 1) <= SMALL_FIX.maxErrors && (task.filesChanged ?? 1) <= SMALL_FIX.maxFiles) role = "fix";
    return chains[role].length ? role : "build";
  }

  return {
    forRole(role) {
      const chain = chainFor(role);
      return {
        id: `router:${role}`,
        supportsVision: chain.some((m) => m.supportsVision),
        complete: (request) => run(role, request),
      };
    },
    pickRole,
    routed() {
      const build = chains.build;
      return {
        id: build[0]?.id ?? "router",
        supportsVision: build.some((m) => m.supportsVision),
        complete: (request) => run(pickRole(request.task ?? { kind: "build" }), request),
      };
    },
    hasOwn: (role) => chains[role].length > 0,
    meter,
    breakers,
  };
}

/** Requests carrying images go to vision models first; the order is otherwise kept. */
function orderForRequest(chain: ChatModel[], request: CompletionRequest): ChatModel[] {
  const hasImage = request.messages.some((m) => m.role === "user" && Array.isArray(m.content) && m.content.some((p) => p.type === "image_url"));
  return hasImage ? [...chain.filter((m) => m.supportsVision), ...chain.filter((m) => !m.supportsVision)] : chain;
}

function asProviderError(err: unknown, model: ChatModel): ProviderError {
  if (err instanceof ProviderError) return err;
  const [provider, name] = splitId(model.id);
  return new ProviderError({ provider, model: name, kind: "bad-response", detail: err instanceof Error ? err.message : String(err), cause: err });
}

function splitId(id: string): [string, string] {
  const at = id.indexOf(":");
  return at < 0 ? [id, id] : [id.slice(0, at), id.slice(at + 1)];
}
