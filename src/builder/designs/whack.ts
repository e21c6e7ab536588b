// Whack-a-mole: a 3×3 field of holes, a hammer, moles (and bombs) popping up, a clock.

import type { GenreModule } from "./types";

export const whack: GenreModule = {
  genre: "whack",
  label: "Whack-a-mole",
  size: { width: 800, height: 600 },
  gravity: 0,
  needsCollectible: true,
  fallbackCollectible: { name: "moles", count: 1 },
  howTo: (spec) => [
    `Click or tap the ${spec.collectibles[0]?.name ?? "moles"} as they pop up, or steer the ${spec.player} with the arrows: it comes down where it lands (SPACE whacks again).`,
    `Whack ${spec.goal.target}${(spec.rules?.timeLimit ?? 45) > 0 ? ` before the ${spec.rules?.timeLimit ?? 45} s run out` : ""}${spec.hazards.length ? `; leave the ${spec.hazards.map((h) => h.name).join(" and ")} alone` : ""}.`,
    spec.rules?.rising ? "They pop up faster and faster!" : "Be quick: they duck back down.",
  ],
};
