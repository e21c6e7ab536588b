// The starter game (templates/starter/) as ProjectFiles, bundled into the IDE by Vite so a new
// project starts offline with no fetch. Every file goes through the validating write path.

import { projectFrom, type ProjectFiles } from "./files";

const TEMPLATE_ROOT = "/templates/starter/";

/** A fresh copy of the starter project; callers may change it freely. Needs Vite (the glob is inside
 * the function so that the project door still loads under plain Node). */
export function starterProject(): ProjectFiles {
  const sources = import.meta.glob("/templates/starter/**/*", {
    query: "?raw",
    import: "default",
    eager: true,
  }) as Record<string, string>;
  const entries: [string, string][] = Object.entries(sources).map(([absolute, text]) => [absolute.slice(TEMPLATE_ROOT.length), text]);
  return projectFrom(entries);
}
