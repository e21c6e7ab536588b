// The starter game (templates/starter/) as ProjectFiles, bundled into the IDE by Vite so a new
// project starts offline with no fetch. Every file goes through the validating write path.

import { projectFrom, type ProjectFiles } from "./files";

const TEMPLATE_ROOT = "/templates/starter/";

const sources = import.meta.glob("/templates/starter/**/*", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** A fresh copy of the starter project; callers may change it freely. */
export function starterProject(): ProjectFiles {
  const entries: [string, string][] = Object.entries(sources).map(([absolute, text]) => [absolute.slice(TEMPLATE_ROOT.length), text]);
  return projectFrom(entries);
}
