// Maze collector: a generated dungeon maze; collect every gem, dodge wandering/chasing monsters,
// escape through the exit; each level adds faster monsters.

import type { GenreModule } from "./types";

export const maze: GenreModule = {
  genre: "maze",
  label: "Maze collector",
  size: { width: 800, height: 600 },
  gravity: 0,
  needsCollectible: true,
  fallbackCollectible: { name: "gems", count: 6 },
  howTo: (spec) => [
    `Move with the arrows or WASD, or hold the mouse / touch in the direction to go.`,
    `Collect all ${spec.collectibles[0]?.count ?? 6} ${spec.collectibles[0]?.name ?? "gems"} to open the exit, then escape.${spec.hazards.length ? ` Avoid the ${spec.hazards.map((h) => h.name).join(" and ")}!` : ""}`,
    `Escape ${spec.goal.target} maze${spec.goal.target === 1 ? "" : "s"} to win.`,
  ],
};
