// Zip export (a normal Vite + Phaser project: `npm install && npm run dev` works on any machine)
// and import of zips or dropped folders, validated like share links.

import { zipSync, type Zippable } from "fflate";
import { PROJECT_LIMITS, ProjectPathError, ProjectSizeError, isTextPath, projectFrom, type FileContent, type ProjectFiles } from "./files";
import { ZipEntryTooLargeError, ZipFormatError, readZipEntries } from "./zip-read";

/** The versions an exported project builds with; they match templates/starter/package.json. */
export const EXPORT_DEPENDENCIES = {
  dependencies: { phaser: "^4.2.1" },
  devDependencies: { typescript: "^5.9.3", vite: "^8.3.8" },
} as const;

const EXPORT_SCRIPTS = { dev: "vite", build: "vite build", preview: "vite preview" } as const;

const TSCONFIG = `${JSON.stringify(
  { compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", lib: ["ES2022", "DOM"], strict: true, noEmit: true, skipLibCheck: true }, include: ["src"] },
  null,
  2,
)}\n`;

export class ProjectExportError extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
    this.name = "ProjectExportError";
  }
}

export type ProjectImportErrorCode = "not-a-zip" | "unsafe" | "too-large" | "not-utf8" | "empty";

/** Why an import was refused, written for the person who dropped the file. */
export class ProjectImportError extends Error {
  constructor(readonly code: ProjectImportErrorCode, message: string, readonly cause?: unknown) {
    super(message);
    this.name = "ProjectImportError";
  }
}

export interface ImportedProject {
  files: ProjectFiles;
  /** Paths left out on purpose (node_modules/, .git/, dist/, OS litter). */
  skipped: string[];
}

/** A lowercase, dash-separated name usable as a folder and an npm package name. */
export function projectSlug(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
  return slug || "playforge-game";
}

/** The files of the exported project: the user's files plus whatever a plain Vite project needs. */
export function exportableProject(files: ProjectFiles, name = "playforge-game"): ProjectFiles {
  if (typeof files["index.html"] !== "string") throw new ProjectExportError("index.html", "The project has no index.html, so Vite cannot start it. Add an index.html that loads src/main.ts, then export again.");
  const out: ProjectFiles = { ...files, "package.json": exportPackageJson(files["package.json"], name) };
  if (!("tsconfig.json" in out) && Object.keys(out).some((path) => /\.tsx?$/.test(path))) out["tsconfig.json"] = TSCONFIG;
  if (!(".gitignore" in out)) out[".gitignore"] = "node_modules\ndist\n";
  if (!("README.md" in out)) out["README.md"] = `# ${name}\n\nMade with Playforge: a Phaser 4 game in a Vite project.\n\n    npm install\n    npm run dev      # play it at the address Vite prints\n    npm run build    # a static site in dist/\n`;
  return out;
}

function exportPackageJson(existing: FileContent | undefined, name: string): string {
  let pkg: Record<string, unknown> = {};
  if (existing !== undefined) {
    try {
      const parsed: unknown = JSON.parse(typeof existing === "string" ? existing : new TextDecoder().decode(existing));
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) pkg = parsed as Record<string, unknown>;
      else throw new Error("it is not a JSON object");
    } catch (error) {
      throw new ProjectExportError("package.json", `package.json is not valid JSON (${(error as Error).message}). Fix it in the editor, then export again.`);
    }
  }
  const section = (key: string) => (pkg[key] && typeof pkg[key] === "object" ? (pkg[key] as Record<string, string>) : {});
  return `${JSON.stringify(
    {
      name: projectSlug(name),
      private: true,
      version: "0.0.1",
      type: "module",
      ...pkg,
      scripts: { ...EXPORT_SCRIPTS, ...section("scripts") },
      dependencies: { ...EXPORT_DEPENDENCIES.dependencies, ...section("dependencies") },
      devDependencies: { ...EXPORT_DEPENDENCIES.devDependencies, ...section("devDependencies") },
    },
    null,
    2,
  )}\n`;
}

/** A zip of the project inside one folder named after it. */
export function exportZip(files: ProjectFiles, name = "playforge-game"): Uint8Array {
  const folder = projectSlug(name);
  const tree: Zippable = {};
  for (const [path, content] of Object.entries(exportableProject(files, name))) {
    tree[`${folder}/${path}`] = typeof content === "string" ? new TextEncoder().encode(content) : content;
  }
  // A fixed date keeps exports of the same project byte-identical.
  return zipSync(tree, { level: 6, mtime: new Date("2026-01-01T00:00:00Z") });
}

const SKIPPED_SEGMENTS = new Set(["node_modules", ".git", "dist", "__MACOSX"]);
const SKIPPED_NAMES = new Set([".DS_Store", "Thumbs.db", "desktop.ini"]);

function isSkipped(path: string): boolean {
  const segments = path.split("/");
  return segments.some((s) => SKIPPED_SEGMENTS.has(s)) || SKIPPED_NAMES.has(segments[segments.length - 1]);
}

