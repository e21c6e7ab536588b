// Reading what a browser test's page shows: a screenshot decoded in Node by the playtest engine's
// own PNG reader, and the few measures the tests use (a colour's share and position, how much is
// not background).

import type { Page } from "playwright-core";
import { decodePng, type Pixels } from "../../src/playtest/pixels";

export type Rgb = [number, number, number];

/** The pixels of `selector`'s screenshot. A short wait per look: callers poll, and a frame being swapped must not spend the whole poll in one screenshot. */
export async function screenshotPixels(page: Page, selector: string): Promise<Pixels> {
  return decodePng(await page.locator(selector).screenshot({ timeout: 5_000 }));
}

/** How many pixels pass `test`, and their mean position. */
export function pixelsWhere(pixels: Pixels, test: (r: number, g: number, b: number) => boolean): { count: number; fraction: number; x: number; y: number } {
  const { width, rgba } = pixels;
  let count = 0;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (!test(rgba[i], rgba[i + 1], rgba[i + 2])) continue;
    count++;
    sumX += (i / 4) % width;
    sumY += Math.floor(i / 4 / width);
  }
  return { count, fraction: count / (rgba.length / 4), x: count ? sumX / count : 0, y: count ? sumY / count : 0 };
}

/** Pixels within `tolerance` (the channels' differences added up) of `rgb`. */
export function nearColour(pixels: Pixels, [r, g, b]: Rgb, tolerance = 40) {
  return pixelsWhere(pixels, (pr, pg, pb) => Math.abs(pr - r) + Math.abs(pg - g) + Math.abs(pb - b) < tolerance);
}

/** The share of pixels that differ from the most common colour (compared at 5 bits a channel). */
export function nonBackground(pixels: Pixels): number {
  const counts = new Map<number, number>();
  const { rgba } = pixels;
  for (let i = 0; i < rgba.length; i += 4) {
    const key = (rgba[i] >> 3) * 1024 + (rgba[i + 1] >> 3) * 32 + (rgba[i + 2] >> 3);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return 1 - Math.max(...counts.values()) / (rgba.length / 4);
}
