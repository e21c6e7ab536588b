// Decodes the harness's PNG thumbnails (pure TS + fflate) so two runs can be compared pixel by
// pixel: the idle run and the play run never share a canvas, only their snapshots.

import { unzlibSync } from "fflate";

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  rgba: Uint8Array;
}

export class PngDecodeError extends Error {
  constructor(reason: string) {
    super(`Cannot decode a frame thumbnail: ${reason}. The harness must send 8-bit, non-interlaced PNG data URLs.`);
    this.name = "PngDecodeError";
  }
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Decodes a `data:image/png;base64,...` URL into RGBA pixels. */
export function decodePngDataUrl(dataUrl: string): Pixels {
  const comma = dataUrl.indexOf(",");
  if (!dataUrl.startsWith("data:image/png;base64,") || comma < 0) throw new PngDecodeError("not a base64 PNG data URL");
  return decodePng(base64ToBytes(dataUrl.slice(comma + 1)));
}

export function decodePng(bytes: Uint8Array): Pixels {
  if (bytes.length < 8 || SIGNATURE.some((b, i) => bytes[i] !== b)) throw new PngDecodeError("missing PNG signature");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  let colourType = 0;
  const idat: Uint8Array[] = [];
  for (let pos = 8; pos + 8 <= bytes.length; ) {
    const length = view.getUint32(pos);
    const type = String.fromCharCode(bytes[pos + 4], bytes[pos + 5], bytes[pos + 6], bytes[pos + 7]);
    const data = bytes.subarray(pos + 8, pos + 8 + length);
    if (type === "IHDR") {
      width = view.getUint32(pos + 8);
      height = view.getUint32(pos + 12);
      const depth = data[8];
      colourType = data[9];
      if (depth !== 8 || (colourType !== 2 && colourType !== 6) || data[12] !== 0) {
        throw new PngDecodeError(`unsupported format (bit depth ${depth}, colour type ${colourType}, interlace ${data[12]})`);
      }
    } else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    pos += 12 + length;
  }
  if (!width || !height || idat.length === 0) throw new PngDecodeError("no image header or data");
  const joined = new Uint8Array(idat.reduce((n, d) => n + d.length, 0));
  let offset = 0;
  for (const d of idat) {
    joined.set(d, offset);
    offset += d.length;
  }
  const raw = unzlibSync(joined);
  const channels = colourType === 6 ? 4 : 3;
  return { width, height, rgba: unfilter(raw, width, height, channels) };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function unfilter(raw: Uint8Array, width: number, height: number, channels: number): Uint8Array {
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new PngDecodeError("image data is shorter than its header says");
  const lines = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? lines[out + x - channels] : 0;
      const up = y > 0 ? lines[out - stride + x] : 0;
      const upLeft = y > 0 && x >= channels ? lines[out - stride + x - channels] : 0;
      const value = raw[src + x];
      const predicted = filter === 1 ? left : filter === 2 ? up : filter === 3 ? (left + up) >> 1 : filter === 4 ? paeth(left, up, upLeft) : 0;
      lines[out + x] = (value + predicted) & 0xff;
    }
  }
  if (channels === 4) return lines;
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < lines.length; i += 3, j += 4) {
    rgba[j] = lines[i];
    rgba[j + 1] = lines[i + 1];
    rgba[j + 2] = lines[i + 2];
    rgba[j + 3] = 255;
  }
  return rgba;
}

/** Per-channel difference above which a pixel counts as changed (absorbs resampling noise). */
const PIXEL_TOLERANCE = 24;

/** Fraction of pixels that differ between two thumbnails; 1 when their sizes differ. */
export function pixelDifference(a: Pixels, b: Pixels): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let changed = 0;
  const n = a.width * a.height;
  for (let i = 0; i < n * 4; i += 4) {
    if (
      Math.abs(a.rgba[i] - b.rgba[i]) > PIXEL_TOLERANCE ||
      Math.abs(a.rgba[i + 1] - b.rgba[i + 1]) > PIXEL_TOLERANCE ||
      Math.abs(a.rgba[i + 2] - b.rgba[i + 2]) > PIXEL_TOLERANCE
    ) {
      changed++;
    }
  }
  return n === 0 ? 0 : changed / n;
}
