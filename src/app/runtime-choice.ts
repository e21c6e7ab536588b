// Which runtime runs the preview: chosen in the toolbar and kept in the URL, because the
// WebContainer runtime needs a cross-origin-isolated page (the server isolates ?isolated=1 pages).

import type { SandboxKind } from "../runtime";

export function chosenRuntime(location: Pick<Location, "search">): SandboxKind {
  return new URLSearchParams(location.search).get("runtime") === "webcontainer" ? "webcontainer" : "iframe";
}

/** Reloads the IDE in the other runtime; the project is autosaved and reopens as it was. */
export function switchRuntime(kind: SandboxKind): void {
  const url = new URL(window.location.href);
  if (kind === "webcontainer") {
    url.searchParams.set("runtime", "webcontainer");
    url.searchParams.set("isolated", "1");
  } else {
    url.searchParams.delete("runtime");
    url.searchParams.delete("isolated");
  }
  window.location.assign(url.href);
}
