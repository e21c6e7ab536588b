// Fuzzes the share link decoder with random and mutated links: it may only ever succeed with a
// valid project or fail with ShareLinkError, never crash or produce a path outside the project.

import { describe, expect, it } from "vitest";
import { deflateSync } from "fflate";
import { ShareLinkError, decodeShareLink, encodeShareLink, validatePath, type ProjectFiles } from "../../src/project";
import { ByteWriter, toBase64Url } from "../../src/project/share-bytes";
import { defaultSpec } from "../../src/builder/spec";
import { builderSpecCompiler } from "../../src/builder";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const project: ProjectFiles = {
  "index.html": "<!doctype html><div id=game></div><script type=module src=/src/main.ts></script>\n",
  "src/main.ts": 'import Phaser from "phaser";\nnew Phaser.Game({ type: Phaser.AUTO, parent: "game" });\n',
  "public/dot.png": new Uint8Array([137, 80, 78, 71, 1, 2, 3, 4, 5]),
};
const good = encodeShareLink(project).fragment;
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const HOSTILE_PATHS = ["../a", "/abs", "a/../../b", "a//b", "./", "..", "C:\\x", "node_modules/x", ".git/config", "a\u0000b", "ü/ß", "x".repeat(300), "__proto__", "constructor", "src/__proto__/x.ts", "toString", "hasOwnProperty/a.png"];

/** A decoded project is a plain map of validated paths, none of them named like Object.prototype's members. */
function expectSafeProject(files: ProjectFiles) {
  expect(Object.getPrototypeOf(files)).toBe(Object.prototype);
  for (const path of Object.keys(files)) {
    expect(validatePath(path)).toBe(path);
    expect(path.split("/").filter((segment) => Object.hasOwn(Object.prototype, segment))).toEqual([]);
  }
}

function mutate(next: () => number, input: string): string {
  const chars = input.split("");
  const edits = 1 + Math.floor(next() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * chars.length);
    const kind = Math.floor(next() * 4);
    if (kind === 0) chars[at] = B64[Math.floor(next() * 64)];
    else if (kind === 1) chars.splice(at, 1);
    else if (kind === 2) chars.splice(at, 0, B64[Math.floor(next() * 64)]);
    else chars.length = at;
  }
  return chars.join("");
}

function hostilePayload(next: () => number): string {
  const writer = new ByteWriter();
  const count = Math.floor(next() * 6);
  writer.varint(next() < 0.1 ? Math.floor(next() * 100000) : count);
  for (let i = 0; i < count; i++) {
    writer.text(next() < 0.5 ? HOSTILE_PATHS[Math.floor(next() * HOSTILE_PATHS.length)] : `src/f${i}.ts`);
    writer.byte(Math.floor(next() * 3));
    writer.blob(Uint8Array.from({ length: Math.floor(next() * 20) }, () => Math.floor(next() * 256)));
  }
  const body = deflateSync(writer.finish());
  const bytes = new Uint8Array(body.length + 2);
  bytes[0] = 1;
  bytes[1] = Math.floor(next() * 3);
  bytes.set(body, 2);
  return toBase64Url(bytes);
}

function randomLink(next: () => number): string {
  const length = Math.floor(next() * 200);
  return Array.from({ length }, () => (next() < 0.02 ? "%#é ".charAt(Math.floor(next() * 4)) : B64[Math.floor(next() * 64)])).join("");
}

describe("share link decoder under fuzzing", () => {
  it("turns 3,000 random, mutated and hostile links into either a valid project or a ShareLinkError", () => {
    const next = rng(20261125);
    let decoded = 0;
    let rejected = 0;
    for (let i = 0; i < 3000; i++) {
      const link = i % 3 === 0 ? randomLink(next) : i % 3 === 1 ? mutate(next, good) : hostilePayload(next);
      try {
        const files = decodeShareLink(link);
        decoded++;
        expectSafeProject(files);
      } catch (error) {
        if (!(error instanceof ShareLinkError)) throw new Error(`link ${i} (${link.slice(0, 60)}…) threw ${String(error)}`, { cause: error });
        expect(error.message.length).toBeGreaterThan(10);
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(2000);
    expect(decoded + rejected).toBe(3000);
  });

  it("turns 1,000 mutated builder spec + patch links into either a valid project or a ShareLinkError", () => {
    const generated = builderSpecCompiler(JSON.stringify(defaultSpec("diving", 5)));
    const edited = { ...generated, "src/config.ts": `${generated["src/config.ts"]}\n// edited\n` };
    const specLink = encodeShareLink(edited, { specCompiler: builderSpecCompiler });
    expect(specLink.form).toBe("spec-patch");
    const next = rng(7);
    let rejected = 0;
    for (let i = 0; i < 1000; i++) {
      const link = mutate(next, specLink.fragment);
      try {
        const files = decodeShareLink(link, { specCompiler: builderSpecCompiler });
        expectSafeProject(files);
      } catch (error) {
        if (!(error instanceof ShareLinkError)) throw new Error(`spec link ${i} threw ${String(error)}`, { cause: error });
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(500);
  });
});
