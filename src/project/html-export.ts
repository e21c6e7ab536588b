// Single-file HTML export: one page that plays offline by double-click. Phaser is inlined, the
// project's modules are transpiled with sucrase to CommonJS and run by a tiny loader in the page;
// files under public/ become data URLs that the page's XHR/fetch calls are pointed at.

import { transform } from "sucrase";
import { dataUrlOf, type ProjectFiles } from "./files";

export class HtmlExportError extends Error {
  constructor(readonly file: string, readonly line: number | undefined, message: string) {
    super(`${file}${line ? `:${line}` : ""}: ${message}`);
    this.name = "HtmlExportError";
  }
}

type PageModule = { kind: "js"; code: string; deps: Record<string, string> } | { kind: "json"; text: string } | { kind: "css"; text: string } | { kind: "asset"; url: string };

interface PageProgram {
  entry: string;
  modules: Record<string, PageModule>;
  /** Public file path without the leading "public/" → data URL. */
  publicFiles: Record<string, string>;
}

export interface HtmlExportOptions {
  /** The text of phaser.min.js (the IDE serves it at /vendor/phaser.min.js). */
  phaserSource: string;
}

const CODE = /\.(ts|tsx|js|mjs|jsx)$/;
const SUFFIXES = ["", ".ts", ".tsx", ".js", ".mjs", ".jsx", ".json", "/index.ts", "/index.tsx", "/index.js"];

