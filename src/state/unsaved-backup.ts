// The unload backup: IndexedDB may not finish a save while the page goes away, so the persistence
// store also copies a pending change synchronously to localStorage and applies it at the next start.

import { projectFrom, type ProjectFiles } from "../project";
import { LEGACY_STORAGE_KEYS, readItem, STORAGE_KEYS, writeItem } from "./browser-storage";
import type { ProjectStore } from "./project";

interface UnsavedBackup {
  projectId: string;
  files: Record<string, string>;
}

/** Copies the files of `projectId`, when all of them are text (bytes are left to IndexedDB). */
export function writeUnsavedBackup(storage: Storage | undefined, projectId: string, files: ProjectFiles): void {
  if (Object.values(files).some((content) => typeof content !== "string")) return;
  const backup: UnsavedBackup = { projectId, files: files as Record<string, string> };
  // Best effort: with a full or unavailable localStorage the IndexedDB save is still under way.
  writeItem(storage, STORAGE_KEYS.unsaved, JSON.stringify(backup));
}

/**
 * Applies the backup the last page left of `projectId` (the project just opened) as an edit, when it
 * differs from what was saved; removes the backup, under both keys, either way.
 */
export function applyUnsavedBackup(storage: Storage | undefined, projectId: string | null, project: ProjectStore): void {
  const backup = takeUnsavedBackup(storage);
  if (!backup || backup.projectId !== projectId || backupMatches(backup, project.getState().files)) return;
  try {
    // Through the project store (validated first), so it is saved again and re-run.
    project.getState().replaceAll(projectFrom(Object.entries(backup.files)));
  } catch {
    // A damaged backup is dropped; the stored project stays as it was.
  }
}

/** The backup the last page left, or null (none, or damaged); removes it, under both keys, either way. */
function takeUnsavedBackup(storage: Storage | undefined): UnsavedBackup | null {
  const raw = readItem(storage, STORAGE_KEYS.unsaved) ?? readItem(storage, LEGACY_STORAGE_KEYS.unsaved);
  writeItem(storage, STORAGE_KEYS.unsaved, null);
  writeItem(storage, LEGACY_STORAGE_KEYS.unsaved, null);
  let backup: Partial<UnsavedBackup> | null;
  try {
    backup = JSON.parse(raw ?? "null");
  } catch {
    return null;
  }
  if (typeof backup?.projectId !== "string" || typeof backup.files !== "object" || backup.files === null) return null;
  return { projectId: backup.projectId, files: backup.files };
}

/** True when the backup holds exactly `files`: nothing was lost. */
function backupMatches(backup: UnsavedBackup, files: ProjectFiles): boolean {
  return Object.keys(backup.files).length === Object.keys(files).length && Object.entries(backup.files).every(([path, text]) => files[path] === text);
}
