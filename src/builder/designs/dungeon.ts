// Top-down dungeon with key and door: rooms of walls and pillars, 8-way walking, a key (or several)
// that unlocks the door in the far wall, chasers that hunt you when close and patrols on a beat.

import type { GenreModule } from "./types";

export const dungeon: GenreModule = {
  genre: "dungeon",
  label: "Dungeon with key and door",
  size: { width: 800, height: 600 },
  gravity: 0,
  needsCollectible: true,
  fallbackCollectible: { name: "keys", count: 1 },
  howTo: (spec) => [
    "Walk in eight directions with the arrows or WASD, or hold the mouse / touch where to go.",
    `Pick up the ${spec.collectibles[0]?.name ?? "keys"} to unlock the door, then go through it: ${spec.goal.target} room${spec.goal.target === 1 ? "" : "s"} to escape.`,
    spec.hazards.length ? `The ${spec.hazards.map((h) => h.name).join(" and ")} chase you when you get close, or pace their beat.` : "The rooms are empty: explore at your own pace.",
  ],
};
