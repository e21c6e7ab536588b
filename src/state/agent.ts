// The agent in the IDE: `send(prompt)` runs runAgent on the open project with the configured model
// (the offline builder when none), applies its file writes through the project store so the editor
// and live preview follow along, playtests on the hidden sandbox, and turns events into chat items.

import { createStore, type StoreApi } from "zustand/vanilla";
import { startRun, type AgentEvent, type AgentRun, type GuideLibrary, type ProviderFailure, type RunModel, type TypeCheckFunction } from "../agent";
import type { PlaytestReport } from "../playtest";
import { SPEC_PATH, starterProject, type ProjectFiles } from "../project";
import type { PlaytestStore } from "./playtest";
import type { ProjectStore } from "./project";
import { costCapOf, endpointOf, modelPlanOf, usesProvider, type ModelSettings, type SettingsStore } from "./settings";

export const OFFLINE_LABEL = "offline builder: picks from built-in game designs; connect a model for anything";

export interface FileDiff {
  path: string;
  before: string | null;
  after: string | null;
}

export type { ProviderFailure };

export type ChatItem =
  /** `shown`: what the chat shows when the prompt is long machine-made text (a playtest report). */
  | { kind: "user"; id: number; text: string; steer: boolean; shown?: string }
  | { kind: "assistant"; id: number; text: string }
  | { kind: "progress"; id: number; text: string }
  | { kind: "tool"; id: number; callId: string; name: string; args: string; ok: boolean | null; result: string; diffs: FileDiff[] }
  | { kind: "playtest"; id: number; iteration: number; report: PlaytestReport }
  | { kind: "question"; id: number; questionId: string; question: string; choices: string[]; answer: string | null; auto: boolean }
  | { kind: "spec"; id: number; json: string; summary: string }
  | { kind: "notice"; id: number; tone: "info" | "error"; text: string; failure?: ProviderFailure }
  | { kind: "finished"; id: number; playable: boolean; summary: string };

export interface CheckpointEntry {
  id: string;
  iteration: number;
  verdict: "playable" | "broken" | null;
  files: ProjectFiles;
}

export interface RunCounters {
  iterations: number;
  tokens: number;
  costUsd: number;
}

export interface AgentState {
  items: ChatItem[];
  running: boolean;
  paused: boolean;
  /** Who is building: the offline builder's honest label or "<provider> · <model>". */
  modelLabel: string;
  counters: RunCounters;
  checkpoints: CheckpointEntry[];
  /**
   * Sends a prompt; while a run is going it becomes a steering message (or answers a waiting
   * question). `shown`: a short form for the chat when the prompt itself is long.
   */
  send(text: string, shown?: string): Promise<void>;
  answer(questionId: string, answer: string): void;
  pause(): void;
  resume(): void;
  stop(): void;
  restoreCheckpoint(id: string): void;
  /** Writes an edited game.spec.json into the project and rebuilds the game from it. */
  rebuildFromSpec(json: string): Promise<void>;
}

export type AgentStore = StoreApi<AgentState>;

export interface AgentStoreOptions {
  project: ProjectStore;
  settings: SettingsStore;
  playtest: PlaytestStore;
  loadGuides: () => Promise<GuideLibrary>;
  /** The type check after the agent's writes; none when omitted. */
  typeCheck?: TypeCheckFunction;
}

export class SpecEditError extends Error {
  constructor(detail: string) {
    super(`${SPEC_PATH} could not be used: ${detail}. Fix the JSON (or undo your edit) and press Rebuild again.`);
    this.name = "SpecEditError";
  }
}

const BUDGETS = { maxIterations: 8, maxTokens: 600_000, maxWallMs: 20 * 60_000 };

/** The label shown for the model that builds. */
export function modelLabelOf(model: ModelSettings): string {
  if (!usesProvider(model)) return OFFLINE_LABEL;
  return `${model.provider === "custom" ? endpointOf(model) : model.provider} · ${model.models.build}`;
}

