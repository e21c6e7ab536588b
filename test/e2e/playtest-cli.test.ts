// `npm run playtest` end to end: the CLI as a child process (its own server and Chromium), its exit
// codes, and the report.json and frames it writes.

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "playforge-playtest-"));
  dirs.push(dir);
  return dir;
}

function playtestCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(root, "node_modules/.bin/tsx"), ["src/node/cli/playtest.ts", ...args], { cwd: root });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run playtest", () => {
  it("exits 2 with a clear message for a missing folder", async () => {
    const missing = await playtestCli(["test/fixtures/no-such-game"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("No such folder: test/fixtures/no-such-game");
  });

  it("exits 2 for a folder that is not a game project, naming what is missing", async () => {
    const notGame = await playtestCli(["src/playtest"]);
    expect(notGame.code).toBe(2);
    expect(notGame.stderr).toMatch(/src\/playtest is not a game project: it has no index\.html/);
  });

  it("exits 2 for a bad option value", async () => {
    const badSeconds = await playtestCli(["templates/starter", "--seconds", "many"]);
    expect(badSeconds.code).toBe(2);
    expect(badSeconds.stderr).toContain('--seconds must be a whole number from 1 to 300, got "many"');
  });

  it("exits 1 for a broken game and writes report.json naming the file and line", async () => {
    const out = tempDir();
    const run = await playtestCli(["test/fixtures/phaser3-api", "--out", out, "--seconds", "3"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^PLAYTEST BROKEN/);
    expect(run.stdout).toContain("src/scenes/Orbit.ts:14");
    expect(run.stdout).toMatch(/^- FAIL no-errors: .*src\/scenes\/Orbit\.ts:14/m);
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(report.verdict).toBe("broken");
    expect(report.errors[0].location).toMatchObject({ file: "src/scenes/Orbit.ts", line: 14 });
  });

  it("exits 0 for a playable game given as a .zip and writes its frames as PNG files", async () => {
    const work = tempDir();
    const files: Record<string, Uint8Array> = {};
    const walk = (dir: string, prefix: string) => {
      for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
        else files[`puzzle/${prefix}${entry.name}`] = readFileSync(join(root, dir, entry.name));
      }
    };
    walk("test/fixtures/pointer-puzzle", "");
    const zip = join(work, "puzzle.zip");
    writeFileSync(zip, zipSync(files));
    const out = join(work, "out");
    const run = await playtestCli([zip, "--out", out, "--seconds", "4", "--seed", "5"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^PLAYTEST PLAYABLE — seed 5/);
    expect(run.stdout).toMatch(/^- PASS controls: The controls move the player in gameplay\. click \(\d+, \d+\)/m);
    expect(run.stdout).toContain("- PASS no-errors");
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(report).toMatchObject({ verdict: "playable", seed: 5, requestedSeconds: 4 });
    expect(report.thumbnails.length).toBeGreaterThanOrEqual(3);
    for (const thumb of report.thumbnails) {
      expect(thumb.dataUrl).toMatch(/^frames\/\d\d-.+\.png$/);
      const png = readFileSync(join(out, thumb.dataUrl));
      expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
    }
    expect(existsSync(join(out, "frames"))).toBe(true);
  });
});
