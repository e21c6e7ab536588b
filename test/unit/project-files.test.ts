import { describe, expect, it } from "vitest";
import { PROJECT_LIMITS, ProjectPathError, ProjectSizeError, deleteFile, projectFrom, renameFile, validatePath, writeFile } from "../../src/project/files";

describe("project paths", () => {
  it("accepts ordinary project paths and normalises ./ and backslashes", () => {
    expect(validatePath("src/scenes/Play.ts")).toBe("src/scenes/Play.ts");
    expect(validatePath("./index.html")).toBe("index.html");
    expect(validatePath("public\\assets\\hero.png")).toBe("public/assets/hero.png");
  });

  it.each([
    ["../secrets.txt", /'\.\.'/],
    ["src/../../etc/passwd", /'\.\.'/],
    ["/etc/passwd", /absolute/],
    ["C:/Windows/x.ts", /absolute/],
    ["src//a.ts", /empty segment/],
    ["node_modules/phaser/x.js", /node_modules/],
    ["src/a\u0000.ts", /not allowed/],
    ["", /empty/],
  ])("rejects %j with a clear reason", (path, reason) => {
    expect(() => validatePath(path)).toThrowError(ProjectPathError);
    expect(() => validatePath(path)).toThrowError(reason);
  });
});

describe("writeFile", () => {
  it("returns a new project and leaves the old one unchanged", () => {
    const before = { "src/main.ts": "a" };
    const after = writeFile(before, "src/b.ts", "b");
    expect(after).toEqual({ "src/main.ts": "a", "src/b.ts": "b" });
    expect(before).toEqual({ "src/main.ts": "a" });
  });

  it("rejects a file over the size cap, naming the file and the limit", () => {
    const huge = new Uint8Array(PROJECT_LIMITS.maxFileBytes + 1);
    expect(() => writeFile({}, "public/huge.png", huge)).toThrowError(ProjectSizeError);
    expect(() => writeFile({}, "public/huge.png", huge)).toThrowError(/public\/huge\.png.*limit is 4\.0 MB/);
  });

  it("rejects more files than a project may hold", () => {
    let files = {};
    for (let i = 0; i < PROJECT_LIMITS.maxFiles; i++) files = writeFile(files, `src/f${i}.ts`, "");
    expect(() => writeFile(files, "src/one-more.ts", "")).toThrowError(/at most 400 files/);
  });

  it("renames and deletes through the same validation", () => {
    const files = renameFile({ "src/a.ts": "x" }, "src/a.ts", "src/b.ts");
    expect(files).toEqual({ "src/b.ts": "x" });
    expect(() => renameFile(files, "src/b.ts", "../b.ts")).toThrowError(ProjectPathError);
    expect(deleteFile(files, "src/b.ts")).toEqual({});
    expect(() => deleteFile({}, "src/b.ts")).toThrowError(/no such file/);
  });

  it("builds a project from untrusted entries and stops at the first bad one", () => {
    expect(() => projectFrom([["src/ok.ts", "1"], ["../evil.ts", "2"]])).toThrowError(/evil/);
  });
});
