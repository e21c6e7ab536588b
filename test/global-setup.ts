// Starts the Playforge servers for all browser tests. The IDE's URL reaches tests as
// `playforgeUrl` and CLIs as PLAYFORGE_URL: a production build (what a deployment serves; its
// pages open about twice as fast as the dev server's, which matters on a 2-core CI machine), or
// the dev server with PLAYFORGE_TEST_DEV=1. The dev server also serves the test pages under
// test/browser/pages, which import src/ directly (`playforgeDevUrl`).

import type { TestProject } from "vitest/node";
import { resolve } from "node:path";
import { PROJECT_ROOT, startBuiltServer, startIdeServer } from "../src/node/server";

export default async function setup(project: TestProject) {
  const dev = await startIdeServer();
  const buildDir = process.env.PLAYFORGE_TEST_DEV === "1" ? "" : resolve(PROJECT_ROOT, ".out/test-build");
  const ide = buildDir ? await startBuiltServer(buildDir) : dev;
  project.provide("playforgeBuildDir", buildDir);
  process.env.PLAYFORGE_URL = ide.url;
  project.provide("playforgeUrl", ide.url);
  project.provide("playforgeDevUrl", dev.url);
  return async () => {
    if (ide !== dev) await ide.close();
    await dev.close();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    playforgeUrl: string;
    playforgeDevUrl: string;
    /** The production build the IDE's server serves ("" on the dev server). */
    playforgeBuildDir: string;
  }
}
