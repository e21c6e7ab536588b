// Settings for this game, generated from game.spec.json by Playforge's offline builder.
// Change numbers and colours here; every scene reads them.

export interface HazardSettings {
  name: string;
  /** Pixels per second before the game speeds up. */
  speed: number;
  count: number;
}

export const CONFIG = {
  title: "Underwater Diver",
  player: "diver",
  theme: "underwater",
  difficulty: "normal",
  /** Multiplies enemy speed and spawn rates: easy 0.75, normal 1, hard 1.3. */
  pace: 1,
  lives: 3,
  seed: "7",
  goal: { kind: "collect", target: 8 },
  hazards: [
    { name: "jellyfish", speed: 60, count: 6 },
  ] as HazardSettings[],
  collectible: { name: "pearls", count: 8 } as { name: string; count: number } | null,
  /** Rules of play: who the opponent is ("cpu" or "human"), whether the speed keeps rising, seconds on the clock (0: no clock). */
  rules: { opponent: "cpu" as "cpu" | "human", rising: false, timeLimit: 0 },
  colors: {
    background: 0x0b3d5c,
    player: 0xffd166,
    hazard: 0xff70a6,
    accent: 0xf4f1de,
    text: 0xe0fbfc,
  },
  howToPlay: ["Swim with the arrows or WASD, or hold the mouse / touch where you want to go.","Collect 8 pearls and dodge the jellyfish.","Watch your oxygen: come up to the surface or catch bubbles to breathe."],
};
