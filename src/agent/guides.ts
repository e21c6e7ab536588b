// The Phaser 4 guides the model can read (node_modules/phaser/skills/<topic>/SKILL.md). The app
// bundles them with import.meta.glob, the CLI reads the folder; both hand the texts in here.

import type { GuideLibrary } from "./types";

/** Keys are topics ("physics-arcade"); a path such as ".../skills/physics-arcade/SKILL.md" also works. */
export function createGuideLibrary(entries: Record<string, string>): GuideLibrary {
  const guides = new Map<string, string>();
  for (const [key, markdown] of Object.entries(entries)) {
    const topic = /([^/]+)\/SKILL\.md$/i.exec(key)?.[1] ?? key;
    guides.set(topic.toLowerCase(), markdown);
  }
  const topics = [...guides.keys()].sort();
  return {
    list: () => [...topics],
    read: (topic) => guides.get(topic.trim().toLowerCase()),
  };
}
