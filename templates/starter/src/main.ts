import Phaser from "phaser";
import { TitleScene } from "./scenes/Title";
import { PlayScene } from "./scenes/Play";

const game = new Phaser.Game({
  type: Phaser.AUTO,
  parent: "game",
  width: 800,
  height: 600,
  backgroundColor: "#1d2333",
  physics: { default: "arcade", arcade: { gravity: { x: 0, y: 0 } } },
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
  scene: [TitleScene, PlayScene],
});

// Lets Playforge watch and playtest the game; does nothing outside Playforge.
(window as any).__playforge?.register(game);
