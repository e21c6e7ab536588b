// Frogger: hop, one cell at a time, across lanes of traffic to the far side.

import type { GenreModule } from "./types";

export const frogger: GenreModule = {
  genre: "frogger",
  label: "Frogger",
  size: { width: 800, height: 600 },
  gravity: 0,
  needsCollectible: false,
  fallbackCollectible: { name: "points", count: 1 },
  howTo: (spec) => [
    "Hop with the arrows or WASD (hold to keep hopping), or tap beside the " + spec.player + " to hop that way.",
    `Cross to the flags on the far side ${spec.goal.target} time${spec.goal.target === 1 ? "" : "s"}${spec.hazards.length ? ` without being hit by the ${spec.hazards.map((h) => h.name).join(" or ")}` : ""}.`,
    "The traffic gets faster after every crossing.",
  ],
};
