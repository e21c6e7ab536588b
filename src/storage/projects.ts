// Projects in IndexedDB (through idb-keyval): a list, and per project a head pointer to its last
// good snapshot. A save writes a new snapshot record first and only then, in one transaction,
// moves the pointer (and drops the older snapshot), so a failed write (quota, tab closed) leaves
// the previous save intact and current.

import { createStore, del, delMany, get, getMany, keys, promisifyRequest, set, update, type UseStore } from "idb-keyval";
import type { ProjectFiles } from "../project";
import { StorageUnavailableError, StoredProjectNotFoundError, classifyStorageError } from "./errors";

/**
 * The least a stored project holds: its files. The IDE's record (src/state's SavedProject) adds its
 * own fields and version; storage keeps the whole record as a structured clone and gives it back
 * as it was written.
 */
export interface StoredProject {
  files: ProjectFiles;
}

export interface ProjectSummary {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** Set while the project is in the trash (deleted, can still be restored). */
  deletedAt?: number;
}

/** A list entry: the summary plus the project's thumbnail, when the playtest engine stored one. */
export interface ProjectListing extends ProjectSummary {
  /** A small PNG data URL. */
  thumbnail?: string;
}

/** Written when an agent run starts and removed when it ends; still present after a reload = interrupted. */
export interface RunMarker {
  startedAt: number;
  prompt: string;
}

export interface OpenedProject<Saved extends StoredProject = StoredProject> {
  summary: ProjectSummary;
  snapshot: Saved;
  savedAt: number;
  /** The run that was going on when the tab went away, to offer resume or discard. */
  interruptedRun: RunMarker | null;
}

interface Head {
  rev: number;
  savedAt: number;
}

interface Revision<Saved> {
  snapshot: Saved;
  savedAt: number;
}

const INDEX_KEY = "projects";
const headKey = (id: string) => `project/${id}/head`;
const revPrefix = (id: string) => `project/${id}/rev/`;
const revKey = (id: string, rev: number) => `${revPrefix(id)}${rev}`;
const runKey = (id: string) => `project/${id}/run`;
// Thumbnails live beside the index, not in it, so the index that every save rewrites stays small.
const thumbKey = (id: string) => `project/${id}/thumb`;
const projectPrefix = (id: string) => `project/${id}/`;

export const DEFAULT_DATABASE = { name: "playforge", store: "projects" } as const;

/**
 * How long the database may take to answer its first request. An open that never settles (a
 * "blocked" open, a broken profile) would otherwise leave the IDE waiting forever; after one
 * answer, requests are not timed (a large save on a busy machine may be slow).
 */
export const FIRST_ANSWER_TIMEOUT_MS = 10_000;

/** `Saved`: every shape of record the caller may find stored (its current one and older ones). */
export class ProjectStorage<Saved extends StoredProject = StoredProject> {
  /** True once IndexedDB has answered a request (see FIRST_ANSWER_TIMEOUT_MS). */
  private answered = false;
  /** The save time of each project this storage opened or saved, for messages when reads fail too. */
  private readonly knownSaves = new Map<string, number>();

  constructor(
    private readonly store: UseStore = createStore(DEFAULT_DATABASE.name, DEFAULT_DATABASE.store),
    private readonly now: () => number = Date.now,
    private readonly firstAnswerTimeoutMs = FIRST_ANSWER_TIMEOUT_MS,
  ) {}

  /** Projects not in the trash, most recently changed first, with their thumbnails. */
  async list(): Promise<ProjectListing[]> {
    const live = (await this.index()).filter((p) => p.deletedAt === undefined).sort((a, b) => b.updatedAt - a.updatedAt);
    const thumbs = await this.guard(() => getMany<string | undefined>(live.map((p) => thumbKey(p.id)), this.store), null);
    return live.map((p, i) => (thumbs[i] === undefined ? p : { ...p, thumbnail: thumbs[i] }));
  }

  async listDeleted(): Promise<ProjectSummary[]> {
    return (await this.index()).filter((p) => p.deletedAt !== undefined).sort((a, b) => b.deletedAt! - a.deletedAt!);
  }

  async create(name: string, snapshot: Saved): Promise<ProjectSummary> {
    const time = this.now();
    const summary: ProjectSummary = { id: newId(), name: cleanName(name), createdAt: time, updatedAt: time };
    await this.writeRevision(summary.id, 1, snapshot, null);
    await this.updateIndex((list) => [...list, summary], null);
    return summary;
  }

  async open(id: string): Promise<OpenedProject<Saved>> {
    const summary = await this.summary(id);
    const head = await this.read<Head>(headKey(id));
    const revision = head && (await this.read<Revision<Saved>>(revKey(id, head.rev)));
    if (!head || !revision) throw new StoredProjectNotFoundError(id);
    const interruptedRun = (await this.read<RunMarker>(runKey(id))) ?? null;
    this.knownSaves.set(id, revision.savedAt);
    return { summary, snapshot: revision.snapshot, savedAt: revision.savedAt, interruptedRun };
  }

  /** Saves a new snapshot; on failure the previous one stays the project's current save. */
  async save(id: string, snapshot: Saved): Promise<{ savedAt: number }> {
    const known = this.knownSaves.get(id) ?? null;
    await this.summary(id, known);
    const head = await this.read<Head>(headKey(id), known);
    const lastSavedAt = head?.savedAt ?? known;
    const savedAt = await this.writeRevision(id, (head?.rev ?? 0) + 1, snapshot, lastSavedAt);
    return { savedAt };
  }

  async rename(id: string, name: string): Promise<ProjectSummary> {
    await this.summary(id);
    await this.updateIndex((list) => list.map((p) => (p.id === id ? { ...p, name: cleanName(name), updatedAt: this.now() } : p)), null);
    return this.summary(id);
  }

