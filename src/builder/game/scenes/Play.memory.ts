// Memory match: every picture is on two face-down cards. Turn two over: a pair stays up, two
// different ones turn back. Find every pair before the mistakes run out.
import Phaser from "phaser";
import { CONFIG } from "../config";
import { Controls } from "../controls";
import { Hud } from "../hud";
import { playSfx } from "../sfx";
import { makeSpark, makeTexture, shade } from "../art";
import { GridCursor } from "../kit/grid-cursor";

const PAIRS = Math.max(3, Math.min(12, CONFIG.goal.target));
const COLUMNS = PAIRS <= 8 ? 4 : 6;
const ROWS = Math.ceil((PAIRS * 2) / COLUMNS);
const CARD_W = 96;
const CARD_H = 116;
const GAP = 16;
const LOOK_MS = 750;
/** Mismatches allowed: a few per life. */
const MISTAKES = CONFIG.lives * 4;

interface Card {
  picture: number;
  sprite: Phaser.GameObjects.Image;
  faceUp: boolean;
  matched: boolean;
  seen: boolean;
}

export class PlayScene extends Phaser.Scene {
  private cards: Card[] = [];
  private open: Card[] = [];
  private cursor!: GridCursor;
  private frame!: Phaser.GameObjects.Rectangle;
  private controls!: Controls;
  private hud!: Hud;
  private rng!: Phaser.Math.RandomDataGenerator;
  private score = 0;
  private pairs = 0;
  private flips = 0;
  private streak = 0;
  private lives = MISTAKES;
  private busyUntil = 0;
  private ended = false;

  constructor() {
    super("Play");
  }

  create() {
    this.score = 0;
    this.pairs = 0;
    this.flips = 0;
    this.streak = 0;
    this.lives = MISTAKES;
    this.busyUntil = 0;
    this.ended = false;
    this.open = [];
    this.rng = new Phaser.Math.RandomDataGenerator([CONFIG.seed]);
    this.makeTextures();
    makeSpark(this);
    this.dealCards();
    this.cursor = new GridCursor(0, 0, COLUMNS, ROWS);
    this.frame = this.add.rectangle(0, 0, CARD_W + 10, CARD_H + 10).setStrokeStyle(4, CONFIG.colors.accent).setDepth(5);
    // The cursor's frame breathes, so the board is alive and the eye finds the chosen card.
    this.tweens.add({ targets: this.frame, alpha: 0.35, scale: 1.04, duration: 650, yoyo: true, repeat: -1, ease: "Sine.easeInOut" });
    this.controls = new Controls(this);
    this.hud = new Hud(this);
    this.updateHud();
  }

  update(time: number) {
    if (this.ended) return;
    const axis = this.controls.keyAxis();
    this.cursor.step(axis, time);
    const pointer = this.input.activePointer;
    if (this.controls.actionPressed() && !pointer.isDown) this.choose(this.cardAtCursor());
    const at = this.cardAtCursor();
    this.frame.setPosition(at.sprite.x, at.sprite.y);
  }

  /** The card under the keyboard cursor (the last one when the cursor is past the end of a short last row). */
  private cardAtCursor(): Card {
    return this.cards[Math.min(this.cards.length - 1, this.cursor.row * COLUMNS + this.cursor.col)];
  }

  private dealCards() {
    const pictures = this.rng.shuffle(Array.from({ length: PAIRS * 2 }, (_, i) => i % PAIRS));
    const left = 400 - ((COLUMNS - 1) * (CARD_W + GAP)) / 2;
    const top = 330 - ((ROWS - 1) * (CARD_H + GAP)) / 2;
    this.cards = pictures.map((picture, i) => {
      const sprite = this.add.image(left + (i % COLUMNS) * (CARD_W + GAP), top + Math.floor(i / COLUMNS) * (CARD_H + GAP), "card-back").setInteractive();
      const card: Card = { picture, sprite, faceUp: false, matched: false, seen: false };
      sprite.on("pointerdown", () => {
        this.cursor.moveTo(i % COLUMNS, Math.floor(i / COLUMNS));
        this.choose(card);
      });
      return card;
    });
  }

  private choose(card: Card) {
    if (this.ended || card.faceUp || this.time.now < this.busyUntil || this.open.length >= 2) return;
    this.flip(card, true);
    this.open.push(card);
    this.flips += 1;
    if (this.open.length < 2) return;
    const [a, b] = this.open;
    if (a.picture === b.picture) {
      a.matched = b.matched = true;
      this.open = [];
      this.pairs += 1;
      this.streak += 1;
      this.score += 10 * this.streak;
      playSfx(this, "collect");
      for (const c of [a, b]) this.tweens.add({ targets: c.sprite, scale: 1.12, duration: 120, yoyo: true });
      if (this.pairs >= PAIRS) this.finish(true);
      else if (this.streak > 1) this.hud.flash(this.streak + " in a row!");
    } else {
      this.streak = 0;
      this.lives -= 1;
      playSfx(this, "bounce");
      this.busyUntil = this.time.now + LOOK_MS;
      this.time.delayedCall(LOOK_MS, () => {
        this.flip(a, false);
        this.flip(b, false);
        this.open = [];
        if (this.lives <= 0) this.finish(false);
      });
    }
    this.updateHud();
  }

  /** Turns a card over with a squash-and-stretch, changing its picture halfway. */
  private flip(card: Card, up: boolean) {
    card.faceUp = up;
    if (up) card.seen = true;
    this.tweens.add({
      targets: card.sprite, scaleX: 0, duration: 90,
      onComplete: () => {
        card.sprite.setTexture(up ? "card-" + card.picture : "card-back");
        this.tweens.add({ targets: card.sprite, scaleX: 1, duration: 90 });
      },
    });
  }

