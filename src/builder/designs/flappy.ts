// Flappy: a flyer that falls unless you flap, through gaps in scrolling pipes.

import type { GenreModule } from "./types";

export const flappy: GenreModule = {
  genre: "flappy",
  label: "Flappy",
  size: { width: 800, height: 600 },
  gravity: 0,
  needsCollectible: false,
  fallbackCollectible: { name: "points", count: 1 },
  howTo: (spec) => [
    "Tap, click, or press SPACE / UP to flap; hold to keep flapping.",
    `Fly the ${spec.player} through the gaps in the ${spec.hazards[0]?.name ?? "pipes"}: ${spec.goal.target} gaps to win.`,
    `Touching a ${spec.hazards[0]?.name.replace(/s$/, "") ?? "pipe"} or the ground costs a life${spec.rules?.rising ? "; the speed keeps rising" : ""}.`,
  ],
};