  async duplicate(id: string, name?: string): Promise<ProjectSummary> {
    const { summary, snapshot } = await this.open(id);
    return this.create(name ?? `${summary.name} (copy)`, snapshot);
  }

  /** Moves the project to the trash; `undo` (or `restore`) brings it back unchanged. */
  async delete(id: string): Promise<{ undo: () => Promise<void> }> {
    await this.summary(id);
    await this.updateIndex((list) => list.map((p) => (p.id === id ? { ...p, deletedAt: this.now() } : p)), null);
    return { undo: () => this.restore(id) };
  }

  async restore(id: string): Promise<void> {
    await this.summary(id);
    await this.updateIndex((list) => list.map((p) => (p.id === id ? withoutDeletedAt(p) : p)), null);
  }

  /** Removes for good the projects that have been in the trash longer than `olderThanMs`. */
  async purgeDeleted(olderThanMs: number): Promise<string[]> {
    const cutoff = this.now() - olderThanMs;
    const doomed = (await this.index()).filter((p) => p.deletedAt !== undefined && p.deletedAt <= cutoff).map((p) => p.id);
    if (doomed.length === 0) return [];
    await this.updateIndex((list) => list.filter((p) => !doomed.includes(p.id)), null);
    const allKeys = await this.guard(() => keys<string>(this.store), null);
    await this.guard(() => delMany(allKeys.filter((k) => doomed.some((id) => String(k).startsWith(projectPrefix(id)))), this.store), null);
    return doomed;
  }

  async setThumbnail(id: string, thumbnail: string): Promise<void> {
    await this.summary(id);
    await this.guard(() => set(thumbKey(id), thumbnail, this.store), null);
  }

  async markRunStarted(id: string, prompt: string): Promise<RunMarker> {
    const marker: RunMarker = { startedAt: this.now(), prompt };
    await this.guard(() => set(runKey(id), marker, this.store), null);
    return marker;
  }

  /** Called when a run ends, and to discard an interrupted run. */
  async clearRun(id: string): Promise<void> {
    await this.guard(() => del(runKey(id), this.store), null);
  }

  /** Writes the snapshot as revision `rev`, then commits it; a failure leaves the previous revision current. */
  private async writeRevision(id: string, rev: number, snapshot: Saved, lastSavedAt: number | null): Promise<number> {
    const savedAt = this.now();
    const revision: Revision<Saved> = { snapshot, savedAt };
    try {
      await this.guard(() => set(revKey(id, rev), revision, this.store), lastSavedAt);
      await this.guard(() => this.commit(id, { rev, savedAt }), lastSavedAt);
    } catch (error) {
      // The head still names the previous revision; remove the half-written new one if we can.
      await del(revKey(id, rev), this.store).catch(() => undefined);
      throw error;
    }
    this.knownSaves.set(id, savedAt);
    return savedAt;
  }

  /**
   * One transaction: the head names the new revision, the project's other revisions are dropped and
   * its list entry takes the save time. All of it happens or none of it (a full disk, a closed tab).
   */
  private commit(id: string, head: Head): Promise<void> {
    return this.store("readwrite", (store) => {
      store.put(head, headKey(id));
      const revisions = store.getAllKeys();
      revisions.onsuccess = () => {
        for (const key of revisions.result) if (String(key).startsWith(revPrefix(id)) && key !== revKey(id, head.rev)) store.delete(key);
      };
      const index = store.get(INDEX_KEY);
      index.onsuccess = () => {
        const list = (index.result as ProjectSummary[] | undefined) ?? [];
        store.put(list.map((p) => (p.id === id ? { ...p, updatedAt: head.savedAt } : p)), INDEX_KEY);
      };
      return promisifyRequest(store.transaction);
    });
  }

  private async summary(id: string, lastSavedAt: number | null = null): Promise<ProjectSummary> {
    const found = (await this.index(lastSavedAt)).find((p) => p.id === id);
    if (!found) throw new StoredProjectNotFoundError(id);
    return found;
  }

  private async index(lastSavedAt: number | null = null): Promise<ProjectSummary[]> {
    return (await this.read<ProjectSummary[]>(INDEX_KEY, lastSavedAt)) ?? [];
  }

  private async updateIndex(change: (list: ProjectSummary[]) => ProjectSummary[], lastSavedAt: number | null): Promise<void> {
    await this.guard(() => update<ProjectSummary[]>(INDEX_KEY, (list) => change(list ?? []), this.store), lastSavedAt);
  }

  /** `lastSavedAt`: the save a failure message may call kept, when the caller knows one. */
  private read<T>(key: string, lastSavedAt: number | null = null): Promise<T | undefined> {
    return this.guard(() => get<T>(key, this.store), lastSavedAt);
  }

  private async guard<T>(operation: () => Promise<T>, lastSavedAt: number | null): Promise<T> {
    try {
      const result = await (this.answered ? operation() : this.firstAnswer(operation, lastSavedAt));
      this.answered = true;
      return result;
    } catch (error) {
      throw classifyStorageError(error, lastSavedAt);
    }
  }

  /** The operation, or a StorageUnavailableError if the database does not answer in time. */
  private firstAnswer<T>(operation: () => Promise<T>, lastSavedAt: number | null): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new StorageUnavailableError(lastSavedAt, "no-answer")), this.firstAnswerTimeoutMs);
      Promise.resolve().then(operation).then(
        (result) => {
          clearTimeout(timer);
          resolve(result);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }
}

function newId(): string {
  return `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

function cleanName(name: string): string {
  return name.trim().slice(0, 120) || "Untitled game";
}

function withoutDeletedAt(summary: ProjectSummary): ProjectSummary {
  const copy = { ...summary };
  delete copy.deletedAt;
  return copy;
}
