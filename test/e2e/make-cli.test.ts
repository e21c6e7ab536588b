// `npm run make` end to end: the CLI as a child process, the fake LLM as the endpoint, the real
// headless playtest in Debian Chromium, and the files it leaves in --out.

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { startFakeLlm, type FakeLlm } from "../fake-llm";

const root = fileURLToPath(new URL("../..", import.meta.url));
const STARTER_PLAY = readFileSync(join(root, "templates/starter/src/scenes/Play.ts"), "utf8");
const BROKEN_PLAY = STARTER_PLAY.replace("    this.score = 0;\n", "    this.score = 0;\n    const spawn = new Phaser.Geom.Point(400, 300);\n");
const BROKEN_LINE = BROKEN_PLAY.split("\n").findIndex((l) => l.includes("Phaser.Geom.Point")) + 1;

const outDirs: string[] = [];
afterAll(() => outDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function make(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(root, "node_modules/.bin/tsx"), ["src/node/cli/make.ts", ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function outDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "playforge-make-"));
  outDirs.push(dir);
  return dir;
}

describe("npm run make", () => {
  it("refuses bad input with exit 2 and the usage", async () => {
    const missingOut = await make(["a snake game"]);
    expect(missingOut.code).toBe(2);
    expect(missingOut.stderr).toContain("--out <dir> is missing");
    const badFlag = await make(["a snake game", "--out", outDir(), "--chattiness", "loud"]);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('--chattiness must be quiet, normal or chatty, got "loud"');
  });

  it("drives the fake LLM through a real broken playtest to a fix, writes the outputs and exits 0", async () => {
    const fake: FakeLlm = await startFakeLlm([
      { reply: { content: "Writing the play scene.", tool_calls: [{ name: "write_file", arguments: { path: "src/scenes/Play.ts", content: BROKEN_PLAY } }] } },
      { reply: { tool_calls: [{ name: "run_playtest", arguments: { seconds: 4 } }] } },
      { reply: { tool_calls: [{ name: "edit_file", arguments: { path: "src/scenes/Play.ts", search: "new Phaser.Geom.Point(400, 300)", replace: "new Phaser.Math.Vector2(400, 300)" } }] } },
      { reply: { tool_calls: [{ name: "finish", arguments: { summary: "Catch the stars with the arrow keys." } }] } },
    ]);
    try {
      const out = outDir();
      const result = await make(["a star catcher", "--out", out, "--base-url", fake.url, "--model", "fake-model", "--max-iterations", "4", "--seed", "7"], { OPENAI_API_KEY: "sk-test-key" });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      // The real playtest found the Phaser 3 call and the model read it.
      const reportSeen = (fake.requests[2].body.messages as Array<{ role: string; content: string }>).filter((m) => m.role === "tool").at(-1)!.content;
      expect(reportSeen).toContain(`src/scenes/Play.ts:${BROKEN_LINE}`);
      expect(fake.requests[0].headers.authorization).toBe("Bearer sk-test-key");

      const lines = result.stdout.trim().split("\n");
      expect(lines).toContain("→ write_file src/scenes/Play.ts");
      expect(lines.some((l) => l.startsWith("▶ playtest 1: BROKEN"))).toBe(true);
      expect(lines.at(-1)).toMatch(/^PLAYABLE — 2 iterations, \d+ tokens, .*finished: Catch the stars with the arrow keys\.$/);

      expect(readFileSync(join(out, "project/src/scenes/Play.ts"), "utf8")).toContain("new Phaser.Math.Vector2(400, 300)");
      expect(existsSync(join(out, "project/index.html"))).toBe(true);
      const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
      expect(report).toMatchObject({ verdict: "playable", seed: 7 });
      expect(readFileSync(join(out, "thumb.png")).subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      const transcript = readFileSync(join(out, "transcript.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
      expect(transcript.filter((e) => e.type === "playtest").map((e) => e.report.verdict)).toEqual(["broken", "playable"]);
      expect(transcript.at(-1)).toMatchObject({ type: "finished", playable: true, iterations: 2 });
    } finally {
      await fake.close();
    }
  });

  it("uses the offline builder without --base-url and reports its verdict through the exit code", async () => {
    const out = outDir();
    const result = await make(["a deep-sea diving game where you collect pearls and dodge jellyfish", "--out", out, "--max-iterations", "1"]);
    expect(result.stdout.split("\n")[0]).toContain("with offline-builder");
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(result.code).toBe(report.verdict === "playable" ? 0 : 1);
    expect(readFileSync(join(out, "project/src/main.ts"), "utf8")).toContain("__playforge?.register(game)");
    expect(readFileSync(join(out, "project/game.spec.json"), "utf8")).toContain('"genre": "diving"');
  });

  it("with --scaffold, a real model starts from the builder's game for a named design and refines it", async () => {
    const fake = await startFakeLlm([
      { reply: { content: "The diver game is there; checking it.", tool_calls: [{ name: "run_playtest", arguments: { seconds: 6 } }] } },
      { reply: { tool_calls: [{ name: "finish", arguments: { summary: "Kept the builder's diving game." } }] } },
      { reply: { tool_calls: [{ name: "finish", arguments: { summary: "Nothing to do." } }] } },
      { reply: { tool_calls: [{ name: "finish", arguments: { summary: "Nothing to do." } }] } },
    ]);
    try {
      const out = outDir();
      const result = await make(["a deep-sea diving game with sharks", "--out", out, "--base-url", fake.url, "--model", "fake-model", "--scaffold"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("· Starting from the offline builder's diving game; the model refines it.");
      // The model was told what is already there, and its first playtest was of the builder's game.
      const firstRequest = JSON.stringify(fake.requests[0].body.messages);
      expect(firstRequest).toContain("already holds a playable deep-sea diving game");
      expect(firstRequest).toContain("sharks");
      expect(readFileSync(join(out, "project/game.spec.json"), "utf8")).toContain('"genre": "diving"');
      expect(JSON.parse(readFileSync(join(out, "report.json"), "utf8")).verdict).toBe("playable");

      const vague = await make(["something fun", "--out", outDir(), "--base-url", fake.url, "--model", "fake-model", "--scaffold", "--max-iterations", "1"]);
      expect(vague.stdout).toContain("· The prompt names no built-in design, so the model starts from the starter game.");
      const noModel = await make(["a snake game", "--out", outDir(), "--scaffold"]);
      expect(noModel.code).toBe(2);
      expect(noModel.stderr).toContain("--scaffold needs --base-url and --model");
    } finally {
      await fake.close();
    }
  });

  it("exits 1 with an honest summary when the budget ends on a broken game", async () => {
    const fake = await startFakeLlm([
      { reply: { tool_calls: [{ name: "write_file", arguments: { path: "src/scenes/Play.ts", content: BROKEN_PLAY } }] } },
      { reply: { tool_calls: [{ name: "finish", arguments: { summary: "Done!" } }] } },
    ]);
    try {
      const out = outDir();
      const result = await make(["a star catcher", "--out", out, "--base-url", fake.url, "--model", "fake-model", "--max-iterations", "1"]);
      expect(result.code).toBe(1);
      const last = result.stdout.trim().split("\n").at(-1)!;
      expect(last).toMatch(/^NOT PLAYABLE — 1 iterations, .*max-iterations: Stopped: the iteration budget \(1\) ran out/);
      expect(last).toContain(`src/scenes/Play.ts:${BROKEN_LINE}`);
      expect(JSON.parse(readFileSync(join(out, "report.json"), "utf8")).verdict).toBe("broken");
    } finally {
      await fake.close();
    }
  });
});
