// runAgent: prompt → tool calls → playtest → fix, until the playtest says playable and the model
// finishes, or a budget ends the run with an honest summary. Pure TS: browser, Node and tests.

import type { ProjectFiles } from "../project";
import { formatReportForModel, type PlaytestReport, type TaskCheckSpec } from "../playtest";
import { FULL_PLAYTEST_SECONDS, acceptance, isFullLength, unmetText } from "./acceptance";
import { parseTaskChecks } from "./task-checks";
import { formatTypeDiagnostics, type TypeDiagnostic } from "./typecheck";
import { ProviderError, repairToolArguments, type ChatMessage, type CompletionResult, type ContentPart, type RequestTask, type RunFacts, type ToolCall, type ToolDefinition, type ToolResultFacts } from "../providers";
import { AgentCancelledError, RunControls } from "./control";
import { buildRequest, type ContextState, type HistoryEntry, type ToolResultEntry } from "./context";
import { estimateTokens, systemPrompt } from "./prompt";
import { ToolError, agentTools, parseToolCall, type ParsedToolCall } from "./tools";
import { guideIndex, readGuidePart } from "./guide-parts";
import { playtestFacts, resultFacts, textFiles } from "./run-facts";
import { deleteProjectFile, editProjectFile, listFiles, readFile, writeProjectFile, type FileChange } from "./workspace";
import type { AgentEvent, AgentOptions, AgentOutcome, AgentRun, Checkpoint, DefaultAnswerReason, ProviderFailure, StopReason } from "./types";

/** Model turns allowed in one iteration before the loop playtests on its own. */
const TURNS_PER_ITERATION = 8;
/** Starts every user message the loop writes itself, so models can tell them from the user's. */
export const LOOP_NOTICE_PREFIX = "Playforge: ";
const DEFAULT_ANSWER = "No preference: choose a sensible default yourself and carry on.";
const ANSWER_TIMEOUT_MS = 10 * 60_000;
/** A type check slower than this (the IDE's worker still loading TypeScript) is skipped for that turn. */
const TYPE_CHECK_WAIT_MS = 20_000;

/** The transpiler's name for the Phaser import (`_phaser2.default`) read as the source says it. */
export function withPhaserNames(text: string): string {
  return text.replace(/\b_phaser\d*\.default\b/g, "Phaser");
}

class BudgetExhausted extends Error {
  constructor(readonly reason: Exclude<StopReason, "finished" | "model-stopped" | "cancelled" | "provider-failed" | "error">) {
    super(reason);
  }
}

type Assistant = Extract<ChatMessage, { role: "assistant" }>;

/** What one tool call produced; `finishedWith` is set when finish was accepted, `refused` when it was not. */
interface ToolOutcome {
  result: ToolResultEntry;
  playtested?: boolean;
  finishedWith?: string;
  refused?: boolean;
  failed?: boolean;
  /** ask_user: the answer, or the default used. */
  answer?: string;
}

class AgentLoop {
  private files: ProjectFiles;
  private filesVersion = 0;
  private report: PlaytestReport | null = null;
  private reportVersion = -1;
  private iteration = 0;
  private turnsThisIteration = 0;
  private tokens = 0;
  private costUsd = 0;
  private idleReplies = 0;
  private questionCount = 0;
  private pendingImage: string | null = null;
  /** Paths the model created, changed or deleted during this run. */
  private readonly changed = new Set<string>();
  /** The task's checks declared with set_checks; every playtest verifies them. */
  private taskChecks: TaskCheckSpec[] = [];
  /** The type check of filesVersion `version`; null until the first check. */
  private types: { version: number; diagnostics: TypeDiagnostic[] } | null = null;
  /** filesVersion at which a playtest was held back for type errors (the next call runs it anyway). */
  private heldBackAt = -1;
  private typeCheckBroken = false;
  /** A check still running after TYPE_CHECK_WAIT_MS; no new check starts until it settles. */
  private typeCheckPending: Promise<unknown> | null = null;
  private readonly checkpoints: Checkpoint[] = [];
  private readonly context: ContextState;
  private readonly system: string;
  /** Built once per run: the guide index in read_phaser_guide's description is part of the stable prefix. */
  private readonly tools: ToolDefinition[];
  private readonly startedAt: number;
  private readonly runId = Date.now().toString(36);
  /** What the person said during the run (steering messages, answers), for RunFacts. */
  private readonly said: string[] = [];
  /** The outcome of each tool call of the latest turn, for RunFacts. */
  private lastResults: Record<string, ToolResultFacts> = {};
  private readonly startTexts: Record<string, string>;

