// Monaco set-up, loaded lazily with the editor: local workers through Vite's ?worker imports,
// TypeScript options for a Vite + Phaser project, and Phaser 4's own .d.ts for IntelliSense once
// the person first uses the editor.

import * as monaco from "monaco-editor";
import EditorWorker from "monaco-editor/editor/editor.worker.js?worker";
import TsWorker from "monaco-editor/language/typescript/ts.worker.js?worker";
import JsonWorker from "monaco-editor/language/json/json.worker.js?worker";
import CssWorker from "monaco-editor/language/css/css.worker.js?worker";
import HtmlWorker from "monaco-editor/language/html/html.worker.js?worker";

export { monaco };

self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    if (label === "typescript" || label === "javascript") return new TsWorker();
    if (label === "json") return new JsonWorker();
    if (label === "css" || label === "scss" || label === "less") return new CssWorker();
    if (label === "html" || label === "handlebars" || label === "razor") return new HtmlWorker();
    return new EditorWorker();
  },
};

const ts = monaco.typescript;
ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  allowSyntheticDefaultImports: true,
  esModuleInterop: true,
  strict: true,
  noEmit: true,
  isolatedModules: true,
  allowNonTsExtensions: true,
  lib: ["es2022", "dom", "dom.iterable"],
});
// Every project file becomes a model; sync them all so imports between files resolve.
ts.typescriptDefaults.setEagerModelSync(true);

// TypeScript in the editor is the IDE's heaviest start: its worker spends about 10 CPU-seconds
// parsing and checking against Phaser's 8 MB of declarations. It sleeps (no diagnostics, so no
// worker) until the person first puts the cursor in the editor, so on a slow laptop the game and
// the agent get the CPU first; wakeTypeScript() then loads Phaser's types and turns checking on.
ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: true });

let phaserTypes: Promise<void> | null = null;

/** Turns on TypeScript's diagnostics and adds Phaser 4's declarations (≈8 MB, fetched once). */
export function wakeTypeScript(): Promise<void> {
  // Options first: changing them restarts a running worker (losing its requests), while extra
  // libs reach a running worker as an update.
  if (!phaserTypes) ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
  phaserTypes ??= Promise.all([
    import("../../../node_modules/phaser/types/phaser.d.ts?raw"),
    import("../../../node_modules/phaser/types/matter.d.ts?raw"),
  ]).then(([phaser, matter]) => {
    // phaser.d.ts ends with `declare module 'phaser' { export = Phaser }`, so `import Phaser from "phaser"` resolves.
    ts.typescriptDefaults.addExtraLib(matter.default, "file:///node_modules/phaser/types/matter.d.ts");
    ts.typescriptDefaults.addExtraLib(phaser.default, "file:///node_modules/phaser/types/phaser.d.ts");
  });
  return phaserTypes;
}

const LANGUAGES: Record<string, string> = {
  ts: "typescript",
  tsx: "typescript",
  js: "javascript",
  mjs: "javascript",
  jsx: "javascript",
  json: "json",
  html: "html",
  css: "css",
  md: "markdown",
  svg: "xml",
  xml: "xml",
};

export function languageFor(path: string): string {
  const ext = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
  return LANGUAGES[ext] ?? "plaintext";
}

export function uriFor(path: string): monaco.Uri {
  return monaco.Uri.parse(`file:///${path}`);
}
