// Deep-sea diving: swim in 8 directions, collect pearls, dodge creatures, surface or catch
// bubbles for oxygen; the water darkens with depth.

import type { GenreModule } from "./types";

export const diving: GenreModule = {
  genre: "diving",
  label: "Deep-sea diving",
  size: { width: 800, height: 600 },
  gravity: 0,
  needsCollectible: true,
  fallbackCollectible: { name: "pearls", count: 8 },
  howTo: (spec) => [
    `Swim with the arrows or WASD, or hold the mouse / touch where you want to go.`,
    `Collect ${spec.collectibles[0]?.count ?? 8} ${spec.collectibles[0]?.name ?? "pearls"}${spec.hazards.length ? ` and dodge the ${spec.hazards.map((h) => h.name).join(" and ")}` : ""}.`,
    `Watch your oxygen: come up to the surface or catch bubbles to breathe.`,
  ],
};
