// Monaco set-up, loaded lazily with the editor: local workers through Vite's ?worker imports,
// TypeScript options for a Vite + Phaser project, and Phaser 4's own .d.ts for IntelliSense once
// the person first uses the editor.

import * as monaco from "monaco-editor";
import EditorWorker from "monaco-editor/editor/editor.worker.js?worker";
import TsWorker from "monaco-editor/language/typescript/ts.worker.js?worker";
import JsonWorker from "monaco-editor/language/json/json.worker.js?worker";
import CssWorker from "monaco-editor/language/css/css.worker.js?worker";
import HtmlWorker from "monaco-editor/language/html/html.worker.js?worker";
// Monaco's own diagnostics adapter, attached when TypeScript wakes (see wakeTypeScript).
import { DiagnosticsAdapter, LibFiles } from "monaco-editor/languages/features/typescript/tsMode.js";
import { fetchPhaserTypes } from "../phaser-types";

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

// TypeScript in the editor is the IDE's heaviest start: its worker (a 7 MB script) spends about
// 10 CPU-seconds parsing and checking against Phaser's 8 MB of declarations. It sleeps until the
// person first uses the editor, so on a slow laptop the game and the agent get the CPU first:
// Monaco's diagnostics adapter, which starts the worker for every TypeScript model as soon as the
// model exists, is left out of the TypeScript mode, and wakeTypeScript() attaches one (Monaco's
// own) and loads Phaser's types. Completions, hovers and the rest start the worker on first use.
// Inlay hints are off too: they ask the worker as soon as a file shows, and TypeScript's hint
// options are all off here, so they never showed anything.
ts.typescriptDefaults.setModeConfiguration({ ...ts.typescriptDefaults.modeConfiguration, diagnostics: false, inlayHints: false });

let phaserTypes: Promise<void> | null = null;

/** Attaches diagnostics to the TypeScript mode (once) and adds Phaser 4's declarations (≈8 MB, fetched once). */
export function wakeTypeScript(): Promise<void> {
  if (!phaserTypes) void attachDiagnostics();
  phaserTypes ??= fetchPhaserTypes().then(({ phaser, matter }) => {
    // phaser.d.ts ends with `declare module 'phaser' { export = Phaser }`, so `import Phaser from "phaser"` resolves.
    ts.typescriptDefaults.addExtraLib(matter, "file:///node_modules/phaser/types/matter.d.ts");
    ts.typescriptDefaults.addExtraLib(phaser, "file:///node_modules/phaser/types/phaser.d.ts");
  });
  return phaserTypes;
}

async function attachDiagnostics(): Promise<void> {
  // getTypeScriptWorker() answers once the mode is set up, i.e. once a TypeScript model exists.
  for (let tries = 0; tries < 600; tries++) {
    const worker = await ts.getTypeScriptWorker().catch(() => null);
    if (worker) {
      new DiagnosticsAdapter(new LibFiles(worker), ts.typescriptDefaults, "typescript", worker);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
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
