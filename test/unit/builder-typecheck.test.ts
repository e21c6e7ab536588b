// Every offline-builder design type-checks under its own tsconfig (strict) against Phaser 4's
// shipped types: the generated code uses Phaser 4's API as typed, not Phaser 3 leftovers.
import { describe, expect, it } from "vitest";
import ts from "typescript";
import { join, resolve } from "node:path";
import { GENRES, compileSpec, defaultSpec } from "../../src/builder";

const ROOT = resolve(__dirname, "../..");

/** Type-checks projects held in memory under ROOT/.typecheck/<name>/, with ROOT's node_modules. */
function typeErrors(projects: Record<string, Record<string, string | Uint8Array>>): string[] {
  const virtual = new Map<string, string>();
  for (const [name, files] of Object.entries(projects)) {
    for (const [path, content] of Object.entries(files)) {
      if (typeof content === "string") virtual.set(join(ROOT, ".typecheck", name, path), content);
    }
  }
  const first = Object.values(projects)[0];
  const { compilerOptions } = JSON.parse(first["tsconfig.json"] as string) as { compilerOptions: object };
  const options = ts.convertCompilerOptionsFromJson(compilerOptions, ROOT).options;
  const host = ts.createCompilerHost(options);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.fileExists = (file) => virtual.has(file) || fileExists(file);
  host.readFile = (file) => virtual.get(file) ?? readFile(file);
  const dirs = new Set([...virtual.keys()].flatMap((file) => file.split("/").slice(1, -1).map((_, i, parts) => "/" + parts.slice(0, i + 1).join("/"))));
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (dir) => dirs.has(dir) || (directoryExists ? directoryExists(dir) : false);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, onError) => {
    const text = virtual.get(file);
    return text === undefined ? getSourceFile(file, language, onError) : ts.createSourceFile(file, text, language);
  };
  const roots = [...virtual.keys()].filter((file) => file.endsWith(".ts"));
  const program = ts.createProgram(roots, options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName.slice(ROOT.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : "";
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

describe("offline builder projects type-check against Phaser 4", () => {
  it("every design compiles with tsc --strict and no errors", () => {
    const projects = Object.fromEntries(GENRES.map((genre) => [genre, compileSpec(defaultSpec(genre, 7))]));
    expect(typeErrors(projects)).toEqual([]);
  }, 120_000);

  it("would report a Phaser 3-only call with its file and line", () => {
    const files = compileSpec(defaultSpec("snake", 7));
    const play = (files["src/scenes/Play.ts"] as string).replace("  create() {\n", "  create() {\n    new Phaser.Geom.Point(1, 2);\n");
    const errors = typeErrors({ snake: { ...files, "src/scenes/Play.ts": play } });
    expect(errors.some((e) => e.startsWith(".typecheck/snake/src/scenes/Play.ts:") && /Point/.test(e))).toBe(true);
  }, 120_000);
});
