// Vertical climber: bounce up generated ledges; the view follows and then creeps up on its own;
// falling below it costs a life; flyers knock you back; the summit is the goal height.

import type { GenreModule } from "./types";

export const climber: GenreModule = {
  genre: "climber",
  label: "Vertical climber",
  size: { width: 800, height: 600 },
  gravity: 0,
  needsCollectible: false,
  fallbackCollectible: { name: "points", count: 1 },
  howTo: (spec) => [
    `The ${spec.player} bounces by itself: steer with LEFT/RIGHT or A/D (or hold the mouse / touch to one side).`,
    `Land on higher ledges to climb ${spec.goal.target} m to the summit. The screen rises too: don't fall below it!`,
    spec.hazards.length ? `Keep away from the ${spec.hazards.map((h) => h.name).join(" and ")}.` : "The sides wrap around: leave on the left, come back on the right.",
  ],
};
