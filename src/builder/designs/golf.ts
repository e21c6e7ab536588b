// Mini golf seen from above: a tee, a cup, brick walls that bounce the ball and water that costs
// a ball; pull back with the pointer to putt, or move the aim marker with the arrows.

import type { GenreModule } from "./types";

export const golf: GenreModule = {
  genre: "golf",
  label: "Mini golf",
  size: { width: 800, height: 600 },
  gravity: 0,
  needsCollectible: false,
  fallbackCollectible: { name: "points", count: 1 },
  howTo: (spec) => [
    "Pull back from the ball with the mouse or a finger and let go to putt.",
    "Or hold the arrows to move the aim marker and let go (or press SPACE): the ball rolls to it.",
    `Sink the ball in ${spec.goal.target} hole${spec.goal.target === 1 ? "" : "s"} in as few strokes as you can${spec.hazards.length ? `; the ${spec.hazards.map((h) => h.name).join(" and ")} cost a ball` : ""}.`,
  ],
};
