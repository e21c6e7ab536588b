// Share links: a whole project in a URL fragment (`/play#<fragment>`), no server involved.
// fragment = base64url([version][mode] + deflate(payload)); builder-made projects may be sent as
// their GameSpec plus a patch against what the spec compiles to, and plain files may be deflated
// with a preset dictionary of text Phaser projects repeat. Decoding treats input as hostile.

import { deflateSync } from "fflate";
import { PROJECT_LIMITS, ProjectPathError, ProjectSizeError, projectFrom, type FileContent, type ProjectFiles } from "./files";
import { ByteReader, ByteWriter, PayloadError, fingerprint, fromBase64Url, toBase64Url } from "./share-bytes";
import { LinePatchError, applyLineHunks, diffLines, type LineHunk } from "./share-patch";
import { InflateDataError, InflateLimitError, inflateCapped } from "./zip-inflate";
import { SHARE_DICTIONARY_V1 } from "./share-dictionary";

export const SHARE_FORMAT_VERSION = 1;
/** The builder's spec inside a project; its presence makes the spec+patch form possible. */
export const SPEC_PATH = "game.spec.json";
export const PLAY_PATH = "/play";

export const SHARE_LIMITS = {
  /** Longest fragment we make or accept (characters). Bigger projects are exported instead. */
  maxFragmentChars: 96 * 1024,
  /** Cap on the inflated payload, enforced while inflating (decompression bombs). */
  maxInflatedBytes: 8 * 1024 * 1024,
  maxFiles: PROJECT_LIMITS.maxFiles,
  /** A link at or below this size fits in a QR code together with a short origin. */
  qrFragmentChars: 2_900,
} as const;

export type ShareLinkErrorCode = "malformed" | "corrupt" | "truncated" | "too-large" | "unsafe" | "unsupported-version" | "builder-mismatch";

/** Every failure to make or read a share link; `message` is written for the person holding the link. */
export class ShareLinkError extends Error {
  constructor(readonly code: ShareLinkErrorCode, message: string, readonly cause?: unknown) {
    super(message);
    this.name = "ShareLinkError";
  }
}

/** Turns a builder spec (the text of game.spec.json) into the project it generates. */
export type SpecCompiler = (specJson: string) => ProjectFiles;

export interface ShareCodecOptions {
  /** The offline builder; without it links are always plain files and spec links cannot be read. */
  specCompiler?: SpecCompiler;
}

export interface EncodedShareLink {
  fragment: string;
  /** Fragment length in bytes (= characters, base64url is ASCII). */
  bytes: number;
  form: "files" | "spec-patch";
}

const enum Mode {
  Files = 0,
  SpecPatch = 1,
  /** The Files payload, deflated with SHARE_DICTIONARY_V1. */
  FilesDictV1 = 2,
}

let dictionaryV1: Uint8Array | undefined;
const dictionaryFor = (mode: Mode) => (mode === Mode.FilesDictV1 ? (dictionaryV1 ??= new TextEncoder().encode(SHARE_DICTIONARY_V1)) : undefined);
const enum Kind {
  Text = 0,
  Bytes = 1,
}
const enum Op {
  Delete = 0,
  PutText = 1,
  PutBytes = 2,
  PatchText = 3,
}

export function encodeShareLink(files: ProjectFiles, options: ShareCodecOptions = {}): EncodedShareLink {
  const plain = filesPayload(files);
  const candidates: { form: EncodedShareLink["form"]; mode: Mode; payload: Uint8Array }[] = [
    { form: "files", mode: Mode.Files, payload: plain },
    { form: "files", mode: Mode.FilesDictV1, payload: plain },
  ];
  const spec = files[SPEC_PATH];
  if (options.specCompiler && typeof spec === "string") {
    const patch = specPatchPayload(files, spec, options.specCompiler);
    if (patch) candidates.push({ form: "spec-patch", mode: Mode.SpecPatch, payload: patch });
  }
  let best: EncodedShareLink | undefined;
  for (const candidate of candidates) {
    const body = deflateSync(candidate.payload, { level: 9, mem: 8, dictionary: dictionaryFor(candidate.mode) });
    const bytes = new Uint8Array(body.length + 2);
    bytes[0] = SHARE_FORMAT_VERSION;
    bytes[1] = candidate.mode;
    bytes.set(body, 2);
    const fragment = toBase64Url(bytes);
    if (!best || fragment.length < best.bytes) best = { fragment, bytes: fragment.length, form: candidate.form };
  }
  if (!best || best.bytes > SHARE_LIMITS.maxFragmentChars) {
    throw new ShareLinkError("too-large", `This project is too big for a share link (${Math.round((best?.bytes ?? 0) / 1024)} KB; links hold up to ${SHARE_LIMITS.maxFragmentChars / 1024} KB). Export it as a zip or a single HTML file instead.`);
  }
  return best;
}

/** `/play#<fragment>`, or an absolute URL when `origin` is given. */
export function shareLinkUrl(fragment: string, origin = ""): string {
  return `${origin.replace(/\/+$/, "")}${PLAY_PATH}#${fragment}`;
}

