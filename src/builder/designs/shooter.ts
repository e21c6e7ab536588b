// Space shooter: a ship with auto-fire against waves of weaving, shooting invaders.

import type { GenreModule } from "./types";

export const shooter: GenreModule = {
  genre: "shooter",
  label: "Space shooter",
  size: { width: 800, height: 600 },
  gravity: 0,
  needsCollectible: false,
  fallbackCollectible: { name: "power stars", count: 2 },
  howTo: (spec) => [
    `Fly with the arrows or WASD, or hold the mouse / touch where the ship should go.`,
    `Your guns fire by themselves; hold SPACE or the pointer to fire faster.`,
    `Destroy ${spec.goal.target} wave${spec.goal.target === 1 ? "" : "s"} of ${spec.hazards.map((h) => h.name).join(" and ") || "invaders"}${spec.collectibles[0] ? `; catch ${spec.collectibles[0].name} for triple shot` : ""}.`,
  ],
};
