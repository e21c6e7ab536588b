// Breakout: paddle, ball and a wall of bricks; falling bombs to dodge and power-ups to catch.

import type { GenreModule } from "./types";

export const breakout: GenreModule = {
  genre: "breakout",
  label: "Breakout",
  size: { width: 800, height: 600 },
  gravity: 0,
  needsCollectible: false,
  fallbackCollectible: { name: "power-ups", count: 3 },
  howTo: (spec) => [
    `Move the paddle with LEFT/RIGHT or A/D, or the mouse / touch.`,
    `SPACE or a tap serves the ball. Smash every brick to clear ${spec.goal.target} level${spec.goal.target === 1 ? "" : "s"}.`,
    spec.hazards.length ? `Dodge the falling ${spec.hazards.map((h) => h.name).join(" and ")}!` : `Don't let the ball fall past the paddle!`,
  ],
};