/** Accepts a bare fragment, `#fragment` or a whole URL; returns a validated project or throws ShareLinkError. */
export function decodeShareLink(link: string, options: ShareCodecOptions = {}): ProjectFiles {
  const fragment = fragmentOf(link);
  if (fragment.length === 0) throw new ShareLinkError("malformed", "This link has no game in it: the part after # is empty. Ask for the full link again.");
  if (fragment.length > SHARE_LIMITS.maxFragmentChars) throw new ShareLinkError("too-large", `This link is ${Math.round(fragment.length / 1024)} KB; share links hold at most ${SHARE_LIMITS.maxFragmentChars / 1024} KB. Ask for an exported zip instead.`);
  const bytes = fromBase64Url(fragment);
  if (!(bytes instanceof Uint8Array)) throw new ShareLinkError("malformed", `This link is damaged: character ${bytes.badIndex + 1} after # is not part of a share link. Copy the whole link again.`);
  if (bytes.length < 3) throw new ShareLinkError("truncated", "This link is cut off: it is too short to hold a game. Copy the whole link again.");
  if (bytes[0] !== SHARE_FORMAT_VERSION) throw new ShareLinkError("unsupported-version", `This link uses share format ${bytes[0]}, which this version of Playforge cannot read (it reads format ${SHARE_FORMAT_VERSION}).`);
  const payload = inflatePayload(bytes.subarray(2), dictionaryFor(bytes[1]));
  try {
    if (bytes[1] === Mode.Files || bytes[1] === Mode.FilesDictV1) return readFilesPayload(payload);
    if (bytes[1] === Mode.SpecPatch) return readSpecPatchPayload(payload, options.specCompiler);
  } catch (error) {
    throw asShareLinkError(error);
  }
  throw new ShareLinkError("unsupported-version", `This link uses an unknown encoding (${bytes[1]}); it may come from a newer Playforge.`);
}

function fragmentOf(link: string): string {
  const hash = link.indexOf("#");
  return (hash >= 0 ? link.slice(hash + 1) : link).trim();
}

function inflatePayload(body: Uint8Array, dictionary: Uint8Array | undefined): Uint8Array {
  try {
    return inflateCapped(body, SHARE_LIMITS.maxInflatedBytes, dictionary);
  } catch (error) {
    if (error instanceof InflateLimitError) throw new ShareLinkError("too-large", `This link unpacks to more than ${SHARE_LIMITS.maxInflatedBytes / 1024 / 1024} MB, far more than any shared game; it was not opened.`, error);
    if (error instanceof InflateDataError && error.truncated) throw new ShareLinkError("truncated", "This link is cut off: its game data ends early. Copy the whole link again.", error);
    throw new ShareLinkError("corrupt", "This link is damaged: its game data could not be unpacked. Copy the whole link again.", error);
  }
}

function asShareLinkError(error: unknown): ShareLinkError {
  if (error instanceof ShareLinkError) return error;
  if (error instanceof ProjectPathError) return new ShareLinkError("unsafe", `This link was rejected: ${error.message}.`, error);
  if (error instanceof ProjectSizeError) return new ShareLinkError("too-large", `This link was rejected: ${error.message}`, error);
  if (error instanceof PayloadError) return new ShareLinkError("corrupt", `This link is damaged: ${error.message}. Copy the whole link again.`, error);
  if (error instanceof LinePatchError) return new ShareLinkError("builder-mismatch", `This link's edits do not fit the game its spec generates (${error.message}); it was probably made with another version of Playforge.`, error);
  return new ShareLinkError("corrupt", `This link could not be read: ${error instanceof Error ? error.message : String(error)}`, error);
}

function writeContent(writer: ByteWriter, content: FileContent) {
  if (typeof content === "string") writer.byte(Kind.Text).text(content);
  else writer.byte(Kind.Bytes).blob(content);
}

function readContent(reader: ByteReader, path: string): FileContent {
  const kind = reader.byte();
  if (kind === Kind.Text) return reader.text(`The file ${path}`);
  if (kind === Kind.Bytes) return reader.blob();
  throw new PayloadError(`the file ${path} has an unknown kind (${kind})`);
}

function readCount(reader: ByteReader, what: string): number {
  const count = reader.varint();
  if (count > SHARE_LIMITS.maxFiles) throw new ShareLinkError("too-large", `This link lists ${count} ${what}; a project holds at most ${SHARE_LIMITS.maxFiles} files. It was not opened.`);
  return count;
}

function filesPayload(files: ProjectFiles): Uint8Array {
  const writer = new ByteWriter();
  const paths = Object.keys(files).sort();
  writer.varint(paths.length);
  for (const path of paths) {
    writer.text(path);
    writeContent(writer, files[path]);
  }
  return writer.finish();
}

