// Project storage on an in-memory fake of idb-keyval's custom store (test/support/memory-idb.ts),
// which stages writes per transaction and can fail them like a full disk.

import { describe, expect, it, vi } from "vitest";
import type { UseStore } from "idb-keyval";
import { memoryStore } from "../support/memory-idb";
import { ProjectStorage, StorageQuotaError, StorageUnavailableError, StoredProjectNotFoundError, createAutosaver } from "../../src/storage";
import type { SavedProject } from "../../src/state";

function snapshot(main: string): SavedProject {
  return {
    version: 1,
    files: { "src/main.ts": main, "public/ship.png": new Uint8Array([137, 80, 78, 71, 9]) },
    checkpoints: [{ id: "c1", iteration: 1, files: { "src/main.ts": "// v1" }, report: null }],
    chatLog: [{ kind: "user", id: 1, text: "a diving game", steer: false }, { kind: "assistant", id: 2, text: "Done." }],
  };
}

describe("project storage", () => {
  it("saves and reopens a saved project as written: files (text and bytes), checkpoints and chat log", async () => {
    const mem = memoryStore();
    const storage = new ProjectStorage(mem.store);
    const { id } = await storage.create("Pearl Diver", snapshot("// hello"));
    const reopened = await new ProjectStorage(mem.store).open(id);
    expect(reopened.summary.name).toBe("Pearl Diver");
    expect(reopened.snapshot).toEqual(snapshot("// hello"));
    expect(reopened.snapshot.files["public/ship.png"]).toBeInstanceOf(Uint8Array);
    expect(reopened.interruptedRun).toBeNull();
  });

  it("replaces the save on each change and keeps exactly one snapshot record per project", async () => {
    const mem = memoryStore();
    const storage = new ProjectStorage(mem.store);
    const { id } = await storage.create("A", snapshot("// 1"));
    await storage.save(id, snapshot("// 2"));
    await storage.save(id, snapshot("// 3"));
    expect((await storage.open(id)).snapshot.files["src/main.ts"]).toBe("// 3");
    expect([...mem.data.keys()].filter((k) => String(k).includes("/rev/"))).toHaveLength(1);
  });

  it("keeps the last good save when the browser's storage is full, with a message that says so", async () => {
    const mem = memoryStore();
    const storage = new ProjectStorage(mem.store);
    const { id } = await storage.create("A", snapshot("// good"));
    mem.failPutsWhere((key) => key.includes("/rev/"));
    const error = await storage.save(id, snapshot("// lost")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageQuotaError);
    expect((error as Error).message).toMatch(/storage for Playforge is full.*is kept unchanged.*Export the project as a zip/);
    expect((await storage.open(id)).snapshot.files["src/main.ts"]).toBe("// good");
    mem.failPutsWhere(null);
    await storage.save(id, snapshot("// next"));
    expect((await storage.open(id)).snapshot.files["src/main.ts"]).toBe("// next");
  });

  it("keeps the last good save when the pointer switch fails after the new record was written", async () => {
    const mem = memoryStore();
    const storage = new ProjectStorage(mem.store);
    const { id } = await storage.create("A", snapshot("// good"));
    mem.failPutsWhere((key) => key.endsWith("/head"));
    await expect(storage.save(id, snapshot("// half"))).rejects.toBeInstanceOf(StorageQuotaError);
    mem.failPutsWhere(null);
    expect((await storage.open(id)).snapshot.files["src/main.ts"]).toBe("// good");
    expect([...mem.data.keys()].filter((k) => String(k).includes("/rev/"))).toHaveLength(1);
  });

  it("lists projects newest first, renames, and duplicates into an independent copy", async () => {
    let clock = 1000;
    const storage = new ProjectStorage(memoryStore().store, () => clock++);
    const a = await storage.create("Alpha", snapshot("// a"));
    const b = await storage.create("  ", snapshot("// b"));
    expect((await storage.list()).map((p) => p.name)).toEqual(["Untitled game", "Alpha"]);
    await storage.rename(a.id, "Alpha Two");
    const copy = await storage.duplicate(a.id);
    expect(copy.name).toBe("Alpha Two (copy)");
    await storage.save(copy.id, snapshot("// changed copy"));
    expect((await storage.open(a.id)).snapshot.files["src/main.ts"]).toBe("// a");
    expect((await storage.list()).map((p) => p.id)).toEqual([copy.id, a.id, b.id]);
  });

  it("lists each project with the thumbnail stored for it", async () => {
    const storage = new ProjectStorage(memoryStore().store);
    const a = await storage.create("With thumb", snapshot("// a"));
    const b = await storage.create("Without", snapshot("// b"));
    await storage.setThumbnail(a.id, "data:image/png;base64,AAAA");
    const listed = await storage.list();
    expect(listed.find((p) => p.id === a.id)?.thumbnail).toBe("data:image/png;base64,AAAA");
    expect(listed.find((p) => p.id === b.id)?.thumbnail).toBeUndefined();
    await expect(storage.setThumbnail("nope", "data:,")).rejects.toBeInstanceOf(StoredProjectNotFoundError);
  });

  it("deletes into a trash that undo restores, and purges old trash for good", async () => {
    let clock = 0;
    const mem = memoryStore();
    const storage = new ProjectStorage(mem.store, () => clock);
    const { id } = await storage.create("Doomed", snapshot("// x"));
    const { undo } = await storage.delete(id);
    expect(await storage.list()).toEqual([]);
    expect((await storage.listDeleted()).map((p) => p.id)).toEqual([id]);
    await undo();
    expect((await storage.list()).map((p) => p.id)).toEqual([id]);
    await storage.delete(id);
    clock = 10_000;
    expect(await storage.purgeDeleted(60_000)).toEqual([]);
    clock = 100_000;
    expect(await storage.purgeDeleted(60_000)).toEqual([id]);
    expect([...mem.data.keys()].filter((k) => String(k).startsWith(`project/${id}/`))).toEqual([]);
    await expect(storage.open(id)).rejects.toBeInstanceOf(StoredProjectNotFoundError);
  });

  it("reports a run that was going on when the tab went away as interrupted until it is cleared", async () => {
    const mem = memoryStore();
    const storage = new ProjectStorage(mem.store);
    const { id } = await storage.create("A", snapshot("// a"));
    await storage.markRunStarted(id, "make the jellyfish faster");
    const afterReload = await new ProjectStorage(mem.store).open(id);
    expect(afterReload.interruptedRun).toMatchObject({ prompt: "make the jellyfish faster" });
    await storage.clearRun(id);
    expect((await storage.open(id)).interruptedRun).toBeNull();
  });

  it("says saving is impossible when IndexedDB is refused (private mode)", async () => {
    const refused: UseStore = () => Promise.reject(new DOMException("A mutation operation was attempted on a database that did not allow mutations.", "InvalidStateError"));
    const error = await new ProjectStorage(refused).list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect((error as Error).message).toMatch(/private browsing.*Export the project as a zip/);
  });
});

