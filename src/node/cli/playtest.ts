// npm run playtest -- <project dir | .zip> [--out <dir>] [--seconds N] [--seed S]
// Playtests a game headlessly; prints the report, writes <out>/report.json and <out>/frames/*.png.
// Exit 0 playable, 1 broken, 2 bad input or set-up.

import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { projectChecks } from "../../builder";
import { formatReportForModel, type PlaytestReport } from "../../playtest";
import { loadProject, openPlaytester, ProjectInputError } from "../driver";

const USAGE = "Usage: npm run playtest -- <project folder | project.zip> [--out <dir>] [--seconds N] [--seed S]";

class UsageError extends Error {}

interface PlaytestArgs {
  project: string;
  out: string;
  seconds: number;
  seed: number;
}

function parsePlaytestArgs(argv: string[]): PlaytestArgs {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split("=", 2);
      if (!["out", "seconds", "seed"].includes(name)) throw new UsageError(`Unknown option --${name}.`);
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value.`);
      flags[name] = value;
    } else positional.push(arg);
  }
  if (positional.length !== 1) throw new UsageError(positional.length ? `Expected one project, got ${positional.length}: ${positional.join(" ")}.` : "Which game? Pass a project folder or a .zip.");
  const number = (name: string, fallback: number, min: number, max: number) => {
    if (flags[name] === undefined) return fallback;
    const n = Number(flags[name]);
    if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${flags[name]}".`);
    return n;
  };
  return {
    project: positional[0],
    out: resolve(flags.out ?? "playtest-report"),
    seconds: number("seconds", 30, 1, 300),
    seed: number("seed", 1, 0, 2 ** 32 - 1),
  };
}

/** Writes the thumbnails as PNG files and a report.json that points at them instead of embedding them. */
function writeReport(report: PlaytestReport, out: string): string[] {
  mkdirSync(join(out, "frames"), { recursive: true });
  const written: string[] = [];
  const thumbnails = report.thumbnails.map((thumb, i) => {
    const name = `frames/${String(i + 1).padStart(2, "0")}-${thumb.label.replace(/[^a-z0-9.]+/gi, "-").replace(/-+$/, "")}.png`;
    writeFileSync(join(out, name), Buffer.from(thumb.dataUrl.slice(thumb.dataUrl.indexOf(",") + 1), "base64"));
    written.push(name);
    return { ...thumb, dataUrl: name };
  });
  writeFileSync(join(out, "report.json"), `${JSON.stringify({ ...report, thumbnails }, null, 2)}\n`);
  return ["report.json", ...written];
}

async function main(argv: string[]): Promise<number> {
  let args: PlaytestArgs;
  let files;
  try {
    args = parsePlaytestArgs(argv);
    files = loadProject(args.project);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ProjectInputError) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  let playtester;
  try {
    playtester = await openPlaytester();
  } catch (error) {
    process.stderr.write(`Cannot start the headless playtest: ${(error as Error).message}\n`);
    return 2;
  }
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once("SIGINT", onSignal);
  try {
    process.stderr.write(`Playtesting ${args.project} for ${args.seconds} virtual seconds (seed ${args.seed})…\n`);
    const report = await playtester.playtest(files, { seconds: args.seconds, seed: args.seed, tasks: projectChecks(files), signal: abort.signal, onProgress: (text) => process.stderr.write(`  ${text}\n`) });
    process.stdout.write(`${formatReportForModel(report)}\n`);
    const written = writeReport(report, args.out);
    process.stderr.write(`Wrote ${written.length} files to ${args.out} (report.json, frames/).\n`);
    return report.verdict === "playable" ? 0 : 1;
  } finally {
    process.off("SIGINT", onSignal);
    await playtester.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`playtest failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(2);
  },
);
