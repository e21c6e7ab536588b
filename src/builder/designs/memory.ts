// Memory match: a grid of face-down picture cards, turned two at a time.

import type { GenreModule } from "./types";

export const memory: GenreModule = {
  genre: "memory",
  label: "Memory match",
  size: { width: 800, height: 600 },
  gravity: 0,
  needsCollectible: false,
  fallbackCollectible: { name: "pairs", count: 1 },
  howTo: (spec) => [
    "Click or tap a card to turn it over, or move with the arrows and press SPACE.",
    `Find all ${Math.max(3, Math.min(12, spec.goal.target))} pairs: two matching cards stay up, two different ones turn back.`,
    `You can make ${spec.lives * 4} mistakes.`,
  ],
};
