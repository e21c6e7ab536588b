// `npm run make -- "<prompt>" --out <dir>`: the agent run headless, built by the same run factory
// as the IDE (router: retries, back-off, Retry-After, failover, circuit breaker, cost meter).
// Playtests run in Debian Chromium through the headless driver.
// Exit 0 every required check passes, 1 not playable, 2 bad input, 3 the model could not be reached.

import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline/promises";
import { fileURLToPath } from "node:url";
import { projectChecks } from "../../builder";
import { createGuideLibrary, startRun, type AgentEvent, type AgentRun, type Chattiness, type ModelPlan, type RunModel } from "../../agent";
import type { ProjectFiles } from "../../project";
import { PRESETS, type PresetName } from "../../providers";
import { loadProjectDir, openPlaytester, type Playtester } from "../driver";
import { createNodeTypeChecker } from "./typecheck";
import { ModelText, eventLine, transcriptJson, writeOutputs } from "./run-output";
import { EXIT, readCommandLine, runCli, UsageError, wholeNumber } from "./command-line";

const USAGE = `Usage: npm run make -- "<prompt>" --out <dir> [--base-url <url> | --provider <name>] [--model <id>[,<id>…]]
                     [--fix-model <id>[,…]] [--judge-model <id>[,…]] [--timeout S] [--scaffold]
                     [--max-iterations N] [--chattiness quiet|normal|chatty] [--seed S]
--model: the build models, preferred first; later ones take over when the first keeps failing.
--provider: ${Object.keys(PRESETS).join(", ")} (default custom, which needs --base-url).
The key comes from the environment, never a flag: OPENAI_API_KEY (custom endpoints and OpenAI),
ANTHROPIC_API_KEY, GEMINI_API_KEY or OPENROUTER_API_KEY for those providers.
Without --model the offline builder writes the game.
--timeout: seconds an endpoint may stay silent before the request is retried (default per provider).
--scaffold: when the prompt names a built-in design, the model starts from the offline builder's game.
Exit 0 all required checks pass, 1 not playable, 2 bad input, 3 the model could not be reached.`;


/** Each provider's key has its own variable, so one provider's key never reaches another. */
const KEY_VARIABLE: Record<PresetName, string> = {
  openai: "OPENAI_API_KEY",
  anthropic: "ANTHROPIC_API_KEY",
  gemini: "GEMINI_API_KEY",
  openrouter: "OPENROUTER_API_KEY",
  custom: "OPENAI_API_KEY",
  ollama: "OPENAI_API_KEY",
  lmstudio: "OPENAI_API_KEY",
};


interface MakeArgs {
  prompt: string;
  out: string;
  plan: ModelPlan | null;
  maxIterations: number;
  chattiness: Chattiness;
  seed: number;
  scaffold: boolean;
}

function listOf(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
}

function modelPlan(values: Record<string, string | string[] | boolean | undefined>): ModelPlan | null {
  const build = listOf(values.model as string[] | undefined);
  const baseURL = values["base-url"] as string | undefined;
  const providerName = (values.provider as string | undefined) ?? "custom";
  if (!(providerName in PRESETS)) throw new UsageError(`--provider must be one of ${Object.keys(PRESETS).join(", ")}, got "${providerName}".`);
  const preset = providerName as PresetName;
  const endpoint = baseURL ?? PRESETS[preset].baseURL;
  if (build.length === 0) {
    if (baseURL || values.provider) throw new UsageError("--base-url and --provider need --model <id> (the model name the endpoint knows).");
    if (values["fix-model"] || values["judge-model"]) throw new UsageError("--fix-model and --judge-model need --model and an endpoint.");
    return null;
  }
  if (!endpoint) throw new UsageError("--model needs --base-url <url> (or --provider with a known endpoint); without both the offline builder is used.");
  let timeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!(seconds > 0)) throw new UsageError(`--timeout must be a number of seconds > 0, got "${values.timeout}".`);
    timeoutMs = seconds * 1000;
  }
  const apiKey = process.env[KEY_VARIABLE[preset]] || undefined;
  const ref = (model: string) => ({ preset, model, baseURL: endpoint, ...(apiKey ? { apiKey } : {}), ...(timeoutMs ? { timeoutMs } : {}) });
  return {
    roles: { build: build.map(ref), fix: listOf(values["fix-model"] as string[] | undefined).map(ref), judge: listOf(values["judge-model"] as string[] | undefined).map(ref) },
  };
}

