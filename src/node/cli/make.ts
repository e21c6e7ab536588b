// `npm run make -- "<prompt>" --out <dir>`: the agent loop headless. The model is an
// OpenAI-compatible endpoint (--base-url/--model, key from OPENAI_API_KEY) or the offline builder;
// playtests run in Debian Chromium through the headless driver. Exit 0 playable, 1 not, 2 bad input.

import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createGuideLibrary, runAgent, type AgentEvent, type AgentOutcome, type AgentRun, type Chattiness } from "../../agent";
import type { ProjectFiles } from "../../project";
import { createOpenAICompatibleModel, type ChatModel } from "../../providers";
import { loadProjectDir, openPlaytester, type Playtester } from "../driver";

const USAGE = `Usage: npm run make -- "<prompt>" --out <dir> [--base-url <url> --model <id> [--scaffold]] [--max-iterations N]
                     [--chattiness quiet|normal|chatty] [--seed S]
The key comes from OPENAI_API_KEY; without --base-url the offline builder writes the game.
--scaffold: when the prompt names a built-in design, the model starts from the offline builder's game.`;

const EXIT = { playable: 0, notPlayable: 1, badInput: 2 } as const;

class UsageError extends Error {}

interface MakeArgs {
  prompt: string;
  out: string;
  baseUrl?: string;
  model?: string;
  maxIterations: number;
  chattiness: Chattiness;
  seed: number;
  scaffold: boolean;
}

