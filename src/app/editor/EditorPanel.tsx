// The editor panel: the active file's name, Monaco (loaded lazily so first paint does not wait
// for it), a notice for binary files, and a cursor position line.

import { Component, lazy, Suspense, type ReactNode } from "react";
import { useStore } from "zustand";
import { formatBytes, byteLength } from "../../project/files";
import { useWorkbench } from "../workbench";

const MonacoEditor = lazy(() => import("./MonacoEditor"));

class EditorLoadBoundary extends Component<{ children: ReactNode }, { message: string | null }> {
  state = { message: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { message: error instanceof Error ? error.message : String(error) };
  }
  render() {
    if (this.state.message) return <p className="editor-notice" role="alert">The editor failed to load: {this.state.message}. Reload the page to try again.</p>;
    return this.props.children;
  }
}

export function EditorPanel() {
  const { project, editor } = useWorkbench();
  const activePath = useStore(editor, (s) => s.activePath);
  const cursor = useStore(editor, (s) => s.cursor);
  const content = useStore(project, (s) => (activePath ? s.files[activePath] : undefined));
  const binary = content instanceof Uint8Array;

  return (
    <section className="panel editor-panel" data-testid="editor" aria-label="Editor">
      <div className="panel-title">
        <h2 data-testid="editor-path">{activePath ?? "No file open"}</h2>
      </div>
      <div className="editor-body">
        <EditorLoadBoundary>
          <Suspense fallback={<p className="editor-notice">Loading editor…</p>}>
            <MonacoEditor />
          </Suspense>
        </EditorLoadBoundary>
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
