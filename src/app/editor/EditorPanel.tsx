// The editor panel: the active file's name, Monaco (loaded lazily so first paint does not wait
// for it), a notice for binary files, and a cursor position line.

import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useStore } from "zustand";
import { formatBytes, byteLength } from "../../project";
import { LoadBoundary } from "../load-boundary";
import { useWorkbench } from "../workbench";

const MonacoEditor = lazy(() => import("./MonacoEditor"));

/** Longest the editor waits for the preview's first frame before loading anyway. */
const MONACO_WAIT_MS = 1500;

/**
 * Monaco (megabytes of script and a TypeScript worker) starts loading once the preview has shown
 * its first frame (or stopped, or failed), so on the first open the two do not compete for the
 * CPU: the game appears about twice as fast. Until then the file is shown as plain text.
 */
function useEditorMayLoad(): boolean {
  const { preview } = useWorkbench();
  const settled = useStore(preview, (s) => s.status.state !== "idle" && s.status.state !== "starting" && s.status.state !== "running");
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setWaited(true), MONACO_WAIT_MS);
    return () => clearTimeout(timer);
  }, []);
  const mayLoad = useRef(false);
  if (settled || waited) mayLoad.current = true;
  return mayLoad.current;
}

export function EditorPanel() {
  const { project, editor } = useWorkbench();
  const activePath = useStore(editor, (s) => s.activePath);
  const cursor = useStore(editor, (s) => s.cursor);
  const content = useStore(project, (s) => (activePath ? s.files[activePath] : undefined));
  const binary = content instanceof Uint8Array;
  const mayLoad = useEditorMayLoad();
  // The file as plain text meanwhile, and which step of the editor's load this is.
  const loading = (step: string) => (
    <>
      {typeof content === "string" && <pre className="editor-placeholder">{content}</pre>}
      <p className="editor-notice editor-loading" role="status" data-testid="editor-loading">
        {step}
      </p>
    </>
  );

  return (
    <section className="panel editor-panel" data-testid="editor" aria-label="Editor">
      <div className="panel-title">
        <h2 data-testid="editor-path">{activePath ?? "No file open"}</h2>
      </div>
      <div className="editor-body">
        <LoadBoundary what="editor" className="editor-notice">
          {mayLoad ? (
            <Suspense fallback={loading("Loading editor… 2 of 2: Monaco, about 3 MB")}>
              <MonacoEditor />
            </Suspense>
          ) : (
            loading("Loading editor… 1 of 2: the game starts first")
          )}
        </LoadBoundary>
        {binary && (
          <div className="editor-notice editor-overlay" data-testid="binary-notice">
            {activePath} is a binary file ({formatBytes(byteLength(content))}); it is used by the game but cannot be edited here.
          </div>
        )}
      </div>
      <footer className="editor-status" data-testid="editor-cursor">
        {cursor ? `Ln ${cursor.line}, Col ${cursor.column}` : ""}
      </footer>
    </section>
  );
}
