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
    super(
      `This browser's storage for Playforge is full, so the latest changes were not saved. ${lastSaved(lastSavedAt)} Export the project as a zip, or delete old projects from the list, then keep working: the next change saves again.`,
      cause,
    );
    this.name = "StorageQuotaError";
  }
}

/** IndexedDB cannot be used at all here (private browsing, disabled storage, blocked by policy). */
export class StorageUnavailableError extends StorageError {
  constructor(cause?: unknown) {
    super(
      "This browser window does not let Playforge save projects (private browsing or blocked site data?). Your work lives only in this tab: export it as a zip before closing, or open Playforge in a normal window.",
      cause,
    );
    this.name = "StorageUnavailableError";
  }
}

export class StoredProjectNotFoundError extends StorageError {
  constructor(readonly id: string) {
    super(`No saved project with id "${id}". It may have been deleted in another tab; pick one from the projects list.`);
    this.name = "StoredProjectNotFoundError";
  }
}

function lastSaved(at: number | null): string {
  return at === null ? "Nothing of this project was saved before." : `The save from ${new Date(at).toLocaleTimeString()} is kept unchanged.`;
}

const QUOTA_NAMES = new Set(["QuotaExceededError", "NS_ERROR_DOM_QUOTA_REACHED"]);
const UNAVAILABLE_NAMES = new Set(["InvalidStateError", "SecurityError", "UnknownError", "NotAllowedError"]);

/** Maps a raw IndexedDB failure to a typed StorageError (other errors pass through unchanged). */
export function classifyStorageError(error: unknown, lastSavedAt: number | null): unknown {
  if (error instanceof StorageError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (typeof name === "string" && QUOTA_NAMES.has(name)) return new StorageQuotaError(lastSavedAt, error);
  if (typeof name === "string" && UNAVAILABLE_NAMES.has(name)) return new StorageUnavailableError(error);
  if (error instanceof ReferenceError && /indexedDB/.test(error.message)) return new StorageUnavailableError(error);
  return error;
}
