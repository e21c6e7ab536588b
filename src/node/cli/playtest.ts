// npm run playtest -- <project dir | .zip> [--out <dir>] [--seconds N] [--seed S]
// Playtests a game headlessly; prints the report, writes <out>/report.json and <out>/frames/*.png.
// Exit 0 playable, 1 broken, 2 bad input or set-up.

import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { projectChecks } from "../../builder";
import { formatReportForModel, type PlaytestReport } from "../../playtest";
import { loadProject, openPlaytester, ProjectInputError } from "../driver";
import { EXIT, readCommandLine, runCli, UsageError, wholeNumber } from "./command-line";

const USAGE = "Usage: npm run playtest -- <project folder | project.zip> [--out <dir>] [--seconds N] [--seed S]";

interface PlaytestArgs {
  project: string;
  out: string;
  seconds: number;
  seed: number;
}

function parsePlaytestArgs(argv: string[]): PlaytestArgs {
  const { values, positionals } = readCommandLine(argv, { out: { type: "string" }, seconds: { type: "string" }, seed: { type: "string" } });
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `Expected one project, got ${positionals.length}: ${positionals.join(" ")}.` : "Which game? Pass a project folder or a .zip.");
  return {
    project: positionals[0],
    out: resolve(values.out ?? "playtest-report"),
    seconds: wholeNumber("--seconds", values.seconds, 30, 1, 300),
    seed: wholeNumber("--seed", values.seed, 1, 0, 2 ** 32 - 1),
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
      return EXIT.badInput;
    }
    throw error;
  }
  let playtester;
  try {
    playtester = await openPlaytester();
  } catch (error) {
    process.stderr.write(`Cannot start the headless playtest: ${(error as Error).message}\n`);
    return EXIT.badInput;
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
    return report.verdict === "playable" ? EXIT.ok : EXIT.not;
  } finally {
    process.off("SIGINT", onSignal);
    await playtester.close();
  }
}

runCli(main);
