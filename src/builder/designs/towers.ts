// Tower defense: one path, eight build spots beside it, two kinds of tower, waves of creeps.

import type { GenreModule } from "./types";

export const towers: GenreModule = {
  genre: "towers",
  label: "Tower defense",
  size: { width: 800, height: 600 },
  gravity: 0,
  needsCollectible: false,
  fallbackCollectible: { name: "coins", count: 1 },
  howTo: (spec) => [
    "Click or tap a free spot beside the path to build there; press 1 or 2 (or click the buttons) to pick a blaster or a cannon. Arrows + SPACE work too.",
    `Stop the ${spec.hazards.map((h) => h.name).join(" and ") || "creeps"} before they reach the gate: hold out for ${spec.goal.target} waves.`,
    "Defeated creeps pay coins for more towers.",
  ],
};