describe("autosave", () => {
  it("writes only the latest of a burst of changes, once, after a quiet moment", async () => {
    const mem = memoryStore();
    const storage = new ProjectStorage(mem.store);
    const { id } = await storage.create("A", snapshot("// 0"));
    const saved: number[] = [];
    const autosaver = createAutosaver(storage, id, { delayMs: 30, onSaved: (at) => saved.push(at), onError: (e) => { throw e; } });
    for (let i = 1; i <= 5; i++) autosaver.schedule(snapshot(`// ${i}`));
    // Waits for the save (a busy machine may take longer than the 30 ms), then for a second one
    // that must not come.
    await vi.waitFor(() => expect(saved.length).toBeGreaterThan(0), { timeout: 10_000, interval: 10 });
    await new Promise((r) => setTimeout(r, 150));
    expect(saved).toHaveLength(1);
    expect((await storage.open(id)).snapshot.files["src/main.ts"]).toBe("// 5");
    autosaver.dispose();
  });

  it("reports a full disk through onError, keeps the old save, and retries the unsaved change on flush", async () => {
    const mem = memoryStore();
    const storage = new ProjectStorage(mem.store);
    const { id } = await storage.create("A", snapshot("// safe"));
    const errors: unknown[] = [];
    const autosaver = createAutosaver(storage, id, { delayMs: 10_000, onError: (e) => errors.push(e) });
    mem.failPutsWhere((key) => key.includes("/rev/"));
    autosaver.schedule(snapshot("// unsaved"));
    await expect(autosaver.flush()).rejects.toBeInstanceOf(StorageQuotaError);
    expect(errors[0]).toBeInstanceOf(StorageQuotaError);
    expect((await storage.open(id)).snapshot.files["src/main.ts"]).toBe("// safe");
    mem.failPutsWhere(null);
    await autosaver.flush();
    expect((await storage.open(id)).snapshot.files["src/main.ts"]).toBe("// unsaved");
  });
});
