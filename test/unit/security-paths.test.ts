// Prototype names ("constructor", "__proto__", "toString") as project paths and import specifiers:
// the one path check refuses them, and lookups see only a project's own files.

import { describe, expect, it } from "vitest";
import { ProjectPathError, deleteFile, projectFrom, renameFile, validatePath, writeFile } from "../../src/project/files";
import { linkProject, resolveImport } from "../../src/runtime";

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

describe("prototype names as project paths", () => {
  it.each(["constructor", "__proto__", "toString", "src/__proto__/a.ts", "public/hasOwnProperty/x.png", "valueOf"])("refuses %j, saying the name is one every object has", (path) => {
    expect(() => validatePath(path)).toThrowError(ProjectPathError);
    expect(() => validatePath(path)).toThrowError(/is a name every JavaScript object already has/);
  });

  it("accepts paths that merely contain such a name", () => {
    for (const path of ["src/constructor.ts", "src/Constructor/a.ts", "public/__proto__.png", "toString.md"]) expect(validatePath(path)).toBe(path);
  });

  it("refuses a file named constructor in an untrusted project and leaves Object.prototype as it was", () => {
    for (const name of PROTOTYPE_NAMES) {
      expect(() => projectFrom([["src/main.ts", "ok"], [name, "x"]])).toThrowError(ProjectPathError);
      expect(() => projectFrom([[`src/${name}/main.ts`, "x"]])).toThrowError(ProjectPathError);
    }
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it("says there is no such file when deleting or renaming toString in an empty project", () => {
    expect(() => deleteFile({}, "toString")).toThrowError(ProjectPathError);
    expect(() => renameFile({}, "constructor", "src/a.ts")).toThrowError(ProjectPathError);
    expect(() => renameFile({ "src/a.ts": "x" }, "src/a.ts", "constructor")).toThrowError(/every JavaScript object/);
  });

  it("sees only a project's own entries, never ones its map inherits", () => {
    const inherited = Object.create({ "src/ghost.ts": "from the prototype" }) as Record<string, string>;
    inherited["src/main.ts"] = "own";
    expect(() => deleteFile(inherited, "src/ghost.ts")).toThrowError(/no such file/);
    expect(writeFile(inherited, "src/ghost.ts", "now own")["src/ghost.ts"]).toBe("now own");
  });
});

describe("prototype names as imports", () => {
  const files = { "src/main.ts": "", "src/scenes/Play.ts": "" };

  it.each(["/constructor", "../__proto__", "/toString", "../hasOwnProperty", "../../isPrototypeOf"])("does not resolve %j from src/main.ts to a member of Object.prototype", (spec) => {
    expect(resolveImport("src/main.ts", spec, files)).toBeNull();
  });

  it("reports an import of ../constructor as a missing module, naming the importing file and line", async () => {
    const program = await linkProject({
      "src/main.ts": `import Phaser from "phaser";\nimport data from "../constructor";\nimport "/__proto__";\nnew Phaser.Game({ data });`,
    });
    expect(program.errors.map((e) => [e.message.match(/Cannot find module "[^"]+"/)?.[0], e.location?.line])).toEqual([
      ['Cannot find module "../constructor"', 2],
      ['Cannot find module "/__proto__"', 3],
    ]);
  });

  it("starts at src/main.ts when index.html points its module script at /toString", async () => {
    const program = await linkProject({
      "index.html": '<!doctype html><html><body><div id="game"></div><script type="module" src="/toString"></script></body></html>',
      "src/main.ts": "console.log('main');",
    });
    expect(program.errors).toEqual([]);
    expect(program.entry).toBe("src/main.ts");
    expect(Object.keys(program.modules)).toEqual(["src/main.ts"]);
  });
});
