// Snake: a grid snake that wraps around the edges, grows on food, speeds up, avoids rocks and
// its own tail.

import type { GenreModule } from "./types";

export const snake: GenreModule = {
  genre: "snake",
  label: "Snake",
  size: { width: 800, height: 600 },
  gravity: 0,
  needsCollectible: true,
  fallbackCollectible: { name: "apples", count: 1 },
  howTo: (spec) => [
    `Steer with the arrows or WASD, or hold the mouse / touch where the snake should turn.`,
    `Eat ${spec.collectibles[0]?.name ?? "apples"} to grow to length ${spec.goal.target}. The edges wrap around.`,
    `Don't bite your tail${spec.hazards.length ? ` or hit the ${spec.hazards.map((h) => h.name).join(" or ")}` : ""}!`,
  ],
};
