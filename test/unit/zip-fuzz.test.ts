// Fuzzes zip import with damaged archives: each either imports as a valid project or fails with
// ProjectImportError; nothing else is thrown and no path escapes the project.

import { describe, expect, it } from "vitest";
import { strToU8, zipSync } from "fflate";
import { ProjectImportError, importZip, validatePath } from "../../src/project";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** The same length as `path`, with every prototype name masked, so fflate's options lookup cannot trip on the key. */
function placeholder(path: string): string {
  return path.replace(/[^/]/g, "q");
}

/** Renames the archive's one masked entry (local header and central directory) to `path`. */
function withEntryName(archive: Uint8Array, path: string): Uint8Array {
  const from = strToU8(placeholder(path));
  const to = strToU8(path);
  const out = archive.slice();
  for (let i = 0; i + from.length <= out.length; i++) {
    if (from.every((byte, k) => out[i + k] === byte)) out.set(to, i);
  }
  return out;
}

describe("zip import under fuzzing", () => {
  it("turns 1,500 byte-flipped, cut and spliced archives into a valid project or a ProjectImportError", () => {
    const good = zipSync({
      "game/index.html": strToU8("<!doctype html><div id=game></div>".repeat(4)),
      "game/src/main.ts": strToU8('import Phaser from "phaser";\nnew Phaser.Game({});\n'.repeat(6)),
      "game/public/a.png": new Uint8Array(200).map((_, i) => i),
    });
    const next = rng(99);
    let rejected = 0;
    for (let i = 0; i < 1500; i++) {
      const bytes = good.slice();
      const mode = i % 3;
      let input = bytes;
      if (mode === 0) for (let k = 0; k < 1 + next() * 6; k++) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      else if (mode === 1) input = bytes.subarray(0, Math.floor(next() * bytes.length));
      else {
        const at = Math.floor(next() * bytes.length);
        input = new Uint8Array([...bytes.subarray(0, at), ...Array.from({ length: Math.floor(next() * 8) }, () => Math.floor(next() * 256)), ...bytes.subarray(at)]);
      }
      try {
        const { files } = importZip(input);
        for (const path of Object.keys(files)) expect(validatePath(path)).toBe(path);
      } catch (error) {
        if (!(error instanceof ProjectImportError)) throw new Error(`archive ${i} threw ${String(error)}`, { cause: error });
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(500);
  });

  it("refuses archives with a file or folder named like Object.prototype's members (constructor, __proto__, toString) at any depth", () => {
    const next = rng(7);
    const names = Object.getOwnPropertyNames(Object.prototype);
    for (let i = 0; i < 120; i++) {
      const name = names[i % names.length];
      const depth = Math.floor(next() * 3);
      const path = ["game", "src", "deep"].slice(0, depth).concat(name, ...(next() < 0.5 ? ["x.ts"] : [])).join("/");
      const archive = withEntryName(zipSync({ "game/index.html": strToU8("<!doctype html>"), [placeholder(path)]: strToU8("export {};") }), path);
      const error = (() => {
        try {
          importZip(archive);
          return null;
        } catch (e) {
          return e;
        }
      })();
      expect(error, `${path} was imported`).toBeInstanceOf(ProjectImportError);
      expect((error as ProjectImportError).message).toContain(`"${name}" is a name every JavaScript object already has`);
    }
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
