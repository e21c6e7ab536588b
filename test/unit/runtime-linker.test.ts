import { describe, expect, it } from "vitest";
import { linkProject, resolveImport } from "../../src/runtime";
import { insertLoopGuards, transpileModule } from "../../src/runtime/transpile";

const html = `<!doctype html><html><head><style>body{color:red}</style></head><body><div id="game"></div><script type="module" src="/src/main.ts"></script></body></html>`;

describe("linker", () => {
  it("links main.ts to scenes imported without extensions, keeping phaser external", async () => {
    const program = await linkProject({
      "index.html": html,
      "src/main.ts": `import Phaser from "phaser";\nimport { Play } from "./scenes/Play";\nnew Phaser.Game({ scene: [Play] });`,
      "src/scenes/Play.ts": `import Phaser from "phaser";\nimport { speed } from "../config";\nexport class Play extends Phaser.Scene { v = speed; }`,
      "src/config/index.ts": `export const speed: number = 3;`,
    });
    expect(program.errors).toEqual([]);
    expect(program.entry).toBe("src/main.ts");
    expect(Object.keys(program.modules).sort()).toEqual(["src/config/index.ts", "src/main.ts", "src/scenes/Play.ts"]);
    const play = program.modules["src/scenes/Play.ts"];
    expect(play.kind === "js" && play.deps).toEqual({ "../config": "src/config/index.ts" });
    expect(program.bodyHtml).toBe('<div id="game"></div>');
    expect(program.headStyles).toContain("color:red");
  });

  it("reports a missing import with the importing file and line", async () => {
    const program = await linkProject({
      "index.html": html,
      "src/main.ts": `import Phaser from "phaser";\n\nimport { Ghost } from "./scenes/Ghost";\nnew Phaser.Game({ scene: [Ghost] });`,
    });
    expect(program.errors).toHaveLength(1);
    expect(program.errors[0]).toMatchObject({ kind: "module", location: { file: "src/main.ts", line: 3 } });
    expect(program.errors[0].message).toMatch(/Cannot find module "\.\/scenes\/Ghost" imported from src\/main\.ts/);
  });

  it("reports a bare import other than phaser as not available", async () => {
    const program = await linkProject({ "src/main.ts": `import _ from "lodash";\nconsole.log(_);` });
    expect(program.errors[0].message).toMatch(/Only "phaser" and files in the project/);
  });

  it("reports a syntax error with file, line and column", async () => {
    const program = await linkProject({ "src/main.ts": `const a = 1;\nconst b = ;\n` });
    expect(program.errors[0]).toMatchObject({ kind: "syntax", location: { file: "src/main.ts", line: 2 } });
    expect(program.errors[0].message).toMatch(/^src\/main\.ts:2:\d+ Syntax error/);
  });

  it("says what to do when there is no entry module", async () => {
    const program = await linkProject({ "README.md": "hi" });
    expect(program.errors[0].message).toMatch(/No entry module/);
  });

  it("resolves imports like Vite: extensions, index files, .js written for .ts, absolute project paths", () => {
    const files = { "src/a.ts": "", "src/lib/index.ts": "", "src/data.json": "{}" };
    expect(resolveImport("src/main.ts", "./a", files)).toBe("src/a.ts");
    expect(resolveImport("src/main.ts", "./a.js", files)).toBe("src/a.ts");
    expect(resolveImport("src/main.ts", "./lib", files)).toBe("src/lib/index.ts");
    expect(resolveImport("src/x/y.ts", "../data.json", files)).toBe("src/data.json");
    expect(resolveImport("src/main.ts", "/src/a", files)).toBe("src/a.ts");
    expect(resolveImport("src/main.ts", "./nope", files)).toBeNull();
  });

  it("turns public/ files into page-served files and imported assets into data URLs", async () => {
    const png = new Uint8Array([137, 80, 78, 71]);
    const program = await linkProject({ "src/main.ts": `import hero from "./hero.png";\nconsole.log(hero);`, "src/hero.png": png, "public/assets/bg.png": png });
    expect(program.modules["src/hero.png"]).toEqual({ kind: "asset", url: "data:image/png;base64,iVBORw==" });
    expect(program.publicFiles["/assets/bg.png"]).toEqual({ mime: "image/png", base64: "iVBORw==" });
  });
});

describe("transpile", () => {
  it("keeps line numbers of the TypeScript source", () => {
    const source = `import Phaser from "phaser";\ntype T = { a: number };\ninterface I { b: string }\nexport class S extends Phaser.Scene {\n  private n: number = 0;\n  update() {\n    throw new Error("here");\n  }\n}\n`;
    const { code } = transpileModule("src/S.ts", source, 0);
    const line = code.split("\n").findIndex((l) => l.includes('throw new Error("here")')) + 1;
    expect(line).toBe(7);
  });

  it("keeps a package's default import under its source name, so a thrown error names Phaser.Geom.Point as the code does", () => {
    const source = `import Phaser from "phaser";\nimport Other from "./other";\nexport function make() {\n  Other.touch();\n  return new Phaser.Geom.Point(1, 2);\n}\n`;
    const { code } = transpileModule("src/S.ts", source, 0);
    expect(code.split("\n")[4]).toContain("new Phaser.Geom.Point(1, 2)");
    // The project's own module keeps the transpiler's live read (imports between scenes may be circular).
    expect(code).toContain("_other2.default.touch()");
    const exports: Record<string, () => unknown> = {};
    const touched: string[] = [];
    const require = (spec: string) => (spec === "phaser" ? { Geom: {} } : { __esModule: true, default: { touch: () => touched.push(spec) } });
    new Function("exports", "require", "__pfLoop", code)(exports, require, () => true);
    expect(() => exports.make()).toThrow("Phaser.Geom.Point is not a constructor");
    expect(touched).toEqual(["./other"]);
  });

  it("guards while, do-while and classic for loops, naming each loop's line, and leaves for-of alone", () => {
    const code = `let i = 0;\nwhile (i < 3) i++;\ndo { i--; } while (i > 0);\nfor (let j = 0; j < 2; j++) {}\nfor (;;) { break; }\nfor (const x of [1]) {}\n`;
    const guarded = insertLoopGuards("src/a.ts", code, 10);
    expect(guarded.loops).toEqual([
      { file: "src/a.ts", line: 2 },
      { file: "src/a.ts", line: 3 },
      { file: "src/a.ts", line: 4 },
      { file: "src/a.ts", line: 5 },
    ]);
    expect(guarded.code).toContain("while (__pfLoop(10)&&(i < 3))");
    expect(guarded.code).toContain("while (__pfLoop(11)&&(i > 0))");
    expect(guarded.code).toContain("for (let j = 0;__pfLoop(12)&&( j < 2); j++)");
    expect(guarded.code).toContain("for (;__pfLoop(13);)");
    expect(guarded.code).toContain("for (const x of [1])");
    // The guarded code still runs and behaves the same.
    const calls: number[] = [];
    new Function("__pfLoop", guarded.code)((id: number) => (calls.push(id), true));
    expect(new Set(calls)).toEqual(new Set([10, 11, 12, 13]));
  });

  it("does not touch loops inside strings, comments or templates", () => {
    const code = "const s = 'while (x) {}';\n// for (;;) {}\nconst t = `for (;;) ${1}`;\n";
    expect(insertLoopGuards("src/a.ts", code, 0).code).toBe(code);
  });
});
