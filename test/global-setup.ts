// Starts one Playforge server for all browser tests; its URL reaches tests as PLAYFORGE_URL.

import type { TestProject } from "vitest/node";
import { startIdeServer } from "../src/node/server";

export default async function setup(project: TestProject) {
  const server = await startIdeServer();
  process.env.PLAYFORGE_URL = server.url;
  project.provide("playforgeUrl", server.url);
  return async () => server.close();
}

declare module "vitest" {
  export interface ProvidedContext {
    playforgeUrl: string;
  }
}