function parseMakeArgs(argv: string[]): MakeArgs {
  const { values, positionals } = readCommandLine(argv, {
    out: { type: "string" },
    "base-url": { type: "string" },
    provider: { type: "string" },
    model: { type: "string", multiple: true },
    "fix-model": { type: "string", multiple: true },
    "judge-model": { type: "string", multiple: true },
    timeout: { type: "string" },
    "max-iterations": { type: "string" },
    chattiness: { type: "string" },
    seed: { type: "string" },
    scaffold: { type: "boolean" },
  });
  const prompt = positionals.join(" ").trim();
  if (!prompt) throw new UsageError("The prompt is missing: describe the game in quotes.");
  if (!values.out) throw new UsageError("--out <dir> is missing: the folder that receives project/, report.json, thumb.png and transcript.jsonl.");
  const plan = modelPlan(values);
  if (values.scaffold && !plan) throw new UsageError("--scaffold needs --base-url and --model: the offline builder makes the built-in designs itself.");
  const chattiness = (values.chattiness ?? "quiet") as Chattiness;
  if (!["quiet", "normal", "chatty"].includes(chattiness)) throw new UsageError(`--chattiness must be quiet, normal or chatty, got "${values.chattiness}".`);
  return {
    prompt,
    out: resolve(values.out),
    plan,
    maxIterations: wholeNumber("--max-iterations", values["max-iterations"], 8, 1),
    chattiness,
    seed: wholeNumber("--seed", values.seed, 1, 0),
    scaffold: values.scaffold === true,
  };
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

function phaserGuides() {
  const skills = join(dirname(createRequire(import.meta.url).resolve("phaser/package.json")), "skills");
  const entries: Record<string, string> = {};
  for (const topic of readdirSync(skills)) {
    const file = join(skills, topic, "SKILL.md");
    if (existsSync(file)) entries[topic] = readFileSync(file, "utf8");
  }
  return createGuideLibrary(entries);
}

/** Asks on the terminal; the run registered the question before announcing it, so answering here is safe. */
function answerFromTerminal(run: AgentRun, event: Extract<AgentEvent, { type: "question" }>): void {
  const fallback = event.choices?.[0] ?? "No preference: choose a sensible default yourself.";
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  void rl.question(`  your answer [${fallback}]: `).then((typed) => {
    rl.close();
    run.answer(event.id, typed.trim() || fallback);
  });
}

async function make(argv: string[]): Promise<number> {
  const print = (line: string) => process.stdout.write(`${line}\n`);
  let args: MakeArgs;
  try {
    args = parseMakeArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return EXIT.badInput;
  }
  // The offline builder is loaded only when it is the model.
  const model: RunModel = args.plan ? { plan: args.plan } : { offline: (await import("../../builder")).createOfflineBuilder() };
  mkdirSync(args.out, { recursive: true });
  const transcript = join(args.out, "transcript.jsonl");
  writeFileSync(transcript, "");

  let playtester: Playtester;
  try {
    playtester = await openPlaytester();
  } catch (error) {
    process.stderr.write(`Cannot start the headless playtest: ${(error as Error).message}\n`);
    return EXIT.badInput;
  }
  // Vite exits the process on SIGTERM and Playwright closes the browser on SIGINT/SIGTERM, which
  // would race the run's own stop; make handles both signals itself and closes them afterwards.
  process.removeAllListeners("SIGTERM");
  process.removeAllListeners("SIGINT");
  const started = Date.now();
  const text = new ModelText();
  const interactive = process.stdin.isTTY === true;
  try {
    const scaffold = args.scaffold ? (await import("../../builder")).scaffoldFor(args.prompt) : null;
    const { run, modelId, meter } = startRun({
      prompt: scaffold?.request ?? args.prompt,
      files: scaffold?.files ?? (loadProjectDir(join(repoRoot, "templates/starter")) as ProjectFiles),
      startsFrom: scaffold ? "project" : "template",
      model,
      playtest: (files, request) => playtester.playtest(files, { ...request, tasks: projectChecks(files, request.tasks) }),
      guides: phaserGuides(),
      typeCheck: createNodeTypeChecker(),
      budgets: { maxIterations: args.maxIterations, maxTokens: 2_000_000, maxWallMs: 30 * 60_000 },
      chattiness: args.chattiness,
      interactive,
      seed: args.seed,
      onEvent: (event) => {
        appendFileSync(transcript, `${transcriptJson(event, Date.now() - started)}\n`);
        if (event.type === "model-delta") return text.add(event.text);
        text.flush(print);
        const line = eventLine(event);
        if (line) print(line);
        if (event.type === "question" && interactive && args.chattiness !== "quiet") answerFromTerminal(run, event);
      },
    });
    print(`Making "${args.prompt}" with ${modelId} (max ${args.maxIterations} iterations, chattiness ${args.chattiness}, seed ${args.seed}) → ${args.out}`);
    if (scaffold) print(`· Starting from the offline builder's ${scaffold.spec.genre} game; the model refines it.`);
    else if (args.scaffold) print("· The prompt names no built-in design, so the model starts from the starter game.");
    const onInterrupt = (signal: NodeJS.Signals) => {
      print(`· ${signal === "SIGTERM" ? "Terminated" : "Interrupted"}: stopping after the current step and writing what there is.`);
      run.cancel();
    };
    process.once("SIGINT", onInterrupt);
    process.once("SIGTERM", onInterrupt);
    const outcome = await run.done;
    process.off("SIGINT", onInterrupt);
    process.off("SIGTERM", onInterrupt);
    text.flush(print);
    writeOutputs(args.out, outcome, print);
    const unpriced = meter?.totals().overall.unpricedModels ?? [];
    const cost = !meter ? "$0 (offline builder)" : `$${outcome.costUsd.toFixed(4)}${unpriced.length ? ` (price unknown for ${unpriced.join(", ")})` : ""}`;
    print(`${outcome.playable ? "PLAYABLE" : "NOT PLAYABLE"} — ${outcome.iterations} iterations, ${outcome.tokens} tokens, ${cost}; ${outcome.stopReason}: ${outcome.summary}`);
    if (outcome.playable) return EXIT.ok;
    if (outcome.stopReason === "provider-failed") return EXIT.providerFailed;
    return outcome.stopReason === "error" ? EXIT.badInput : EXIT.not;
  } finally {
    await playtester.close();
  }
}

runCli(make);
