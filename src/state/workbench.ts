// One Workbench object per open IDE: the project, editor, console and preview stores wired
// together. The UI calls their actions; other subsystems (agent, playtest) get the same object.

import type { ProjectFiles } from "../project/files";
import type { Sandbox } from "../runtime/sandbox";
import { createConsoleStore, type ConsoleStore } from "./console";
import { createEditorStore, type EditorStore } from "./editor";
import { createPersistenceStore, type PersistenceStore } from "./persistence";
import { createPreviewStore, type PreviewStore } from "./preview";
import { createProjectStore, type ProjectStore } from "./project";

export interface Workbench {
  project: ProjectStore;
  editor: EditorStore;
  console: ConsoleStore;
  preview: PreviewStore;
  /** Autosave to IndexedDB and the stored projects list (started by src/main.tsx). */
  persistence: PersistenceStore;
}

export interface WorkbenchOptions {
  files: ProjectFiles;
  createSandbox: (host: HTMLElement) => Sandbox;
  debounceMs?: number;
}

/** The file a project opens on: its entry point when it has one. */
export function entryFile(files: ProjectFiles): string | null {
  const paths = Object.keys(files);
  return ["src/main.ts", "src/main.js", "index.html"].find((p) => p in files) ?? paths.find((p) => p.endsWith(".ts")) ?? paths[0] ?? null;
}

export function createWorkbench({ files, createSandbox, debounceMs }: WorkbenchOptions): Workbench {
  const project = createProjectStore(files);
  const editor = createEditorStore(entryFile(files));
  const consoleStore = createConsoleStore();
  const preview = createPreviewStore({ project, console: consoleStore, createSandbox, debounceMs });

  // Keep the editor on a file that exists when files are deleted, renamed or replaced.
  project.subscribe((state) => {
    const active = editor.getState().activePath;
    if (active === null || !(active in state.files)) editor.setState({ activePath: entryFile(state.files), reveal: null });
  });

  const persistence = createPersistenceStore({ project, preview });

  return { project, editor, console: consoleStore, preview, persistence };
}
