// One Workbench object per open IDE: its eight stores (project, editor, console, preview,
// persistence, settings, playtest, agent) wired together. The UI calls their actions; other subsystems get the same object.

import type { ProjectFiles } from "../project";
import type { Sandbox } from "../runtime";
import { createConsoleStore, type ConsoleStore } from "./console";
import { createGuideLibrary, type GuideLibrary, type TypeCheckFunction } from "../agent";
import { createAgentStore, type AgentStore } from "./agent";
import { createEditorStore, type EditorStore } from "./editor";
import { createPersistenceStore, type PersistenceStore } from "./persistence";
import { createPreviewStore, type PreviewStore } from "./preview";
import { createProjectStore, type ProjectStore } from "./project";
import { createPlaytestStore, type PlaytestStore } from "./playtest";
import { createSettingsStore, type SettingsStore } from "./settings";

export interface Workbench {
  project: ProjectStore;
  editor: EditorStore;
  console: ConsoleStore;
  preview: PreviewStore;
  /** Model settings and the API key (this browser's localStorage only). */
  settings: SettingsStore;
  /** Playtests on a hidden sandbox: the Playtest button and the agent. */
  playtest: PlaytestStore;
  /** The agent run and its chat. */
  agent: AgentStore;
  /** Autosave to IndexedDB and the stored projects list (started by src/main.tsx). */
  persistence: PersistenceStore;
}

export interface WorkbenchOptions {
  files: ProjectFiles;
  createSandbox: (host: HTMLElement) => Sandbox;
  /** Runtime for hidden playtests; defaults to createSandbox. */
  createPlaytestSandbox?: (host: HTMLElement) => Sandbox;
  debounceMs?: number;
  /** The Phaser guides for read_phaser_guide (the app bundles them lazily); none when omitted. */
  loadGuides?: () => Promise<GuideLibrary>;
  /** The agent's type check against Phaser 4's .d.ts (the app runs it in a worker); none when omitted. */
  typeCheck?: TypeCheckFunction;
  /** Where settings persist; tests may pass their own. */
  settingsStorage?: Storage;
}

/** The file a project opens on: its entry point when it has one. */
export function entryFile(files: ProjectFiles): string | null {
  const paths = Object.keys(files);
  return ["src/main.ts", "src/main.js", "index.html"].find((p) => p in files) ?? paths.find((p) => p.endsWith(".ts")) ?? paths[0] ?? null;
}

export function createWorkbench({ files, createSandbox, createPlaytestSandbox, debounceMs, loadGuides, typeCheck, settingsStorage }: WorkbenchOptions): Workbench {
  const project = createProjectStore(files);
  const editor = createEditorStore(entryFile(files));
  const consoleStore = createConsoleStore();
  const preview = createPreviewStore({ project, console: consoleStore, createSandbox, debounceMs, storage: settingsStorage });

  // Keep the editor on a file that exists when files are deleted, renamed or replaced.
  project.subscribe((state) => {
    const active = editor.getState().activePath;
    if (active === null || !(active in state.files)) editor.setState({ activePath: entryFile(state.files), reveal: null });
  });

  const persistence = createPersistenceStore({ project, preview });

  const settings = createSettingsStore(settingsStorage);
  const playtest = createPlaytestStore({ project, createSandbox: createPlaytestSandbox ?? createSandbox });
  const agent = createAgentStore({ project, settings, playtest, loadGuides: loadGuides ?? (async () => createGuideLibrary({})), typeCheck });

  // A playtest steps its hidden game as fast as the CPU allows; a live preview that missed its
  // heartbeat meanwhile was starved, not stuck, so it gets another start when the playtest ends.
  let starvedPreview = false;
  preview.subscribe((state) => {
    if (state.status.state === "exited" && state.status.exit.reason === "frozen" && playtest.getState().status.state === "running") starvedPreview = true;
  });
  playtest.subscribe((state, previous) => {
    if (previous.status.state !== "running" || state.status.state === "running" || !starvedPreview) return;
    starvedPreview = false;
    preview.getState().restart();
  });
  // The live game pauses while a playtest runs: both pages share one thread, and the playtest is
  // what the person (or the agent) is waiting for.
  let releasePreview: (() => void) | null = null;
  playtest.subscribe((state) => {
    const running = state.status.state === "running";
    if (running && !releasePreview) releasePreview = preview.getState().hold();
    if (!running && releasePreview) {
      releasePreview();
      releasePreview = null;
    }
  });

  return { project, editor, console: consoleStore, preview, persistence, settings, playtest, agent };
}
