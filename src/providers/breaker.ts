// Circuit breaker per model: after N consecutive failures the model is skipped for a cool-down,
// then one trial request decides whether it is healthy again (closed) or stays open.

export type BreakerState = "closed" | "open" | "half-open";

export interface BreakerOptions {
  /** Consecutive failures that open the breaker. */
  failureThreshold: number;
  cooldownMs: number;
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;

  constructor(
    readonly modelId: string,
    private readonly options: BreakerOptions,
    private readonly now: () => number,
  ) {}

  get state(): BreakerState {
    if (this.openedAt === undefined) return "closed";
    return this.now() - this.openedAt >= this.options.cooldownMs ? "half-open" : "open";
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  /** Milliseconds until an open breaker lets a trial through; 0 when it would now. */
  get retryInMs(): number {
    return this.openedAt === undefined ? 0 : Math.max(0, this.openedAt + this.options.cooldownMs - this.now());
  }

  /** Whether a request may go to this model now; in half-open only one trial at a time. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === "closed") return true;
    if (state === "open" || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.trialInFlight = false;
  }

  failure(): void {
    this.failures++;
    // A failed trial re-opens at once; otherwise the threshold decides.
    if (this.trialInFlight || this.failures >= this.options.failureThreshold) this.openedAt = this.now();
    this.trialInFlight = false;
  }

  /** Opens at once: for failures that will not heal by retrying (rejected key, unknown model). */
  trip(): void {
    this.failures = Math.max(this.failures + 1, this.options.failureThreshold);
    this.openedAt = this.now();
    this.trialInFlight = false;
  }

  /** Ends a request that says nothing about the model's health (cancelled by the user). */
  release(): void {
    this.trialInFlight = false;
  }
}
