// Fishing: a boat on the surface, a hook on a line, fish at every depth, a clock.

import type { GenreModule } from "./types";

export const fishing: GenreModule = {
  genre: "fishing",
  label: "Fishing",
  size: { width: 800, height: 600 },
  gravity: 0,
  needsCollectible: true,
  fallbackCollectible: { name: "fish", count: 10 },
  howTo: (spec) => [
    "LEFT/RIGHT move the boat, DOWN (or SPACE) lets the hook down, UP pulls it up; or hold the mouse / touch where the hook should go.",
    `A ${spec.collectibles[0]?.name ?? "fish"} that touches the hook is reeled in: catch ${spec.goal.target}${(spec.rules?.timeLimit ?? 90) > 0 ? ` before the ${spec.rules?.timeLimit ?? 90} s run out` : ""}. Big ones score more.`,
    spec.hazards.length ? `Keep the line away from the ${spec.hazards.map((h) => h.name).join(" and ")}: they snap it.` : "Take your time: nothing here bites the line.",
  ],
};
