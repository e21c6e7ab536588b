// The project's files as a tree: open, add, rename and delete (with undo). Every change goes
// through the project store, which validates paths and sizes and throws errors we show inline.

import { useState, type FormEvent } from "react";
import { useStore } from "zustand";
import { isTextPath } from "../../project";
import { useWorkbench } from "../workbench";
import { buildTree, type TreeFolder } from "./tree";

type Draft = { mode: "new"; value: string } | { mode: "rename"; from: string; value: string };

function folderOf(path: string | null): string {
  if (!path || !path.includes("/")) return "";
  return path.slice(0, path.lastIndexOf("/") + 1);
}

export function FileTree() {
  const { project, editor } = useWorkbench();
  const files = useStore(project, (s) => s.files);
  const lastDeleted = useStore(project, (s) => s.lastDeleted);
  const activePath = useStore(editor, (s) => s.activePath);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());

  const act = (action: () => void) => {
    try {
      action();
      setError(null);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    }
  };

  const commit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    const ok = act(() => {
      if (draft.mode === "new") {
        const path = project.getState().createFile(draft.value.trim());
        editor.getState().open(path);
      } else {
        const wasActive = editor.getState().activePath === draft.from;
        const path = project.getState().renameFile(draft.from, draft.value.trim());
        if (wasActive) editor.getState().open(path);
      }
    });
    if (ok) setDraft(null);
  };

  const remove = (path: string) => act(() => project.getState().deleteFile(path));
  const undo = () =>
    act(() => {
      const path = project.getState().undoDelete();
      if (path) editor.getState().open(path);
    });

  const toggle = (path: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  const nameInput = (
    <form className="tree-draft" onSubmit={commit}>
      <input
        data-testid="file-name-input"
        aria-label={draft?.mode === "rename" ? `New path for ${draft.from}` : "Path of the new file"}
        autoFocus
        value={draft?.value ?? ""}
        onChange={(event) => setDraft((d) => (d ? { ...d, value: event.target.value } : d))}
        onKeyDown={(event) => {
          if (event.key === "Escape") setDraft(null);
        }}
      />
    </form>
  );

  const renderFolder = (folder: TreeFolder, depth: number) => (
    <ul className="tree-list" role={depth === 0 ? "tree" : "group"}>
      {folder.folders.map((sub) => (
        <li key={sub.path} role="treeitem" aria-expanded={!collapsed.has(sub.path)}>
          <button type="button" className="tree-folder" style={{ paddingLeft: 8 + depth * 12 }} onClick={() => toggle(sub.path)}>
            {collapsed.has(sub.path) ? "▸" : "▾"} {sub.name}
          </button>
          {!collapsed.has(sub.path) && renderFolder(sub, depth + 1)}
        </li>
      ))}
      {folder.files.map((file) =>
        draft?.mode === "rename" && draft.from === file.path ? (
          <li key={file.path} role="treeitem">{nameInput}</li>
        ) : (
          <li key={file.path} role="treeitem" aria-selected={file.path === activePath} className={file.path === activePath ? "tree-file active" : "tree-file"}>
            <button
              type="button"
              className="tree-open"
              data-testid="file-item"
              data-path={file.path}
              style={{ paddingLeft: 8 + depth * 12 }}
              onClick={() => editor.getState().open(file.path)}
              onDoubleClick={() => setDraft({ mode: "rename", from: file.path, value: file.path })}
              title={file.path}
            >
              {file.name}
              {!isTextPath(file.path) && <span className="tree-binary"> (binary)</span>}
            </button>
            <button type="button" className="tree-action" data-testid="file-rename" aria-label={`Rename ${file.path}`} title="Rename" onClick={() => setDraft({ mode: "rename", from: file.path, value: file.path })}>
              ✎
            </button>
            <button type="button" className="tree-action" data-testid="file-delete" aria-label={`Delete ${file.path}`} title="Delete" onClick={() => remove(file.path)}>
              🗑
            </button>
          </li>
        ),
      )}
    </ul>
  );

  return (
    <nav className="panel file-tree" data-testid="file-tree" aria-label="Files">
      <div className="panel-title">
        <h2>Files</h2>
        <button type="button" data-testid="file-new" title="New file" onClick={() => setDraft({ mode: "new", value: folderOf(activePath) })}>
          + New
        </button>
      </div>
      {draft?.mode === "new" && nameInput}
      {error && (
        <p className="tree-error" role="alert" data-testid="file-error">
          {error}
        </p>
      )}
      {lastDeleted && !(lastDeleted.path in files) && (
        <p className="tree-undo">
          Deleted {lastDeleted.path}.{" "}
          <button type="button" data-testid="file-undo" onClick={undo}>
            Undo
          </button>
        </p>
      )}
      <div className="tree-scroll">{renderFolder(buildTree(Object.keys(files)), 0)}</div>
    </nav>
  );
}
