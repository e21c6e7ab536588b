// Share link codec: round trips, link forms, sizes and the errors a person holding a bad link sees.

import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { deflateSync } from "fflate";
import { SHARE_LIMITS, SPEC_PATH, ShareLinkError, decodeShareLink, encodeShareLink, shareLinkUrl, type ProjectFiles, type SpecCompiler } from "../../src/project";
import { toBase64Url, ByteWriter, fingerprint } from "../../src/project/share-bytes";
import { SHARE_DICTIONARY_V1 } from "../../src/project/share-dictionary";
import { applyLineHunks, diffLines } from "../../src/project/share-patch";
import { readProject } from "../support/project";
import { expectCodedError } from "../support/errors";

const starter = readProject("templates/starter");

/** A small stand-in for the offline builder: the spec picks the starter's title and colours. */
const toyCompiler: SpecCompiler = (specJson) => {
  const spec = JSON.parse(specJson) as { title: string; background: string };
  if (typeof spec.title !== "string") throw new Error("spec.title is missing");
  return {
    ...starter,
    [SPEC_PATH]: specJson,
    "src/scenes/Title.ts": (starter["src/scenes/Title.ts"] as string).replace("STAR CATCHER", spec.title),
    "src/main.ts": (starter["src/main.ts"] as string).replace("#1d2333", spec.background),
  };
};

function linkOf(mode: number, payload: Uint8Array, version = 1): string {
  const body = deflateSync(payload);
  const bytes = new Uint8Array(body.length + 2);
  bytes[0] = version;
  bytes[1] = mode;
  bytes.set(body, 2);
  return toBase64Url(bytes);
}

function expectShareError(link: string, code: ShareLinkError["code"], message: RegExp, compiler?: SpecCompiler) {
  expectCodedError(() => decodeShareLink(link, { specCompiler: compiler }), ShareLinkError, code, message);
}

