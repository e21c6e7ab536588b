// Serves the Playforge IDE (and its runner page) on 127.0.0.1 for the headless driver, CLIs and tests.

import { build, createServer, preview, type ViteDevServer } from "vite";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export interface IdeServerOptions {
  /** Vite's dependency cache; an empty one makes a fresh `npm run dev` (the first-view bench). */
  cacheDir?: string;
}

export async function startIdeServer(options: IdeServerOptions = {}): Promise<RunningServer> {
  const server: ViteDevServer = await createServer({
    root: PROJECT_ROOT,
    configFile: resolve(PROJECT_ROOT, "vite.config.ts"),
    logLevel: "error",
    // Each process gets its own dependency cache, so servers started side by side (tests, CLIs)
    // never invalidate each other's optimised deps and reload pages mid-run.
    cacheDir: options.cacheDir ?? resolve(PROJECT_ROOT, "node_modules/.vite", `server-${process.pid}`),
    server: { host: "127.0.0.1", port: 0, strictPort: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === "string") throw new Error("The Playforge server did not report a port");
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}

/**
 * Builds the IDE for production into `outDir` and serves it like `vite preview`: the pages people
 * load from a deployment, and several times quicker to open than the dev server, which transforms
 * every module on first request (the browser tests use it; ~10 s to build).
 */
export async function startBuiltServer(outDir: string): Promise<RunningServer> {
  const configFile = resolve(PROJECT_ROOT, "vite.config.ts");
  // A production build whoever calls it: under vitest NODE_ENV is "test", and Vite would then bundle
  // React's development build (StrictMode's double effects mounted the preview twice).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ root: PROJECT_ROOT, configFile, mode: "production", logLevel: "error", build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const server = await preview({ root: PROJECT_ROOT, configFile, logLevel: "error", build: { outDir }, preview: { port: 0, host: "127.0.0.1" } });
  const address = server.httpServer.address();
  if (!address || typeof address === "string") throw new Error("The Playforge server did not report a port");
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}
