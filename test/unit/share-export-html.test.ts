// Single-file HTML export: what goes into the page, and errors that name the file and line (the
// preview's own linker and messages).

import { describe, expect, it } from "vitest";
import type { ProjectFiles } from "../../src/project";
import { HtmlExportError, exportHtml } from "../../src/runtime";

const phaserSource = "window.Phaser = { Game: function () {} };";
const base: ProjectFiles = {
  "index.html": '<!doctype html><html><head><title>T</title></head><body><div id="game"></div><script type="module" src="/src/main.ts"></script></body></html>',
  "src/main.ts": 'import Phaser from "phaser";\nimport { speed } from "./config";\nnew Phaser.Game({ speed } as any);\n',
  "src/config.ts": "export const speed: number = 3;\n",
};

async function exportError(files: ProjectFiles): Promise<HtmlExportError> {
  try {
    await exportHtml(files, { phaserSource });
  } catch (error) {
    if (error instanceof HtmlExportError) return error;
    throw error;
  }
  throw new Error("expected an HtmlExportError");
}

describe("HTML export", () => {
  it("replaces the module script with inlined Phaser and the transpiled modules, types removed", async () => {
    const html = await exportHtml(base, { phaserSource });
    expect(html).not.toMatch(/type=["']module["']/);
    expect(html).toContain(phaserSource);
    expect(html).toContain('"src/config.ts"');
    expect(html).not.toContain("speed: number");
    expect(html.indexOf(phaserSource)).toBeLessThan(html.indexOf('"src/main.ts"'));
  });

  it("keeps project text that contains </script> from ending the page's script early", async () => {
    const html = await exportHtml({ ...base, "src/config.ts": 'export const speed = 3; export const note = "</script><b>x</b>";\n' }, { phaserSource: 'var s = "</script>";' });
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });

  it("names the file and line of a syntax error", async () => {
    const error = await exportError({ ...base, "src/config.ts": "export const speed = ;\n" });
    expect(error.message).toMatch(/^src\/config\.ts:1: .*Fix it \(the preview shows it too\)/);
  });

  it("names the importing file and line of a missing module, as the preview does", async () => {
    const error = await exportError({ ...base, "src/main.ts": 'import Phaser from "phaser";\n\nimport { x } from "./nowhere";\nconsole.log(x);\n' });
    expect(error.message).toMatch(/^src\/main\.ts:3: Cannot find module "\.\/nowhere" imported from src\/main\.ts/);
  });

  it("refuses a project without index.html, saying what to add", async () => {
    const { "index.html": _omit, ...rest } = base;
    expect((await exportError(rest)).message).toMatch(/no index\.html/);
  });
});