  constructor(
    private readonly options: AgentOptions,
    readonly controls: RunControls,
  ) {
    this.files = options.files;
    this.system = systemPrompt(options.chattiness, options.guides.list());
    this.tools = agentTools(guideIndex(options.guides));
    this.context = { prompt: options.prompt, notes: [], files: this.files, touched: [], report: null, history: [], seenSeq: 0 };
    this.startTexts = textFiles(options.files);
    this.startedAt = Date.now();
  }

  private formatReport(report: PlaytestReport): string {
    return withPhaserNames((this.options.formatReport ?? formatReportForModel)(report));
  }

  /** The latest report is of the current files and passes every required check. */
  private get passing(): boolean {
    return !this.untouchedTemplate && this.report !== null && this.reportVersion === this.filesVersion && acceptance(this.report, this.taskChecks).accepted;
  }

  /** True while the run started from a template and the model has changed none of its files. */
  private get untouchedTemplate(): boolean {
    return this.options.startsFrom === "template" && this.changed.size === 0;
  }

  emit(event: AgentEvent): void {
    this.options.onEvent(event);
  }

  progress(message: string): void {
    this.emit({ type: "progress", message, iteration: this.iteration });
  }

  /** Between steps: holds while the user has paused the run, and says so once it holds. */
  private async pausePoint(): Promise<void> {
    if (this.controls.isPaused) this.progress("Paused: the next step waits for Resume.");
    await this.controls.waitWhilePaused();
  }

  async run(): Promise<AgentOutcome> {
    this.progress(`Starting with ${this.options.model.id} (chattiness ${this.options.chattiness}).`);
    try {
      for (;;) {
        await this.pausePoint();
        this.deliverSteers();
        this.checkBudgets();
        const result = await this.withDeadline((signal) => this.callModel(signal));
        const finished = await this.handleTurn(result);
        if (finished) return finished;
      }
    } catch (error) {
      if (error instanceof BudgetExhausted) return this.endOnBudget(error.reason);
      if (error instanceof AgentCancelledError || this.controls.signal.aborted) return this.endCancelled();
      if (error instanceof ProviderError) return this.endProviderFailed(error);
      return this.endFailed(error);
    }
  }

  // ---- budgets -------------------------------------------------------------------------------

  private elapsedMs(): number {
    return Date.now() - this.startedAt - this.controls.userWaitMs;
  }

  private checkBudgets(): void {
    const { budgets } = this.options;
    if (this.iteration >= budgets.maxIterations) throw new BudgetExhausted("max-iterations");
    if (this.tokens >= budgets.maxTokens) throw new BudgetExhausted("max-tokens");
    if (budgets.maxCostUsd !== undefined && this.costUsd >= budgets.maxCostUsd) throw new BudgetExhausted("max-cost");
    if (this.elapsedMs() >= budgets.maxWallMs) throw new BudgetExhausted("max-wall-time");
  }

