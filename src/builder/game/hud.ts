// Heads-up display: score, lives as hearts and one status line, fixed to the screen.
import Phaser from "phaser";
import { CONFIG } from "./config";
import { css, makeTexture } from "./art";
import { playSfx } from "./sfx";

export class Hud {
  private scoreText: Phaser.GameObjects.Text;
  private statusText: Phaser.GameObjects.Text;
  private hearts: Phaser.GameObjects.Image[] = [];

  constructor(private scene: Phaser.Scene) {
    makeTexture(scene, "heart", 22, 20, (g) => {
      g.fillStyle(0xff4d6d, 1);
      g.fillCircle(6, 6, 6).fillCircle(16, 6, 6);
      g.fillTriangle(0, 8, 22, 8, 11, 20);
    });
    const style = { fontFamily: "Arial, sans-serif", fontSize: "22px", color: css(CONFIG.colors.text), stroke: "#000000", strokeThickness: 4 };
    this.scoreText = scene.add.text(16, 12, "Score: 0", style).setScrollFactor(0).setDepth(100);
    this.statusText = scene.add.text(scene.scale.width - 16, 12, "", style).setOrigin(1, 0).setScrollFactor(0).setDepth(100);
  }

  setScore(score: number) {
    this.scoreText.setText("Score: " + score);
  }

  /** Shows lives as hearts; losing one plays the "hit" sound. */
  setLives(lives: number) {
    if (lives < this.hearts.length) playSfx(this.scene, "hit");
    this.hearts.forEach((h) => h.destroy());
    this.hearts = [];
    for (let i = 0; i < lives; i++) {
      this.hearts.push(this.scene.add.image(28 + i * 26, 54, "heart").setScrollFactor(0).setDepth(100));
    }
  }

  setStatus(text: string) {
    this.statusText.setText(text);
  }

  /** A short message in the middle of the screen that floats up and fades. */
  flash(message: string) {
    const { width, height } = this.scene.scale;
    const text = this.scene.add
      .text(width / 2, height / 2, message, { fontFamily: "Arial, sans-serif", fontSize: "40px", fontStyle: "bold", color: css(CONFIG.colors.accent), stroke: "#000000", strokeThickness: 6 })
      .setOrigin(0.5)
      .setScrollFactor(0)
      .setDepth(101);
    this.scene.tweens.add({ targets: text, y: height / 2 - 60, alpha: 0, duration: 1200, ease: "Cubic.easeOut", onComplete: () => text.destroy() });
  }
}
