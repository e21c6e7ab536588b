// Vite config for the Playforge IDE: React, three pages (IDE, /play, headless runner), Phaser and
// its types served from the IDE's own origin (copied from node_modules, never committed), and a
// service worker that keeps all of it working offline after the first visit (build only).

import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL(".", import.meta.url));

export const PHASER_URL_PATH = "/vendor/phaser.min.js";

/**
 * What the IDE serves from node_modules at /vendor/ (never committed, never a CDN): Phaser for game
 * pages, and its declarations for Monaco and the agent's type check (src/app/phaser-types.ts), one
 * copy of each in the build.
 */
const VENDOR_FILES: Record<string, { file: string; type: string }> = {
  [PHASER_URL_PATH]: { file: "node_modules/phaser/dist/phaser.min.js", type: "text/javascript" },
  "/vendor/phaser.d.ts": { file: "node_modules/phaser/types/phaser.d.ts", type: "text/plain; charset=utf-8" },
  "/vendor/matter.d.ts": { file: "node_modules/phaser/types/matter.d.ts", type: "text/plain; charset=utf-8" },
};

function serveVendorFiles(): Plugin {
  return {
    name: "playforge-serve-vendor",
    configureServer(server) {
      // Read once: every new game page fetches Phaser again (an opaque origin has no HTTP cache).
      const read = new Map<string, Buffer>();
      for (const [path, { file, type }] of Object.entries(VENDOR_FILES)) {
        server.middlewares.use(path, (_req, res) => {
          res.setHeader("Content-Type", type);
          // The game page has an opaque origin and loads Phaser with crossorigin so errors keep their details.
          res.setHeader("Access-Control-Allow-Origin", "*");
          // This middleware answers before the isolation one below: cross-origin isolated pages need CORP too.
          res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
          res.setHeader("Cache-Control", "max-age=3600");
          if (!read.has(path)) read.set(path, readFileSync(resolve(ROOT, file)));
          res.end(read.get(path));
        });
      }
    },
    generateBundle() {
      for (const [path, { file }] of Object.entries(VENDOR_FILES)) this.emitFile({ type: "asset", fileName: path.slice(1), source: readFileSync(resolve(ROOT, file)) });
    },
  };
}

/**
 * Cross-origin isolation (needed by the WebContainer runtime) only for pages opened with
 * ?isolated=1: the runtime switch reloads the IDE that way, so the default IDE keeps working
 * with anything that is not CORP-ready.
 */
function isolateOnRequest(): Plugin {
  const isolate = (req: { url?: string }, res: { setHeader(name: string, value: string): void }, next: () => void) => {
    if (req.url && /[?&]isolated=1\b/.test(req.url)) {
      res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
      res.setHeader("Cross-Origin-Embedder-Policy", "require-corp");
    }
    res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
    next();
  };
  return {
    name: "playforge-isolate-on-request",
    configureServer: (server) => void server.middlewares.use(isolate),
    configurePreviewServer: (server) => void server.middlewares.use(isolate),
  };
}

/**
 * Workbox precaches every file of the build (about 39 MB): the three pages, their chunks, Phaser and
 * its declarations, Monaco and its workers, the transpiler and the type checker (the largest:
 * TypeScript for the agent's type check, Monaco's TypeScript worker and phaser.d.ts, 7-9 MB each). /play and /runner are answered with play.html and runner.html
 * (Workbox's clean URLs); ?isolated=1 (the WebContainer reload) gets the same shell. Sandboxed game
 * pages are never controlled by a service worker: they get Phaser from their page instead
 * (src/app/offline/phaser.ts).
 */
function offlineApp() {
  return VitePWA({
    registerType: "autoUpdate",
    injectRegister: "script-defer",
    manifest: {
      name: "Playforge",
      short_name: "Playforge",
      description: "Describe a game; an agent writes it in Phaser, plays it, fixes it and shares it as a link.",
      start_url: "/",
      display: "standalone",
      background_color: "#10131c",
      theme_color: "#10131c",
      icons: [
        { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
        { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      ],
    },
    workbox: {
      globPatterns: ["**/*.{js,css,html,svg,png,ttf,woff2,webmanifest}", "vendor/*.d.ts"],
      maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
      ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^isolated$/],
      cleanupOutdatedCaches: true,
    },
  });
}

export default defineConfig({
  plugins: [react(), serveVendorFiles(), isolateOnRequest(), offlineApp()],
  // A dependency cache of its own for one dev server (bench/first-view.bench.ts: an empty one is a
  // fresh `npm run dev`, and the real node_modules/.vite stays untouched); unset, Vite's default.
  cacheDir: process.env.PLAYFORGE_VITE_CACHE_DIR || undefined,
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1", cors: { origin: "*" } },
  // Listing every dependency up front keeps the dev server from re-optimising (and reloading
  // pages) when a lazily imported one is first requested.
  optimizeDeps: {
    entries: ["index.html", "play.html", "runner.html"],
    include: [
      "react", "react-dom/client", "react/jsx-runtime", "react/jsx-dev-runtime", "zustand", "zustand/vanilla",
      "fflate", "idb-keyval", "qrcode", "openai", "@webcontainer/api",
      "sucrase", "sucrase/dist/parser", "sucrase/dist/parser/tokenizer/types",
    ],
  },
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 8000,
    rollupOptions: {
      // The subsystems' modules run nothing when imported, so a page leaves out what it does not
      // use of a door (the runner page takes neither the zip import nor the share codec through
      // the project's index.ts).
      treeshake: {
        moduleSideEffects: [{ test: /\/src\/(agent|providers|builder|playtest|project|runtime|state|storage)\/.*\.ts$/, sideEffects: false, external: false }],
      },
      input: Object.fromEntries(
        ["index", "play", "runner"].map((name) => [name, resolve(ROOT, `${name}.html`)]).filter(([, path]) => existsSync(path)),
      ),
    },
  },
  worker: { format: "es" },
});
