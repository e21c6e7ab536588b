// The Phaser 4 guides (node_modules/phaser/skills/*/SKILL.md) for the agent's read_phaser_guide,
// bundled by Vite as lazy chunks: nothing is fetched from the network and the IDE's first load stays small.

import { createGuideLibrary, type GuideLibrary } from "../agent";

const GUIDE_FILES = import.meta.glob<string>("/node_modules/phaser/skills/*/SKILL.md", { query: "?raw", import: "default" });

let library: Promise<GuideLibrary> | null = null;

/** Loads every guide once (on the first agent run) and hands the same library to later runs. */
export function loadPhaserGuides(): Promise<GuideLibrary> {
  library ??= Promise.all(Object.entries(GUIDE_FILES).map(async ([path, load]) => [path, await load()] as const)).then((entries) =>
    createGuideLibrary(Object.fromEntries(entries)),
  );
  return library;
}
