// Links a project for the iframe runtime: transpiles every module, resolves imports the way
// Vite does (relative paths, extensions, index files, "phaser", assets, CSS, JSON) and reports
// unresolvable imports and syntax errors with file and line before anything runs.

import { base64Of, dataUrlOf, hasFile, mimeOf, type ProjectFiles } from "../project";
import type { GameError, SourceLocation } from "./harness/protocol";
import type { TranspiledModule } from "./transpile";

type Transpiler = typeof import("./transpile");
let transpiler: Promise<Transpiler> | null = null;
let transpilerLoaded = false;

/** The transpiler (sucrase) loads on first use, so the IDE's first paint does not wait for it. */
function loadTranspiler(): Promise<Transpiler> {
  transpiler ??= import("./transpile").then((tools) => {
    transpilerLoaded = true;
    return tools;
  });
  return transpiler;
}

/** Whether linkProject can start at once (the transpiler has been loaded by an earlier call). */
export function isTranspilerLoaded(): boolean {
  return transpilerLoaded;
}

export type LinkedModule =
  | { kind: "js"; code: string; deps: Record<string, string> }
  | { kind: "json"; text: string }
  | { kind: "css"; text: string }
  | { kind: "asset"; url: string };

export interface LinkedProgram {
  entry: string;
  modules: Record<string, LinkedModule>;
  /** Files under public/ (served at "/" as Vite does), as data for blob URLs inside the page. */
  publicFiles: Record<string, { mime: string; base64: string }>;
  loops: SourceLocation[];
  bodyHtml: string;
  headStyles: string;
  errors: GameError[];
}

const CODE_EXT = [".ts", ".tsx", ".js", ".mjs", ".jsx"];
const RESOLVE_SUFFIXES = ["", ...CODE_EXT, ".json", ...CODE_EXT.map((e) => `/index${e}`)];
export const BARE_MODULES = new Set(["phaser"]);

const cache = new Map<string, TranspiledModule>();

export async function linkProject(files: ProjectFiles): Promise<LinkedProgram> {
  const tools = await loadTranspiler();
  const errors: GameError[] = [];
  const html = typeof files["index.html"] === "string" ? (files["index.html"] as string) : "";
  const entry = findEntry(files);
  const program: LinkedProgram = {
    entry: entry ?? "src/main.ts",
    modules: {},
    publicFiles: {},
    loops: [],
    bodyHtml: extractBody(html),
    headStyles: extractHeadStyles(html),
    errors,
  };
  if (!entry) {
    errors.push({ kind: "load", message: "No entry module: index.html has no <script type=\"module\" src=...> and src/main.ts does not exist. Add src/main.ts that creates the Phaser.Game.", location: { file: "index.html", line: 1 } });
    return program;
  }

  for (const [path, content] of Object.entries(files)) {
    if (path.startsWith("public/")) program.publicFiles[path.slice("public".length)] = { mime: mimeOf(path), base64: base64Of(content) };
  }

  const pending = [entry];
  while (pending.length) {
    const path = pending.pop()!;
    if (Object.hasOwn(program.modules, path)) continue;
    const content = files[path];
    if (CODE_EXT.some((e) => path.endsWith(e)) && typeof content === "string") {
      const compiled = compile(tools, path, content, program.loops.length, errors);
      if (!compiled) continue;
      program.loops.push(...compiled.loops);
      const deps: Record<string, string> = {};
      for (const { spec, line } of findRequires(compiled.code)) {
        if (BARE_MODULES.has(spec)) continue;
        const target = resolveImport(path, spec, files);
        if (target) {
          deps[spec] = target;
          pending.push(target);
        } else {
          errors.push({
            kind: "module",
            message: `Cannot find module "${spec}" imported from ${path}. ${isBare(spec) ? `Only "phaser" and files in the project can be imported.` : `No file matches ${spec} (tried .ts, .js, /index.ts).`}`,
            location: { file: path, line },
          });
        }
      }
      program.modules[path] = { kind: "js", code: compiled.code, deps };
    } else if (path.endsWith(".json")) {
      program.modules[path] = { kind: "json", text: String(content) };
    } else if (path.endsWith(".css")) {
      program.modules[path] = { kind: "css", text: String(content) };
    } else {
      program.modules[path] = { kind: "asset", url: dataUrlOf(path, content) };
    }
  }
  return program;
}

function compile(tools: Transpiler, path: string, source: string, firstLoopId: number, errors: GameError[]) {
  const key = `${firstLoopId}\0${path}\0${source}`;
  const hit = cache.get(key);
  if (hit) return hit;
  try {
    const result = tools.transpileModule(path, source, firstLoopId);
    if (cache.size > 500) cache.clear();
    cache.set(key, result);
    return result;
  } catch (error) {
    if (error instanceof tools.TranspileError) {
      errors.push({ kind: "syntax", message: error.message, location: error.location });
      return null;
    }
    throw error;
  }
}

function isBare(spec: string): boolean {
  return !spec.startsWith(".") && !spec.startsWith("/");
}

/** An import names a file only if the project has it as its own entry ("/constructor" is no file). */
export function resolveImport(from: string, spec: string, files: ProjectFiles): string | null {
  if (isBare(spec)) return null;
  const base = spec.startsWith("/") ? spec.slice(1) : joinPath(dirname(from), spec);
  for (const suffix of RESOLVE_SUFFIXES) {
    const candidate = base + suffix;
    if (hasFile(files, candidate)) return candidate;
  }
  // `import "./x.js"` written for a .ts file, as TypeScript projects do.
  const jsAsTs = base.replace(/\.js$/, ".ts");
  if (jsAsTs !== base && hasFile(files, jsAsTs)) return jsAsTs;
  if (spec.startsWith("/") && hasFile(files, `public/${base}`)) return `public/${base}`;
  return null;
}

function dirname(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}

function joinPath(dir: string, rel: string): string {
  const parts = dir ? dir.split("/") : [];
  for (const seg of rel.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

function findRequires(code: string): { spec: string; line: number }[] {
  const found: { spec: string; line: number }[] = [];
  const re = /\brequire\((['"])([^'"\n]+)\1\)/g;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    found.push({ spec: m[2], line: code.slice(0, m.index).split("\n").length });
  }
  return found;
}

/**
 * The module index.html loads (any path, as Vite does), else src/main.ts; null when neither exists.
 * The one answer to "which file starts this game", for the linker and for project loading.
 */
export function findEntry(files: ProjectFiles): string | null {
  const html = typeof files["index.html"] === "string" ? (files["index.html"] as string) : "";
  const m = /<script[^>]*type=["']module["'][^>]*src=["']([^"']+)["']/i.exec(html) ?? /<script[^>]*src=["']([^"']+)["'][^>]*type=["']module["']/i.exec(html);
  if (m) {
    const path = m[1].replace(/^\.?\//, "").split(/[?#]/)[0];
    if (hasFile(files, path)) return path;
  }
  return hasFile(files, "src/main.ts") ? "src/main.ts" : null;
}

function extractBody(html: string): string {
  const m = /<body[^>]*>([\s\S]*?)<\/body>/i.exec(html);
  const body = m ? m[1] : '<div id="game"></div>';
  return body.replace(/<script[\s\S]*?<\/script>/gi, "").trim() || '<div id="game"></div>';
}

function extractHeadStyles(html: string): string {
  const head = /<head[^>]*>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? "";
  return [...head.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]).join("\n");
}
