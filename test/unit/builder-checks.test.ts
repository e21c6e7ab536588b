// Specification of specChecks: each design's task checks name only what its Play scene's
// describe() really returns, follow the spec (no hazards, no "lives fall when hit"), and read as facts.
import { describe, expect, it } from "vitest";
import { GENRES, compileSpec, defaultSpec, parsePrompt, specChecks } from "../../src/builder";

/** The keys of the object literal describe() returns in src/scenes/Play.ts (shorthand or `key:`). */
function describedKeys(play: string): Set<string> {
  const body = /\n {2}describe\(\) \{([\s\S]*?)\n {2}\}\n/.exec(play)?.[1] ?? "";
  const literal = body.slice(body.lastIndexOf("return {"));
  return new Set([...literal.matchAll(/^\s{6}(\w+)(?::|,)/gm)].map((m) => m[1]));
}

describe("specChecks", () => {
  for (const genre of GENRES) {
    it(`${genre}: every check reads a field and seeks a list that the game's describe() returns`, () => {
      const spec = defaultSpec(genre, 3);
      const keys = describedKeys(compileSpec(spec)["src/scenes/Play.ts"] as string);
      const checks = specChecks(spec);
      expect(checks.length).toBeGreaterThan(0);
      expect(keys.has("player") && keys.has("targets") && keys.has("score") && keys.has("lives"), [...keys].join(",")).toBe(true);
      for (const c of checks) {
        expect(keys.has(c.probe.field.split(".")[0]), `${c.id}: ${c.probe.field} not in ${[...keys].join(", ")}`).toBe(true);
        if (c.probe.seek) expect(keys.has(c.probe.seek), `${c.id}: seek ${c.probe.seek}`).toBe(true);
        expect(c.says).toMatch(/^[A-Z].{10,}[^.]$/);
      }
      expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
      expect(checks.some((c) => c.required !== false), "at least one required check").toBe(true);
    });
  }

  it("names the spec's own things: 'Score rises when the diver collects golden shells'", () => {
    const says = specChecks(parsePrompt("a diving game where you collect golden shells and dodge sharks").spec).map((c) => c.says);
    expect(says).toContain("Score rises when the diver collects golden shells");
    expect(says.some((s) => /sharks touch the diver/.test(s))).toBe(true);
  });

  it("drops the checks about hazards when the prompt asks for none", () => {
    const ids = (prompt: string) => specChecks(parsePrompt(prompt).spec).map((c) => c.id);
    expect(ids("an endless runner")).toContain("obstacle-costs-a-life");
    expect(ids("an endless runner with no obstacles")).not.toContain("obstacle-costs-a-life");
    expect(ids("a racing game with no enemies")).toEqual(["lap-rises"]);
  });

  it("seeks targets where collecting is the point", () => {
    const score = specChecks(defaultSpec("diving")).find((c) => c.id === "score-rises")!;
    expect(score.probe).toEqual({ kind: "state", field: "score", expect: "rises", seek: "targets" });
  });
});
