// `npm run share -- <dir>` prints a /play link that decodes back to the folder's project.

import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dirname } from "node:path";
import { mkdirSync } from "node:fs";
import { decodeShareLink } from "../../src/project";
import { defaultSpec } from "../../src/builder/spec";
import { builderSpecCompiler } from "../../src/builder";

function share(...args: string[]) {
  return spawnSync("node_modules/.bin/tsx", ["src/node/cli/share.ts", ...args], { encoding: "utf8", timeout: 60_000 });
}

describe("share CLI", () => {
  it("prints the /play link of templates/starter, and the link holds the starter's files", () => {
    const run = share("templates/starter", "--origin", "http://127.0.0.1:5173");
    expect(run.status).toBe(0);
    const link = run.stdout.trim();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:5173\/play#[A-Za-z0-9_-]+$/);
    const files = decodeShareLink(link);
    expect(Object.keys(files).sort()).toEqual(["index.html", "package.json", "src/main.ts", "src/scenes/Play.ts", "src/scenes/Title.ts", "tsconfig.json"]);
    expect(run.stderr).toMatch(/\d+ bytes, all files; (fits|too long for) a QR code/);
  });

  it("prints a QR-sized spec + patch link for a project the offline builder made and a user edited", () => {
    const dir = mkdtempSync(join(tmpdir(), "playforge-share-"));
    try {
      const project = builderSpecCompiler(JSON.stringify(defaultSpec("snake", 4)));
      project["src/config.ts"] = `${project["src/config.ts"]}// my tweak\n`;
      for (const [path, content] of Object.entries(project)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
      const run = share(dir);
      expect(run.status).toBe(0);
      expect(run.stderr).toMatch(/^\d+ bytes, builder spec \+ edits; fits a QR code\./);
      expect(decodeShareLink(run.stdout.trim(), { specCompiler: builderSpecCompiler })).toEqual(project);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("exits 2 with the usage for a missing folder", () => {
    const run = share("no/such/dir");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/No such folder: no\/such\/dir[\s\S]*Usage: npm run share/);
  });

  it("exits 2 naming the file for a project with a file that is not UTF-8", () => {
    const dir = mkdtempSync(join(tmpdir(), "playforge-share-"));
    try {
      writeFileSync(join(dir, "index.html"), "<html>");
      writeFileSync(join(dir, "main.ts"), Buffer.from([0x61, 0xff, 0xfe]));
      const run = share(dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/main\.ts is not UTF-8/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
