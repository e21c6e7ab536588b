// Turns an error location into something a person or a model can act on: the project path,
// line and a few lines of the source around it, cut from the project's own files.

import type { ProjectFiles } from "../project";
import type { GameError, SourceLocation } from "../runtime/contract";

/** Maps a location reported by the page (maybe "/src/a.ts", "./src/a.ts", a URL) to a project path. */
function projectPath(files: ProjectFiles, file: string): string | null {
  const clean = file.replace(/^[a-z]+:\/\/[^/]*\//i, "").replace(/[?#].*$/, "").replace(/^\.?\//, "");
  if (clean in files) return clean;
  const suffix = Object.keys(files).filter((path) => clean.endsWith(`/${path}`) || path.endsWith(`/${clean}`));
  return suffix.length === 1 ? suffix[0] : null;
}

/** Location of the error in the project: its own location if it names a project file, else the first project frame of its stack. */
export function projectLocation(files: ProjectFiles, error: GameError): SourceLocation | undefined {
  if (error.location) {
    const path = projectPath(files, error.location.file);
    if (path) return { ...error.location, file: path };
  }
  for (const match of (error.stack ?? "").matchAll(/((?:[a-z]+:\/\/[^\s()]*?\/)?[\w@./-]+\.(?:ts|tsx|js|mjs|jsx)):(\d+)(?::(\d+))?/gi)) {
    const path = projectPath(files, match[1]);
    if (path) return { file: path, line: Number(match[2]), ...(match[3] ? { column: Number(match[3]) } : {}) };
  }
  return error.location;
}

/** A few numbered source lines around `location`, the failing one marked with ">" and a caret under the column. */
export function codeFrame(files: ProjectFiles, location: SourceLocation, context = 2): string | undefined {
  const source = files[location.file];
  if (typeof source !== "string") return undefined;
  const lines = source.split(/\r?\n/);
  if (location.line < 1 || location.line > lines.length) return undefined;
  const first = Math.max(1, location.line - context);
  const last = Math.min(lines.length, location.line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === location.line ? ">" : " ";
    out.push(`${marker} ${String(n).padStart(width)} | ${lines[n - 1].slice(0, 160)}`);
    if (n === location.line && location.column && location.column > 0) {
      out.push(`  ${" ".repeat(width)} | ${" ".repeat(Math.min(location.column - 1, 160))}^`);
    }
  }
  return out.join("\n");
}
