// `npm run make` end to end: the CLI as a child process, the fake LLM as the endpoint, the real
// headless playtest in Debian Chromium, and the files it leaves in --out.

import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startFakeLlm, type FakeLlm } from "../fake-llm";
import { BROKEN_LINE, BROKEN_PLAY, STARTER } from "../fixtures/reports/canned";

const root = fileURLToPath(new URL("../..", import.meta.url));
const STARTER_PLAY = String(STARTER["src/scenes/Play.ts"]);
// Type-clean, so only the playtest finds it: reading .x of undefined in create().
const CRASHING_PLAY = STARTER_PLAY.replace("    this.score = 0;\n", '    this.score = 0;\n    const spawn = JSON.parse("{}").point.x;\n');
const CRASH_LINE = CRASHING_PLAY.split("\n").findIndex((l) => l.includes("JSON.parse")) + 1;

const outDirs: string[] = [];
afterAll(() => outDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function make(
  args: string[],
  env: Record<string, string> = {},
  onStart?: (child: ChildProcess, output: () => string) => void,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // stdin is not a terminal here, as in CI and scripts: nobody can answer a question.
    // node with tsx's loader (not the tsx wrapper, which re-raises signals): the exit code is make's own.
    const child = spawn(process.execPath, ["--import", "tsx", "src/node/cli/make.ts", ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk) => (stdout += chunk));
    onStart?.(child, () => stdout);
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const FIXED_PLAY = BROKEN_PLAY.replace("new Phaser.Geom.Point(400, 300)", "new Phaser.Math.Vector2(400, 300)");
const fix = { name: "edit_file", arguments: { path: "src/scenes/Play.ts", search: "new Phaser.Geom.Point(400, 300)", replace: "new Phaser.Math.Vector2(400, 300)" } };
const transcriptOf = (out: string) => readFileSync(join(out, "transcript.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));

function outDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "playforge-make-"));
  outDirs.push(dir);
  return dir;
}

// Each run is a real process with its own Chromium; a busy 2-core machine needs more than 90 s.
describe("npm run make", { timeout: 240_000 }, () => {
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
      { reply: { content: "Writing the play scene.", tool_calls: [{ name: "write_file", arguments: { path: "src/scenes/Play.ts", content: CRASHING_PLAY } }] } },
      { reply: { tool_calls: [{ name: "run_playtest", arguments: { seconds: 4 } }] } },
      { reply: { tool_calls: [{ name: "edit_file", arguments: { path: "src/scenes/Play.ts", search: 'JSON.parse("{}").point.x', replace: "new Phaser.Math.Vector2(400, 300)" } }] } },
      { reply: { tool_calls: [{ name: "finish", arguments: { summary: "Catch the stars with the arrow keys." } }] } },
    ]);
    try {
      const out = outDir();
      const result = await make(["a star catcher", "--out", out, "--base-url", fake.url, "--model", "fake-model", "--max-iterations", "4", "--seed", "7"], { OPENAI_API_KEY: "sk-test-key" });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      // The real playtest found the crash and the model read it.
      const reportSeen = (fake.requests[2].body.messages as Array<{ role: string; content: string }>).filter((m) => m.role === "tool").at(-1)!.content;
      expect(reportSeen).toContain(`src/scenes/Play.ts:${CRASH_LINE}`);
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

      // Only its first line is asked about: the run is stopped once that line is out (the rest would
      // be a full playtest of the starter, which the other tests cover).
      const STARTER_LINE = "· The prompt names no built-in design, so the model starts from the starter game.";
      const vague = await make(["something fun", "--out", outDir(), "--base-url", fake.url, "--model", "fake-model", "--scaffold", "--max-iterations", "1"], {}, (child, output) => {
        const watch = setInterval(() => output().includes(STARTER_LINE) && child.kill("SIGTERM"), 50);
        child.on("close", () => clearInterval(watch));
      });
      expect(vague.stdout).toContain(STARTER_LINE);
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

  it("tells a model that writes new Phaser.Geom.Point(...) through the type check, with the replacement, before any playtest", async () => {
    const fake = await startFakeLlm([
      { reply: { tool_calls: [{ name: "write_file", arguments: { path: "src/scenes/Play.ts", content: BROKEN_PLAY } }] } },
      { reply: { tool_calls: [{ name: "run_playtest", arguments: { seconds: 4 } }] } },
      { reply: { tool_calls: [fix] } },
      { reply: { tool_calls: [{ name: "finish", arguments: { summary: "Catch the stars." } }] } },
    ]);
    try {
      const result = await make(["a star catcher", "--out", outDir(), "--base-url", fake.url, "--model", "fake-model", "--max-iterations", "2"]);
      expect(result.code).toBe(0);
      const toolText = (i: number) => (fake.requests[i].body.messages as Array<{ role: string; content: string }>).filter((m) => m.role === "tool").at(-1)!.content;
      expect(toolText(1)).toContain(`- src/scenes/Play.ts:${BROKEN_LINE}:`);
      expect(toolText(1)).toContain("Phaser 4: Replace `Geom.Point` usage with `Vector2`");
      expect(toolText(2)).toMatch(/^Not run: Type check: 1 error/);
      // The only playtest ran on the fixed files, at finish.
      expect(result.stdout.split("\n").filter((l) => l.startsWith("▶ playtest"))).toEqual([expect.stringMatching(/^▶ playtest 1: PLAYABLE/)]);
    } finally {
      await fake.close();
    }
  });

  it("survives a 500, a 429 with Retry-After, a stream cut mid tool call, an unreadable SSE line and a timeout, and ends playable", async () => {
    const fake = await startFakeLlm([
      { fault: "500" },
      { reply: { tool_calls: [{ name: "write_file", arguments: { path: "src/scenes/Play.ts", content: BROKEN_PLAY } }] } },
      { fault: "429", retryAfterSeconds: 1 },
      { reply: { tool_calls: [{ name: "run_playtest", arguments: { seconds: 4 } }] } },
      { fault: "cut-tool-stream" },
      { reply: { tool_calls: [fix] } },
      { fault: "garbage" },
      { fault: "hang" },
      { reply: { tool_calls: [{ name: "finish", arguments: { summary: "Catch the stars." } }] } },
    ]);
    try {
      const out = outDir();
      const result = await make(["a star catcher", "--out", out, "--base-url", fake.url, "--model", "fake-model", "--timeout", "5", "--max-iterations", "4"]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const retried = result.stdout.split("\n").filter((l) => l.includes("retrying with custom:fake-model"));
      // One retry per fault, in order; a reply slower than the timeout on a busy machine may add one.
      expect(retried.length).toBeGreaterThanOrEqual(5);
      expect(retried.join("\n")).toMatch(/HTTP 500[\s\S]*HTTP 429[\s\S]*cut the stream[\s\S]*unreadable[\s\S]*did not answer in time/);
      expect(readFileSync(join(out, "project/src/scenes/Play.ts"), "utf8")).toBe(FIXED_PLAY);
      expect(existsSync(join(out, "project/src/main.ts"))).toBe(true);
      expect(JSON.parse(readFileSync(join(out, "report.json"), "utf8")).verdict).toBe("playable");
    } finally {
      await fake.close();
    }
  });

  it("fails over to the second --model when the first keeps failing, and exits 3 with what to do when every model fails", async () => {
    const fake = await startFakeLlm((req) =>
      req.body.model !== "backup"
        ? { fault: "500" }
        : req.body.messages.some((m: { role: string }) => m.role === "tool")
          ? { reply: { tool_calls: [{ name: "finish", arguments: { summary: "Fixed by the backup." } }] } }
          : { reply: { tool_calls: [{ name: "write_file", arguments: { path: "src/scenes/Play.ts", content: FIXED_PLAY } }] } },
    );
    try {
      const out = outDir();
      const saved = await make(["a star catcher", "--out", out, "--base-url", fake.url, "--model", "primary,backup", "--max-iterations", "2"]);
      expect(saved.code).toBe(0);
      expect(saved.stdout).toContain("custom:primary failed");
      expect(saved.stdout).toContain("retrying with custom:backup");

      const lost = outDir();
      const failed = await make(["a star catcher", "--out", lost, "--base-url", fake.url, "--model", "primary", "--max-iterations", "2"]);
      expect(failed.code).toBe(3);
      const last = failed.stdout.trim().split("\n").at(-1)!;
      expect(last).toMatch(/^NOT PLAYABLE — 0 iterations, .*provider-failed: The model could not be reached: /);
      expect(last).toContain(`The endpoint ${fake.url} failed with a server error for model "primary" (HTTP 500)`);
      expect(last).toContain("add a fallback model");
      expect(existsSync(join(lost, "project/index.html"))).toBe(true);
    } finally {
      await fake.close();
    }
  });

  it("ends a refusing model's run not playable with the reason, and answers a question itself without a terminal", async () => {
    const fake = await startFakeLlm([
      { reply: { content: "I'm sorry, but I can't help with that request." } },
      { reply: { content: "I can't do that." } },
    ]);
    try {
      const refused = await make(["an apple catching game", "--out", outDir(), "--base-url", fake.url, "--model", "fake-model"]);
      expect(refused.code).toBe(1);
      expect(refused.stdout.trim().split("\n").at(-1)).toMatch(/^NOT PLAYABLE — 0 iterations, .*model-stopped: .*The model wrote no file: the project is still the starter template/);
      expect(refused.stdout).not.toContain("▶ playtest");

      fake.push(
        { reply: { content: "One question.", tool_calls: [{ name: "ask_user", arguments: { question: "Apples or pears?", choices: ["Apples", "Pears"] } }] } },
        { reply: { tool_calls: [{ name: "write_file", arguments: { path: "src/scenes/Play.ts", content: FIXED_PLAY } }] } },
        { reply: { tool_calls: [{ name: "finish", arguments: { summary: "Catch apples." } }] } },
      );
      const out = outDir();
      const asked = await make(["an apple catching game", "--out", out, "--base-url", fake.url, "--model", "fake-model", "--chattiness", "normal", "--max-iterations", "2"]);
      expect(asked.code).toBe(0);
      expect(asked.stdout).toContain("? Apples or pears? [Apples / Pears]");
      expect(asked.stdout).toContain("  answer: Apples (default: nobody answered)");
      const answerSeen = JSON.stringify(fake.requests.at(-2)!.body.messages);
      expect(answerSeen).toContain("No answer from the user (no one can answer: the run has no terminal). Default: Apples.");
      expect(transcriptOf(out).find((e) => e.type === "answer")).toMatchObject({ answer: "Apples", auto: true, why: "no-one-to-ask" });
    } finally {
      await fake.close();
    }
  });

  it("writes the project and the last report when stopped with SIGTERM", async () => {
    const fake = await startFakeLlm([
      { reply: { tool_calls: [{ name: "write_file", arguments: { path: "src/scenes/Play.ts", content: CRASHING_PLAY } }, { name: "run_playtest", arguments: { seconds: 3 } }] } },
      { fault: "hang" },
    ]);
    try {
      const out = outDir();
      let sent: Promise<void> | undefined;
      const result = await make(["a star catcher", "--out", out, "--base-url", fake.url, "--model", "fake-model"], {}, (child, stdout) => {
        // Stopped while the model thinks about the broken report (the second request hangs).
        sent = vi.waitFor(() => expect(fake.requests.length === 2 && stdout().includes("▶ playtest 1")).toBe(true), { timeout: 60_000, interval: 50 }).then(() => void child.kill("SIGTERM"));
      });
      await sent;
      expect(result.stdout).toContain("· Terminated: stopping after the current step and writing what there is.");
      expect(result.code).toBe(1);
      expect(readFileSync(join(out, "project/src/scenes/Play.ts"), "utf8")).toBe(CRASHING_PLAY);
      expect(JSON.parse(readFileSync(join(out, "report.json"), "utf8")).verdict).toBe("broken");
      expect(transcriptOf(out).at(-1)).toMatchObject({ type: "failed" });
    } finally {
      await fake.close();
    }
  });
});
