// The exported zip is a normal Vite project: unzipped on its own, `vite build` builds it.
// node_modules is linked from this checkout because tests may not install from the network.

import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { unzipSync } from "fflate";
import { exportZip } from "../../src/project";
import { readProject } from "../support/project";

describe("exported zip", () => {
  it("of templates/starter builds with `vite build` into dist/index.html and a bundle with Phaser", () => {
    const dir = mkdtempSync(join(tmpdir(), "playforge-export-"));
    try {
      const zip = exportZip(readProject("templates/starter"), "Star Catcher");
      for (const [path, bytes] of Object.entries(unzipSync(zip))) {
        const target = join(dir, path);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, bytes);
      }
      const project = join(dir, "star-catcher");
      expect(JSON.parse(readFileSync(join(project, "package.json"), "utf8")).scripts.build).toBe("vite build");
      symlinkSync(resolve("node_modules"), join(project, "node_modules"), "dir");
      execFileSync(resolve("node_modules/.bin/vite"), ["build", "--logLevel", "error"], { cwd: project, stdio: "pipe", timeout: 240_000 });
      expect(existsSync(join(project, "dist/index.html"))).toBe(true);
      const assets = readdirSync(join(project, "dist/assets"));
      const bundle = assets.find((name) => name.endsWith(".js"));
      expect(bundle).toBeDefined();
      const code = readFileSync(join(project, "dist/assets", bundle!), "utf8");
      expect(code).toContain("STAR CATCHER");
      expect(code.length).toBeGreaterThan(500_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
