// The saved project through the persistence store the IDE uses, on in-memory IndexedDB and
// localStorage fakes: records saved before versions still open with their files, checkpoints and
// chat log, and a pending change backed up as the page went away is applied at the next start.

import { describe, expect, it, vi } from "vitest";
import { memoryStore } from "../support/memory-idb";
import { memoryStorage } from "../support/memory-storage";
import { ProjectStorage } from "../../src/storage";
import { createConsoleStore, createPersistenceStore, createPreviewStore, createProjectStore, LEGACY_STORAGE_KEYS, STORAGE_KEYS, upgradeSavedProject, type ChatItem, type LegacySavedProject, type PersistenceStore, type ProjectStore, type SavedAgentState, type SavedProject } from "../../src/state";
import type { Checkpoint } from "../../src/agent";
import type { ProjectFiles } from "../../src/project";

const nowhere = { location: { hash: "", pathname: "/", search: "" }, history: { replaceState: () => undefined } };
const starter: ProjectFiles = { "index.html": "<!doctype html>", "src/main.ts": "// starter" };
const checkpoint: Checkpoint = { id: "c1", iteration: 1, files: { ...starter, "src/main.ts": "// v1" }, report: null };
const chatLog: ChatItem[] = [
  { kind: "user", id: 1, text: "a diving game", steer: false },
  { kind: "finished", id: 2, playable: true, summary: "A pearl diver dodging jellyfish." },
];

/** A record as Playforge saved it before records had a version. */
function legacyRecord(extra: Partial<LegacySavedProject> = {}): LegacySavedProject {
  return {
    files: { ...starter, "src/main.ts": "// saved long ago" },
    chat: [{ role: "user", content: "a diving game" }, { role: "assistant", content: "A pearl diver dodging jellyfish." }],
    checkpoints: [checkpoint],
    settings: { chattiness: "normal" },
    chatLog,
    ...extra,
  };
}

/** One page of the IDE: its project and persistence stores on `mem` (IndexedDB) and `local` (localStorage). */
function page(mem: ReturnType<typeof memoryStore>, local: Storage, autosaveDelayMs = 5): { project: ProjectStore; persistence: PersistenceStore } {
  const project = createProjectStore(starter);
  const preview = createPreviewStore({ project, console: createConsoleStore(), createSandbox: () => { throw new Error("no preview in unit tests"); } });
  const persistence = createPersistenceStore({ project, preview, storage: () => new ProjectStorage(mem.store), autosaveDelayMs, backupStorage: local });
  return { project, persistence };
}

const start = (persistence: PersistenceStore) => persistence.getState().start(nowhere.location, nowhere.history);
const edit = (project: ProjectStore, main: string) => project.getState().replaceAll({ ...starter, "src/main.ts": main });

/** The record a reload would open, as stored, read by a fresh storage. */
async function storedRecord(mem: ReturnType<typeof memoryStore>): Promise<unknown> {
  const storage = new ProjectStorage(mem.store);
  const [last] = await storage.list();
  return (await storage.open(last.id)).snapshot;
}

async function savedAs(persistence: PersistenceStore, state: string) {
  await vi.waitFor(() => expect(persistence.getState().save.state).toBe(state), { timeout: 10_000, interval: 5 });
}

describe("upgrading a saved project", () => {
  it("turns a record saved before versions into version 1 with its files, checkpoints and chat log, leaving out chat and settings", () => {
    expect(upgradeSavedProject(legacyRecord())).toEqual({ version: 1, files: { ...starter, "src/main.ts": "// saved long ago" }, checkpoints: [checkpoint], chatLog });
  });

  it("gives a record saved before the chat log existed an empty one", () => {
    expect(upgradeSavedProject(legacyRecord({ chatLog: undefined })).chatLog).toEqual([]);
  });

  it("opens a version 1 record as it is", () => {
    const saved: SavedProject = { version: 1, files: starter, checkpoints: [checkpoint], chatLog };
    expect(upgradeSavedProject(saved)).toBe(saved);
  });

  it("opens an old record in the IDE with its files, checkpoints and chat log, and saves it back as version 1", async () => {
    const mem = memoryStore();
    await new ProjectStorage<LegacySavedProject>(mem.store).create("Pearl Diver", legacyRecord());
    const { project, persistence } = page(mem, memoryStorage());
    let agent: SavedAgentState = { checkpoints: [], chatLog: [] };
    persistence.getState().attachAgentState({ get: () => agent, set: (state) => void (agent = state), subscribe: () => () => undefined });
    await start(persistence);
    expect(project.getState().files["src/main.ts"]).toBe("// saved long ago");
    expect(agent).toEqual({ checkpoints: [checkpoint], chatLog });

    edit(project, "// edited");
    await savedAs(persistence, "saved");
    expect(await storedRecord(mem)).toEqual({ version: 1, files: { ...starter, "src/main.ts": "// edited" }, checkpoints: [checkpoint], chatLog });
  });
});

