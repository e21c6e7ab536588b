// Keeps the open project in IndexedDB: picks the project to start on (remix link, last project,
// starter), autosaves every change, backs a pending change up as the page goes away, switches
// between stored projects, and tracks interrupted runs.

import { createStore, type StoreApi } from "zustand/vanilla";
import { projectTitle, starterProject, takeRemixFromLocation, type ProjectFiles, type RemixHistory, type RemixLocation, type ShareCodecOptions } from "../project";
import { ProjectStorage, StorageQuotaError, StorageUnavailableError, createAutosaver, type Autosaver, type ProjectListing, type ProjectSummary, type RunMarker } from "../storage";
import { browserStorage } from "./browser-storage";
import type { PreviewStore } from "./preview";
import type { ProjectStore } from "./project";
import { upgradeSavedProject, type SavedAgentState, type SavedProject, type SavedProjectRecord } from "./saved-project";
import { applyUnsavedBackup, writeUnsavedBackup } from "./unsaved-backup";

/** How the agent store plugs into persistence without either importing the other's internals. */
export interface AgentStateBridge {
  /** The agent's current chat log and checkpoints. */
  get(): SavedAgentState;
  /** Receives the saved agent state whenever a project opens. */
  set(state: SavedAgentState): void;
  /** Calls `listener` on every change worth saving; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Sends a prompt to the agent; used to resume a run a reload interrupted. */
  send?(prompt: string): void;
}

export type SaveStatus = { state: "idle" } | { state: "pending" } | { state: "saved"; at: number } | { state: "failed"; message: string } | { state: "off"; message: string };

/** A message across the top of the IDE. `kind` lets the UI and tests tell them apart. */
export interface Banner {
  kind: "storage" | "remix" | "import" | "projects";
  message: string;
}

