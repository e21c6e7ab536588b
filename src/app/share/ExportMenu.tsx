// The toolbar's Export / Import menu: download the project as a Vite zip or a single HTML page,
// or import a zip or a folder as a new project (the same path as dropping one on the IDE).

import { useState } from "react";
import { useStore } from "zustand";
import { useWorkbench } from "../workbench";
import { useImport } from "../import/useImport";
import { downloadHtml, downloadZip } from "./exports";

/** The picked files; the input is cleared so picking the same file again imports it again. */
function takeFiles(input: HTMLInputElement): File[] {
  const files = [...(input.files ?? [])];
  input.value = "";
  return files;
}

export function ExportMenu() {
  const { project, persistence } = useWorkbench();
  const name = useStore(persistence, (s) => s.current?.name ?? "playforge-game");
  const importFiles = useImport();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (label: string, work: () => Promise<void> | void) => {
    setBusy(label);
    setError(null);
    try {
      await work();
      setOpen(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <span className="share-anchor">
      <button type="button" data-testid="export-button" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        Export ▾
      </button>
      {open && (
        <div className="export-menu" role="menu" data-testid="export-menu">
          <button type="button" role="menuitem" data-testid="export-zip" disabled={busy !== null} onClick={() => run("zip", () => downloadZip(project.getState().files, name))}>
            Download zip (Vite project)
          </button>
          <button type="button" role="menuitem" data-testid="export-html" disabled={busy !== null} onClick={() => run("html", () => downloadHtml(project.getState().files, name))}>
            {busy === "html" ? "Preparing HTML…" : "Download single HTML file"}
          </button>
          <hr />
          <label className="export-file" role="menuitem">
            Import a zip…
            <input type="file" accept=".zip,application/zip" data-testid="import-zip-input" onChange={(e) => run("import", () => importFiles(takeFiles(e.currentTarget)))} />
          </label>
          <label className="export-file" role="menuitem">
            Import a folder…
            <input
              type="file"
              data-testid="import-folder-input"
              ref={(input) => input?.setAttribute("webkitdirectory", "")}
              onChange={(e) => run("import", () => importFiles(takeFiles(e.currentTarget)))}
            />
          </label>
          {error && <p className="export-error" data-testid="export-error">{error}</p>}
          <p className="export-note">Imports and drops open as a new project; the current one stays in the projects list.</p>
        </div>
      )}
    </span>
  );
}
