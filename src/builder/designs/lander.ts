// Lunar lander: gravity, a main engine, side jets, a fuel tank and a landing pad.

import type { GenreModule } from "./types";

export const lander: GenreModule = {
  genre: "lander",
  label: "Lunar lander",
  size: { width: 800, height: 600 },
  gravity: 0,
  needsCollectible: false,
  fallbackCollectible: { name: "points", count: 1 },
  howTo: (spec) => [
    "UP, W or SPACE fires the main engine; LEFT/RIGHT (A/D) the side jets. Or hold the mouse / touch above and beside the lander.",
    `Touch down gently on the flat pad ${spec.goal.target} time${spec.goal.target === 1 ? "" : "s"}: too fast, or off the pad, and the ${spec.player} crashes.`,
    "Watch the fuel gauge: every burn uses some, and leftover fuel is bonus points.",
  ],
};
