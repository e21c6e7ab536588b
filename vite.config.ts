// Vite config for the Playforge IDE: React, three pages (IDE, /play, headless runner),
// and Phaser served from the IDE's own origin (copied from node_modules, never committed).

import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const PHASER_FILE = resolve(__dirname, "node_modules/phaser/dist/phaser.min.js");
export const PHASER_URL_PATH = "/vendor/phaser.min.js";

function servePhaser(): Plugin {
  return {
    name: "playforge-serve-phaser",
    configureServer(server) {
      server.middlewares.use(PHASER_URL_PATH, (_req, res) => {
        res.setHeader("Content-Type", "text/javascript");
        res.setHeader("Cache-Control", "max-age=3600");
        res.end(readFileSync(PHASER_FILE));
      });
    },
    generateBundle() {
      this.emitFile({ type: "asset", fileName: PHASER_URL_PATH.slice(1), source: readFileSync(PHASER_FILE) });
    },
  };
}

export default defineConfig({
  plugins: [react(), servePhaser()],
  server: { host: "127.0.0.1" },
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 8000,
    rollupOptions: {
      input: {
        main: resolve(__dirname, "index.html"),
        play: resolve(__dirname, "play.html"),
        runner: resolve(__dirname, "runner.html"),
      },
    },
  },
  worker: { format: "es" },
});
