// Harness part: frames for the IDE. A rendered frame is copied when a snapshot will want it; a
// snapshot is a PNG thumbnail with metrics from the thumbnail (background share, colours, change,
// hash) and region cells from the full-resolution frame. Serialised with toString: self-contained.

import type { HarnessContext } from "./context";
import type { FrameMetrics, FrameSnapshot } from "./protocol";

export function installFrames(h: HarnessContext): void {
  let captureRequest: ((canvas: HTMLCanvasElement) => void) | null = null;
  let lastCapture: HTMLCanvasElement | null = null;
  h.capturePending = false;

  /** Called after each drawn frame: copies it when a snapshot (or the next playtest one) wants it. */
  h.onRendered = () => {
    if (h.capturePending || captureRequest) copyCanvas();
  };

  function copyCanvas() {
    const canvas: HTMLCanvasElement | undefined = h.game?.canvas;
    if (!canvas) return;
    const copy = document.createElement("canvas");
    copy.width = canvas.width;
    copy.height = canvas.height;
    // Read back once here, then kept in memory: the snapshot reads every pixel for its cells.
    copy.getContext("2d", { willReadFrequently: true })!.drawImage(canvas, 0, 0);
    lastCapture = copy;
    h.capturePending = false;
    if (captureRequest) {
      const done = captureRequest;
      captureRequest = null;
      done(copy);
    }
  }

  let previousPixels: Uint8ClampedArray | null = null;

  function metricsOf(pixels: Uint8ClampedArray): FrameMetrics {
    const counts = new Map<number, number>();
    const n = pixels.length / 4;
    let hash = 0x811c9dc5;
    for (let i = 0; i < pixels.length; i += 4) {
      const key = ((pixels[i] >> 4) << 8) | ((pixels[i + 1] >> 4) << 4) | (pixels[i + 2] >> 4);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      for (let c = 0; c < 3; c++) hash = Math.imul(hash ^ pixels[i + c], 0x01000193) >>> 0;
    }
    let background = 0;
    for (const count of counts.values()) background = Math.max(background, count);
    let changed = 0;
    if (previousPixels && previousPixels.length === pixels.length) {
      for (let i = 0; i < pixels.length; i += 4) {
        const d = Math.abs(pixels[i] - previousPixels[i]) + Math.abs(pixels[i + 1] - previousPixels[i + 1]) + Math.abs(pixels[i + 2] - previousPixels[i + 2]);
        if (d > 24) changed++;
      }
    }
    previousPixels = pixels;
    return { nonBackground: n ? 1 - background / n : 0, colours: counts.size, diff: n ? changed / n : 0, hash: hash.toString(16).padStart(8, "0") };
  }

  /**
   * Region signature at full resolution: one FNV-1a hash of the RGBA words of each of the
   * CELL_COLUMNS × CELL_ROWS cells (protocol.ts), 8 hex digits each, row by row. One read of the
   * whole frame and one multiply per pixel, so a 12-px sprite on 1280×720 still changes its cell.
   */
  function cellsOf(source: HTMLCanvasElement): string {
    const COLUMNS = 32;
    const ROWS = 18;
    const hashes = new Uint32Array(COLUMNS * ROWS).fill(0x811c9dc5);
    const { width, height } = source;
    if (width > 0 && height > 0) {
      const data = source.getContext("2d", { willReadFrequently: true })!.getImageData(0, 0, width, height).data;
      const words = new Uint32Array(data.buffer, data.byteOffset, width * height);
      const edges = Array.from({ length: COLUMNS + 1 }, (_, c) => Math.ceil((c * width) / COLUMNS));
      for (let y = 0; y < height; y++) {
        const row = Math.min(ROWS - 1, Math.floor((y * ROWS) / height)) * COLUMNS;
        const start = y * width;
        for (let c = 0; c < COLUMNS; c++) {
          let hash = hashes[row + c];
          for (let i = start + edges[c], end = start + edges[c + 1]; i < end; i++) hash = Math.imul(hash ^ words[i], 0x01000193);
          hashes[row + c] = hash;
        }
      }
    }
    let out = "";
    for (const hash of hashes) out += hash.toString(16).padStart(8, "0");
    return out;
  }

  function snapshotFrom(source: HTMLCanvasElement, thumbWidth: number): FrameSnapshot {
    const width = Math.max(16, Math.min(640, Math.round(thumbWidth)));
    const height = Math.max(1, Math.round((source.height / Math.max(1, source.width)) * width));
    const thumb = document.createElement("canvas");
    thumb.width = width;
    thumb.height = height;
    const ctx = thumb.getContext("2d", { willReadFrequently: true })!;
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(source, 0, 0, width, height);
    const pixels = ctx.getImageData(0, 0, width, height).data;
    const metrics = { ...metricsOf(pixels), cells: cellsOf(source) };
    return { frame: h.frame, virtualMs: Math.round(h.vnow), width: source.width, height: source.height, thumbnail: thumb.toDataURL("image/png"), metrics };
  }

  function blankSnapshot(thumbWidth: number) {
    const c = document.createElement("canvas");
    c.width = 800;
    c.height = 600;
    return snapshotFrom(c, thumbWidth);
  }

  /** Playtest: the frame the last step drew. Live: the next frame drawn (within a second). */
  h.snapshot = async (thumbWidth) => {
    if (!h.game?.canvas) return blankSnapshot(thumbWidth);
    if (h.virtual) return lastCapture ? snapshotFrom(lastCapture, thumbWidth) : blankSnapshot(thumbWidth);
    const copy = await new Promise<HTMLCanvasElement | null>((resolve) => {
      captureRequest = resolve;
      h.realSetTimeout(() => {
        if (captureRequest === resolve) {
          captureRequest = null;
          resolve(null);
        }
      }, 1000);
    });
    return copy ? snapshotFrom(copy, thumbWidth) : blankSnapshot(thumbWidth);
  };
}
