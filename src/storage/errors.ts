// Typed storage failures. A failed save never replaces the last good one, so every message can
// say that the earlier save is safe and what to do next.

export class StorageError extends Error {
  constructor(message: string, readonly cause?: unknown) {
    super(message);
    this.name = "StorageError";
  }
}

/** The browser refused the write because this site's storage is full. */
export class StorageQuotaError extends StorageError {
  constructor(readonly lastSavedAt: number | null, cause?: unknown) {
    super(`This browser's storage for Playforge is full, so the latest changes were not saved. ${lastSaved(lastSavedAt)} ${EXPORT} to keep them, or free space by deleting old projects from the list.`, cause);
    this.name = "StorageQuotaError";
  }
}

/** Why IndexedDB cannot be used: it refused (private browsing, blocked site data) or never answered. */
export type UnavailableReason = "refused" | "no-answer";

/** IndexedDB cannot be used (private browsing, disabled or blocked storage, a database that never opens). */
export class StorageUnavailableError extends StorageError {
  constructor(readonly lastSavedAt: number | null, readonly reason: UnavailableReason = "refused", cause?: unknown) {
    const kept = lastSavedAt === null ? "Nothing is saved in this window: your work lives only in this tab." : `Your last save (${time(lastSavedAt)}) was not changed; what you did since lives only in this tab.`;
    super(`${UNAVAILABLE[reason]} ${kept} ${EXPORT} before closing the tab.`, cause);
    this.name = "StorageUnavailableError";
  }
}

const UNAVAILABLE: Record<UnavailableReason, string> = {
  refused: "This browser does not let Playforge use its storage (private browsing, or site data blocked or cleared in the browser's settings), so nothing can be saved.",
  "no-answer": "This browser's storage (IndexedDB) does not answer, so nothing can be saved: another Playforge tab may be holding it, or the browser's storage is damaged. Close other Playforge tabs and reload to try again.",
};
const EXPORT = "Export the project as a zip (Export → Download zip)";

export class StoredProjectNotFoundError extends StorageError {
  constructor(readonly id: string) {
    super(`No saved project with id "${id}". It may have been deleted in another tab; pick one from the projects list.`);
    this.name = "StoredProjectNotFoundError";
  }
}

function lastSaved(at: number | null): string {
  return at === null ? "Nothing of this project was saved before." : `The save from ${time(at)} is kept unchanged.`;
}

function time(at: number): string {
  return new Date(at).toLocaleTimeString();
}

const QUOTA_NAMES = new Set(["QuotaExceededError", "NS_ERROR_DOM_QUOTA_REACHED"]);
const UNAVAILABLE_NAMES = new Set(["InvalidStateError", "SecurityError", "UnknownError", "NotAllowedError"]);

/** Maps a raw IndexedDB failure to a typed StorageError (other errors pass through unchanged). */
export function classifyStorageError(error: unknown, lastSavedAt: number | null): unknown {
  if (error instanceof StorageError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (typeof name === "string" && QUOTA_NAMES.has(name)) return new StorageQuotaError(lastSavedAt, error);
  if (typeof name === "string" && UNAVAILABLE_NAMES.has(name)) return new StorageUnavailableError(lastSavedAt, "refused", error);
  if (error instanceof ReferenceError && /indexedDB/.test(error.message)) return new StorageUnavailableError(lastSavedAt, "refused", error);
  return error;
}
