// Endless runner: auto-run over parallax scenery, jump (and double-jump) the obstacles, grab
// coins; the world speeds up until the target distance.

import type { GenreModule } from "./types";

export const runner: GenreModule = {
  genre: "runner",
  label: "Endless runner",
  size: { width: 800, height: 600 },
  gravity: 1700,
  needsCollectible: false,
  fallbackCollectible: { name: "coins", count: 5 },
  howTo: (spec) => [
    `Jump with SPACE, UP, W or a tap - and again in the air for a double jump.`,
    `${spec.hazards.length ? `Leap over the ${spec.hazards.map((h) => h.name).join(" and ")}. ` : ""}DOWN or S drops you back fast.`,
    `Run ${spec.goal.target} m to win${spec.collectibles[0] ? `; grab ${spec.collectibles[0].name} on the way` : ""}.`,
  ],
};