export interface PersistenceState {
  /** The stored project being edited; null before start() or when storage is unavailable. */
  current: ProjectSummary | null;
  projects: ProjectListing[];
  save: SaveStatus;
  banner: Banner | null;
  /** A run that was going on when the tab went away (offer resume or discard). */
  interruptedRun: RunMarker | null;
  /** The last deleted project, until undone or replaced by another delete. */
  lastDeleted: ProjectSummary | null;
  /**
   * Opens the project the IDE starts on: `#remix=` in the address → a new project with those files
   * (a bad link becomes a banner); else the most recent stored project; else a new starter project.
   * Then applies the unload backup the last page left of that project (see backUpUnsaved).
   * Never rejects: failures become banners and the IDE keeps the files it has.
   */
  start(location: RemixLocation, history: RemixHistory, codec?: ShareCodecOptions): Promise<void>;
  /** Takes `#remix=` from the address (if there) as a new project; false when there was none or it was bad. */
  openRemix(location: RemixLocation, history: RemixHistory, codec?: ShareCodecOptions): Promise<boolean>;
  refresh(): Promise<void>;
  open(id: string): Promise<void>;
  /** Stores `files` (the starter by default) as a new project and opens it. */
  create(files?: ProjectFiles, name?: string): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  duplicate(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  undoRemove(): Promise<void>;
  /** Writes any pending change now (tab hidden, before switching projects). */
  flush(): Promise<void>;
  /**
   * Copies a pending change synchronously to localStorage, for when the page goes away before
   * IndexedDB finishes; the next start() applies it. Text-only projects only.
   */
  backUpUnsaved(): void;
  setThumbnail(dataUrl: string): Promise<void>;
  /** For the agent store: record that a run started / ended, so a reload can tell it was interrupted. */
  markRunStarted(prompt: string): Promise<void>;
  markRunEnded(): Promise<void>;
  resumeRun(): Promise<void>;
  discardRun(): Promise<void>;
  /** Connects the agent's chat log and checkpoints; returns a function that detaches them. */
  attachAgentState(bridge: AgentStateBridge): () => void;
  canResume(): boolean;
  showBanner(banner: Banner): void;
  dismissBanner(): void;
}

export type PersistenceStore = StoreApi<PersistenceState>;

export interface PersistenceOptions {
  project: ProjectStore;
  preview: PreviewStore;
  /** Created on first use, so a Workbench can exist where IndexedDB does not (Node tests). */
  storage?: () => ProjectStorage<SavedProjectRecord>;
  autosaveDelayMs?: number;
  /** Where the unload backup is kept: the page's localStorage unless given. */
  backupStorage?: Storage;
}

const EMPTY_AGENT: SavedAgentState = { checkpoints: [], chatLog: [] };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An autosave that failed: what happened and what to do (from the error), and that it retries. */
function saveFailedMessage(error: unknown): string {
  return `${message(error)} Playforge tries to save again with your next change.`;
}

/** Storage that could not be used at all: the IDE works on in memory, and says so. */
function storageOffMessage(error: unknown): string {
  if (error instanceof StorageUnavailableError) return error.message;
  if (error instanceof StorageQuotaError) return `${error.message} Saving stays off in this tab until you reload.`;
  return `Playforge could not open its saved projects: ${message(error)} Saving stays off in this tab until you reload; export the project as a zip (Export → Download zip) to keep your work.`;
}

export function createPersistenceStore({ project, preview, storage: makeStorage = () => new ProjectStorage(), autosaveDelayMs = 400, backupStorage = browserStorage("local") }: PersistenceOptions): PersistenceStore {
  let storage: ProjectStorage<SavedProjectRecord> | null = null;
  let autosaver: Autosaver<SavedProjectRecord> | null = null;
  let bridge: AgentStateBridge | null = null;
  // The agent state of the open project as last loaded or seen; saved as-is while no agent is attached.
  let agentState: SavedAgentState = EMPTY_AGENT;
  // The project the agent's current run started in.
  let runProjectId: string | null = null;
  // True while this store itself replaces the files, so opening a project is not saved back as an edit.
  let switching = false;

  const db = () => (storage ??= makeStorage());

  const snapshot = (): SavedProject => ({ version: 1, files: project.getState().files, ...(bridge ? bridge.get() : agentState) });

  const store = createStore<PersistenceState>()((set, get) => {
    const fail = (kind: Banner["kind"], error: unknown) => set({ banner: { kind, message: message(error) } });
    const storageOff = (error: unknown) => set({ current: null, save: { state: "off", message: storageOffMessage(error) }, banner: { kind: "storage", message: storageOffMessage(error) } });

    /** Stops saving the current project, after writing what it has pending. */
    const closeCurrent = async () => {
      if (!autosaver) return;
      const closing = autosaver;
      autosaver = null;
      await closing.flush().catch(() => undefined);
      closing.dispose();
    };

    const show = (summary: ProjectSummary, files: ProjectFiles, agent: SavedAgentState, interruptedRun: RunMarker | null) => {
      agentState = agent;
      switching = true;
      try {
        project.getState().replaceAll(files);
        bridge?.set(agent);
      } finally {
        switching = false;
      }
      // A different project is a new game: run it from the start rather than as a file update.
      preview.getState().restart();
      autosaver = createAutosaver(db(), summary.id, {
        delayMs: autosaveDelayMs,
        onSaved: (at) => {
          if (get().current?.id !== summary.id) return;
          // A save that works again ends the "not saved" warning.
          set((state) => ({ save: { state: "saved", at }, banner: state.banner?.kind === "storage" ? null : state.banner }));
        },
        onError: (error) => set({ save: { state: "failed", message: saveFailedMessage(error) }, banner: { kind: "storage", message: saveFailedMessage(error) } }),
      });
      set({ current: summary, interruptedRun, save: { state: "idle" } });
    };

    const openStored = async (id: string) => {
      const opened = await db().open(id);
      await closeCurrent();
      const { files, checkpoints, chatLog } = upgradeSavedProject(opened.snapshot);
      show(opened.summary, files, { checkpoints, chatLog }, opened.interruptedRun);
    };

    const createStored = async (files: ProjectFiles, name: string) => {
      const summary = await db().create(name, { version: 1, files, ...EMPTY_AGENT });
      await closeCurrent();
      show(summary, files, EMPTY_AGENT, null);
      await get().refresh();
    };

    const openFirstProject = async (location: RemixLocation, history: RemixHistory, codec?: ShareCodecOptions) => {
      if (await get().openRemix(location, history, codec)) return;
      try {
        const [last] = await db().list();
        if (last) {
          await openStored(last.id);
          await get().refresh();
        } else {
          await createStored(project.getState().files, projectTitle(project.getState().files));
        }
      } catch (error) {
        storageOff(error);
      }
    };

    const scheduleSave = () => {
      if (switching || !autosaver) return;
      autosaver.schedule(snapshot());
      set({ save: { state: "pending" } });
    };

    project.subscribe((state, previous) => {
      if (state.files !== previous.files) scheduleSave();
    });

    return {
      current: null,
      projects: [],
      save: { state: "idle" },
      banner: null,
      interruptedRun: null,
      lastDeleted: null,

      async openRemix(location, history, codec) {
        let remixed: ProjectFiles | null;
        try {
          remixed = takeRemixFromLocation(location, history, codec);
        } catch (error) {
          fail("remix", new Error(`The remix link could not be opened: ${message(error)} Your projects are unchanged.`));
          return false;
        }
        if (!remixed) return false;
        try {
          await createStored(remixed, `${projectTitle(remixed)} (remix)`);
        } catch (error) {
          // Storage is unusable (private mode, blocked site data): keep working in memory, say so.
          await closeCurrent();
          project.getState().replaceAll(remixed);
          preview.getState().restart();
          storageOff(error);
        }
        return true;
      },

      async start(location, history, codec) {
        await openFirstProject(location, history, codec);
        applyUnsavedBackup(backupStorage, get().current?.id ?? null, project);
      },

      async refresh() {
        try {
          set({ projects: await db().list() });
        } catch (error) {
          fail("projects", error);
        }
      },

      async open(id) {
        if (get().current?.id === id) return;
        try {
          await openStored(id);
          await get().refresh();
        } catch (error) {
          fail("projects", error);
        }
      },

      async create(files = starterProject(), name) {
        try {
          await createStored(files, name ?? projectTitle(files));
        } catch (error) {
          fail("projects", error);
        }
      },

      async rename(id, name) {
        try {
          const summary = await db().rename(id, name);
          if (get().current?.id === id) set({ current: summary });
          await get().refresh();
        } catch (error) {
          fail("projects", error);
        }
      },

      async duplicate(id) {
        try {
          if (get().current?.id === id) await get().flush();
          await db().duplicate(id);
          await get().refresh();
        } catch (error) {
          fail("projects", error);
        }
      },

      async remove(id) {
        try {
          const summary = (await db().list()).find((p) => p.id === id) ?? null;
          await db().delete(id);
          set({ lastDeleted: summary });
          await get().refresh();
          // The open project went to the trash: continue on the next one, or a fresh starter.
          if (get().current?.id === id) {
            await closeCurrent();
            const [next] = get().projects;
            if (next) await openStored(next.id);
            else await createStored(starterProject(), projectTitle(starterProject()));
          }
        } catch (error) {
          fail("projects", error);
        }
      },

      async undoRemove() {
        const deleted = get().lastDeleted;
        if (!deleted) return;
        try {
          await db().restore(deleted.id);
          set({ lastDeleted: null });
          await get().refresh();
        } catch (error) {
          fail("projects", error);
        }
      },

      async flush() {
        await autosaver?.flush();
      },

      backUpUnsaved() {
        const { current, save } = get();
        if (current && save.state === "pending") writeUnsavedBackup(backupStorage, current.id, project.getState().files);
      },

      async setThumbnail(dataUrl) {
        const current = get().current;
        if (!current) return;
        try {
          await db().setThumbnail(current.id, dataUrl);
          await get().refresh();
        } catch (error) {
          fail("storage", error);
        }
      },

      async markRunStarted(prompt) {
        const current = get().current;
        runProjectId = current?.id ?? null;
        if (current) await db().markRunStarted(current.id, prompt).catch((error: unknown) => fail("storage", error));
      },

      async markRunEnded() {
        // The run may end after a switch to another project: clear the marker where it was set.
        const id = runProjectId ?? get().current?.id;
        runProjectId = null;
        if (id) await db().clearRun(id).catch((error: unknown) => fail("storage", error));
      },

      canResume() {
        return get().interruptedRun !== null && bridge?.send !== undefined;
      },

      async resumeRun() {
        const run = get().interruptedRun;
        if (!run || !bridge?.send) return;
        set({ interruptedRun: null });
        // Sending starts a new run, which sets the marker again.
        bridge.send(run.prompt);
      },

      async discardRun() {
        const current = get().current;
        set({ interruptedRun: null });
        if (current) await db().clearRun(current.id).catch((error: unknown) => fail("storage", error));
      },

      attachAgentState(next) {
        bridge = next;
        switching = true;
        try {
          next.set(agentState);
        } finally {
          switching = false;
        }
        const unsubscribe = next.subscribe(() => {
          agentState = next.get();
          scheduleSave();
        });
        // Re-render anything that shows whether Resume can work.
        set({});
        return () => {
          unsubscribe();
          if (bridge !== next) return;
          agentState = next.get();
          bridge = null;
          set({});
        };
      },

      showBanner(banner) {
        set({ banner });
      },

      dismissBanner() {
        set({ banner: null });
      },
    };
  });

  return store;
}
