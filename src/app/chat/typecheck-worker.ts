// The IDE's type check, off the main thread: TypeScript, its lib files and Phaser 4's .d.ts (the
// /vendor/ files Monaco reads too) are loaded on the first request; later requests reuse the
// parsed types (about a second or less).

import { createTypeChecker, type TypeDiagnostic } from "../../agent";
import { fetchPhaserTypes } from "../phaser-types";
import guide from "../../../node_modules/phaser/skills/v3-to-v4-migration/SKILL.md?raw";
import typescriptUrl from "typescript/lib/typescript.js?url";

export type TypeCheckRequest = { id: number; files: Record<string, string> };
export type TypeCheckReply = { id: number; diagnostics: TypeDiagnostic[] } | { id: number; error: string };

// What lib.es2022.d.ts and lib.dom.d.ts reference, and no more: the build (and the offline cache)
// leaves out the other 40-odd libs (webworker, esnext, es2023 on; 0.8 MB).
const LIBS = import.meta.glob<string>("/node_modules/typescript/lib/lib.{es5,es201[5-9]*,es202[0-2]*,dom,decorators*}.d.ts", { query: "?raw", import: "default" });

/** lib.es2022.d.ts and lib.dom.d.ts and every lib they reference, each loaded once. */
async function loadLibs(): Promise<Record<string, string>> {
  const libs: Record<string, string> = {};
  const pending = ["es2022", "dom"];
  while (pending.length) {
    const name = `lib.${pending.pop()!}.d.ts`;
    if (libs[name] !== undefined) continue;
    const load = LIBS[`/node_modules/typescript/lib/${name}`];
    if (!load) throw new Error(`TypeScript's ${name} is missing from the build.`);
    libs[name] = await load();
    for (const match of libs[name].matchAll(/<reference lib="([^"]+)"/g)) pending.push(match[1]!.toLowerCase());
  }
  return libs;
}

/** typescript.js is CommonJS: evaluated with a module object, it hands back the compiler API. */
async function loadTypeScript(): Promise<typeof import("typescript")> {
  const source = await (await fetch(typescriptUrl)).text();
  const module = { exports: {} as typeof import("typescript") };
  new Function("module", "exports", source)(module, module.exports);
  return module.exports;
}

let checker: Promise<ReturnType<typeof createTypeChecker>> | null = null;

self.onmessage = async (event: MessageEvent<TypeCheckRequest>) => {
  const { id, files } = event.data;
  try {
    checker ??= Promise.all([loadTypeScript(), loadLibs(), fetchPhaserTypes()]).then(([ts, libs, phaserTypes]) => createTypeChecker({ ts, libs, phaserTypes, migrationGuide: guide }));
    const diagnostics = (await checker)(files);
    self.postMessage({ id, diagnostics } satisfies TypeCheckReply);
  } catch (error) {
    checker = null;
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies TypeCheckReply);
  }
};