export function createAgentStore({ project, settings, playtest, loadGuides, typeCheck }: AgentStoreOptions): AgentStore {
  let nextId = 1;
  let run: AgentRun | null = null;
  const pendingQuestions = new Set<string>();

  const store = createStore<AgentState>()((set, get) => ({
    items: [],
    running: false,
    paused: false,
    modelLabel: modelLabelOf(settings.getState().model),
    counters: { iterations: 0, tokens: 0, costUsd: 0 },
    checkpoints: [],
    async send(raw, shown) {
      const text = raw.trim();
      if (!text) return;
      const short = shown?.trim() ? { shown: shown.trim() } : {};
      if (run) {
        const waiting = [...pendingQuestions].at(-1);
        if (waiting) return get().answer(waiting, text);
        push({ kind: "user", text, steer: true, ...short });
        run.steer(text);
        return;
      }
      push({ kind: "user", text, steer: false, ...short });
      await start(text);
    },
    answer(questionId, answer) {
      if (!run || !run.answer(questionId, answer)) return;
      pendingQuestions.delete(questionId);
      update((item) => (item.kind === "question" && item.questionId === questionId ? { ...item, answer, auto: false } : item));
    },
    pause() {
      if (!run) return;
      run.pause();
      set({ paused: true });
    },
    resume() {
      if (!run) return;
      run.resume();
      set({ paused: false });
    },
    stop() {
      run?.resume();
      run?.cancel();
    },
    restoreCheckpoint(id) {
      const checkpoint = get().checkpoints.find((c) => c.id === id);
      if (!checkpoint) return;
      project.getState().replaceAll({ ...checkpoint.files });
      push({ kind: "notice", tone: "info", text: `Restored the project to iteration ${checkpoint.iteration} (${checkpoint.verdict ?? "not playtested"}).` });
    },
    async rebuildFromSpec(json) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(json);
      } catch (error) {
        throw new SpecEditError(`it is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      const { isGameSpec } = await import("../builder");
      if (!isGameSpec(parsed)) throw new SpecEditError("a field is missing or has the wrong type (compare with the spec the builder wrote)");
      project.getState().writeFile(SPEC_PATH, `${JSON.stringify(parsed, null, 2)}\n`);
      await get().send(`Rebuild the game from the edited ${SPEC_PATH}.`);
    },
  }));

  function push(item: DistributiveOmit<ChatItem, "id">): void {
    store.setState((state) => ({ items: [...state.items, { ...item, id: nextId++ } as ChatItem] }));
  }

  function update(change: (item: ChatItem) => ChatItem): void {
    store.setState((state) => ({ items: state.items.map(change) }));
  }

  async function chooseModel(): Promise<RunModel> {
    const plan = modelPlanOf(settings.getState().model);
    if (plan) return { plan };
    const { createOfflineBuilder } = await import("../builder");
    return { offline: createOfflineBuilder() };
  }

  async function start(prompt: string): Promise<void> {
    const modelSettings = settings.getState().model;
    store.setState({ running: true, paused: false, modelLabel: modelLabelOf(modelSettings), counters: { iterations: 0, tokens: 0, costUsd: 0 }, checkpoints: [] });
    pendingQuestions.clear();
    try {
      const [model, guides, builder] = await Promise.all([chooseModel(), loadGuides(), import("../builder")]);
      const scaffold = usesProvider(modelSettings) && modelSettings.scaffold && isUntouchedStarter(project.getState().files) ? builder.scaffoldFor(prompt) : null;
      if (scaffold) {
        // A playable game at once (the preview runs it); the model refines it from there.
        project.getState().replaceAll(scaffold.files);
        push({ kind: "notice", tone: "info", text: `Started from the built-in ${builder.DESIGNS[scaffold.spec.genre].label.toLowerCase()} design; the model refines it. (Settings → built-in designs turns this off.)` });
      }
      const onEvent = (event: AgentEvent) => handle(event, builder.describeSpec, builder.isGameSpec);
      const cap = costCapOf(modelSettings);
      const startsFrom = isUntouchedStarter(project.getState().files) ? "template" : "project";
      // The type checker loads TypeScript and Phaser's types once; start while the model thinks.
      if (typeCheck && "plan" in model) void typeCheck(project.getState().files).catch(() => undefined);
      ({ run } = startRun({
        prompt: scaffold?.request ?? prompt,
        files: project.getState().files,
        model,
        startsFrom,
        ...(typeCheck ? { typeCheck } : {}),
        playtest: (playFiles, request) => playtest.getState().runFiles(playFiles, request, "agent"),
        guides,
        budgets: cap ? { ...BUDGETS, maxCostUsd: cap } : BUDGETS,
        chattiness: settings.getState().chattiness,
        onEvent,
      }));
      await run.done;
    } catch (error) {
      push({ kind: "notice", tone: "error", text: `The run could not start: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      run = null;
      pendingQuestions.clear();
      store.setState({ running: false, paused: false });
    }
  }

  type Describe = (spec: import("../builder").GameSpec) => string;
  type IsSpec = (value: unknown) => value is import("../builder").GameSpec;

  function handle(event: AgentEvent, describeSpec: Describe, isGameSpec: IsSpec): void {
    switch (event.type) {
      case "progress":
        return push({ kind: "progress", text: event.message });
      case "model-delta": {
        const items = store.getState().items;
        const last = items.at(-1);
        if (last?.kind === "assistant") {
          store.setState({ items: [...items.slice(0, -1), { ...last, text: last.text + event.text }] });
        } else push({ kind: "assistant", text: event.text });
        return;
      }
      case "tool-call":
        return push({ kind: "tool", callId: event.id, name: event.name, args: event.arguments, ok: null, result: "", diffs: [] });
      case "tool-result":
        return update((item) => (item.kind === "tool" && item.callId === event.id ? { ...item, ok: event.ok, result: event.result } : item));
      case "file-diff":
        return applyDiff(event, describeSpec, isGameSpec);
      case "playtest":
        store.setState((state) => ({ counters: { ...state.counters, iterations: event.iteration } }));
        return push({ kind: "playtest", iteration: event.iteration, report: event.report });
      case "question":
        pendingQuestions.add(event.id);
        return push({ kind: "question", questionId: event.id, question: event.question, choices: event.choices ?? [], answer: null, auto: false });
      case "answer":
        pendingQuestions.delete(event.id);
        return update((item) => (item.kind === "question" && item.questionId === event.id && item.answer === null ? { ...item, answer: event.answer, auto: event.auto } : item));
      case "steer-received":
        return push({ kind: "progress", text: `The model got your message: "${event.text}"` });
      case "cost":
        store.setState((state) => ({ counters: { ...state.counters, tokens: event.tokens, costUsd: event.usd } }));
        return;
      case "checkpoint":
        store.setState((state) => ({
          checkpoints: [...state.checkpoints, { id: event.id, iteration: event.iteration, verdict: event.report?.verdict ?? null, files: event.files }],
        }));
        return;
      case "finished":
        store.setState((state) => {
          // Models often say their summary and then pass it to finish(); the chat shows it once.
          const last = state.items.at(-1);
          const said = [...state.items].reverse().find((item) => item.kind === "assistant");
          const repeated = said?.kind === "assistant" && said.text.trim() === event.summary.trim() && (last === said || last?.kind === "tool");
          return {
            counters: { iterations: event.iterations, tokens: event.tokens, costUsd: event.costUsd },
            items: repeated ? state.items.filter((item) => item !== said) : state.items,
          };
        });
        return push({ kind: "finished", playable: event.playable, summary: event.summary });
      case "failed":
        return push({ kind: "notice", tone: "error", text: event.reason, ...(event.failure ? { failure: event.failure } : {}) });
    }
  }

  function applyDiff(event: FileDiff, describeSpec: Describe, isGameSpec: IsSpec): void {
    const projectState = project.getState();
    try {
      if (event.after === null) {
        if (event.path in projectState.files) projectState.deleteFile(event.path);
      } else projectState.writeFile(event.path, event.after);
    } catch (error) {
      push({ kind: "notice", tone: "error", text: `Could not apply the agent's change to ${event.path}: ${error instanceof Error ? error.message : String(error)}` });
    }
    const items = store.getState().items;
    let index = items.length - 1;
    while (index >= 0 && items[index].kind !== "tool") index--;
    if (index >= 0) {
      const tool = items[index] as Extract<ChatItem, { kind: "tool" }>;
      store.setState({ items: items.map((item, i) => (i === index ? { ...tool, diffs: [...tool.diffs, event] } : item)) });
    }
    if (event.path === SPEC_PATH && event.after !== null) showSpec(event.after, describeSpec, isGameSpec);
  }

  function showSpec(json: string, describeSpec: Describe, isGameSpec: IsSpec): void {
    let summary = "";
    try {
      const parsed: unknown = JSON.parse(json);
      if (isGameSpec(parsed)) summary = describeSpec(parsed);
    } catch {
      // A spec the model wrote by hand may not parse; the card still shows its text to edit.
    }
    push({ kind: "spec", json, summary });
  }

  settings.subscribe((state, previous) => {
    if (state.model !== previous.model && !store.getState().running) store.setState({ modelLabel: modelLabelOf(state.model) });
  });

  return store;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A project nobody has worked on yet: the starter game exactly as it came. */
function isUntouchedStarter(files: ProjectFiles): boolean {
  const starter = starterProject();
  const paths = Object.keys(files);
  return paths.length === Object.keys(starter).length && paths.every((path) => files[path] === starter[path]);
}
