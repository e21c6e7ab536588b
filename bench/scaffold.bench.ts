// Does a real model that starts from the offline builder's game (make --scaffold) use fewer
// tokens and iterations than one that starts from the starter? Runs `npm run make` both ways on
// one prompt per built-in design. Needs a model: PLAYFORGE_BENCH_BASE_URL and PLAYFORGE_BENCH_MODEL
// (key in OPENAI_API_KEY); without them it says so and records nothing.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median, recordResults } from "./results";

// One everyday prompt per design (the builder tests' list, read as data).
const PROMPTS: string[] = JSON.parse(readFileSync(new URL("../test/fixtures/design-prompts.json", import.meta.url), "utf8"));
const MAX_ITERATIONS = 8;
const root = fileURLToPath(new URL("..", import.meta.url));

interface MakeOutcome {
  playable: boolean;
  iterations: number;
  tokens: number;
}

/** One headless agent run; its last line reads "PLAYABLE — 3 iterations, 12345 tokens, …". */
function make(prompt: string, baseUrl: string, model: string, scaffold: boolean): MakeOutcome {
  const out = mkdtempSync(join(tmpdir(), "playforge-bench-make-"));
  try {
    const args = ["src/node/cli/make.ts", prompt, "--out", out, "--base-url", baseUrl, "--model", model, "--max-iterations", String(MAX_ITERATIONS), "--chattiness", "quiet"];
    const run = spawnSync(join(root, "node_modules/.bin/tsx"), scaffold ? [...args, "--scaffold"] : args, { cwd: root, encoding: "utf8", timeout: 40 * 60_000 });
    const last = run.stdout.trim().split("\n").at(-1) ?? "";
    const m = /^(NOT )?PLAYABLE — (\d+) iterations, (\d+) tokens/.exec(last);
    if (!m) throw new Error(`make gave no result line for "${prompt}" (exit ${run.status}): ${(run.stderr || last).slice(0, 400)}`);
    return { playable: !m[1], iterations: Number(m[2]), tokens: Number(m[3]) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function main() {
  const baseUrl = process.env.PLAYFORGE_BENCH_BASE_URL;
  const model = process.env.PLAYFORGE_BENCH_MODEL;
  if (!baseUrl || !model) {
    console.log("SKIP scaffold-savings: no model to measure with. Set PLAYFORGE_BENCH_BASE_URL and PLAYFORGE_BENCH_MODEL (and OPENAI_API_KEY) to run it.");
    return;
  }
  const plain: MakeOutcome[] = [];
  const scaffolded: MakeOutcome[] = [];
  for (const prompt of PROMPTS) {
    plain.push(make(prompt, baseUrl, model, false));
    scaffolded.push(make(prompt, baseUrl, model, true));
    console.log(`${prompt}: starter ${JSON.stringify(plain.at(-1))}, scaffold ${JSON.stringify(scaffolded.at(-1))}`);
  }
  const tokens = (runs: MakeOutcome[]) => median(runs.map((r) => r.tokens));
  const iterations = (runs: MakeOutcome[]) => median(runs.map((r) => r.iterations));
  const playable = (runs: MakeOutcome[]) => runs.filter((r) => r.playable).length;
  recordResults({
    "scaffold-savings": {
      what: `${model}: median tokens per game starting from the builder's scaffold vs from the starter, over ${PROMPTS.length} prompts (one per design)`,
      value: tokens(scaffolded),
      unit: "tokens",
      baseline: tokens(plain),
      ratio: tokens(scaffolded) / tokens(plain),
      budget: "report only (issue 4, Beyond)",
      pass: true,
      details: {
        iterations: { scaffold: iterations(scaffolded), starter: iterations(plain) },
        playable: { scaffold: playable(scaffolded), starter: playable(plain), of: PROMPTS.length },
      },
    },
  });
}

main();
