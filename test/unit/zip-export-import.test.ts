// Zip export and import: a round trip keeps every file, and hostile or broken zips are refused
// with a message that names the problem.

import { describe, expect, it } from "vitest";
import { unzipSync, zipSync, strToU8 } from "fflate";
import { EXPORT_DEPENDENCIES, ProjectImportError, exportZip, importUpload, importZip } from "../../src/project";
import { readProject } from "../support/project";
import { expectCodedError } from "../support/errors";

const starter = readProject("templates/starter");
const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 255, 7]);

function expectImportError(run: () => unknown, code: ProjectImportError["code"], message: RegExp) {
  expectCodedError(run, ProjectImportError, code, message);
}

describe("zip export", () => {
  it("puts a complete Vite + Phaser project in one folder named after the game", () => {
    const entries = unzipSync(exportZip({ ...starter, "public/ship.png": png }, "Pearl Diver!"));
    const names = Object.keys(entries).sort();
    expect(names).toContain("pearl-diver/index.html");
    expect(names).toContain("pearl-diver/src/main.ts");
    expect(names).toContain("pearl-diver/README.md");
    expect(Array.from(entries["pearl-diver/public/ship.png"])).toEqual(Array.from(png));
    const pkg = JSON.parse(new TextDecoder().decode(entries["pearl-diver/package.json"]));
    expect(pkg.scripts).toMatchObject({ dev: "vite", build: "vite build" });
    expect(pkg.dependencies.phaser).toBeDefined();
    expect(pkg.devDependencies).toMatchObject({ vite: expect.any(String), typescript: expect.any(String) });
  });

  it("pins the same dependency versions as the starter template", () => {
    const pkg = JSON.parse(starter["package.json"] as string);
    expect(pkg.dependencies).toEqual(EXPORT_DEPENDENCIES.dependencies);
    expect(pkg.devDependencies).toEqual(EXPORT_DEPENDENCIES.devDependencies);
  });

  it("adds package.json and tsconfig.json to a project that lacks them", () => {
    const bare = { "index.html": starter["index.html"], "src/main.ts": starter["src/main.ts"] };
    const entries = unzipSync(exportZip(bare, "bare"));
    expect(JSON.parse(new TextDecoder().decode(entries["bare/package.json"])).dependencies.phaser).toBe("^4.2.1");
    expect(entries["bare/tsconfig.json"]).toBeDefined();
  });

  it("refuses a project without index.html, saying what to add", () => {
    expect(() => exportZip({ "src/main.ts": "x" })).toThrow(/no index\.html.*Add an index\.html/);
  });
});

describe("zip import", () => {
  it("round-trips an exported project: every file back, text as text and bytes as bytes", () => {
    const files = { ...starter, "public/ship.png": png };
    const { files: back } = importZip(exportZip(files, "round trip"));
    for (const [path, content] of Object.entries(files)) {
      if (path === "package.json") continue;
      expect(back[path]).toEqual(content);
    }
    expect(back["public/ship.png"]).toBeInstanceOf(Uint8Array);
  });

  it("skips node_modules, .git, dist and OS litter, and says which", () => {
    const zip = zipSync({ "game/index.html": strToU8("<html>"), "game/node_modules/phaser/x.js": strToU8("x"), "game/.DS_Store": new Uint8Array([0, 1]), "game/dist/index.html": strToU8("y"), "__MACOSX/game/._index.html": new Uint8Array([0]) });
    const { files, skipped } = importZip(zip);
    expect(Object.keys(files)).toEqual(["index.html"]);
    expect(skipped.sort()).toEqual(["__MACOSX/game/._index.html", "game/.DS_Store", "game/dist/index.html", "game/node_modules/phaser/x.js"]);
  });

  it.each([
    ["../evil.ts", /'\.\.'/],
    ["/etc/cron.d/x", /absolute/],
    ["a/../../b.ts", /'\.\.'/],
  ])("refuses an entry named %s", (name, message) => {
    expectImportError(() => importZip(zipSync({ "index.html": strToU8("<html>"), [name]: strToU8("x") })), "unsafe", message);
  });

  it("refuses a zip with thousands of files before unpacking them", () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 2000; i++) many[`src/f${i}.ts`] = strToU8("1");
    expectImportError(() => importZip(zipSync(many)), "too-large", /2000 files.*at most 400/);
  });

  it("stops a zip bomb while unpacking, even when it lies about its size", () => {
    const zip = zipSync({ "src/bomb.txt": new Uint8Array(40 * 1024 * 1024) });
    expect(zip.length).toBeLessThan(200 * 1024);
    expectImportError(() => importZip(zip), "too-large", /src\/bomb\.txt is too big/);
    const lying = zip.slice();
    const view = new DataView(lying.buffer);
    const central = lying.findIndex((_, i) => view.getUint32(i, true) === 0x02014b50);
    view.setUint32(central + 24, 10, true);
    expectImportError(() => importZip(lying), "too-large", /src\/bomb\.txt is too big/);
  });

  it("refuses text files that are not UTF-8, naming them", () => {
    expectImportError(() => importZip(zipSync({ "index.html": strToU8("<html>"), "src/main.ts": new Uint8Array([0x63, 0xff, 0xfe]) })), "not-utf8", /src\/main\.ts is not UTF-8/);
  });

  it("refuses files that are not zips, cut-off zips and damaged entries", () => {
    expectImportError(() => importZip(strToU8("just some text, not a zip")), "not-a-zip", /not a zip/);
    const zip = exportZip(starter, "x");
    expectImportError(() => importZip(zip.slice(0, zip.length - 30)), "not-a-zip", /not a zip|cut off|damaged/);
    const damaged = zipSync({ "index.html": strToU8("<html>".repeat(50)) }, { level: 0 });
    damaged[40] ^= 0xff;
    expectImportError(() => importZip(damaged), "not-a-zip", /index\.html is damaged/);
  });

  it("imports a dropped folder, dropping its wrapping folder and node_modules", async () => {
    const file = (path: string, text: string) => ({ name: path.split("/").pop()!, webkitRelativePath: path, size: text.length, arrayBuffer: async () => strToU8(text).buffer as ArrayBuffer });
    const { files } = await importUpload([file("my-game/index.html", "<html>"), file("my-game/src/main.ts", "let a = 1;"), file("my-game/node_modules/x/y.js", "z")]);
    expect(files).toEqual({ "index.html": "<html>", "src/main.ts": "let a = 1;" });
  });
});
