// Racing: a top-down road race; steer through traffic and obstacles, finish the laps.

import type { GenreModule } from "./types";

export const racing: GenreModule = {
  genre: "racing",
  label: "Racing",
  size: { width: 800, height: 600 },
  gravity: 0,
  needsCollectible: false,
  fallbackCollectible: { name: "fuel cans", count: 3 },
  howTo: (spec) => [
    `Steer with LEFT/RIGHT or A/D, or hold the mouse / touch on either side.`,
    `UP or W for speed, DOWN or S to brake.${spec.hazards.length ? ` Don't hit the ${spec.hazards.map((h) => h.name).join(" or ")}!` : ""}`,
    `Finish ${spec.goal.target} lap${spec.goal.target === 1 ? "" : "s"} to win.${spec.collectibles[0] ? ` Grab ${spec.collectibles[0].name} for a boost.` : ""}`,
  ],
};
