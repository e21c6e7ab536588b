// Serves the Playforge IDE (and its runner page) on 127.0.0.1 for the headless driver, CLIs and tests.

import { createServer, type ViteDevServer } from "vite";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startIdeServer(): Promise<RunningServer> {
  const server: ViteDevServer = await createServer({
    root: PROJECT_ROOT,
    configFile: resolve(PROJECT_ROOT, "vite.config.ts"),
    logLevel: "error",
    // Each process gets its own dependency cache, so servers started side by side (tests, CLIs)
    // never invalidate each other's optimised deps and reload pages mid-run.
    cacheDir: resolve(PROJECT_ROOT, "node_modules/.vite", `server-${process.pid}`),
    server: { host: "127.0.0.1", port: 0, strictPort: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === "string") throw new Error("The Playforge server did not report a port");
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}