describe("share link codec", () => {
  it("round-trips the starter project exactly, text files staying text", () => {
    const { fragment, form } = encodeShareLink(starter);
    expect(form).toBe("files");
    const back = decodeShareLink(fragment);
    expect(back).toEqual(starter);
    for (const content of Object.values(back)) expect(typeof content).toBe("string");
  });

  it("round-trips binary files byte for byte and keeps them as bytes", () => {
    const png = new Uint8Array(300).map((_, i) => (i * 37 + 11) & 0xff);
    const files = { ...starter, "public/assets/ship.png": png, "src/data/empty.txt": "" };
    const back = decodeShareLink(encodeShareLink(files).fragment);
    expect(back["public/assets/ship.png"]).toBeInstanceOf(Uint8Array);
    expect(Array.from(back["public/assets/ship.png"] as Uint8Array)).toEqual(Array.from(png));
    expect(back["src/data/empty.txt"]).toBe("");
  });

  it("round-trips non-ASCII text (emoji, accents, CJK)", () => {
    const files = { ...starter, "src/strings.ts": 'export const hi = "héllo 世界 🚀";\n' };
    expect(decodeShareLink(encodeShareLink(files).fragment)).toEqual(files);
  });

  it("accepts the fragment alone, with #, or as a whole /play URL", () => {
    const { fragment } = encodeShareLink(starter);
    expect(shareLinkUrl(fragment)).toBe(`/play#${fragment}`);
    expect(shareLinkUrl(fragment, "http://127.0.0.1:5173/")).toBe(`http://127.0.0.1:5173/play#${fragment}`);
    for (const link of [fragment, `#${fragment}`, shareLinkUrl(fragment, "https://playforge.example")]) expect(decodeShareLink(link)).toEqual(starter);
  });

  it("makes a link for the starter game well under 8 KB, using only URL-safe characters", () => {
    const { fragment, bytes } = encodeShareLink(starter);
    expect(bytes).toBe(fragment.length);
    expect(bytes).toBeLessThan(8 * 1024);
    expect(fragment).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("deflates plain files with the preset dictionary: a hand-written game's link is under half its old size", () => {
    const platformer = readProject("test/fixtures/platformer");
    const before = readFileSync(new URL("../fixtures/share-links/platformer.mode0.txt", import.meta.url), "utf8").trim();
    const { fragment, form } = encodeShareLink(platformer);
    expect(form).toBe("files");
    expect(fragment.length).toBeLessThan(before.length / 2);
    expect(decodeShareLink(fragment)).toEqual(platformer);
  });

  it("still opens links made before the dictionary, and dictionary links made by this version (the dictionary is frozen)", () => {
    // Every byte counts for links already sent: a new dictionary needs a new mode, not an edit.
    expect([fingerprint(SHARE_DICTIONARY_V1), SHARE_DICTIONARY_V1.length]).toEqual([697649041, 23027]);
    const platformer = readProject("test/fixtures/platformer");
    for (const name of ["platformer.mode0.txt", "platformer.mode2.txt"]) {
      const link = readFileSync(new URL(`../fixtures/share-links/${name}`, import.meta.url), "utf8").trim();
      expect(decodeShareLink(link), name).toEqual(platformer);
    }
  });

  it("sends a builder-made game as spec + patch, small enough for a QR code, and rebuilds it exactly", () => {
    const spec = JSON.stringify({ title: "PEARL DIVER", background: "#003355" });
    const generated = toyCompiler(spec);
    const edited = { ...generated, "src/scenes/Play.ts": (generated["src/scenes/Play.ts"] as string).replace("PLAYER_SPEED = 260", "PLAYER_SPEED = 320") };
    const link = encodeShareLink(edited, { specCompiler: toyCompiler });
    expect(link.form).toBe("spec-patch");
    expect(link.bytes).toBeLessThan(encodeShareLink(edited).bytes);
    expect(link.bytes).toBeLessThanOrEqual(SHARE_LIMITS.qrFragmentChars);
    expect(decodeShareLink(link.fragment, { specCompiler: toyCompiler })).toEqual(edited);
  });

  it("carries deleted, added and binary files through the spec + patch form", () => {
    const spec = JSON.stringify({ title: "X", background: "#000000" });
    const edited: ProjectFiles = { ...toyCompiler(spec), "src/extra.ts": "export const x = 1;\n", "public/a.bin": new Uint8Array([1, 2, 3]) };
    delete edited["tsconfig.json"];
    const link = encodeShareLink(edited, { specCompiler: toyCompiler });
    expect(link.form).toBe("spec-patch");
    expect(decodeShareLink(link.fragment, { specCompiler: toyCompiler })).toEqual(edited);
  });

  it("uses plain files when there is no spec or no builder", () => {
    const spec = JSON.stringify({ title: "X", background: "#000000" });
    expect(encodeShareLink(starter, { specCompiler: toyCompiler }).form).toBe("files");
    expect(encodeShareLink(toyCompiler(spec)).form).toBe("files");
  });

  it("refuses a spec link when the builder now generates a different file, instead of corrupting it", () => {
    const spec = JSON.stringify({ title: "OLD", background: "#000000" });
    const edited = { ...toyCompiler(spec), "src/scenes/Play.ts": (starter["src/scenes/Play.ts"] as string).replace("260", "300") };
    const { fragment } = encodeShareLink(edited, { specCompiler: toyCompiler });
    const changedBuilder: SpecCompiler = (json) => ({ ...toyCompiler(json), "src/scenes/Play.ts": "// rewritten\n" });
    expectShareError(fragment, "builder-mismatch", /src\/scenes\/Play\.ts.*another version/, changedBuilder);
    expectShareError(fragment, "builder-mismatch", /no offline builder/);
  });

  it("says a project too big for a link should be exported instead", () => {
    const noise = new Uint8Array(120 * 1024);
    let seed = 7;
    for (let i = 0; i < noise.length; i++) noise[i] = (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
    expect(() => encodeShareLink({ ...starter, "public/noise.bin": noise })).toThrow(/too big for a share link.*Export it as a zip or a single HTML file/);
  });
});

describe("hostile and damaged share links", () => {
  const good = encodeShareLink(starter).fragment;

  it("rejects an empty link", () => expectShareError("/play#", "malformed", /empty/));
  it("rejects characters outside base64url, naming the position", () => expectShareError(good.slice(0, 10) + "%" + good.slice(11), "malformed", /character 11/));
  it("rejects a truncated link", () => expectShareError(good.slice(0, Math.floor(good.length / 2)), "truncated", /cut off/));
  it("rejects an unknown format version", () => expectShareError(linkOf(0, new Uint8Array([0]), 9), "unsupported-version", /format 9/));
  it("rejects a link longer than the limit before unpacking it", () => expectShareError("A".repeat(SHARE_LIMITS.maxFragmentChars + 4), "too-large", /at most/));

  it("stops a decompression bomb while inflating", () => {
    const bomb = linkOf(0, new Uint8Array(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(SHARE_LIMITS.maxFragmentChars);
    expectShareError(bomb, "too-large", /unpacks to more than 8 MB/);
  });

  it.each([
    ["../escape.ts", /'\.\.'/],
    ["/etc/passwd", /absolute/],
    ["src/../../x.ts", /'\.\.'/],
    ["C:/windows/x.ts", /absolute/],
    ["node_modules/evil/index.js", /node_modules/],
  ])("rejects the hostile path %s", (path, message) => {
    const payload = new ByteWriter().varint(1).text(path).byte(0).text("x").finish();
    expectShareError(linkOf(0, payload), "unsafe", message);
  });

  it("rejects a link that claims thousands of files before reading them", () => {
    expectShareError(linkOf(0, new ByteWriter().varint(5000).finish()), "too-large", /5000 files.*at most 400/);
  });

  it("rejects a link that actually holds thousands of files", () => {
    const writer = new ByteWriter().varint(400);
    for (let i = 0; i < 400; i++) writer.text(`src/f${i}.ts`).byte(0).text("1");
    expect(() => decodeShareLink(linkOf(0, writer.finish()))).not.toThrow();
    const over = new ByteWriter().varint(401);
    for (let i = 0; i < 401; i++) over.text(`src/f${i}.ts`).byte(0).text("1");
    expectShareError(linkOf(0, over.finish()), "too-large", /at most 400/);
  });

  it("rejects text files that are not UTF-8, naming the file", () => {
    const payload = new ByteWriter().varint(1).text("src/main.ts").byte(0).blob(new Uint8Array([0x66, 0xff, 0xfe, 0x80])).finish();
    expectShareError(linkOf(0, payload), "corrupt", /src\/main\.ts is not valid UTF-8/);
  });

  it("rejects the same file listed twice", () => {
    const payload = new ByteWriter().varint(2).text("a.ts").byte(0).text("1").text("a.ts").byte(0).text("2").finish();
    expectShareError(linkOf(0, payload), "unsafe", /same file twice/);
  });

  it("rejects trailing garbage and lengths that run past the end", () => {
    const payload = new ByteWriter().varint(1).text("a.ts").byte(0).text("1").byte(7).finish();
    expectShareError(linkOf(0, payload), "corrupt", /unexpected data/);
    expectShareError(linkOf(0, new ByteWriter().varint(1).text("a.ts").byte(0).varint(1000).finish()), "corrupt", /runs past the end/);
  });
});

describe("line patches", () => {
  it("rebuilds the target from scattered edits, insertions and deletions", () => {
    const base = Array.from({ length: 60 }, (_, i) => `line ${i}\n`).join("");
    const target = base.replace("line 3\n", "").replace("line 20\n", "line 20 changed\nnew line\n").replace("line 59\n", "line 59\nend") ;
    const hunks = diffLines(base, target);
    expect(hunks.length).toBe(3);
    expect(applyLineHunks(base, hunks)).toBe(target);
    expect(diffLines(base, base)).toEqual([]);
  });
});
