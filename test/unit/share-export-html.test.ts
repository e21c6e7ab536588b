// Single-file HTML export: what goes into the page, and errors that name the file and line.

import { describe, expect, it } from "vitest";
import { HtmlExportError, exportHtml, type ProjectFiles } from "../../src/project";

const phaserSource = "window.Phaser = { Game: function () {} };";
const base: ProjectFiles = {
  "index.html": '<!doctype html><html><head><title>T</title></head><body><div id="game"></div><script type="module" src="/src/main.ts"></script></body></html>',
  "src/main.ts": 'import Phaser from "phaser";\nimport { speed } from "./config";\nnew Phaser.Game({ speed } as any);\n',
  "src/config.ts": "export const speed: number = 3;\n",
};

function exportError(files: ProjectFiles): HtmlExportError {
  try {
    exportHtml(files, { phaserSource });
  } catch (error) {
    if (error instanceof HtmlExportError) return error;
    throw error;
  }
  throw new Error("expected an HtmlExportError");
}

describe("HTML export", () => {
  it("replaces the module script with inlined Phaser and the transpiled modules, types removed", () => {
    const html = exportHtml(base, { phaserSource });
    expect(html).not.toMatch(/type=["']module["']/);
    expect(html).toContain(phaserSource);
    expect(html).toContain('"src/config.ts"');
    expect(html).not.toContain("speed: number");
    expect(html.indexOf(phaserSource)).toBeLessThan(html.indexOf('"src/main.ts"'));
  });

  it("keeps project text that contains </script> from ending the page's script early", () => {
    const html = exportHtml({ ...base, "src/config.ts": 'export const speed = 3; export const note = "</script><b>x</b>";\n' }, { phaserSource: 'var s = "</script>";' });
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });

  it("names the file and line of a syntax error", () => {
    const error = exportError({ ...base, "src/config.ts": "export const speed = ;\n" });
    expect(error.message).toMatch(/^src\/config\.ts:1: syntax error/);
  });

  it("names the importing file and line of a missing module", () => {
    const error = exportError({ ...base, "src/main.ts": 'import Phaser from "phaser";\n\nimport { x } from "./nowhere";\nconsole.log(x);\n' });
    expect(error.message).toMatch(/^src\/main\.ts:3: cannot find "\.\/nowhere"/);
  });

  it("refuses a project without index.html, saying what to add", () => {
    const { "index.html": _omit, ...rest } = base;
    expect(exportError(rest).message).toMatch(/no index\.html/);
  });
});
