// Pong: two paddles and a ball; the computer (or a second player) plays the right paddle.

import type { GenreModule } from "./types";

export const pong: GenreModule = {
  genre: "pong",
  label: "Pong",
  size: { width: 800, height: 600 },
  gravity: 0,
  needsCollectible: false,
  fallbackCollectible: { name: "points", count: 1 },
  howTo: (spec) => [
    spec.rules?.opponent === "human"
      ? "Left paddle: W and S. Right paddle: the UP and DOWN arrows."
      : "Move your paddle (left) with UP/DOWN or W/S, or hold the mouse / touch where it should go.",
    `Get the ball past the ${spec.rules?.opponent === "human" ? "other paddle" : "computer's paddle"}: first to ${spec.goal.target} points wins.`,
    `The ball gets faster with every return${spec.rules?.rising ? ", and every point makes the next serve faster" : ""}.`,
  ],
};
