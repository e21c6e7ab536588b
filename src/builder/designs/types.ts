// What each built-in design (genre) contributes to a generated project.

import type { Collectible, GameSpec, Genre } from "../spec";

export interface GenreModule {
  genre: Genre;
  label: string;
  size: { width: number; height: number };
  /** World gravity in pixels/s² (0 for top-down games). */
  gravity: number;
  needsCollectible: boolean;
  /** Used when a spec that needs something to collect has none (for example after a hand edit). */
  fallbackCollectible: Collectible;
  /** Lines shown on the title screen. */
  howTo(spec: GameSpec): string[];
}
