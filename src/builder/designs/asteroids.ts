// Asteroids: a ship that turns, thrusts and wraps around the screen among splitting rocks.

import type { GenreModule } from "./types";

export const asteroids: GenreModule = {
  genre: "asteroids",
  label: "Asteroids",
  size: { width: 800, height: 600 },
  gravity: 0,
  needsCollectible: false,
  fallbackCollectible: { name: "points", count: 1 },
  howTo: (spec) => [
    "LEFT/RIGHT (or A/D) turn, UP or W thrusts; or hold the mouse / touch where to fly. The gun fires on its own; hold SPACE to fire faster.",
    `Break the ${spec.hazards[0]?.name ?? "asteroids"}: big ones split into smaller, faster ones. Clear ${spec.goal.target} wave${spec.goal.target === 1 ? "" : "s"} to win.`,
    "The edges wrap around: fly off one side to come back on the other.",
  ],
};
