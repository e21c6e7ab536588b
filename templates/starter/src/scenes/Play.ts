import Phaser from "phaser";

const PLAYER_SPEED = 260;

export class PlayScene extends Phaser.Scene {
  private player!: Phaser.Types.Physics.Arcade.ImageWithDynamicBody;
  private stars!: Phaser.Physics.Arcade.Group;
  private cursors!: Phaser.Types.Input.Keyboard.CursorKeys;
  private score = 0;
  private scoreText!: Phaser.GameObjects.Text;

  constructor() {
    super("Play");
  }

  create() {
    this.score = 0;
    this.makeTextures();

    this.player = this.physics.add.image(400, 300, "player").setCollideWorldBounds(true);
    this.stars = this.physics.add.group();
    for (let i = 0; i < 5; i++) this.spawnStar();

    this.physics.add.overlap(this.player, this.stars, (_player, star) => {
      (star as Phaser.Physics.Arcade.Image).destroy();
      this.score += 10;
      this.scoreText.setText(`Score: ${this.score}`);
      this.spawnStar();
    });

    this.scoreText = this.add.text(16, 16, "Score: 0", { fontSize: "28px", color: "#ffffff" });
    this.cursors = this.input.keyboard!.createCursorKeys();
    this.input.on("pointerdown", (pointer: Phaser.Input.Pointer) => {
      this.physics.moveTo(this.player, pointer.worldX, pointer.worldY, PLAYER_SPEED);
    });
  }

  update() {
    const { left, right, up, down } = this.cursors;
    const vx = (right.isDown ? 1 : 0) - (left.isDown ? 1 : 0);
    const vy = (down.isDown ? 1 : 0) - (up.isDown ? 1 : 0);
    if (vx !== 0 || vy !== 0) this.player.setVelocity(vx * PLAYER_SPEED, vy * PLAYER_SPEED);
    this.player.rotation += 0.02;
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    return { score: this.score, player: { x: Math.round(this.player.x), y: Math.round(this.player.y) }, stars: this.stars.countActive() };
  }

  private spawnStar() {
    const x = Phaser.Math.Between(40, 760);
    const y = Phaser.Math.Between(80, 560);
    const star = this.stars.create(x, y, "star") as Phaser.Physics.Arcade.Image;
    star.setVelocity(Phaser.Math.Between(-60, 60), Phaser.Math.Between(-60, 60)).setBounce(1).setCollideWorldBounds(true);
  }

  private makeTextures() {
    if (this.textures.exists("player")) return;
    const g = this.make.graphics({ x: 0, y: 0 }, false);
    g.fillStyle(0x4cc9f0).fillRoundedRect(0, 0, 40, 40, 8);
    g.generateTexture("player", 40, 40);
    g.clear();
    g.fillStyle(0xffd166).fillCircle(12, 12, 12);
    g.generateTexture("star", 24, 24);
    g.destroy();
  }
}
