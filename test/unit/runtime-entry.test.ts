import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadProjectDir, ProjectInputError } from "../../src/node/driver";
import { findEntry } from "../../src/runtime";

function projectDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "pf-entry-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const html = (src: string) => `<!doctype html><html><body><div id="game"></div><script type="module" src="${src}"></script></body></html>`;

describe("the entry module is what index.html loads, for the linker and for project loading alike", () => {
  it("loads a Vite project whose index.html points at src/index.ts", () => {
    const files = loadProjectDir(projectDir({ "package.json": "{}", "index.html": html("/src/index.ts"), "src/index.ts": "console.log(1);" }));
    expect(findEntry(files)).toBe("src/index.ts");
  });

  it("takes a relative or query-suffixed script path", () => {
    expect(findEntry({ "index.html": html("./src/game/boot.js?v=2"), "src/game/boot.js": "" })).toBe("src/game/boot.js");
  });

  it("refuses a folder whose index.html loads a module that does not exist, naming the entry", () => {
    const dir = projectDir({ "package.json": "{}", "index.html": html("/src/app.ts") });
    expect(() => loadProjectDir(dir)).toThrow(ProjectInputError);
    expect(() => loadProjectDir(dir)).toThrow(/it has no entry module/);
  });
});
