// The user's hands on a running agent: pause/resume, steering messages, answers to questions and
// cancel. The loop consults it between steps; time spent waiting for the user is measured so it
// does not count against the wall-time budget.

export class AgentCancelledError extends Error {
  constructor() {
    super("The run was cancelled.");
    this.name = "AgentCancelledError";
  }
}

interface PendingQuestion {
  id: string;
  resolve: (answer: string) => void;
}

export class RunControls {
  readonly abort = new AbortController();
  private paused = false;
  private resumeWaiters: Array<() => void> = [];
  private steers: string[] = [];
  private question: PendingQuestion | null = null;
  private waitedMs = 0;

  constructor(external: AbortSignal | undefined, private readonly now: () => number) {
    if (external?.aborted) this.abort.abort();
    external?.addEventListener("abort", () => this.cancel(), { once: true });
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /** Milliseconds spent paused or waiting for answers. */
  get userWaitMs(): number {
    return this.waitedMs;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  cancel(): void {
    if (this.abort.signal.aborted) return;
    this.abort.abort(new AgentCancelledError());
    this.releaseResumeWaiters();
  }

  throwIfCancelled(): void {
    if (this.abort.signal.aborted) throw new AgentCancelledError();
  }

  pause(): boolean {
    if (this.paused || this.abort.signal.aborted) return false;
    this.paused = true;
    return true;
  }

  resume(): boolean {
    if (!this.paused) return false;
    this.paused = false;
    this.releaseResumeWaiters();
    return true;
  }

  /** Resolves at once when running; otherwise when resumed. Rejects when cancelled. */
  async waitWhilePaused(): Promise<void> {
    this.throwIfCancelled();
    if (!this.paused) return;
    const started = this.now();
    await new Promise<void>((resolve) => this.resumeWaiters.push(resolve));
    this.waitedMs += this.now() - started;
    this.throwIfCancelled();
  }

  steer(text: string): void {
    const trimmed = text.trim();
    if (trimmed) this.steers.push(trimmed);
  }

  takeSteers(): string[] {
    const taken = this.steers;
    this.steers = [];
    return taken;
  }

  /**
   * Waits for answer(id, …) up to `deadlineMs`; resolves null at the deadline and rejects with
   * AgentCancelledError when the run is cancelled first. The question is registered before this
   * returns, so an answer given while the question is being announced is kept.
   */
  waitForAnswer(id: string, deadlineMs: number): Promise<string | null> {
    this.throwIfCancelled();
    const started = this.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    const answered = new Promise<string | null>((resolve, reject) => {
      this.question = { id, resolve };
      timer = setTimeout(() => resolve(null), deadlineMs);
      onAbort = () => reject(new AgentCancelledError());
      this.abort.signal.addEventListener("abort", onAbort, { once: true });
    });
    return answered.finally(() => {
      clearTimeout(timer);
      if (onAbort) this.abort.signal.removeEventListener("abort", onAbort);
      if (this.question?.id === id) this.question = null;
      this.waitedMs += this.now() - started;
    });
  }

  /** Returns false when no question with that id is waiting (already answered, or stale UI). */
  answer(id: string, answer: string): boolean {
    if (!this.question || this.question.id !== id) return false;
    this.question.resolve(answer);
    return true;
  }

  private releaseResumeWaiters(): void {
    const waiters = this.resumeWaiters;
    this.resumeWaiters = [];
    for (const wake of waiters) wake();
  }
}
