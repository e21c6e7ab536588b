// The byte-level pieces of the share link format: base64url, LEB128 varints, a bounds-checked
// reader for untrusted payloads, and a small stable hash to detect a changed builder.

export class PayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PayloadError";
  }
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function toBase64Url(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63];
  }
  return out;
}

/** Strict base64url decoding (no padding); returns the offset of the first bad character on failure. */
export function fromBase64Url(text: string): Uint8Array | { badIndex: number } {
  if (text.length % 4 === 1) return { badIndex: text.length - 1 };
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? LOOKUP[code] : -1;
    if (digit < 0) return { badIndex: i };
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, at);
}

export class ByteWriter {
  private chunks: number[] = [];
  private parts: Uint8Array[] = [];
  private size = 0;

  byte(value: number): this {
    this.chunks.push(value & 0xff);
    return this;
  }

  varint(value: number): this {
    let v = value >>> 0;
    while (v >= 0x80) {
      this.chunks.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    this.chunks.push(v);
    return this;
  }

  u32(value: number): this {
    for (let shift = 0; shift < 32; shift += 8) this.chunks.push((value >>> shift) & 0xff);
    return this;
  }

  /** Writes a length-prefixed byte string. */
  blob(bytes: Uint8Array): this {
    this.varint(bytes.length);
    this.flushNumbers();
    this.parts.push(bytes);
    this.size += bytes.length;
    return this;
  }

  text(value: string): this {
    return this.blob(new TextEncoder().encode(value));
  }

  finish(): Uint8Array {
    this.flushNumbers();
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }

  private flushNumbers() {
    if (this.chunks.length === 0) return;
    this.parts.push(Uint8Array.from(this.chunks));
    this.size += this.chunks.length;
    this.chunks = [];
  }
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

/** Reads an untrusted payload; every read checks bounds and throws PayloadError when it runs out. */
export class ByteReader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.at >= this.bytes.length;
  }

  byte(): number {
    if (this.at >= this.bytes.length) throw new PayloadError(`the data ends early at byte ${this.at}`);
    return this.bytes[this.at++];
  }

  varint(): number {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.byte();
      value += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) {
        if (value > 0xffffffff) break;
        return value;
      }
    }
    throw new PayloadError(`a number at byte ${this.at} is out of range`);
  }

  u32(): number {
    let value = 0;
    for (let shift = 0; shift < 32; shift += 8) value += this.byte() * 2 ** shift;
    return value;
  }

  blob(): Uint8Array {
    const length = this.varint();
    if (length > this.bytes.length - this.at) throw new PayloadError(`a ${length}-byte field at byte ${this.at} runs past the end of the data`);
    const out = this.bytes.slice(this.at, this.at + length);
    this.at += length;
    return out;
  }

  /** Reads a length-prefixed UTF-8 string; `what` names it in the error when it is not UTF-8. */
  text(what: string): string {
    return decodeUtf8(this.blob(), what);
  }
}

export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    throw new PayloadError(`${what} is not valid UTF-8 text`);
  }
}

/** FNV-1a over the UTF-8 bytes: a stable fingerprint of a builder-generated base file. */
export function fingerprint(text: string): number {
  let hash = 0x811c9dc5;
  for (const b of new TextEncoder().encode(text)) {
    hash ^= b;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
