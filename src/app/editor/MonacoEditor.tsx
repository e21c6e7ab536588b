// The Monaco editor itself (a lazy chunk): shows the active file's model, follows reveal
// requests from console links, reports the cursor, and binds Ctrl/Cmd+S and Ctrl/Cmd+P.

import { useEffect, useRef, useState } from "react";
import { useWorkbench } from "../workbench";
import { monaco, wakeTypeScript } from "./monaco";
import { syncProjectModels } from "./models";

const ASLEEP: monaco.editor.IEditorOptions = {
  lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.Off },
  stickyScroll: { defaultModel: "indentationModel" },
};
const AWAKE: monaco.editor.IEditorOptions = {
  lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.OnCode },
  stickyScroll: { defaultModel: "outlineModel" },
};

export default function MonacoEditor() {
  const workbench = useWorkbench();
  const host = useRef<HTMLDivElement>(null);
  // "waking" while Phaser's types load after the first focus, "awake" once IntelliSense has them.
  const [types, setTypes] = useState<"asleep" | "waking" | "awake">("asleep");

  useEffect(() => {
    const container = host.current;
    if (!container) return;
    const { project, editor: editorStore, preview, console: log } = workbench;
    const models = syncProjectModels(project, log);
    const viewStates = new Map<string, monaco.editor.ICodeEditorViewState | null>();
    const editor = monaco.editor.create(container, {
      model: null,
      automaticLayout: true,
      theme: "vs-dark",
      fontSize: 13,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      tabSize: 2,
      // The light bulb (code actions wherever the cursor is) and sticky scroll's outline would ask
      // the sleeping TypeScript worker at once, starting it: both wait until TypeScript wakes.
      ...ASLEEP,
    });
    let shownPath: string | null = null;

    const show = (path: string | null) => {
      if (path === shownPath && editor.getModel() === (path ? models.get(path) ?? null : null)) return;
      if (shownPath) viewStates.set(shownPath, editor.saveViewState());
      shownPath = path;
      const model = path ? models.get(path) ?? null : null;
      editor.setModel(model);
      const saved = path ? viewStates.get(path) : undefined;
      if (model && saved) editor.restoreViewState(saved);
    };

    const applyReveal = () => {
      const request = editorStore.getState().reveal;
      if (!request) return;
      show(request.path);
      const model = editor.getModel();
      if (!model || shownPath !== request.path) return;
      const line = Math.min(Math.max(1, request.line), model.getLineCount());
      const column = Math.min(Math.max(1, request.column), model.getLineMaxColumn(line));
      editor.setPosition({ lineNumber: line, column });
      editor.revealLineInCenter(line);
      editor.focus();
    };

    show(editorStore.getState().activePath);
    applyReveal();
    const unsubscribeEditor = editorStore.subscribe((state, previous) => {
      if (state.reveal !== previous.reveal) applyReveal();
      else if (state.activePath !== previous.activePath) {
        show(state.activePath);
        if (editor.getModel()) editor.focus();
      }
    });
    // A file created or replaced by someone else may need showing once its model exists.
    const unsubscribeProject = project.subscribe(() => show(editorStore.getState().activePath));

    const cursor = editor.onDidChangeCursorPosition((event) => editorStore.getState().setCursor(event.position.lineNumber, event.position.column));
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => preview.getState().runNow());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyP, () => editorStore.getState().openPicker());

    editorStore.getState().setMonacoStatus({ state: "ready" });
    // The first sign that someone is about to use the editor: the cursor goes in, or the mouse over it.
    const wakeOnce = () => {
      if (wakeSignals.length === 0) return;
      for (const signal of wakeSignals.splice(0)) signal.dispose();
      setTypes("waking");
      editor.updateOptions(AWAKE);
      wakeTypeScript()
        .catch((error: unknown) =>
          log.getState().append({ level: "system", text: `Phaser IntelliSense is unavailable: ${error instanceof Error ? error.message : String(error)}` }),
        )
        .finally(() => setTypes("awake"));
    };
    const wakeSignals = [editor.onDidFocusEditorText(wakeOnce), editor.onMouseMove(wakeOnce)];

    return () => {
      unsubscribeEditor();
      unsubscribeProject();
      cursor.dispose();
      for (const signal of wakeSignals) signal.dispose();
      editor.dispose();
      models.dispose();
    };
  }, [workbench]);

  return (
    <>
      <div className="monaco-host" ref={host} />
      {types === "waking" && (
        <p className="editor-notice editor-loading" role="status" data-testid="editor-loading">
          Loading Phaser’s types for autocomplete and type checks, about 8 MB…
        </p>
      )}
    </>
  );
}
