// Harness part: the project's public/ files are served at "/" as Vite does, from blob URLs made in
// the page (the sandbox has no network): XHR, fetch and <img src> see them by their paths.
// Serialised with toString: self-contained.

import type { HarnessContext } from "./context";

/* eslint-disable @typescript-eslint/no-explicit-any */
export function installPublicFiles(h: HarnessContext): void {
  const publicUrls = new Map<string, string>();
  h.publicUrls = publicUrls;
  h.servePublicFiles = (files) => {
    for (const [path, file] of Object.entries(files)) {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
      publicUrls.set(path, url);
      publicUrls.set(path.slice(1), url);
    }
  };
  function mapUrl(url: unknown): unknown {
    if (typeof url !== "string" || publicUrls.size === 0) return url;
    return publicUrls.get(url.replace(/^\.\//, "").split("?")[0]) ?? url;
  }
  h.servePublicFiles(h.config.publicFiles);

  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: any[]) {
    return (open as any).call(this, method, mapUrl(String(url)), ...rest);
  } as any;
  const realFetch = window.fetch.bind(window);
  h.w.fetch = (input: any, init?: RequestInit) => realFetch(mapUrl(input) as any, init);
  const src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, "src")!;
  Object.defineProperty(HTMLImageElement.prototype, "src", {
    configurable: true,
    get() {
      return src.get!.call(this);
    },
    set(value) {
      src.set!.call(this, mapUrl(value));
    },
  });
}
