// Catch: a catcher slides along the bottom under things falling from the sky.

import type { GenreModule } from "./types";

export const catchGame: GenreModule = {
  genre: "catch",
  label: "Catch",
  size: { width: 800, height: 600 },
  gravity: 0,
  needsCollectible: true,
  fallbackCollectible: { name: "stars", count: 1 },
  howTo: (spec) => [
    `Slide the ${spec.player} with LEFT/RIGHT or A/D, or hold the mouse / touch where it should go.`,
    `Catch ${spec.goal.target} ${spec.collectibles[0]?.name ?? "stars"}${spec.hazards.length ? ` and keep away from the ${spec.hazards.map((h) => h.name).join(" and ")}` : ""}.`,
    spec.rules?.rising ? "They fall faster and faster!" : "Every catch scores 10 points.",
  ],
};
