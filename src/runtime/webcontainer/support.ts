// Whether this page can boot a WebContainer: it needs cross-origin isolation (COOP/COEP headers),
// SharedArrayBuffer, and a real origin (a sandboxed frame has an opaque one).

export type WebContainerSupport = { ok: true } | { ok: false; reason: string };

/** The globals the check reads; a window in the browser. */
export interface SupportScope {
  crossOriginIsolated?: boolean;
  SharedArrayBuffer?: unknown;
  origin?: string;
  isSecureContext?: boolean;
  /** The embedding <iframe>, visible when the parent shares our origin. */
  frameElement?: { hasAttribute(name: string): boolean } | null;
}

export function checkWebContainerSupport(scope: SupportScope = globalThis as SupportScope): WebContainerSupport {
  if (scope.origin === "null" || scope.frameElement?.hasAttribute("sandbox")) {
    return { ok: false, reason: "the IDE is running inside a sandboxed frame, where WebContainers cannot boot. Open Playforge in its own tab." };
  }
  if (scope.isSecureContext === false) {
    return { ok: false, reason: "the page is not a secure context (https or localhost), which WebContainers need." };
  }
  if (scope.crossOriginIsolated !== true) {
    return {
      ok: false,
      reason: "the page is not cross-origin isolated. Serve Playforge with the headers Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp.",
    };
  }
  if (typeof scope.SharedArrayBuffer !== "function") {
    return { ok: false, reason: "this browser has no SharedArrayBuffer, which WebContainers need. Use a current Chromium, Firefox or Safari." };
  }
  return { ok: true };
}
