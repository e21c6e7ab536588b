// Debounced autosave: the IDE calls `schedule` on every change; the latest snapshot is written
// after a quiet moment, one save at a time. Failures go to `onError` and the next change retries.

import type { ProjectStorage, StoredProject } from "./projects";

export interface AutosaveOptions {
  /** Quiet time after the last change before saving. */
  delayMs?: number;
  onSaved?: (savedAt: number) => void;
  /** Receives StorageQuotaError / StorageUnavailableError (or other failures) with a message to show. */
  onError: (error: unknown) => void;
}

export interface Autosaver<Saved extends StoredProject = StoredProject> {
  schedule(snapshot: Saved): void;
  /** Saves a pending snapshot now and waits for every save in flight; rejects if that save fails. */
  flush(): Promise<void>;
  /** Stops the timer; a pending snapshot is not saved (call flush first to keep it). */
  dispose(): void;
}

export function createAutosaver<Saved extends StoredProject>(storage: ProjectStorage<Saved>, projectId: string, options: AutosaveOptions): Autosaver<Saved> {
  const delayMs = options.delayMs ?? 600;
  let pending: Saved | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();

  const saveLatest = (): Promise<void> => {
    const job = running.then(async () => {
      const snapshot = pending;
      if (!snapshot) return;
      pending = null;
      try {
        const { savedAt } = await storage.save(projectId, snapshot);
        options.onSaved?.(savedAt);
      } catch (error) {
        // Keep the unsaved snapshot unless a newer one arrived meanwhile, so the next flush retries it.
        pending ??= snapshot;
        options.onError(error);
        throw error;
      }
    });
    // The queue goes on after a failure; the failure itself reaches onError and flush's caller.
    running = job.catch(() => undefined);
    return job;
  };

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  return {
    schedule(snapshot) {
      pending = snapshot;
      clearTimer();
      timer = setTimeout(() => {
        timer = null;
        saveLatest().catch(() => undefined);
      }, delayMs);
    },
    flush() {
      clearTimer();
      return saveLatest();
    },
    dispose() {
      clearTimer();
      pending = null;
    },
  };
}
