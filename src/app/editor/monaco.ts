// Monaco set-up, loaded lazily with the editor: local workers through Vite's ?worker imports,
// TypeScript options for a Vite + Phaser project, and Phaser 4's own .d.ts for IntelliSense.

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

let phaserTypes: Promise<void> | null = null;

/** Adds Phaser 4's declarations (≈8 MB, fetched once, after the editor is up). */
export function loadPhaserTypes(): Promise<void> {
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
