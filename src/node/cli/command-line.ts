// What the three CLIs (make, playtest, share) share: reading the command line (node:util
// parseArgs, strict), whole-number flags, the usage error, the exit codes and how a CLI ends.

import { parseArgs, type ParseArgsConfig } from "node:util";

/** Exit codes: 0 done (playable, printed), 1 not (broken, too big), 2 bad input or set-up, 3 provider failed (make). */
export const EXIT = { ok: 0, not: 1, badInput: 2, providerFailed: 3 } as const;

/** A command line the CLI cannot use; the CLI prints the message with its usage and exits 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parses flags and positionals; an unknown flag or a flag without its value becomes a UsageError. */
export function readCommandLine<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** A whole-number flag of at least `min` (and at most `max`, when given), or `fallback` when it is not given. */
export function wholeNumber(flag: string, raw: string | undefined, fallback: number, min: number, max?: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || (max !== undefined && n > max)) {
    throw new UsageError(`${flag} must be a whole number ${max === undefined ? `≥ ${min}` : `from ${min} to ${max}`}, got "${raw}".`);
  }
  return n;
}

/** Runs a CLI's main and exits with its code; anything it throws is printed and exits 2. */
export function runCli(main: (argv: string[]) => Promise<number> | number): void {
  Promise.resolve()
    .then(() => main(process.argv.slice(2)))
    .then(
      (code) => process.exit(code),
      (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exit(EXIT.badInput);
      },
    );
}
