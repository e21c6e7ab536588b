// Writes src/project/share-dictionary.ts: the preset DEFLATE dictionary of share-link mode 2.
// Run once; the result is FROZEN. Links made with a dictionary open only with exactly the same
// bytes, so a changed dictionary needs a new mode (keep the old one for old links).
//
// What goes in: text that most shared Phaser 4 projects repeat. Deflate finds nearer matches
// cheaper, so the most common text (the project's set-up files) comes last.
import { writeFileSync } from "node:fs";
import { compileSpec, defaultSpec } from "../src/builder";
import { readProject } from "../test/support/project";

const idioms = `import Phaser from "phaser";
export class GameScene extends Phaser.Scene {
  private player!: Phaser.Types.Physics.Arcade.SpriteWithDynamicBody;
  private cursors!: Phaser.Types.Input.Keyboard.CursorKeys;
  private score = 0;
  constructor() {
    super("Game");
  }
  preload() {}
  create() {
    const { width, height } = this.scale;
    this.cameras.main.setBackgroundColor("#000000");
    this.physics.world.setBounds(0, 0, width, height);
    this.player = this.physics.add.sprite(width / 2, height / 2, "player");
    this.player.setCollideWorldBounds(true);
    this.cursors = this.input.keyboard!.createCursorKeys();
    this.input.on("pointerdown", (pointer: Phaser.Input.Pointer) => {});
    this.physics.add.overlap(this.player, this.enemies, this.onHit, undefined, this);
    this.physics.add.collider(this.player, this.platforms);
    this.time.addEvent({ delay: 1000, loop: true, callback: () => {} });
    this.tweens.add({ targets: this.player, alpha: 0, duration: 200, yoyo: true, repeat: -1 });
    this.add.particles(0, 0, "spark", { speed: { min: 50, max: 200 }, lifespan: 600, scale: { start: 1, end: 0 }, emitting: false });
    this.add.text(16, 16, "Score: 0", { fontFamily: "Arial", fontSize: "24px", color: "#ffffff" });
    this.scene.start("GameOver", { score: this.score });
    this.sound.play("hit");
    Phaser.Math.Between(0, width); Phaser.Math.Clamp(v, 0, 1); Phaser.Math.Distance.Between(a.x, a.y, b.x, b.y);
    new Phaser.Math.Vector2(0, 0);
    const g = this.make.graphics({ x: 0, y: 0 }, false);
    g.fillStyle(0xffffff, 1); g.fillRect(0, 0, 32, 32); g.fillCircle(16, 16, 16); g.lineStyle(2, 0xffffff, 1);
    g.generateTexture("player", 32, 32); g.destroy();
  }
  update(time: number, delta: number) {
    if (this.cursors.left.isDown) this.player.setVelocityX(-200);
    else if (this.cursors.right.isDown) this.player.setVelocityX(200);
    else this.player.setVelocityX(0);
    if (Phaser.Input.Keyboard.JustDown(this.cursors.up) && this.player.body.blocked.down) this.player.setVelocityY(-400);
  }
}
`;

const builder = compileSpec(defaultSpec("diving", 3));
const starter = readProject("templates/starter");
const pick = (files: Record<string, unknown>, paths: string[]) => paths.map((p) => `${p}\n${files[p] as string}`).join("\n");
const text = [
  idioms,
  pick(builder, ["src/art.ts", "src/sfx.ts", "src/controls.ts", "src/hud.ts", "src/scenes/GameOver.ts", "src/scenes/Title.ts", "src/config.ts", "src/main.ts"]),
  pick(starter, ["src/scenes/Play.ts", "src/scenes/Title.ts", "src/main.ts", "tsconfig.json", "index.html", "package.json"]),
].join("\n");
const bytes = new TextEncoder().encode(text);
if (bytes.length > 32 * 1024) throw new Error(`The dictionary is ${bytes.length} bytes; DEFLATE uses at most 32768.`);
writeFileSync(
  new URL("../src/project/share-dictionary.ts", import.meta.url),
  `// The preset DEFLATE dictionary of share-link mode 2 (written by scripts/share-dictionary.mts).\n` +
    `// FROZEN: links made with it open only with exactly these bytes. A new dictionary needs a new mode.\n\n` +
    `export const SHARE_DICTIONARY_V1 = ${JSON.stringify(text)};\n`,
);
console.log(`share dictionary: ${bytes.length} bytes`);