  /** Runs async work under the run's signal and the remaining wall time. */
  private async withDeadline<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const step = new AbortController();
    const onCancel = () => step.abort(new AgentCancelledError());
    this.controls.signal.addEventListener("abort", onCancel, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      step.abort(new BudgetExhausted("max-wall-time"));
    }, Math.max(0, this.options.budgets.maxWallMs - this.elapsedMs()));
    // Racing the abort keeps cancel prompt even when a model or playtest ignores its signal.
    const aborted = new Promise<never>((_, reject) => step.signal.addEventListener("abort", () => reject(step.signal.reason), { once: true }));
    try {
      return await Promise.race([work(step.signal), aborted]);
    } catch (error) {
      if (timedOut) throw new BudgetExhausted("max-wall-time");
      if (this.controls.signal.aborted) throw new AgentCancelledError();
      throw error;
    } finally {
      clearTimeout(timer);
      this.controls.signal.removeEventListener("abort", onCancel);
    }
  }

  // ---- model ---------------------------------------------------------------------------------

  private nextSeq(): number {
    return this.context.history.length === 0 ? 1 : this.context.history[this.context.history.length - 1].seq + 1;
  }

  private pushUser(content: string | ContentPart[], reportIteration?: number): void {
    this.context.history.push({ kind: "user", seq: this.nextSeq(), content, ...(reportIteration ? { reportIteration } : {}) });
  }

  private deliverSteers(): void {
    for (const text of this.controls.takeSteers()) {
      this.pushUser(text);
      this.context.notes.push(text);
      this.said.push(text);
      this.emit({ type: "steer-received", text });
    }
  }

  /** The messages of the next request, as the model will see them. */
  request(): ChatMessage[] {
    this.context.files = this.files;
    if (this.context.report) this.context.report.stale = this.reportVersion !== this.filesVersion;
    return buildRequest(this.system, this.context, this.nextSeq());
  }

  /** The run as data, beside the messages (CompletionRequest.run). */
  private facts(): RunFacts {
    return {
      task: this.options.prompt,
      notes: [...this.said],
      chattiness: this.options.chattiness,
      startFiles: this.startTexts,
      files: textFiles(this.files),
      playtest: this.report ? playtestFacts(this.report, this.reportVersion !== this.filesVersion, withPhaserNames) : null,
      results: { ...this.lastResults },
    };
  }

  private async callModel(signal: AbortSignal): Promise<CompletionResult> {
    const messages = this.request();
    this.context.seenSeq = this.nextSeq() - 1;
    let streamed = false;
    const result = await this.options.model.complete({
      messages,
      tools: this.tools,
      task: this.taskNow(),
      run: this.facts(),
      signal,
      onDelta: (delta) => {
        if (delta.kind !== "text" || delta.text === "") return;
        streamed = true;
        this.emit({ type: "model-delta", text: delta.text });
      },
      onRetry: (info) => this.progress(`${info.failedModel} failed (${info.reason}); retrying with ${info.nextModel} in ${Math.round(info.delayMs)} ms.`),
    });
    if (!streamed && result.message.content) this.emit({ type: "model-delta", text: result.message.content });
    const promptTokens = result.usage.promptTokens || estimateTokens(messages);
    const completionTokens = result.usage.completionTokens || estimateTokens([result.message]);
    this.tokens += promptTokens + completionTokens;
    this.costUsd = this.options.spentUsd?.() ?? 0;
    this.emit({ type: "cost", promptTokens, completionTokens, tokens: this.tokens, usd: this.costUsd, model: result.model });
    return result;
  }

  /** What the next call is for, so a router can send small fixes to a cheaper model. */
  private taskNow(): RequestTask {
    const report = this.report;
    if (!report || report.verdict === "playable") return { kind: "build" };
    const files = new Set(report.errors.flatMap((e) => (e.location ? [e.location.file] : [])));
    return { kind: "fix", errorCount: report.errors.length, filesChanged: Math.max(1, files.size) };
  }

  // ---- one model turn ------------------------------------------------------------------------

  private async handleTurn(result: CompletionResult): Promise<AgentOutcome | null> {
    const assistant: Assistant = result.message;
    const calls = assistant.tool_calls ?? [];
    this.turnsThisIteration++;
    const entry: Extract<HistoryEntry, { kind: "turn" }> = { kind: "turn", seq: this.nextSeq(), assistant, results: [] };
    this.context.history.push(entry);
    this.lastResults = {};
    if (calls.length === 0) return this.handleIdleReply(assistant.content ?? "");
    this.idleReplies = 0;
    const invalid = new Map((result.toolCallErrors ?? []).map((e) => [e.toolCallId, e.error]));
    const versionBefore = this.filesVersion;
    let outcome: AgentOutcome | null = null;
    let playtested = false;
    for (const call of calls) {
      if (outcome) {
        entry.results.push({ id: call.id, full: "Not run: the run finished.", brief: "Not run." });
        continue;
      }
      await this.pausePoint();
      const done = await this.runTool(call, invalid.get(call.id));
      entry.results.push(done.result);
      this.lastResults[call.id] = resultFacts(call.function.name, done.result.full, done);
      if (done.playtested) playtested = true;
      if (done.finishedWith !== undefined) outcome = this.endFinished(done.finishedWith);
    }
    if (outcome) return outcome;
    if (this.filesVersion !== versionBefore && this.types?.version !== this.filesVersion) await this.reportTypesAfterWrites(entry);
    this.deliverImage();
    if (!playtested && this.turnsThisIteration >= TURNS_PER_ITERATION) {
      await this.autoPlaytest(`You used ${TURNS_PER_ITERATION} turns without a playtest, so I ran one`);
    }
    return null;
  }

  /**
   * A reply without tool calls: unplaytested edits get playtested; otherwise the model is nudged
   * once, and a second plain reply in a row ends the run (finished when playable, else stopped).
   */
  private async handleIdleReply(text: string): Promise<AgentOutcome | null> {
    if (this.changed.size > 0 && this.reportVersion !== this.filesVersion) {
      this.idleReplies = 0;
      await this.autoPlaytest("You stopped calling tools, so I ran the playtest on your edits");
      return null;
    }
    this.idleReplies++;
    const playable = this.passing;
    if (this.idleReplies >= 2) {
      if (!playable) return this.endModelStopped(text);
      // Ending on a plain reply passes the same bar as finish: a full-length playtest.
      const done = await this.finish("idle", text.trim() || "The game is playable.");
      return done.finishedWith !== undefined ? this.endFinished(done.finishedWith) : this.endModelStopped(text);
    }
    const nudge =
      Object.keys(this.files).length === 0
        ? "Nothing is written yet. Use write_file to create the game's files."
        : this.untouchedTemplate
          ? "You wrote nothing: the project is still the starter template it began as, not the game that was asked for. Build the requested game with write_file and edit_file."
          : playable
            ? "The latest playtest says playable. Call finish(summary) to end the run, or keep improving the game with the tools."
            : this.report
              ? "The game is still broken (see the latest playtest). Use the tools to fix it; finish is refused until the playtest says playable."
              : "Nothing has been playtested yet. Change what the request needs with the tools, then run_playtest.";
    this.pushUser(LOOP_NOTICE_PREFIX + nudge);
    return null;
  }

  private deliverImage(): void {
    if (!this.pendingImage) return;
    this.pushUser([
      { type: "text", text: `${LOOP_NOTICE_PREFIX}latest frame of the game (playtest iteration ${this.iteration}).` },
      { type: "image_url", image_url: { url: this.pendingImage } },
    ]);
    this.pendingImage = null;
  }

  // ---- tools ---------------------------------------------------------------------------------

  private async runTool(call: ToolCall, providerError: string | undefined): Promise<ToolOutcome> {
    this.emit({ type: "tool-call", id: call.id, name: call.function.name, arguments: call.function.arguments });
    try {
      if (providerError) throw new ToolError(call.function.name, providerError);
      const parsed = parseToolCall(call, repairToolArguments);
      const done = await this.execute(parsed);
      this.emit({ type: "tool-result", id: call.id, name: call.function.name, ok: true, result: done.result.full });
      return done;
    } catch (error) {
      if (!(error instanceof ToolError)) throw error;
      const text = `Error: ${error.message}`;
      this.emit({ type: "tool-result", id: call.id, name: call.function.name, ok: false, result: text });
      return { result: { id: call.id, full: text, brief: text }, failed: true };
    }
  }

  private touch(path: string): void {
    this.context.touched = [path, ...this.context.touched.filter((p) => p !== path)];
  }

  private apply(change: FileChange): string {
    this.files = change.files;
    this.filesVersion++;
    this.changed.add(change.path);
    if (change.after === null) this.context.touched = this.context.touched.filter((p) => p !== change.path);
    else this.touch(change.path);
    this.emit({ type: "file-diff", path: change.path, before: change.before, after: change.after });
    return change.result;
  }

  private async execute(call: ParsedToolCall): Promise<ToolOutcome> {
    const id = call.id;
    const plain = (text: string, brief = text): { result: ToolResultEntry } => ({ result: { id, full: text, brief } });
    switch (call.name) {
      case "list_files":
        return plain(listFiles(this.files), "[file list shown; the current list is in the first message]");
      case "read_file": {
        const { path, text } = readFile(this.files, call.args.path);
        this.touch(path);
        return { result: { id, full: text, brief: `[${path} was shown here; its current text is under Working files, or read it again]`, shows: { path, text } } };
      }
      case "write_file":
        return plain(this.apply(writeProjectFile(this.files, call.args.path, call.args.content)));
      case "edit_file": {
        const change = editProjectFile(this.files, call.args.path, call.args.search, call.args.replace);
        const text = this.apply(change);
        return { result: { id, full: text, brief: text, edited: { path: change.path, before: change.before ?? "", after: change.after ?? "" } } };
      }
      case "delete_file":
        return plain(this.apply(deleteProjectFile(this.files, call.args.path)));
      case "run_playtest": {
        const diagnostics = await this.typeCheck();
        if (diagnostics?.length && this.heldBackAt !== this.filesVersion) {
          this.heldBackAt = this.filesVersion;
          return plain(
            `Not run: ${formatTypeDiagnostics(diagnostics)}\nFix these first; most would fail when the game runs too. (run_playtest again playtests these files anyway.)`,
            `[playtest held back: ${diagnostics.length} type errors]`,
          );
        }
        const report = await this.playtest("model", call.args.seconds);
        const text = this.formatReport(report);
        return {
          playtested: true,
          result: { id, full: text, brief: `[playtest iteration ${this.iteration}: ${report.verdict}; the latest report is in the first message]`, reportIteration: this.iteration },
        };
      }
      case "read_phaser_guide": {
        const { text, label } = readGuidePart(this.options.guides, call.args.topic, { section: call.args.section, search: call.args.search });
        return plain(text, `[Phaser guide ${label} was shown here; read it again if you need it]`);
      }
      case "ask_user": {
        const { text, answer } = await this.ask(call.args.question, call.args.choices);
        return { ...plain(text), answer };
      }
      case "check_types": {
        const diagnostics = await this.typeCheck();
        if (diagnostics === null) throw new ToolError("check_types", "No type checker is available in this run; use run_playtest, whose report names errors with file:line.");
        return plain(formatTypeDiagnostics(diagnostics), `[type check: ${diagnostics.length} errors]`);
      }
      case "set_checks": {
        this.taskChecks = parseTaskChecks(call.args.checks);
        const fields = [...new Set(this.taskChecks.flatMap((c) => [c.probe.field, ...(c.probe.seek ? [c.probe.seek] : [])]))];
        const listed = this.taskChecks.map((c) => `- ${c.id}${c.required === false ? " (optional)" : ""}: ${c.says}`).join("\n");
        this.progress(`The model declared ${this.taskChecks.length} task check${this.taskChecks.length === 1 ? "" : "s"}: ${this.taskChecks.map((c) => c.id).join(", ")}.`);
        return plain(
          `Checks set (${this.taskChecks.length}); every later playtest verifies them in gameplay and finish waits for the required ones:\n${listed}\nThe gameplay scene's describe() must return: ${fields.join(", ")}.`,
          `[${this.taskChecks.length} task checks set: ${this.taskChecks.map((c) => c.id).join(", ")}]`,
        );
      }
      case "finish":
        return this.finish(id, call.args.summary);
    }
  }

  /** Asks the user; the answer (or a default, labelled as one) is the tool result. */
  private async ask(question: string, choices: string[] | undefined): Promise<{ text: string; answer: string }> {
    const id = `${this.runId}-q${++this.questionCount}`;
    const fallback = choices?.[0] ?? DEFAULT_ANSWER;
    const nobody: DefaultAnswerReason | null = this.options.chattiness === "quiet" ? "quiet" : this.options.interactive === false ? "no-one-to-ask" : null;
    // Registered before the question is announced, so an answer given inside the event is kept.
    const waiting = nobody ? null : this.controls.waitForAnswer(id, this.options.answerTimeoutMs ?? ANSWER_TIMEOUT_MS);
    this.emit({ type: "question", id, question, ...(choices?.length ? { choices } : {}) });
    const given = waiting ? await waiting : null;
    const why: DefaultAnswerReason | null = given !== null ? null : (nobody ?? "timeout");
    const answer = given ?? fallback;
    this.emit({ type: "answer", id, answer, auto: why !== null, ...(why ? { why } : {}) });
    this.said.push(answer);
    if (!why) {
      this.context.notes.push(`Q: ${question} A: ${answer}`);
      return { text: `The user answered: ${answer}`, answer };
    }
    const waited = this.options.answerTimeoutMs ?? ANSWER_TIMEOUT_MS;
    const because = {
      quiet: "quiet mode: the user is not asked",
      "no-one-to-ask": "no one can answer: the run has no terminal",
      timeout: `nobody answered within ${waited >= 1000 ? `${Math.round(waited / 1000)} s` : `${waited} ms`}`,
    }[why];
    this.progress(`No answer to "${question}" (${because}); using the default "${answer}".`);
    this.context.notes.push(`Q: ${question} — not answered (${because}); default used: ${answer}`);
    return { text: `No answer from the user (${because}). Default: ${answer}. Decide the rest yourself and carry on.`, answer };
  }

  /** finish: accepted only after a full-length playtest of the current files with every required check passing. */
  private async finish(id: string, summary: string): Promise<ToolOutcome> {
    if (this.untouchedTemplate) {
      const full = "Not finished: you have not changed any file, so the project is still the starter template it began as, not the game that was asked for. Build the requested game with write_file and edit_file, run_playtest, then finish.";
      this.progress("Refused finish: the model wrote nothing; this is the starter.");
      return { result: { id, full, brief: "Not finished: nothing was written." }, refused: true };
    }
    let playtested = false;
    if (!this.report || this.reportVersion !== this.filesVersion || !isFullLength(this.report)) {
      const why = !this.report || this.reportVersion !== this.filesVersion ? "the current files were not playtested" : `the latest playtest was ${this.report.requestedSeconds} s`;
      this.progress(`finish: ${why}; playtesting for ${FULL_PLAYTEST_SECONDS} s first.`);
      await this.playtest("loop", FULL_PLAYTEST_SECONDS);
      playtested = true;
    }
    const report = this.report as PlaytestReport;
    const verdict = acceptance(report, this.taskChecks);
    if (verdict.accepted) {
      if (verdict.missing.length) this.progress(`Finished, but the playtest did not verify the declared checks ${verdict.missing.join(", ")}.`);
      return { playtested, result: { id, full: "Finished.", brief: "Finished." }, finishedWith: summary };
    }
    const reasons = withPhaserNames(unmetText(verdict.unmet) || report.reasons.join("; ")) || "the playtest verdict is broken";
    this.progress(`Refused finish: ${reasons}.`);
    const what = verdict.unmet.length ? "has required checks that do not pass" : "says the game is broken";
    const full = `Not finished: the ${report.requestedSeconds} s playtest (iteration ${this.iteration}) of the current files ${what}: ${reasons}.\n${this.formatReport(report)}\nFix it, run_playtest, and call finish again.`;
    return { playtested, result: { id, full, brief: `Not finished: ${reasons.slice(0, 300)}.`, reportIteration: this.iteration }, refused: true };
  }

  // ---- type check ----------------------------------------------------------------------------

  /** The type check of the current files (cached per version); null when the run has no checker. */
  private async typeCheck(): Promise<TypeDiagnostic[] | null> {
    const check = this.options.typeCheck;
    if (!check || this.typeCheckBroken) return null;
    if (this.types?.version === this.filesVersion) return this.types.diagnostics;
    if (this.typeCheckPending) return null;
    const files = this.files;
    const version = this.filesVersion;
    try {
      const running = check(files);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const slow = new Promise<"slow">((resolve) => (timer = setTimeout(() => resolve("slow"), TYPE_CHECK_WAIT_MS)));
      const diagnostics = await this.withDeadline(() => Promise.race([running, slow])).finally(() => clearTimeout(timer));
      if (diagnostics === "slow") {
        this.typeCheckPending = running.then(
          () => (this.typeCheckPending = null),
          () => (this.typeCheckPending = null),
        );
        this.progress(`The type check is still starting (over ${TYPE_CHECK_WAIT_MS / 1000} s); carrying on without it this time.`);
        return null;
      }
      this.types = { version, diagnostics };
      if (diagnostics.length) this.progress(`Type check: ${diagnostics.length} error${diagnostics.length === 1 ? "" : "s"}, first ${diagnostics[0].file}:${diagnostics[0].line} ${diagnostics[0].message.slice(0, 120)}`);
      return diagnostics;
    } catch (error) {
      if (error instanceof BudgetExhausted || error instanceof AgentCancelledError || this.controls.signal.aborted) throw error;
      // A checker that cannot run (worker failed to load) must not end the run: playtests still judge it.
      this.typeCheckBroken = true;
      this.progress(`The type check is unavailable for this run: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  /** After a turn's writes: the type check goes with the last write's result, before any playtest. */
  private async reportTypesAfterWrites(entry: Extract<HistoryEntry, { kind: "turn" }>): Promise<void> {
    const diagnostics = await this.typeCheck();
    if (diagnostics === null) return;
    const index = entry.results.map((r, i) => [r, i] as const).filter(([r]) => /^(Created|Wrote|Edited|Deleted) /.test(r.full)).at(-1)?.[1];
    if (index === undefined) return;
    const result = entry.results[index];
    const text = formatTypeDiagnostics(diagnostics);
    entry.results[index] = { ...result, full: `${result.full}\n${text}`, brief: diagnostics.length ? `${result.brief} ${text.split("\n")[0]}` : result.brief };
  }

  // ---- playtests and checkpoints ---------------------------------------------------------------

  private async playtest(requestedBy: "model" | "loop", seconds?: number): Promise<PlaytestReport> {
    // Each playtest closes an iteration, so a playtest past the budget ends the run instead.
    if (this.iteration >= this.options.budgets.maxIterations) throw new BudgetExhausted("max-iterations");
    const length = Math.min(60, Math.max(1, Math.round(seconds ?? this.options.playtestSeconds ?? 10)));
    const tasks = this.taskChecks.length ? { tasks: this.taskChecks } : {};
    const iteration = this.iteration + 1;
    this.progress(`Playtesting iteration ${iteration} (${length} s${requestedBy === "loop" ? ", started by the loop" : ""}).`);
    const files = this.files;
    const version = this.filesVersion;
    const measured = await this.withDeadline((signal) => this.options.playtest(files, { seconds: length, seed: this.options.seed ?? 1, signal, onProgress: (text) => this.progress(text), ...tasks }));
    const report = await this.judged(measured);
    this.iteration = iteration;
    this.turnsThisIteration = 0;
    this.report = report;
    this.reportVersion = version;
    this.context.report = {
      iteration,
      text: this.formatReport(report),
      errorFiles: report.errors.flatMap((e) => (e.location ? [{ path: e.location.file, line: e.location.line }] : [])),
      stale: false,
    };
    this.emit({ type: "playtest", iteration, report, requestedBy });
    const checkpoint: Checkpoint = { id: `${this.runId}-${iteration}`, iteration, files, report };
    this.checkpoints.push(checkpoint);
    this.emit({ type: "checkpoint", ...checkpoint });
    const thumbnail = report.thumbnails[report.thumbnails.length - 1];
    if (this.options.model.supportsVision && thumbnail) this.pendingImage = thumbnail.dataUrl;
    return report;
  }

  /** The vision judge's opinions on the report's checks; a judge that cannot answer leaves the report as measured. */
  private async judged(report: PlaytestReport): Promise<PlaytestReport> {
    const judge = this.options.judge;
    if (!judge || report.checks.length === 0) return report;
    try {
      const judged = await this.withDeadline((signal) => judge(report, signal));
      const opinions = judged.checks.filter((c) => c.judge);
      if (opinions.length === 0) return report;
      const against = opinions.filter((c) => c.judge!.opinion === "disagrees");
      this.progress(`Vision judge (${opinions[0].judge!.model}): ${opinions.length} opinions${against.length ? `; disagrees on ${against.map((c) => `${c.id} (${c.judge!.says.slice(0, 80)})`).join(", ")}` : ", no disagreement"}.`);
      return { ...report, checks: report.checks.map((c, i) => (judged.checks[i]?.id === c.id && judged.checks[i].judge ? { ...c, judge: judged.checks[i].judge } : c)) };
    } catch (error) {
      if (error instanceof BudgetExhausted || error instanceof AgentCancelledError || this.controls.signal.aborted) throw error;
      this.progress(`The vision judge could not answer (${error instanceof Error ? error.message.slice(0, 200) : String(error)}); the report stands as measured.`);
      return report;
    }
  }

  private async autoPlaytest(why: string): Promise<void> {
    this.progress(`${why}.`);
    const report = await this.playtest("loop");
    const text = `${LOOP_NOTICE_PREFIX}${why} (iteration ${this.iteration}):\n${this.formatReport(report)}\n${this.passing ? "If the game does what was asked, call finish(summary)." : "Fix what it shows."}`;
    const image = this.pendingImage;
    this.pendingImage = null;
    this.pushUser(image ? [{ type: "text", text }, { type: "image_url", image_url: { url: image } }] : text, this.iteration);
  }

  // ---- endings -------------------------------------------------------------------------------

  private outcome(playable: boolean, stopReason: StopReason, summary: string): AgentOutcome {
    return { playable, stopReason, summary, files: this.files, report: this.report, iterations: this.iteration, tokens: this.tokens, costUsd: this.costUsd, checkpoints: [...this.checkpoints] };
  }

  private verdictNow(): { playable: boolean; words: string } {
    if (this.untouchedTemplate) return { playable: false, words: "The model wrote no file: the project is still the starter template it began as, not the requested game." };
    if (!this.report) return { playable: false, words: "No playtest ran, so the game is not known to be playable." };
    const fresh = this.reportVersion === this.filesVersion;
    const verdict = acceptance(this.report, this.taskChecks);
    if (verdict.accepted) {
      return fresh
        ? { playable: true, words: `The last playtest (iteration ${this.iteration}) passes every required check.` }
        : { playable: false, words: `The last playtest passed, but later edits were not playtested.` };
    }
    const stale = fresh ? "" : " Later edits were not playtested.";
    const reasons = withPhaserNames(unmetText(verdict.unmet) || this.report.reasons.map((r) => r.replace(/\.+$/, "")).join("; ")) || "no reason given";
    return { playable: false, words: `Not playable: the last playtest (iteration ${this.iteration}) says broken: ${reasons}.${stale}` };
  }


  private endFinished(summary: string): AgentOutcome {
    const outcome = this.outcome(true, "finished", summary);
    this.emit({ type: "finished", playable: true, summary, iterations: this.iteration, tokens: this.tokens, costUsd: this.costUsd });
    return outcome;
  }

  private endOnBudget(reason: BudgetExhausted["reason"]): AgentOutcome {
    const { budgets } = this.options;
    const limit = {
      "max-iterations": `the iteration budget (${budgets.maxIterations})`,
      "max-tokens": `the token budget (${budgets.maxTokens})`,
      "max-cost": `the cost budget ($${budgets.maxCostUsd})`,
      "max-wall-time": `the time budget (${Math.round(budgets.maxWallMs / 1000)} s)`,
    }[reason];
    const verdict = this.verdictNow();
    const summary = `Stopped: ${limit} ran out before the model finished. ${verdict.words}`;
    this.emit({ type: "finished", playable: verdict.playable, summary, iterations: this.iteration, tokens: this.tokens, costUsd: this.costUsd });
    return this.outcome(verdict.playable, reason, summary);
  }

  private endModelStopped(lastWords: string): AgentOutcome {
    const said = lastWords.trim() ? ` Its last message: "${lastWords.trim().slice(0, 300)}"` : "";
    const summary = `The model stopped working without making the game playable. ${this.verdictNow().words}${said}`;
    this.emit({ type: "finished", playable: false, summary, iterations: this.iteration, tokens: this.tokens, costUsd: this.costUsd });
    return this.outcome(false, "model-stopped", summary);
  }

  private endCancelled(): AgentOutcome {
    const summary = `Cancelled after ${this.iteration} iteration(s); every file is as of its last complete change. ${this.verdictNow().words}`;
    this.emit({ type: "failed", reason: summary });
    return this.outcome(false, "cancelled", summary);
  }

  private endProviderFailed(error: ProviderError): AgentOutcome {
    const failure: ProviderFailure = { provider: error.provider, model: error.model, kind: error.kind, advice: error.advice, ...(error.status !== undefined ? { status: error.status } : {}) };
    const summary = `The model could not be reached: ${error.message} ${this.verdictNow().words}`;
    this.emit({ type: "failed", reason: summary, failure });
    return { ...this.outcome(false, "provider-failed", summary), failure };
  }

  private endFailed(error: unknown): AgentOutcome {
    const message = error instanceof Error ? error.message : String(error);
    const summary = `The run stopped on an error: ${message} ${this.verdictNow().words}`;
    this.emit({ type: "failed", reason: summary });
    return this.outcome(false, "error", summary);
  }
}

/** Starts a run; the returned handle steers, answers, pauses, resumes and cancels it. */
export function runAgent(options: AgentOptions): AgentRun {
  const controls = new RunControls(options.signal, () => Date.now());
  const loop = new AgentLoop(options, controls);
  const done = Promise.resolve().then(() => loop.run());
  return {
    steer: (text) => controls.steer(text),
    answer: (questionId, answer) => controls.answer(questionId, answer),
    pause: () => {
      if (controls.pause()) loop.progress("Paused; the run continues after resume.");
    },
    resume: () => {
      if (controls.resume()) loop.progress("Resumed.");
    },
    cancel: () => controls.cancel(),
    done,
  };
}
