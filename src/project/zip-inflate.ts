// DEFLATE decompression with a hard cap on the output, enforced while inflating, so a hostile
// share link or zip entry (a decompression bomb) cannot exhaust memory before we notice.

import { Inflate } from "fflate";

/** Thrown when the inflated data would exceed the cap; `limit` is the cap in bytes. */
export class InflateLimitError extends Error {
  constructor(readonly limit: number) {
    super(`the compressed data expands to more than ${limit} bytes`);
    this.name = "InflateLimitError";
  }
}

/** Thrown when the compressed data is not valid DEFLATE or ends early. */
export class InflateDataError extends Error {
  constructor(readonly truncated: boolean, message: string) {
    super(message);
    this.name = "InflateDataError";
  }
}

// Each pushed input chunk can expand at most ~1032x, so 1 KB chunks bound the overshoot past the
// cap to about 1 MB before the check below stops the stream.
const INPUT_CHUNK = 1024;

/**
 * Inflates raw DEFLATE data, throwing InflateLimitError as soon as the output passes `limit`.
 * `dictionary`: the preset dictionary the data was compressed with, if any.
 */
export function inflateCapped(data: Uint8Array, limit: number, dictionary?: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const stream = new Inflate({ dictionary }, (chunk, final) => {
    size += chunk.length;
    if (size > limit) throw new InflateLimitError(limit);
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let offset = 0; offset < data.length; offset += INPUT_CHUNK) {
      const end = Math.min(offset + INPUT_CHUNK, data.length);
      stream.push(data.subarray(offset, end), end === data.length);
    }
    if (data.length === 0) stream.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof InflateLimitError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new InflateDataError(/EOF/i.test(message), message);
  }
  if (!ended) throw new InflateDataError(true, "the compressed data ends early");
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
