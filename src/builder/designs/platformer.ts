// Platformer: run and jump across generated ledges, collect coins, stomp patrolling enemies,
// reach the unlocked door; each level adds enemies and speed.

import type { GenreModule } from "./types";

export const platformer: GenreModule = {
  genre: "platformer",
  label: "Platformer",
  size: { width: 800, height: 600 },
  gravity: 1100,
  needsCollectible: true,
  fallbackCollectible: { name: "coins", count: 6 },
  howTo: (spec) => [
    `Run with LEFT/RIGHT or A/D (or hold the mouse / touch to the side).`,
    `Jump (twice in the air) with SPACE, UP, W or a tap.${spec.hazards.length ? ` Stomp the ${spec.hazards.map((h) => h.name).join(" and ")} from above.` : ""}`,
    `Collect every ${spec.collectibles[0]?.name ?? "coin"} to open the door; clear ${spec.goal.target} level${spec.goal.target === 1 ? "" : "s"} to win.`,
  ],
};