/** Returns the whole game as one HTML document. */
export function exportHtml(files: ProjectFiles, options: HtmlExportOptions): string {
  const html = typeof files["index.html"] === "string" ? files["index.html"] : null;
  if (html === null) throw new HtmlExportError("index.html", undefined, "the project has no index.html. Add one that loads src/main.ts, then export again.");
  const program = linkForPage(files, entryOf(html, files));
  const page = html.replace(/<script\b[^>]*\btype=["']module["'][^>]*>[\s\S]*?<\/script>/gi, "");
  const scripts = `<script>${inlineScript(options.phaserSource)}</script>\n<script>(${runPage.toString()})(${scriptJson(program)});</script>\n`;
  return /<\/body>/i.test(page) ? page.replace(/<\/body>/i, `${scripts}</body>`) : `${page}\n${scripts}`;
}

/** Loads Phaser's source from the IDE's origin for `exportHtml`. */
export async function fetchPhaserSource(signal?: AbortSignal, url = "/vendor/phaser.min.js"): Promise<string> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new HtmlExportError(url, undefined, `Phaser could not be loaded (HTTP ${response.status}); the HTML export needs it. Is the Playforge server running?`);
  return response.text();
}

function entryOf(html: string, files: ProjectFiles): string {
  const src = /<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']/i.exec(html)?.[1] ?? /<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*\btype=["']module["']/i.exec(html)?.[1];
  const entry = src?.replace(/^\.?\//, "");
  if (entry && entry in files) return entry;
  if ("src/main.ts" in files) return "src/main.ts";
  throw new HtmlExportError("index.html", undefined, "no <script type=\"module\" src=...> points at a project file, and src/main.ts does not exist.");
}

function linkForPage(files: ProjectFiles, entry: string): PageProgram {
  const program: PageProgram = { entry, modules: {}, publicFiles: {} };
  for (const [path, content] of Object.entries(files)) {
    if (path.startsWith("public/")) program.publicFiles[path.slice("public/".length)] = dataUrlOf(path, content);
  }
  const pending = [entry];
  while (pending.length > 0) {
    const path = pending.pop()!;
    if (program.modules[path]) continue;
    const content = files[path];
    if (CODE.test(path) && typeof content === "string") {
      const code = transpile(path, content);
      const deps: Record<string, string> = {};
      for (const { spec, line } of requiresIn(code)) {
        if (spec === "phaser") continue;
        const target = resolve(path, spec, files);
        if (!target) throw new HtmlExportError(path, line, `cannot find "${spec}". Only "phaser" and files of the project can be imported.`);
        deps[spec] = target;
        pending.push(target);
      }
      program.modules[path] = { kind: "js", code, deps };
    } else if (path.endsWith(".json")) program.modules[path] = { kind: "json", text: String(content) };
    else if (path.endsWith(".css")) program.modules[path] = { kind: "css", text: String(content) };
    else program.modules[path] = { kind: "asset", url: dataUrlOf(path, content) };
  }
  return program;
}

function transpile(path: string, source: string): string {
  try {
    const typescript = /\.tsx?$/.test(path);
    const jsx = /\.(tsx|jsx)$/.test(path);
    return transform(source, {
      transforms: [...(typescript ? (["typescript"] as const) : []), ...(jsx ? (["jsx"] as const) : []), "imports"],
      filePath: path,
      production: true,
    }).code;
  } catch (error) {
    const line = (error as { loc?: { line: number } }).loc?.line;
    throw new HtmlExportError(path, line, `syntax error: ${String((error as Error).message).replace(/\s*\(\d+:\d+\)$/, "")}. Fix it (the preview shows it too), then export again.`);
  }
}

function requiresIn(code: string): { spec: string; line: number }[] {
  const found: { spec: string; line: number }[] = [];
  const re = /\brequire\((['"])([^'"\n]+)\1\)/g;
  for (let m = re.exec(code); m; m = re.exec(code)) found.push({ spec: m[2], line: code.slice(0, m.index).split("\n").length });
  return found;
}

function resolve(from: string, spec: string, files: ProjectFiles): string | null {
  if (!spec.startsWith(".") && !spec.startsWith("/")) return null;
  const parts = spec.startsWith("/") ? [] : from.split("/").slice(0, -1);
  for (const segment of spec.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  const base = parts.join("/");
  for (const suffix of SUFFIXES) if (`${base}${suffix}` in files) return `${base}${suffix}`;
  const asTs = base.replace(/\.js$/, ".ts");
  if (asTs in files) return asTs;
  return `public/${base}` in files ? `public/${base}` : null;
}

/** Keeps inline script text from closing its <script> element early. */
function inlineScript(source: string): string {
  return source.replace(/<\/script/gi, "<\\/script");
}

function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/* eslint-disable @typescript-eslint/no-explicit-any */
/** Runs inside the exported page (serialised with toString): must stay self-contained. */
function runPage(program: PageProgram): void {
  const w = window as any;
  const pageDir = new URL(".", location.href).href;
  const mapUrl = (url: unknown): unknown => {
    if (typeof url !== "string") return url;
    const local = url.startsWith(pageDir) ? url.slice(pageDir.length) : url.replace(/^\.?\//, "");
    return program.publicFiles[local] ?? url;
  };
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: any[]) {
    return (open as any).call(this, method, mapUrl(String(url)), ...rest);
  } as typeof open;
  const realFetch = w.fetch.bind(w);
  w.fetch = (input: any, init?: RequestInit) => realFetch(mapUrl(input), init);

  const phaser = Object.assign({}, w.Phaser, { __esModule: true, default: w.Phaser });
  const cache: Record<string, { exports: any }> = {};
  const load = (path: string): any => {
    if (cache[path]) return cache[path].exports;
    const linked = program.modules[path];
    const module = { exports: {} as any };
    cache[path] = module;
    if (linked.kind === "json") module.exports = JSON.parse(linked.text);
    else if (linked.kind === "css") document.head.appendChild(Object.assign(document.createElement("style"), { textContent: linked.text }));
    else if (linked.kind === "asset") module.exports = { __esModule: true, default: linked.url };
    else {
      const require = (spec: string) => (spec === "phaser" ? phaser : load(linked.deps[spec]));
      const factory = (0, eval)(`(function (require, module, exports) {${linked.code}\n})\n//# sourceURL=${path}`);
      factory(require, module, module.exports);
    }
    return module.exports;
  };
  load(program.entry);
}