/** Drops one folder that wraps the whole project (how zips and dropped folders usually arrive). */
function stripSharedFolder(paths: string[]): (path: string) => string {
  const first = paths[0]?.split("/")[0];
  const wraps = first !== undefined && paths.every((p) => p.includes("/") && p.split("/")[0] === first);
  const shared = wraps && (paths.includes(`${first}/index.html`) || paths.includes(`${first}/package.json`));
  return shared ? (path) => path.slice(first.length + 1) : (path) => path;
}

/** Builds a project from uploaded (path, bytes) pairs with the same validation as share links. */
export function projectFromUpload(entries: readonly { path: string; read(limit: number): Uint8Array }[]): ImportedProject {
  const normalised = entries.map((entry) => ({ ...entry, path: entry.path.replace(/\\/g, "/").replace(/^\.\//, "") }));
  const skipped = normalised.filter((e) => isSkipped(e.path)).map((e) => e.path);
  const kept = normalised.filter((e) => !isSkipped(e.path));
  if (kept.length === 0) throw new ProjectImportError("empty", "There are no project files in what was dropped. Drop a Playforge or Vite project folder, or a zip of one.");
  if (kept.length > PROJECT_LIMITS.maxFiles) throw new ProjectImportError("too-large", `That has ${kept.length} files; a project holds at most ${PROJECT_LIMITS.maxFiles}. Leave out build output and large asset folders, then try again.`);
  const strip = stripSharedFolder(kept.map((e) => e.path));
  const contents: [string, FileContent][] = [];
  let total = 0;
  for (const entry of kept) {
    const path = strip(entry.path);
    const limit = Math.min(PROJECT_LIMITS.maxFileBytes, PROJECT_LIMITS.maxTotalBytes - total);
    let bytes: Uint8Array;
    try {
      bytes = entry.read(limit);
    } catch (error) {
      if (error instanceof ZipEntryTooLargeError) throw new ProjectImportError("too-large", `${path} is too big: files may be at most ${PROJECT_LIMITS.maxFileBytes / 1024 / 1024} MB and a project ${PROJECT_LIMITS.maxTotalBytes / 1024 / 1024} MB in all. Shrink or remove it and try again.`, error);
      if (error instanceof ZipFormatError) throw new ProjectImportError("not-a-zip", `That zip could not be read: ${error.message}.`, error);
      throw error;
    }
    total += bytes.length;
    contents.push([path, isTextPath(path) ? strictText(bytes, path) : bytes]);
  }
  try {
    return { files: projectFrom(contents), skipped };
  } catch (error) {
    if (error instanceof ProjectPathError) throw new ProjectImportError("unsafe", `The import was refused: ${error.message}.`, error);
    if (error instanceof ProjectSizeError) throw new ProjectImportError("too-large", `The import was refused: ${error.message}`, error);
    throw error;
  }
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

function strictText(bytes: Uint8Array, path: string): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch (error) {
    throw new ProjectImportError("not-utf8", `${path} is not UTF-8 text. Save it as UTF-8 in your editor, then import again.`, error);
  }
}

/** Imports a zip archive; throws ProjectImportError with a message that names the bad entry. */
export function importZip(zip: Uint8Array): ImportedProject {
  let entries;
  try {
    entries = readZipEntries(zip);
  } catch (error) {
    if (error instanceof ZipFormatError) throw new ProjectImportError("not-a-zip", `That file could not be read as a zip: ${error.message}.`, error);
    throw error;
  }
  return projectFromUpload(entries.map((entry) => ({ path: entry.name, read: (limit: number) => entry.read(limit) })));
}

/** A dropped or picked file, as browsers give it (File) or as a test builds it. */
export interface UploadedFile {
  name: string;
  /** Set for files from a dropped or picked folder: "my-game/src/main.ts". */
  webkitRelativePath?: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Imports one dropped .zip, or the files of a dropped folder. */
export async function importUpload(files: readonly UploadedFile[], signal?: AbortSignal): Promise<ImportedProject> {
  if (files.length === 1 && /\.zip$/i.test(files[0].name)) return importZip(new Uint8Array(await files[0].arrayBuffer()));
  const pathOf = (file: UploadedFile) => (file.webkitRelativePath || file.name).replace(/\\/g, "/");
  const wanted = files.filter((file) => !isSkipped(pathOf(file)));
  if (wanted.length > PROJECT_LIMITS.maxFiles) throw new ProjectImportError("too-large", `That folder has ${wanted.length} files; a project holds at most ${PROJECT_LIMITS.maxFiles}. Leave out build output and large asset folders, then try again.`);
  const loaded: { path: string; read(limit: number): Uint8Array }[] = files.filter((file) => isSkipped(pathOf(file))).map((file) => ({ path: pathOf(file), read: () => new Uint8Array(0) }));
  for (const file of wanted) {
    signal?.throwIfAborted();
    if (file.size > PROJECT_LIMITS.maxFileBytes) throw new ProjectImportError("too-large", `${pathOf(file)} is ${Math.round(file.size / 1024 / 1024)} MB; files may be at most ${PROJECT_LIMITS.maxFileBytes / 1024 / 1024} MB.`);
    const bytes = new Uint8Array(await file.arrayBuffer());
    loaded.push({ path: pathOf(file), read: () => bytes });
  }
  return projectFromUpload(loaded);
}