function readFilesPayload(payload: Uint8Array): ProjectFiles {
  const reader = new ByteReader(payload);
  const count = readCount(reader, "files");
  const entries: [string, FileContent][] = [];
  for (let i = 0; i < count; i++) {
    const path = reader.text(`File name ${i + 1}`);
    entries.push([path, readContent(reader, path)]);
  }
  if (!reader.done) throw new PayloadError("there is unexpected data after the last file");
  return checkedProject(entries);
}

/** Builds the project through the validating write path, refusing duplicate paths. */
function checkedProject(entries: [string, FileContent][]): ProjectFiles {
  const files = projectFrom(entries);
  if (Object.keys(files).length !== entries.length) throw new ShareLinkError("unsafe", "This link was rejected: it names the same file twice.");
  return files;
}

function compileBase(specJson: string, compiler: SpecCompiler): ProjectFiles {
  const base = compiler(specJson);
  return SPEC_PATH in base ? base : { ...base, [SPEC_PATH]: specJson };
}

/** The spec+patch payload, or undefined when the builder cannot compile this spec. */
function specPatchPayload(files: ProjectFiles, specJson: string, compiler: SpecCompiler): Uint8Array | undefined {
  let base: ProjectFiles;
  try {
    base = compileBase(specJson, compiler);
  } catch {
    return undefined;
  }
  const ops: ((writer: ByteWriter) => void)[] = [];
  for (const path of Object.keys(base).sort()) {
    if (!(path in files)) ops.push((w) => w.byte(Op.Delete).text(path));
  }
  for (const path of Object.keys(files).sort()) {
    const content = files[path];
    const before = base[path];
    if (typeof content === "string") {
      if (before === content) continue;
      const hunks = typeof before === "string" ? diffLines(before, content) : undefined;
      const patched = hunks ? hunksSize(hunks) : Infinity;
      if (typeof before === "string" && hunks && patched < content.length) ops.push((w) => writeHunks(w.byte(Op.PatchText).text(path).u32(fingerprint(before)), hunks));
      else ops.push((w) => w.byte(Op.PutText).text(path).text(content));
    } else if (!(before instanceof Uint8Array) || !sameBytes(before, content)) {
      ops.push((w) => w.byte(Op.PutBytes).text(path).blob(content));
    }
  }
  const writer = new ByteWriter().text(specJson).varint(ops.length);
  for (const op of ops) op(writer);
  return writer.finish();
}

function hunksSize(hunks: LineHunk[]): number {
  return hunks.reduce((sum, h) => sum + 6 + h.insert.length, 0);
}

function writeHunks(writer: ByteWriter, hunks: LineHunk[]) {
  writer.varint(hunks.length);
  for (const hunk of hunks) writer.varint(hunk.keep).varint(hunk.drop).text(hunk.insert);
}

function readSpecPatchPayload(payload: Uint8Array, compiler: SpecCompiler | undefined): ProjectFiles {
  const reader = new ByteReader(payload);
  const specJson = reader.text("The game spec");
  if (!compiler) throw new ShareLinkError("builder-mismatch", "This link holds a game spec, but this page has no offline builder to rebuild the game from it.");
  let base: ProjectFiles;
  try {
    base = compileBase(specJson, compiler);
  } catch (error) {
    throw new ShareLinkError("builder-mismatch", `This link's game spec could not be built (${error instanceof Error ? error.message : String(error)}); it was probably made with another version of Playforge.`, error);
  }
  const files = new Map<string, FileContent>(Object.entries(base));
  const count = readCount(reader, "changes");
  for (let i = 0; i < count; i++) {
    const op = reader.byte();
    const path = reader.text(`File name ${i + 1}`);
    if (op === Op.Delete) files.delete(path);
    else if (op === Op.PutText) files.set(path, reader.text(`The file ${path}`));
    else if (op === Op.PutBytes) files.set(path, reader.blob());
    else if (op === Op.PatchText) files.set(path, readPatchedText(reader, path, files.get(path)));
    else throw new PayloadError(`change ${i + 1} has an unknown kind (${op})`);
  }
  if (!reader.done) throw new PayloadError("there is unexpected data after the last change");
  return checkedProject([...files.entries()]);
}

function readPatchedText(reader: ByteReader, path: string, before: FileContent | undefined): string {
  const expected = reader.u32();
  if (typeof before !== "string" || fingerprint(before) !== expected) {
    throw new ShareLinkError("builder-mismatch", `This link edits ${path}, but the game its spec generates here has a different ${path}; the link was probably made with another version of Playforge.`);
  }
  const hunkCount = reader.varint();
  if (hunkCount > payloadLinesBound(before)) throw new PayloadError(`the patch for ${path} has more changes than the file has lines`);
  const hunks: LineHunk[] = [];
  for (let h = 0; h < hunkCount; h++) hunks.push({ keep: reader.varint(), drop: reader.varint(), insert: reader.text(`A change to ${path}`) });
  return applyLineHunks(before, hunks);
}

// Each hunk but possibly one consumes or keeps at least one base line, so hunks ≤ lines + 1.
function payloadLinesBound(text: string): number {
  let lines = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines + 1;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
