// The one project format: a map from relative POSIX path to text or bytes, and the single
// validating write path every change goes through (editor, agent, import, share links).

export type FileContent = string | Uint8Array;
export type ProjectFiles = Record<string, FileContent>;

export const PROJECT_LIMITS = {
  maxFiles: 400,
  maxFileBytes: 4 * 1024 * 1024,
  maxTotalBytes: 24 * 1024 * 1024,
  maxPathLength: 200,
} as const;

export class ProjectPathError extends Error {
  constructor(readonly path: string, reason: string) {
    super(`Invalid file path "${path}": ${reason}`);
    this.name = "ProjectPathError";
  }
}

export class ProjectSizeError extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
    this.name = "ProjectSizeError";
  }
}

const SAFE_SEGMENT = /^[A-Za-z0-9_@()+,=\- .[\]]+$/;

/**
 * "constructor", "__proto__", "toString"...: as keys of a plain object these name Object.prototype's
 * members, so code that looks a path up with `in` or `[]` (here, in the linker, the WebContainer
 * tree) would find a file that is not there, and an assignment to "__proto__" changes the prototype.
 */
function isPrototypeName(segment: string): boolean {
  return Object.hasOwn(Object.prototype, segment);
}

/** Whether the project holds a file at `path`: own entries only, never Object.prototype's members. */
export function hasFile(files: ProjectFiles, path: string): boolean {
  return Object.hasOwn(files, path);
}

/** Returns the normalised path or throws a ProjectPathError that says what is wrong. */
export function validatePath(raw: string): string {
  if (typeof raw !== "string" || raw.length === 0) throw new ProjectPathError(String(raw), "the path is empty");
  const path = raw.replace(/\\/g, "/").replace(/^\.\//, "");
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) throw new ProjectPathError(raw, "absolute paths are not allowed; use a path inside the project such as src/scenes/Play.ts");
  if (path.length > PROJECT_LIMITS.maxPathLength) throw new ProjectPathError(raw, `longer than ${PROJECT_LIMITS.maxPathLength} characters`);
  const segments = path.split("/");
  for (const segment of segments) {
    if (segment === "" ) throw new ProjectPathError(raw, "it contains an empty segment (//) or ends with /");
    if (segment === "." || segment === "..") throw new ProjectPathError(raw, "'..' and '.' segments are not allowed; paths stay inside the project");
    if (!SAFE_SEGMENT.test(segment)) throw new ProjectPathError(raw, `the segment "${segment}" has characters that are not allowed`);
    if (isPrototypeName(segment)) throw new ProjectPathError(raw, `"${segment}" is a name every JavaScript object already has; rename that file or folder`);
  }
  if (segments[0] === "node_modules" || segments[0] === ".git") throw new ProjectPathError(raw, `${segments[0]}/ is not part of a project`);
  return path;
}

export function byteLength(content: FileContent): number {
  return typeof content === "string" ? new TextEncoder().encode(content).length : content.byteLength;
}

export function totalBytes(files: ProjectFiles): number {
  let sum = 0;
  for (const content of Object.values(files)) sum += byteLength(content);
  return sum;
}

/** The one write path: validates path and sizes and returns a new map (the input is not changed). */
export function writeFile(files: ProjectFiles, rawPath: string, content: FileContent): ProjectFiles {
  const path = validatePath(rawPath);
  if (typeof content !== "string" && !(content instanceof Uint8Array)) {
    throw new ProjectSizeError(path, `File ${path}: content must be text or bytes`);
  }
  const size = byteLength(content);
  if (size > PROJECT_LIMITS.maxFileBytes) {
    throw new ProjectSizeError(path, `File ${path} is ${formatBytes(size)}; the limit is ${formatBytes(PROJECT_LIMITS.maxFileBytes)} per file. Shrink it or split it.`);
  }
  const isNew = !hasFile(files, path);
  if (isNew && Object.keys(files).length + 1 > PROJECT_LIMITS.maxFiles) {
    throw new ProjectSizeError(path, `Cannot add ${path}: a project holds at most ${PROJECT_LIMITS.maxFiles} files.`);
  }
  const total = totalBytes(files) - (isNew ? 0 : byteLength(files[path])) + size;
  if (total > PROJECT_LIMITS.maxTotalBytes) {
    throw new ProjectSizeError(path, `Cannot write ${path}: the project would be ${formatBytes(total)}; the limit is ${formatBytes(PROJECT_LIMITS.maxTotalBytes)}.`);
  }
  return { ...files, [path]: content };
}

export function deleteFile(files: ProjectFiles, rawPath: string): ProjectFiles {
  const path = validatePath(rawPath);
  if (!hasFile(files, path)) throw new ProjectPathError(path, "no such file");
  const next = { ...files };
  delete next[path];
  return next;
}

export function renameFile(files: ProjectFiles, from: string, to: string): ProjectFiles {
  const source = validatePath(from);
  const target = validatePath(to);
  if (!hasFile(files, source)) throw new ProjectPathError(source, "no such file");
  if (hasFile(files, target)) throw new ProjectPathError(target, "a file with that name already exists");
  return writeFile(deleteFile(files, source), target, files[source]);
}

/** Builds a validated project from untrusted entries (imports, share links). */
export function projectFrom(entries: Iterable<[string, FileContent]>): ProjectFiles {
  let files: ProjectFiles = {};
  for (const [path, content] of entries) files = writeFile(files, path, content);
  return files;
}

export function isTextPath(path: string): boolean {
  return /\.(ts|tsx|js|mjs|jsx|json|html|css|md|txt|svg|glsl|frag|vert|xml|csv)$/i.test(path) || !/\.[^/]+$/.test(path);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

const MIME: Record<string, string> = {
  png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp", svg: "image/svg+xml",
  mp3: "audio/mpeg", ogg: "audio/ogg", wav: "audio/wav", m4a: "audio/mp4", json: "application/json", xml: "application/xml",
  txt: "text/plain", css: "text/css", ttf: "font/ttf", woff: "font/woff", woff2: "font/woff2",
};

/** The MIME type a browser should see for a project file (used for data and blob URLs). */
export function mimeOf(path: string): string {
  const ext = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? "";
  return MIME[ext] ?? (isTextPath(path) ? "text/plain" : "application/octet-stream");
}

/** Base64 of a file's bytes (text as UTF-8), for data URLs and JSON transport. */
export function base64Of(content: FileContent): string {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function dataUrlOf(path: string, content: FileContent): string {
  return `data:${mimeOf(path)};base64,${base64Of(content)}`;
}
