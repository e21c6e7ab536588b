// Keeps one Monaco model per text file in step with the project store, both ways: typing writes
// through the store (which validates), and outside writes (agent, tree) are applied as edits so
// each file keeps its own undo history.

import type { ProjectStore, ConsoleStore } from "../../state";
import { diffFiles } from "../../state";
import { languageFor, monaco, uriFor } from "./monaco";

export interface ProjectModels {
  get(path: string): monaco.editor.ITextModel | undefined;
  dispose(): void;
}

export function syncProjectModels(project: ProjectStore, log: ConsoleStore): ProjectModels {
  const models = new Map<string, monaco.editor.ITextModel>();
  const listeners = new Map<string, monaco.IDisposable>();
  let applyingOutsideWrite = false;

  const create = (path: string, text: string) => {
    const uri = uriFor(path);
    monaco.editor.getModel(uri)?.dispose();
    const model = monaco.editor.createModel(text, languageFor(path), uri);
    models.set(path, model);
    listeners.set(
      path,
      model.onDidChangeContent(() => {
        if (applyingOutsideWrite) return;
        try {
          project.getState().writeFile(path, model.getValue());
        } catch (error) {
          log.getState().append({ level: "system", text: `Could not save ${path}: ${error instanceof Error ? error.message : String(error)}` });
        }
      }),
    );
  };

  const remove = (path: string) => {
    listeners.get(path)?.dispose();
    listeners.delete(path);
    models.get(path)?.dispose();
    models.delete(path);
  };

  for (const [path, content] of Object.entries(project.getState().files)) {
    if (typeof content === "string") create(path, content);
  }

  const unsubscribe = project.subscribe((state, previous) => {
    if (state.files === previous.files) return;
    const { written, removed } = diffFiles(previous.files, state.files);
    removed.forEach(remove);
    for (const path of written) {
      const content = state.files[path];
      const model = models.get(path);
      if (typeof content !== "string") {
        remove(path);
      } else if (!model) {
        create(path, content);
      } else if (model.getValue() !== content) {
        applyingOutsideWrite = true;
        try {
          model.pushEditOperations([], [{ range: model.getFullModelRange(), text: content }], () => null);
        } finally {
          applyingOutsideWrite = false;
        }
      }
    }
  });

  return {
    get: (path) => models.get(path),
    dispose() {
      unsubscribe();
      [...models.keys()].forEach(remove);
    },
  };
}
