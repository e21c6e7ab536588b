// Match-3: an 8×8 board of gems; swap neighbours to make lines of three or more, cascades score
// more; clear the goal's number of gems within the moves (or the clock, when the rules set one).

import type { GenreModule } from "./types";

export const match3: GenreModule = {
  genre: "match3",
  label: "Match-3",
  size: { width: 800, height: 600 },
  gravity: 0,
  needsCollectible: true,
  fallbackCollectible: { name: "gems", count: 6 },
  howTo: (spec) => [
    "Drag a gem onto its neighbour (or click one, then the other) to swap them.",
    "Keys: move with the arrows, SPACE picks a gem up, an arrow swaps it that way.",
    `Line up three or more to clear them: clear ${spec.goal.target} ${spec.collectibles[0]?.name ?? "gems"} ${(spec.rules?.timeLimit ?? 0) > 0 ? `in ${spec.rules?.timeLimit} s` : `in ${({ easy: 25, normal: 20, hard: 16 } as const)[spec.difficulty]} moves`}.`,
  ],
};
