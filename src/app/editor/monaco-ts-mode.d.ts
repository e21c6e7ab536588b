// The two classes of Monaco's TypeScript mode that src/app/editor/monaco.ts attaches when the
// editor's TypeScript wakes (the package ships this module without declarations).
declare module "monaco-editor/languages/features/typescript/tsMode.js" {
  import type { Uri, typescript } from "monaco-editor";

  type WorkerAccessor = (...uris: Uri[]) => Promise<typescript.TypeScriptWorker>;

  export class LibFiles {
    constructor(worker: WorkerAccessor);
  }

  export class DiagnosticsAdapter {
    constructor(libFiles: LibFiles, defaults: typescript.LanguageServiceDefaults, selector: string, worker: WorkerAccessor);
    dispose(): void;
  }
}