describe("the unload backup", () => {
  it("applies a pending change backed up as the page went away at the next start, through the project store, and saves it", async () => {
    const mem = memoryStore();
    const local = memoryStorage();
    const first = page(mem, local, 60_000);
    await start(first.persistence);
    const projectId = first.persistence.getState().current!.id;
    edit(first.project, "// typed just before closing");
    expect(first.persistence.getState().save.state).toBe("pending");
    first.persistence.getState().backUpUnsaved();
    expect(JSON.parse(local.getItem(STORAGE_KEYS.unsaved)!)).toEqual({ projectId, files: { ...starter, "src/main.ts": "// typed just before closing" } });
    // The page goes away before IndexedDB has the change.
    mem.failPutsWhere(() => true);
    await first.persistence.getState().flush().catch(() => undefined);
    mem.failPutsWhere(null);
    expect(await storedRecord(mem)).toMatchObject({ files: starter });

    const next = page(mem, local);
    await start(next.persistence);
    expect(next.persistence.getState().current?.id).toBe(projectId);
    expect(next.project.getState().files["src/main.ts"]).toBe("// typed just before closing");
    expect(local.getItem(STORAGE_KEYS.unsaved)).toBeNull();
    await savedAs(next.persistence, "saved");
    expect(await storedRecord(mem)).toMatchObject({ files: { "src/main.ts": "// typed just before closing" } });
  });

  it("backs up nothing while no save is pending, nor a project with binary files (IndexedDB keeps those)", async () => {
    const local = memoryStorage();
    const { project, persistence } = page(memoryStore(), local, 60_000);
    await start(persistence);
    persistence.getState().backUpUnsaved();
    expect(local.getItem(STORAGE_KEYS.unsaved)).toBeNull();

    project.getState().replaceAll({ ...starter, "public/ship.png": new Uint8Array([137, 80, 78, 71]) });
    expect(persistence.getState().save.state).toBe("pending");
    persistence.getState().backUpUnsaved();
    expect(local.getItem(STORAGE_KEYS.unsaved)).toBeNull();
    await persistence.getState().flush();
  });

  it("applies a backup left under the older key, and removes it", async () => {
    const mem = memoryStore();
    const local = memoryStorage();
    const first = page(mem, local);
    await start(first.persistence);
    local.setItem(LEGACY_STORAGE_KEYS.unsaved, JSON.stringify({ projectId: first.persistence.getState().current!.id, files: { ...starter, "src/main.ts": "// from the older key" } }));

    const next = page(mem, local);
    await start(next.persistence);
    expect(next.project.getState().files["src/main.ts"]).toBe("// from the older key");
    expect(local.getItem(LEGACY_STORAGE_KEYS.unsaved)).toBeNull();
    await savedAs(next.persistence, "saved");
  });

  it.each([
    ["is not JSON", () => "{ cut off"],
    ["has no files", (projectId: string) => JSON.stringify({ projectId, files: null })],
    ["names a path outside the project", (projectId: string) => JSON.stringify({ projectId, files: { ...starter, "../escape.ts": "// out" } })],
    ["belongs to another project", () => JSON.stringify({ projectId: "p-other", files: { ...starter, "src/main.ts": "// elsewhere" } })],
  ])("drops a backup that %s, opens the stored project unchanged and removes both keys", async (_, backup) => {
    const mem = memoryStore();
    const local = memoryStorage();
    const first = page(mem, local);
    await start(first.persistence);
    local.setItem(STORAGE_KEYS.unsaved, backup(first.persistence.getState().current!.id));
    local.setItem(LEGACY_STORAGE_KEYS.unsaved, JSON.stringify({ projectId: "p-older", files: starter }));

    const next = page(mem, local);
    await start(next.persistence);
    expect(next.project.getState().files).toEqual(starter);
    expect(next.persistence.getState().save.state).toBe("idle");
    expect([local.getItem(STORAGE_KEYS.unsaved), local.getItem(LEGACY_STORAGE_KEYS.unsaved)]).toEqual([null, null]);
  });
});
