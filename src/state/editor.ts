// What the editor shows: the active file, pending "go to line" requests, the cursor, the picker.
// Console links and the file tree ask for files through here; the Monaco panel obeys.

import { createStore, type StoreApi } from "zustand/vanilla";
import type { SourceLocation } from "../runtime";

export interface RevealRequest {
  path: string;
  line: number;
  column: number;
  /** Increments so clicking the same link twice moves the cursor twice. */
  seq: number;
}

export type MonacoStatus = { state: "loading" } | { state: "ready" } | { state: "failed"; message: string };

export interface EditorState {
  activePath: string | null;
  reveal: RevealRequest | null;
  cursor: { line: number; column: number } | null;
  pickerOpen: boolean;
  monaco: MonacoStatus;
  open(path: string): void;
  /** Opens a file at a line, e.g. from a console link. */
  openAt(location: SourceLocation): void;
  setCursor(line: number, column: number): void;
  openPicker(): void;
  closePicker(): void;
  setMonacoStatus(status: MonacoStatus): void;
}

export type EditorStore = StoreApi<EditorState>;

export function createEditorStore(initialPath: string | null): EditorStore {
  let seq = 0;
  return createStore<EditorState>()((set) => ({
    activePath: initialPath,
    reveal: null,
    cursor: null,
    pickerOpen: false,
    monaco: { state: "loading" },
    open(path) {
      set({ activePath: path, pickerOpen: false });
    },
    openAt(location) {
      const path = location.file.replace(/^\/+/, "");
      set({ activePath: path, reveal: { path, line: location.line, column: location.column ?? 1, seq: ++seq } });
    },
    setCursor(line, column) {
      set({ cursor: { line, column } });
    },
    openPicker() {
      set({ pickerOpen: true });
    },
    closePicker() {
      set({ pickerOpen: false });
    },
    setMonacoStatus(monaco) {
      set({ monaco });
    },
  }));
}
