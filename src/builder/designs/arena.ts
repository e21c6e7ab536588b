// Top-down arena shooter: WASD/arrows move, the mouse aims and clicks fire; waves of chasers come
// in from the edges. SPACE fires at the nearest enemy for keyboard-only play; touch walks and fires.

import type { GenreModule } from "./types";

export const arena: GenreModule = {
  genre: "arena",
  label: "Top-down shooter",
  size: { width: 800, height: 600 },
  gravity: 0,
  needsCollectible: false,
  fallbackCollectible: { name: "points", count: 1 },
  howTo: (spec) => [
    "Move with WASD or the arrows. Aim with the mouse and click (or hold) to fire.",
    `No mouse? SPACE fires at the nearest enemy. On a phone, hold a finger where the ${spec.player} should walk.`,
    `Survive ${spec.goal.target} wave${spec.goal.target === 1 ? "" : "s"} of ${spec.hazards.map((h) => h.name).join(" and ")}: they chase you!`,
  ],
};
