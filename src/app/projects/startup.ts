// Starts persistence for the IDE page: links the agent's chat and playtest thumbnails to it, opens
// the project before the first render, takes remix links pasted into an open IDE, and writes
// pending changes when the tab is hidden or closed.

import { browserStorage, LEGACY_STORAGE_KEYS, linkAgentToPersistence, readItem, STORAGE_KEYS, writeItem, type Workbench } from "../../state";
import { projectFrom } from "../../project";
import { builderSpecCompiler } from "../../builder";
import { keepPlaytestThumbnails } from "./thumbnails";

const codec = { specCompiler: builderSpecCompiler };

export async function startPersistence(workbench: Workbench, win: Window = window): Promise<void> {
  const persistence = workbench.persistence;
  linkAgentToPersistence(workbench.agent, persistence);
  keepPlaytestThumbnails(workbench);
  await persistence.getState().start(win.location, win.history, codec);
  restoreUnsavedBackup(workbench, win);
  // The pending save may be the last chance before the page goes away; failures show as banners.
  // IndexedDB may not finish while the page unloads, so a pending change is also copied
  // synchronously to localStorage and applied at the next start.
  const flush = () => {
    backUpUnsaved(workbench, win);
    void persistence.getState().flush().catch(() => undefined);
  };
  win.document.addEventListener("visibilitychange", () => {
    if (win.document.visibilityState === "hidden") flush();
  });
  win.addEventListener("pagehide", flush);
  win.addEventListener("hashchange", () => void persistence.getState().openRemix(win.location, win.history, codec));
}

const UNSAVED_KEY = STORAGE_KEYS.unsaved;
const OLD_UNSAVED_KEY = LEGACY_STORAGE_KEYS.unsaved;

interface UnsavedBackup {
  projectId: string;
  files: Record<string, string>;
}

function backUpUnsaved(workbench: Workbench, win: Window) {
  const { current, save } = workbench.persistence.getState();
  if (!current || save.state !== "pending") return;
  const files = workbench.project.getState().files;
  if (Object.values(files).some((content) => typeof content !== "string")) return; // bytes: IndexedDB only
  // Best effort: with a full or unavailable localStorage the IndexedDB flush is still under way.
  const backup: UnsavedBackup = { projectId: current.id, files: files as Record<string, string> };
  writeItem(browserStorage("local", win), UNSAVED_KEY, JSON.stringify(backup));
}

function restoreUnsavedBackup(workbench: Workbench, win: Window) {
  const storage = browserStorage("local", win);
  const raw = readItem(storage, UNSAVED_KEY) ?? readItem(storage, OLD_UNSAVED_KEY);
  writeItem(storage, UNSAVED_KEY, null);
  writeItem(storage, OLD_UNSAVED_KEY, null);
  let backup: UnsavedBackup | null;
  try {
    backup = JSON.parse(raw ?? "null");
  } catch {
    return;
  }
  const current = workbench.persistence.getState().current;
  if (!backup || !current || backup.projectId !== current.id || typeof backup.files !== "object") return;
  const files = workbench.project.getState().files;
  const same = Object.keys(backup.files).length === Object.keys(files).length && Object.entries(backup.files).every(([path, text]) => files[path] === text);
  if (same) return;
  try {
    // Applied as an edit through the project store (validated first), so it is saved again and re-run.
    workbench.project.getState().replaceAll(projectFrom(Object.entries(backup.files)));
  } catch {
    // A damaged backup is dropped; the stored project stays as it was.
  }
}
