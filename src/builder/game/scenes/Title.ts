// Title screen: animated name, how to play, starts on SPACE, ENTER or a click/tap.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { css, makeSpark, makeTexture } from "../art";
import { playSfx } from "../sfx";

/** Pixels kept free on each side of the how-to-play lines, which wrap to stay inside the canvas. */
const HOW_TO_MARGIN = 40;

export class TitleScene extends Phaser.Scene {
  constructor() {
    super("Title");
  }

  create() {
    const { width, height } = this.scale;
    makeSpark(this);
    this.add.particles(0, 0, "spark", {
      x: { min: 0, max: width },
      y: height + 10,
      speedY: { min: -160, max: -60 },
      lifespan: 4500,
      scale: { start: 1.2, end: 0.2 },
      alpha: { start: 0.8, end: 0 },
      tint: [CONFIG.colors.accent, CONFIG.colors.player],
      frequency: 150,
    });

    makeTexture(this, "title-badge", 64, 64, (g) => {
      g.fillStyle(CONFIG.colors.player, 1).fillRoundedRect(4, 4, 56, 56, 14);
      g.fillStyle(0xffffff, 0.35).fillRoundedRect(12, 10, 40, 14, 7);
    });
    const badge = this.add.image(width / 2, height / 2 - 150, "title-badge");
    this.tweens.add({ targets: badge, angle: 360, duration: 4000, repeat: -1 });

    const title = this.add
      .text(width / 2, height / 2 - 60, CONFIG.title.toUpperCase(), { fontFamily: "Arial Black, Arial, sans-serif", fontSize: "54px", color: css(CONFIG.colors.accent), stroke: "#000000", strokeThickness: 8 })
      .setOrigin(0.5);
    this.tweens.add({ targets: title, scale: 1.08, duration: 900, yoyo: true, repeat: -1, ease: "Sine.easeInOut" });

    this.add
      .text(width / 2, height / 2 + 30, CONFIG.howToPlay.join("\n"), { fontFamily: "Arial, sans-serif", fontSize: "20px", color: css(CONFIG.colors.text), align: "center", stroke: "#000000", strokeThickness: 3, wordWrap: { width: width - 2 * HOW_TO_MARGIN, useAdvancedWrap: true } })
      .setOrigin(0.5, 0);
    const hint = this.add
      .text(width / 2, height - 70, "Press SPACE or ENTER, or click to start", { fontFamily: "Arial, sans-serif", fontSize: "24px", color: css(CONFIG.colors.text), stroke: "#000000", strokeThickness: 4 })
      .setOrigin(0.5);
    this.tweens.add({ targets: hint, alpha: 0.3, duration: 700, yoyo: true, repeat: -1 });

    // An empty data object starts from level 1: Phaser would otherwise hand Play its last data again.
    const start = () => {
      playSfx(this, "start");
      this.scene.start("Play", {});
    };
    this.input.keyboard?.once("keydown-SPACE", start);
    this.input.keyboard?.once("keydown-ENTER", start);
    this.input.once("pointerdown", start);
  }

  describe() {
    return { screen: "title", title: CONFIG.title };
  }
}
