// The CLIs' shared command line: unknown or valueless flags are usage errors (exit 2), whole
// numbers are checked against their range, and every CLI exits with the same codes.
import { describe, expect, it } from "vitest";
import { EXIT, readCommandLine, UsageError, wholeNumber } from "../../src/node/cli/command-line";

describe("CLI command line", () => {
  it("reads flags and positionals, and calls an unknown flag or a missing value a usage error", () => {
    const { values, positionals } = readCommandLine(["game", "--out", "dir", "--seed=4"], { out: { type: "string" }, seed: { type: "string" } });
    expect(values).toEqual({ out: "dir", seed: "4" });
    expect(positionals).toEqual(["game"]);
    expect(() => readCommandLine(["--colour", "red"], { out: { type: "string" } })).toThrow(UsageError);
    expect(() => readCommandLine(["--colour", "red"], { out: { type: "string" } })).toThrow(/--colour/);
    expect(() => readCommandLine(["--out"], { out: { type: "string" } })).toThrow(UsageError);
  });

  it("checks whole numbers against their range and names the flag", () => {
    expect(wholeNumber("--seconds", undefined, 30, 1, 300)).toBe(30);
    expect(wholeNumber("--seconds", "45", 30, 1, 300)).toBe(45);
    expect(() => wholeNumber("--seconds", "301", 30, 1, 300)).toThrow('--seconds must be a whole number from 1 to 300, got "301".');
    expect(() => wholeNumber("--seed", "1.5", 1, 0)).toThrow('--seed must be a whole number ≥ 0, got "1.5".');
  });

  it("has one set of exit codes", () => {
    expect(EXIT).toEqual({ ok: 0, not: 1, badInput: 2, providerFailed: 3 });
  });
});