  private updateHud() {
    this.hud.setScore(this.score);
    this.hud.setStatus("Pairs " + this.pairs + "/" + PAIRS + "   mistakes left " + this.lives);
  }

  private finish(won: boolean) {
    if (this.ended) return;
    this.ended = true;
    this.time.delayedCall(700, () => this.scene.start("GameOver", { won, score: this.score, detail: "Found " + this.pairs + " of " + PAIRS + " pairs in " + this.flips + " flips" }));
  }

  /**
   * The card worth turning next: the partner of the open card when it has been seen before,
   * otherwise a card never seen, otherwise any face-down card.
   */
  private nextCard(): Card | undefined {
    const down = this.cards.filter((c) => !c.faceUp);
    const open = this.open[0];
    const partner = open && down.find((c) => c.picture === open.picture && c.seen);
    if (partner) return partner;
    const knownPair = !open && down.find((c) => c.seen && down.some((d) => d !== c && d.seen && d.picture === c.picture));
    return knownPair || down.find((c) => !c.seen) || down[0];
  }

  /** Exposes a compact view of the game to Playforge's playtests. */
  describe() {
    const at = this.cardAtCursor().sprite;
    const next = this.nextCard();
    return {
      screen: "playing",
      score: this.score,
      pairs: this.pairs,
      flips: this.flips,
      /** Mistakes left before the game is lost. */
      lives: this.lives,
      faceUp: this.cards.filter((c) => c.faceUp && !c.matched).length,
      /** The card under the keyboard cursor. */
      player: { x: Math.round(at.x), y: Math.round(at.y) },
      targets: next ? [{ x: Math.round(next.sprite.x), y: Math.round(next.sprite.y) }] : [],
    };
  }

  private makeTextures() {
    const back = CONFIG.colors.player;
    makeTexture(this, "card-back", CARD_W, CARD_H, (g) => {
      g.fillStyle(shade(back, -0.35), 1).fillRoundedRect(0, 0, CARD_W, CARD_H, 12);
      g.fillStyle(back, 1).fillRoundedRect(5, 5, CARD_W - 10, CARD_H - 10, 9);
      g.lineStyle(2, shade(back, 0.4), 0.8);
      for (let d = -CARD_H; d < CARD_W; d += 14) g.lineBetween(Math.max(8, d + 8), Math.max(8, 8 - d), Math.min(CARD_W - 8, d + CARD_H - 8), Math.min(CARD_H - 8, CARD_H - 8 - d));
    });
    const colors = [0xe63946, 0x3a86ff, 0x2dc653, 0xffbe0b, 0x8338ec, 0xff70a6, 0x00b4d8, 0xf77f00, 0x6a4c93, 0x2a9d8f, 0x111111, 0x9c6644];
    for (let picture = 0; picture < PAIRS; picture++) {
      makeTexture(this, "card-" + picture, CARD_W, CARD_H, (g) => {
        g.fillStyle(shade(CONFIG.colors.accent, -0.2), 1).fillRoundedRect(0, 0, CARD_W, CARD_H, 12);
        g.fillStyle(0xfdfdfd, 1).fillRoundedRect(5, 5, CARD_W - 10, CARD_H - 10, 9);
        drawPicture(g, picture, CARD_W / 2, CARD_H / 2, colors[picture % colors.length]);
      });
    }
  }
}

/** A simple picture per card: a shape in a colour, different for each picture number. */
function drawPicture(g: Phaser.GameObjects.Graphics, picture: number, cx: number, cy: number, color: number) {
  g.fillStyle(color, 1);
  const r = 28;
  const polygon = (sides: number, radius: number, turn = -Math.PI / 2) =>
    g.fillPoints(Array.from({ length: sides }, (_, i) => new Phaser.Math.Vector2(cx + radius * Math.cos(turn + (i * 2 * Math.PI) / sides), cy + radius * Math.sin(turn + (i * 2 * Math.PI) / sides))), true);
  switch (picture % 12) {
    case 0: g.fillCircle(cx, cy, r); break;
    case 1: polygon(3, r + 4); break;
    case 2: g.fillRect(cx - r + 4, cy - r + 4, 2 * r - 8, 2 * r - 8); break;
    case 3: g.fillPoints(Array.from({ length: 10 }, (_, i) => new Phaser.Math.Vector2(cx + (i % 2 ? 12 : r + 2) * Math.cos(-Math.PI / 2 + (i * Math.PI) / 5), cy + (i % 2 ? 12 : r + 2) * Math.sin(-Math.PI / 2 + (i * Math.PI) / 5))), true); break;
    case 4: polygon(4, r + 2); break;
    case 5: g.fillCircle(cx - 12, cy - 6, 15).fillCircle(cx + 12, cy - 6, 15).fillTriangle(cx - 26, cy, cx + 26, cy, cx, cy + 28); break;
    case 6: g.fillRect(cx - 8, cy - r, 16, 2 * r).fillRect(cx - r, cy - 8, 2 * r, 16); break;
    case 7: polygon(6, r); break;
    case 8: g.lineStyle(10, color, 1).strokeCircle(cx, cy, r - 6); break;
    case 9: polygon(5, r + 2); break;
    case 10: g.fillEllipse(cx, cy, 2 * r + 8, r); break;
    default: g.fillTriangle(cx - r, cy + r - 6, cx + r, cy + r - 6, cx, cy - r + 6).fillCircle(cx, cy - r + 10, 8);
  }
}
