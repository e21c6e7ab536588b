// Small helpers for art drawn in code: textures from Graphics, colour maths, CSS colour strings.
// Backgrounds come from the game's clear colour; big full-screen layers are kept out because they
// are slow on software-rendered WebGL (school laptops, headless playtests).
import Phaser from "phaser";

/** Draws once into a texture called key; later scenes reuse it. */
export function makeTexture(scene: Phaser.Scene, key: string, width: number, height: number, draw: (g: Phaser.GameObjects.Graphics) => void) {
  if (scene.textures.exists(key)) return;
  const g = scene.make.graphics({ x: 0, y: 0 }, false);
  draw(g);
  g.generateTexture(key, width, height);
  g.destroy();
}

/** "#rrggbb" for Text styles, which take CSS colours. */
export function css(color: number): string {
  return "#" + color.toString(16).padStart(6, "0");
}

/** Mixes a colour toward black (amount < 0) or white (amount > 0); amount in -1..1. */
export function shade(color: number, amount: number): number {
  const target = amount < 0 ? 0 : 255;
  const t = Math.min(1, Math.abs(amount));
  const mix = (c: number) => Math.round(c + (target - c) * t);
  const r = mix((color >> 16) & 255);
  const g = mix((color >> 8) & 255);
  const b = mix(color & 255);
  return (r << 16) | (g << 8) | b;
}

/** A soft round dot used by every particle effect. */
export function makeSpark(scene: Phaser.Scene) {
  makeTexture(scene, "spark", 12, 12, (g) => {
    g.fillStyle(0xffffff, 0.35).fillCircle(6, 6, 6);
    g.fillStyle(0xffffff, 1).fillCircle(6, 6, 3);
  });
}
