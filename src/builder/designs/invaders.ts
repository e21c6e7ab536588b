// Space invaders: a marching formation, bunkers, and a cannon that fires on its own.

import type { GenreModule } from "./types";

export const invaders: GenreModule = {
  genre: "invaders",
  label: "Space invaders",
  size: { width: 800, height: 600 },
  gravity: 0,
  needsCollectible: false,
  fallbackCollectible: { name: "points", count: 1 },
  howTo: (spec) => [
    `Slide the ${spec.player} with LEFT/RIGHT or A/D, or hold the mouse / touch where it should go. It fires on its own; hold SPACE to fire faster.`,
    `Shoot every ${spec.hazards[0]?.name.replace(/s$/, "") ?? "invader"} before the formation lands; clear ${spec.goal.target} wave${spec.goal.target === 1 ? "" : "s"} to win.`,
    "Hide from their bombs behind the bunkers.",
  ],
};
