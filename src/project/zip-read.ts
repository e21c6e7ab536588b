// Reads an untrusted zip archive: walks the central directory with bounds checks and inflates
// each wanted entry under a size cap (never trusting the sizes the archive declares).

import { InflateDataError, InflateLimitError, inflateCapped } from "./zip-inflate";

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipFormatError";
  }
}

/** An entry's bytes would pass `limit`; the caller turns this into a size message naming the file. */
export class ZipEntryTooLargeError extends Error {
  constructor(readonly name: string, readonly limit: number) {
    super(`${name} unpacks to more than ${limit} bytes`);
    this.name = "ZipEntryTooLargeError";
  }
}

export interface ZipEntry {
  name: string;
  /** Inflates the entry, stopping once it passes `limit` bytes. */
  read(limit: number): Uint8Array;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 100_000;
const UTF8 = new TextDecoder("utf-8", { fatal: true });

export function readZipEntries(zip: Uint8Array): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipFormatError("it is a ZIP64 archive, which is not supported; zip the project again with a standard zip tool");
  if (count > MAX_ENTRIES) throw new ZipFormatError(`it lists ${count} entries`);
  const entries: ZipEntry[] = [];
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    need(view, at, 46, `entry ${i + 1} of the directory`);
    if (view.getUint32(at, true) !== CENTRAL) throw new ZipFormatError(`entry ${i + 1} of its directory is damaged`);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    need(view, at + 46, skip, `entry ${i + 1} of the directory`);
    const name = decodeName(zip.subarray(at + 46, at + 46 + nameLength), i);
    at += 46 + skip;
    if (name.endsWith("/")) continue;
    if (flags & 1) throw new ZipFormatError(`${name} is encrypted; zip the project without a password`);
    if (method !== 0 && method !== 8) throw new ZipFormatError(`${name} uses compression method ${method}; only stored and deflated entries are supported`);
    entries.push({ name, read: (limit) => readEntry(zip, view, { name, method, crc, compressedSize, size, localOffset }, limit) });
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw new ZipFormatError("it is not a zip archive (or it is cut off)");
}

function need(view: DataView, at: number, length: number, what: string) {
  if (at < 0 || at + length > view.byteLength) throw new ZipFormatError(`${what} runs past the end of the archive; the file is cut off or damaged`);
}

function decodeName(bytes: Uint8Array, index: number): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new ZipFormatError(`the name of entry ${index + 1} is not valid UTF-8`);
  }
}

interface EntryHeader {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function readEntry(zip: Uint8Array, view: DataView, entry: EntryHeader, limit: number): Uint8Array {
  need(view, entry.localOffset, 30, entry.name);
  if (view.getUint32(entry.localOffset, true) !== LOCAL) throw new ZipFormatError(`${entry.name} does not start where the directory says`);
  const start = entry.localOffset + 30 + view.getUint16(entry.localOffset + 26, true) + view.getUint16(entry.localOffset + 28, true);
  need(view, start, entry.compressedSize, entry.name);
  const raw = zip.subarray(start, start + entry.compressedSize);
  let data: Uint8Array;
  if (entry.method === 0) {
    if (raw.length > limit) throw new ZipEntryTooLargeError(entry.name, limit);
    data = raw.slice();
  } else {
    try {
      data = inflateCapped(raw, limit);
    } catch (error) {
      if (error instanceof InflateLimitError) throw new ZipEntryTooLargeError(entry.name, limit);
      if (error instanceof InflateDataError) throw new ZipFormatError(`${entry.name} is damaged (${error.message})`);
      throw error;
    }
  }
  if (data.length !== entry.size || crc32(data) !== entry.crc) throw new ZipFormatError(`${entry.name} is damaged: its contents do not match its checksum`);
  return data;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
