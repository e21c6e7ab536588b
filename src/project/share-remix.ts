// Remix hand-off from the /play page to the IDE: the play page sends the same fragment to
// `/#remix=<fragment>`; the IDE takes it once (clearing it from the address bar) as a new project.

import type { ProjectFiles } from "./files";
import { decodeShareLink, type ShareCodecOptions } from "./share";

const REMIX_PREFIX = "#remix=";

/** The IDE address that opens a shared game as a new, editable project. */
export function remixUrl(fragment: string, origin = ""): string {
  return `${origin.replace(/\/+$/, "")}/${REMIX_PREFIX}${fragment}`;
}

export interface RemixLocation {
  hash: string;
  pathname: string;
  search: string;
}

export interface RemixHistory {
  replaceState(data: unknown, unused: string, url?: string): void;
}

/**
 * Returns the project carried by `#remix=...` (or null when there is none) and removes the
 * fragment so a reload does not import it twice. Throws ShareLinkError for a bad link.
 */
export function takeRemixFromLocation(location: RemixLocation, history: RemixHistory, options: ShareCodecOptions = {}): ProjectFiles | null {
  if (!location.hash.startsWith(REMIX_PREFIX)) return null;
  const fragment = location.hash.slice(REMIX_PREFIX.length);
  history.replaceState(null, "", `${location.pathname}${location.search}`);
  return decodeShareLink(fragment, options);
}

/** A display title for a project: index.html's <title>, else package.json's name. */
export function projectTitle(files: ProjectFiles): string {
  const html = files["index.html"];
  const title = typeof html === "string" ? /<title>([^<]{1,80})<\/title>/i.exec(html)?.[1]?.trim() : undefined;
  if (title) return title;
  const pkg = files["package.json"];
  if (typeof pkg === "string") {
    try {
      const name = (JSON.parse(pkg) as { name?: unknown }).name;
      if (typeof name === "string" && name.trim()) return name.trim();
    } catch {
      // An unparsable package.json just means no name to show.
    }
  }
  return "Playforge game";
}