function parseMakeArgs(argv: string[]): MakeArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: "string" },
        "base-url": { type: "string" },
        model: { type: "string" },
        "max-iterations": { type: "string" },
        chattiness: { type: "string" },
        seed: { type: "string" },
        scaffold: { type: "boolean" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const prompt = positionals.join(" ").trim();
  if (!prompt) throw new UsageError("The prompt is missing: describe the game in quotes.");
  if (!values.out) throw new UsageError("--out <dir> is missing: the folder that receives project/, report.json, thumb.png and transcript.jsonl.");
  if (values["base-url"] && !values.model) throw new UsageError("--base-url needs --model <id> (the model name the endpoint knows).");
  if (values.model && !values["base-url"]) throw new UsageError("--model needs --base-url <url>; without both the offline builder is used.");
  if (values.scaffold && !values["base-url"]) throw new UsageError("--scaffold needs --base-url and --model: the offline builder makes the built-in designs itself.");
  const integer = (flag: string, raw: string | undefined, fallback: number, min: number) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be a whole number ≥ ${min}, got "${raw}".`);
    return n;
  };
  const chattiness = (values.chattiness ?? "quiet") as Chattiness;
  if (!["quiet", "normal", "chatty"].includes(chattiness)) throw new UsageError(`--chattiness must be quiet, normal or chatty, got "${values.chattiness}".`);
  return {
    prompt,
    out: resolve(values.out),
    baseUrl: values["base-url"],
    model: values.model,
    maxIterations: integer("--max-iterations", values["max-iterations"], 8, 1),
    chattiness,
    seed: integer("--seed", values.seed, 1, 0),
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

function lineDelta(before: string | null, after: string | null): string {
  const count = (text: string | null) => {
    const map = new Map<string, number>();
    for (const line of text?.split("\n") ?? []) map.set(line, (map.get(line) ?? 0) + 1);
    return map;
  };
  const a = count(before);
  const b = count(after);
  let added = 0;
  let removed = 0;
  for (const [line, n] of b) added += Math.max(0, n - (a.get(line) ?? 0));
  for (const [line, n] of a) removed += Math.max(0, n - (b.get(line) ?? 0));
  return `+${added} -${removed}`;
}

function argumentHint(name: string, raw: string): string {
  try {
    const args = JSON.parse(raw) as Record<string, unknown>;
    const hint = args.path ?? args.topic ?? args.question ?? args.summary ?? (args.seconds !== undefined ? `${args.seconds} s` : "");
    return hint === "" ? "" : ` ${String(hint).slice(0, 100)}`;
  } catch {
    return " (arguments are not JSON)";
  }
}

/** One readable line per event (null for events that only go to the transcript). */
function eventLine(event: AgentEvent): string | null {
  switch (event.type) {
    case "progress":
      return `· ${event.message}`;
    case "tool-call":
      return `→ ${event.name}${argumentHint(event.name, event.arguments)}`;
    case "tool-result":
      return event.ok ? null : `  ✗ ${event.result.split("\n")[0].slice(0, 200)}`;
    case "file-diff":
      return `  ~ ${event.path} (${event.after === null ? "deleted" : lineDelta(event.before, event.after)})`;
    case "playtest":
      return `▶ playtest ${event.iteration}: ${event.report.verdict.toUpperCase()}${event.report.reasons.length ? ` — ${event.report.reasons.join("; ").slice(0, 240)}` : ""}`;
    case "question":
      return `? ${event.question}${event.choices ? ` [${event.choices.join(" / ")}]` : ""}`;
    case "answer":
      return `  answer: ${event.answer}${event.auto ? " (default)" : ""}`;
    case "steer-received":
      return `  steering: ${event.text}`;
    case "failed":
      return `✗ ${event.reason}`;
    default:
      return null;
  }
}

/** Plain replies are printed as one line once the model moves on. */
class ModelText {
  private text = "";
  add(delta: string) {
    this.text += delta;
  }
  flush(print: (line: string) => void) {
    const line = this.text.trim().replace(/\s+/g, " ");
    this.text = "";
    if (line) print(`» ${line.length > 300 ? `${line.slice(0, 300)}…` : line}`);
  }
}

function transcriptJson(event: AgentEvent, t: number): string {
  return JSON.stringify({ t, ...event }, (_key, value) => (value instanceof Uint8Array ? { binaryBytes: value.byteLength } : value));
}

function writeOutputs(out: string, outcome: AgentOutcome, print: (line: string) => void): void {
  const projectDir = join(out, "project");
  rmSync(projectDir, { recursive: true, force: true });
  for (const [path, content] of Object.entries(outcome.files)) {
    const target = join(projectDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  writeFileSync(join(out, "report.json"), `${JSON.stringify(outcome.report, null, 2)}\n`);
  const thumbnail = outcome.report?.thumbnails.at(-1);
  const png = thumbnail && /^data:image\/png;base64,(.+)$/.exec(thumbnail.dataUrl)?.[1];
  if (png) writeFileSync(join(out, "thumb.png"), Buffer.from(png, "base64"));
  else print("· No frame was captured, so there is no thumb.png.");
}

function answerFromTerminal(run: AgentRun, event: Extract<AgentEvent, { type: "question" }>, print: (line: string) => void): void {
  const fallback = event.choices?.[0] ?? "No preference: choose a sensible default yourself.";
  if (!process.stdin.isTTY) {
    print(`  (no terminal to ask; answering "${fallback}")`);
    run.answer(event.id, fallback);
    return;
  }
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
  const model: ChatModel = args.baseUrl
    ? createOpenAICompatibleModel({ model: args.model!, baseURL: args.baseUrl, apiKey: process.env.OPENAI_API_KEY })
    : (await import("../../builder")).createOfflineBuilder();
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
  const started = Date.now();
  const text = new ModelText();
  try {
    print(`Making "${args.prompt}" with ${model.id} (max ${args.maxIterations} iterations, chattiness ${args.chattiness}, seed ${args.seed}) → ${args.out}`);
    const scaffold = args.scaffold ? (await import("../../builder")).scaffoldFor(args.prompt) : null;
    if (scaffold) print(`· Starting from the offline builder's ${scaffold.spec.genre} game; the model refines it.`);
    else if (args.scaffold) print("· The prompt names no built-in design, so the model starts from the starter game.");
    const run: AgentRun = runAgent({
      prompt: scaffold?.request ?? args.prompt,
      files: scaffold?.files ?? (loadProjectDir(join(repoRoot, "templates/starter")) as ProjectFiles),
      model,
      playtest: (files, request) => playtester.playtest(files, { seconds: request.seconds, seed: request.seed, signal: request.signal, onProgress: request.onProgress }),
      guides: phaserGuides(),
      budgets: { maxIterations: args.maxIterations, maxTokens: 2_000_000, maxWallMs: 30 * 60_000 },
      chattiness: args.chattiness,
      seed: args.seed,
      onEvent: (event) => {
        appendFileSync(transcript, `${transcriptJson(event, Date.now() - started)}\n`);
        if (event.type === "model-delta") return text.add(event.text);
        text.flush(print);
        const line = eventLine(event);
        if (line) print(line);
        if (event.type === "question" && args.chattiness !== "quiet") answerFromTerminal(run, event, print);
      },
    });
    const onInterrupt = () => {
      print("· Interrupted: stopping after the current step.");
      run.cancel();
    };
    process.once("SIGINT", onInterrupt);
    const outcome = await run.done;
    process.off("SIGINT", onInterrupt);
    text.flush(print);
    writeOutputs(args.out, outcome, print);
    const cost = outcome.costUsd > 0 ? `$${outcome.costUsd.toFixed(4)}` : "$0 (no price known)";
    print(`${outcome.playable ? "PLAYABLE" : "NOT PLAYABLE"} — ${outcome.iterations} iterations, ${outcome.tokens} tokens, ${cost}; ${outcome.stopReason}: ${outcome.summary}`);
    if (outcome.playable) return EXIT.playable;
    return outcome.stopReason === "error" ? EXIT.badInput : EXIT.notPlayable;
  } finally {
    await playtester.close();
  }
}

make(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(EXIT.badInput);
  },
);
