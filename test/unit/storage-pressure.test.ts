// The IDE's saving under storage pressure, through the persistence store the IDE uses, on a
// failing in-memory IndexedDB (test/support/memory-idb.ts): a full disk during autosave, private
// browsing, and a database that refuses or never answers each end in a message that says what
// happened, what is kept and what to do, and the last good save stays the one that opens.

import { describe, expect, it, vi } from "vitest";
import { memoryStore } from "../support/memory-idb";
import { ProjectStorage } from "../../src/storage";
import { createConsoleStore, createPersistenceStore, createPreviewStore, createProjectStore, type PersistenceStore, type ProjectStore } from "../../src/state";
import type { ProjectFiles } from "../../src/project";

const nowhere = { location: { hash: "", pathname: "/", search: "" }, history: { replaceState: () => undefined } };
const starter: ProjectFiles = { "index.html": "<!doctype html>", "src/main.ts": "// starter" };

/** An IDE's project and persistence stores on `store`, started as the IDE starts them. */
async function ide(mem: ReturnType<typeof memoryStore>, firstAnswerTimeoutMs = 10_000): Promise<{ project: ProjectStore; persistence: PersistenceStore }> {
  const project = createProjectStore(starter);
  const preview = createPreviewStore({ project, console: createConsoleStore(), createSandbox: () => { throw new Error("no preview in unit tests"); } });
  const persistence = createPersistenceStore({ project, preview, storage: () => new ProjectStorage(mem.store, Date.now, firstAnswerTimeoutMs), autosaveDelayMs: 5 });
  await persistence.getState().start(nowhere.location, nowhere.history);
  return { project, persistence };
}

const edit = (project: ProjectStore, main: string) => project.getState().replaceAll({ ...starter, "src/main.ts": main });
const banner = (persistence: PersistenceStore) => persistence.getState().banner;

/** What a reload would open: the project's current save, read by a fresh storage. */
async function reopened(mem: ReturnType<typeof memoryStore>): Promise<string> {
  const storage = new ProjectStorage(mem.store);
  const [last] = await storage.list();
  return String((await storage.open(last.id)).snapshot.files["src/main.ts"]);
}

async function savedAs(persistence: PersistenceStore, state: string) {
  await vi.waitFor(() => expect(persistence.getState().save.state).toBe(state), { timeout: 10_000, interval: 5 });
}

describe("saving when the browser's storage is full", () => {
  it("says the changes were not saved, that the earlier save is kept and to export a zip, and retries with the next change", async () => {
    const mem = memoryStore();
    const { project, persistence } = await ide(mem);
    edit(project, "// good");
    await savedAs(persistence, "saved");

    mem.failPutsWhere((key) => key.includes("/rev/"));
    edit(project, "// too big");
    await savedAs(persistence, "failed");
    expect(banner(persistence)).toMatchObject({ kind: "storage" });
    expect(banner(persistence)!.message).toMatch(/storage for Playforge is full, so the latest changes were not saved\. The save from .+ is kept unchanged\. Export the project as a zip \(Export → Download zip\).*tries to save again with your next change/);
    expect(await reopened(mem)).toBe("// good");

    mem.failPutsWhere(null);
    edit(project, "// after freeing space");
    await savedAs(persistence, "saved");
    expect(banner(persistence)).toBeNull();
    expect(await reopened(mem)).toBe("// after freeing space");
  });

  it("keeps the earlier save current when the disk fills while the save is being committed, as the message says", async () => {
    const mem = memoryStore();
    const { project, persistence } = await ide(mem);
    edit(project, "// good");
    await savedAs(persistence, "saved");

    // The new snapshot fits; the commit (head pointer, list entry) does not.
    mem.failPutsWhere((key) => key === "projects");
    edit(project, "// half saved");
    await savedAs(persistence, "failed");
    expect(banner(persistence)!.message).toMatch(/latest changes were not saved\. The save from .+ is kept unchanged/);
    mem.failPutsWhere(null);
    expect(await reopened(mem)).toBe("// good");
    expect(mem.revisionKeys()).toHaveLength(1);
  });

  it("when even the first save of a new project does not fit (Safari's private mode), says nothing was saved and does not promise a retry", async () => {
    const mem = memoryStore();
    mem.failPutsWhere(() => true);
    const { project, persistence } = await ide(mem);
    expect(persistence.getState().save.state).toBe("off");
    expect(banner(persistence)!.message).toMatch(/storage for Playforge is full.*Nothing of this project was saved before\. Export the project as a zip.*Saving stays off in this tab until you reload\./);
    expect(banner(persistence)!.message).not.toMatch(/next change/);
    // The IDE keeps working on the files in memory.
    edit(project, "// still editable");
    expect(project.getState().files["src/main.ts"]).toBe("// still editable");
  });
});

describe("saving when IndexedDB cannot be used", () => {
  it.each([
    ["private browsing (Firefox)", new DOMException("A mutation operation was attempted on a database that did not allow mutations.", "InvalidStateError")],
    ["site data blocked in the settings", new DOMException("The user denied permission to access the database.", "UnknownError")],
    ["storage disabled by policy", new DOMException("The operation is insecure.", "SecurityError")],
  ])("with %s, keeps the files in this tab and says nothing is saved and to export a zip", async (_, refusal) => {
    const mem = memoryStore();
    mem.refuse(refusal);
    const { project, persistence } = await ide(mem);
    expect(persistence.getState().save.state).toBe("off");
    expect(banner(persistence)!.message).toBe(
      "This browser does not let Playforge use its storage (private browsing, or site data blocked or cleared in the browser's settings), so nothing can be saved. Nothing is saved in this window: your work lives only in this tab. Export the project as a zip (Export → Download zip) before closing the tab.",
    );
    expect(project.getState().files).toEqual(starter);
  });

  it("starts in memory with a clear message when the database never answers (a blocked open), instead of waiting forever", async () => {
    const mem = memoryStore();
    mem.neverAnswer();
    const started = ide(mem, 50);
    const { persistence, project } = await started;
    expect(persistence.getState().save.state).toBe("off");
    expect(banner(persistence)!.message).toMatch(/^This browser's storage \(IndexedDB\) does not answer, so nothing can be saved: another Playforge tab may be holding it.*Close other Playforge tabs and reload to try again\. Nothing is saved in this window.*Export the project as a zip/);
    expect(project.getState().files).toEqual(starter);
  });

  it("when storage is refused mid-session (site data cleared, the database closed), says the last save was not changed and to export a zip", async () => {
    const mem = memoryStore();
    const { project, persistence } = await ide(mem);
    edit(project, "// good");
    await savedAs(persistence, "saved");

    mem.refuse(new DOMException("The database connection is closing.", "InvalidStateError"));
    edit(project, "// not stored");
    await savedAs(persistence, "failed");
    expect(banner(persistence)!.message).toMatch(/does not let Playforge use its storage.*Your last save \(.+\) was not changed; what you did since lives only in this tab\. Export the project as a zip.*tries to save again with your next change/);
    mem.refuse(null);
    expect(await reopened(mem)).toBe("// good");
  });
});
