// Game-over screen: win or lose, score and best score, restarts on SPACE, ENTER or a click/tap.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { css, makeSpark } from "../art";
import { playSfx } from "../sfx";

export interface GameOverData {
  won: boolean;
  score: number;
  detail: string;
}

export class GameOverScene extends Phaser.Scene {
  private result: GameOverData = { won: false, score: 0, detail: "" };

  constructor() {
    super("GameOver");
  }

  init(data: GameOverData) {
    this.result = data;
  }

  create() {
    const { width, height } = this.scale;
    const best = Math.max(this.result.score, (this.registry.get("best") as number | undefined) ?? 0);
    this.registry.set("best", best);
    playSfx(this, this.result.won ? "win" : "lose");
    makeSpark(this);
    this.add.particles(width / 2, this.result.won ? -10 : height + 10, "spark", {
      x: { min: -width / 2, max: width / 2 },
      speedY: this.result.won ? { min: 60, max: 200 } : { min: -80, max: -20 },
      lifespan: 4000,
      tint: this.result.won ? [CONFIG.colors.accent, CONFIG.colors.player, 0xffffff] : [CONFIG.colors.hazard],
      scale: { start: 1, end: 0.3 },
      frequency: this.result.won ? 60 : 160,
    });

    const heading = this.add
      .text(width / 2, height / 2 - 110, this.result.won ? "YOU WIN!" : "GAME OVER", { fontFamily: "Arial Black, Arial, sans-serif", fontSize: "64px", color: css(this.result.won ? CONFIG.colors.accent : CONFIG.colors.hazard), stroke: "#000000", strokeThickness: 8 })
      .setOrigin(0.5)
      .setScale(0.2);
    this.tweens.add({ targets: heading, scale: 1, duration: 600, ease: "Back.easeOut" });
    this.tweens.add({ targets: heading, angle: { from: -3, to: 3 }, duration: 1200, yoyo: true, repeat: -1, ease: "Sine.easeInOut" });

    const lines = [this.result.detail, "Score: " + this.result.score, "Best: " + best].filter((line) => line.length > 0);
    this.add
      .text(width / 2, height / 2 - 20, lines.join("\n"), { fontFamily: "Arial, sans-serif", fontSize: "26px", color: css(CONFIG.colors.text), align: "center", stroke: "#000000", strokeThickness: 4 })
      .setOrigin(0.5, 0);
    const hint = this.add
      .text(width / 2, height - 80, "Press SPACE or ENTER, or click to play again", { fontFamily: "Arial, sans-serif", fontSize: "22px", color: css(CONFIG.colors.text), stroke: "#000000", strokeThickness: 4 })
      .setOrigin(0.5);
    this.tweens.add({ targets: hint, alpha: 0.3, duration: 600, yoyo: true, repeat: -1 });

    // A short pause so the key that ended the game does not restart it by accident.
    this.time.delayedCall(600, () => {
      // An empty data object starts from level 1: Phaser would otherwise hand Play its last data again.
      const restart = () => this.scene.start("Play", {});
      this.input.keyboard?.once("keydown-SPACE", restart);
      this.input.keyboard?.once("keydown-ENTER", restart);
      this.input.once("pointerdown", restart);
    });
  }

  describe() {
    return { screen: "gameover", won: this.result.won, score: this.result.score };
  }
}
