import Phaser from "phaser";

export class TitleScene extends Phaser.Scene {
  constructor() {
    super("Title");
  }

  create() {
    const { width, height } = this.scale;
    this.add.text(width / 2, height / 2 - 60, "STAR CATCHER", { fontSize: "56px", color: "#ffd166", fontStyle: "bold" }).setOrigin(0.5);
    const hint = this.add.text(width / 2, height / 2 + 30, "Press SPACE or click to start", { fontSize: "24px", color: "#e6e6e6" }).setOrigin(0.5);
    this.tweens.add({ targets: hint, alpha: 0.3, duration: 700, yoyo: true, repeat: -1 });
    this.input.keyboard?.once("keydown-SPACE", () => this.scene.start("Play"));
    this.input.keyboard?.once("keydown-ENTER", () => this.scene.start("Play"));
    this.input.once("pointerdown", () => this.scene.start("Play"));
  }
}
