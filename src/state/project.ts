// The open project: the one ProjectFiles map every panel reads, changed only through these
// actions, each of which goes through the validating write path in src/project/files.ts.

import { createStore, type StoreApi } from "zustand/vanilla";
import {
  deleteFile as removeFrom,
  renameFile as renameIn,
  validatePath,
  writeFile as writeTo,
  ProjectPathError,
  type FileContent,
  type ProjectFiles,
} from "../project";

export interface DeletedFile {
  path: string;
  content: FileContent;
}

export interface ProjectState {
  files: ProjectFiles;
  /** The last deleted file, so a delete can be undone from the tree. */
  lastDeleted: DeletedFile | null;
  /** Writes a file (creates it when new). Throws ProjectPathError / ProjectSizeError. */
  writeFile(path: string, content: FileContent): void;
  /** Creates a new file; refuses to overwrite an existing one. */
  createFile(path: string, content?: FileContent): string;
  deleteFile(path: string): void;
  /** Brings back the last deleted file (unless its path has been taken since). */
  undoDelete(): string | null;
  renameFile(from: string, to: string): string;
  /** Replaces the whole project (new project, import, share link, checkpoint). */
  replaceAll(files: ProjectFiles): void;
}

export type ProjectStore = StoreApi<ProjectState>;

export function createProjectStore(initial: ProjectFiles): ProjectStore {
  return createStore<ProjectState>()((set, get) => ({
    files: initial,
    lastDeleted: null,
    writeFile(path, content) {
      set({ files: writeTo(get().files, path, content) });
    },
    createFile(rawPath, content = "") {
      const path = validatePath(rawPath);
      if (path in get().files) throw new ProjectPathError(path, "a file with that name already exists; pick another name");
      set({ files: writeTo(get().files, path, content) });
      return path;
    },
    deleteFile(rawPath) {
      const path = validatePath(rawPath);
      const content = get().files[path];
      set({ files: removeFrom(get().files, path), lastDeleted: content === undefined ? null : { path, content } });
    },
    undoDelete() {
      const deleted = get().lastDeleted;
      if (!deleted || deleted.path in get().files) return null;
      set({ files: writeTo(get().files, deleted.path, deleted.content), lastDeleted: null });
      return deleted.path;
    },
    renameFile(from, to) {
      const target = validatePath(to);
      set({ files: renameIn(get().files, from, target) });
      return target;
    },
    replaceAll(files) {
      set({ files, lastDeleted: null });
    },
  }));
}

export interface FileChanges {
  /** Paths whose content is new or different. */
  written: string[];
  /** Paths that no longer exist. */
  removed: string[];
}

/** What changed between two versions of the project (by reference; contents are immutable). */
export function diffFiles(before: ProjectFiles, after: ProjectFiles): FileChanges {
  const written = Object.keys(after).filter((path) => before[path] !== after[path]);
  const removed = Object.keys(before).filter((path) => !(path in after));
  return { written, removed };
}
