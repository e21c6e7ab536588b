// The model's first pair of eyes: the project type-checked with TypeScript against Phaser 4's
// .d.ts in memory, incrementally (a language service keeps Phaser's types parsed between checks).
// The same code runs in Node (the `typescript` package) and in the IDE's worker.

import type TS from "typescript";
import type { ProjectFiles } from "../project";
import { migrationHints } from "./phaser-hints";

export interface TypeDiagnostic {
  file: string;
  line: number;
  column: number;
  code: number;
  message: string;
  /** The Phaser 4 replacement for a Phaser 3 API, from the migration guide. */
  hint?: string;
}

/** Checks the project's TypeScript files; the loop calls it after writes and for check_types. */
export type TypeCheckFunction = (files: ProjectFiles) => Promise<TypeDiagnostic[]>;

export interface TypeCheckEnvironment {
  ts: typeof TS;
  /** TypeScript's lib files by name (lib.es2022.d.ts …): ES2022 and DOM with everything they reference. */
  libs: Record<string, string>;
  /** node_modules/phaser/types/phaser.d.ts and matter.d.ts. */
  phaserTypes: { phaser: string; matter: string };
  /** node_modules/phaser/skills/v3-to-v4-migration/SKILL.md, for the replacements of removed APIs. */
  migrationGuide?: string;
}

const ROOT = "/project/";
const PHASER_DIR = "/node_modules/phaser/";
const LIB_DIR = "/lib/";

// Strictness that is not a bug at run time (implicit any, possibly-null, definite assignment,
// unused names): reporting it would spend the model's turns on style.
const STYLE_CODES = new Set([7005, 7006, 7008, 7031, 7034, 7053, 2564, 2531, 2532, 2533, 18046, 18047, 18048, 18049, 6133, 6138, 6192, 6196, 6198]);

const CODE_FILE = /\.(ts|tsx|mts|js|mjs)$/;

/** Creates a checker that keeps its parsed Phaser types across calls; each call checks the files given. */
export function createTypeChecker(env: TypeCheckEnvironment): (files: ProjectFiles) => TypeDiagnostic[] {
  const { ts } = env;
  const hints = env.migrationGuide ? migrationHints(env.migrationGuide) : null;
  const fixed = new Map<string, string>([
    [`${PHASER_DIR}package.json`, JSON.stringify({ name: "phaser", types: "types/phaser.d.ts" })],
    [`${PHASER_DIR}types/phaser.d.ts`, env.phaserTypes.phaser],
    [`${PHASER_DIR}types/matter.d.ts`, env.phaserTypes.matter],
    ...Object.entries(env.libs).map(([name, text]) => [`${LIB_DIR}${name}`, text] as [string, string]),
  ]);
  const project = new Map<string, { text: string; version: number }>();
  const snapshots = new Map<string, { version: number; snapshot: TS.IScriptSnapshot }>();
  const options: TS.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    allowJs: true,
    esModuleInterop: true,
    allowImportingTsExtensions: true,
    types: [],
  };
  const read = (file: string) => project.get(file)?.text ?? fixed.get(file);
  const versionOf = (file: string) => project.get(file)?.version ?? 0;
  const host: TS.LanguageServiceHost = {
    getScriptFileNames: () => [...project.keys()].filter((file) => CODE_FILE.test(file)),
    getScriptVersion: (file) => String(versionOf(file)),
    getScriptSnapshot: (file) => {
      const text = read(file);
      if (text === undefined) return undefined;
      const cached = snapshots.get(file);
      if (cached && cached.version === versionOf(file)) return cached.snapshot;
      const snapshot = ts.ScriptSnapshot.fromString(text);
      snapshots.set(file, { version: versionOf(file), snapshot });
      return snapshot;
    },
    getCurrentDirectory: () => ROOT,
    getCompilationSettings: () => options,
    getDefaultLibFileName: () => `${LIB_DIR}lib.d.ts`,
    fileExists: (file) => read(file) !== undefined,
    readFile: read,
    directoryExists: (dir) => {
      const prefix = dir.endsWith("/") ? dir : `${dir}/`;
      return [...project.keys(), ...fixed.keys()].some((file) => file.startsWith(prefix));
    },
    getDirectories: () => [],
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());

  function sync(files: ProjectFiles): void {
    const wanted = new Set<string>();
    for (const [path, content] of Object.entries(files)) {
      if (typeof content !== "string" || !(CODE_FILE.test(path) || path.endsWith(".json"))) continue;
      const file = ROOT + path;
      wanted.add(file);
      const known = project.get(file);
      if (!known) project.set(file, { text: content, version: 1 });
      else if (known.text !== content) project.set(file, { text: content, version: known.version + 1 });
    }
    for (const file of [...project.keys()]) if (!wanted.has(file)) project.delete(file);
  }

  return (files) => {
    sync(files);
    const program = service.getProgram();
    const checker = program?.getTypeChecker();
    const out: TypeDiagnostic[] = [];
    for (const file of host.getScriptFileNames()) {
      if (!/\.(ts|tsx|mts)$/.test(file)) continue;
      for (const d of [...service.getSyntacticDiagnostics(file), ...service.getSemanticDiagnostics(file)]) {
        if (STYLE_CODES.has(d.code) || !d.file || d.start === undefined) continue;
        const at = d.file.getLineAndCharacterOfPosition(d.start);
        const message = ts.flattenDiagnosticMessageText(d.messageText, " ");
        const about = checker && hints ? phaserMember(ts, checker, d.file, d.start) : undefined;
        const hint = about ? hints!.hintFor(about.name, about.owner) : undefined;
        out.push({ file: file.slice(ROOT.length), line: at.line + 1, column: at.character + 1, code: d.code, message, ...(hint ? { hint } : {}) });
      }
    }
    return out;
  };
}

/** The innermost node that contains `pos`. */
function nodeAt(ts: typeof TS, source: TS.SourceFile, pos: number): TS.Node {
  let node: TS.Node = source;
  for (;;) {
    const child: TS.Node | undefined = ts.forEachChild(node, (c) => (c.getStart(source) <= pos && pos < c.getEnd() ? c : undefined));
    if (!child) return node;
    node = child;
  }
}

const declaredByPhaser = (symbol: TS.Symbol | undefined) => !!symbol?.declarations?.some((d) => d.getSourceFile().fileName.startsWith(PHASER_DIR));

/**
 * The Phaser member a diagnostic is about: a property looked up on a Phaser type or namespace
 * (`Phaser.Geom.Point`, `sprite.setPipeline`), or the callee of a call whose arguments are wrong
 * (`sprite.setTintFill(0xff0000)`).
 */
function phaserMember(ts: typeof TS, checker: TS.TypeChecker, source: TS.SourceFile, pos: number): { name: string; owner?: string } | undefined {
  let node: TS.Node | undefined = nodeAt(ts, source, pos);
  for (let depth = 0; node && depth < 4; depth++, node = node.parent) {
    if (ts.isPropertyAccessExpression(node)) {
      const owner = node.expression;
      const type = checker.getTypeAtLocation(owner);
      if (declaredByPhaser(checker.getSymbolAtLocation(owner)) || declaredByPhaser(type.getSymbol()) || declaredByPhaser(type.aliasSymbol)) {
        return { name: node.name.text, owner: ts.isPropertyAccessExpression(owner) ? owner.name.text : owner.getText(source) };
      }
      return undefined;
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && declaredByPhaser(checker.getSymbolAtLocation(node.expression))) {
      return { name: node.expression.name.text };
    }
  }
  return undefined;
}

/** Diagnostics as the model reads them: file:line, the message, then the Phaser 4 replacement. */
export function formatTypeDiagnostics(diagnostics: readonly TypeDiagnostic[], max = 8): string {
  if (diagnostics.length === 0) return "Type check: no errors.";
  const lines = diagnostics.slice(0, max).map((d) => `- ${d.file}:${d.line}:${d.column} TS${d.code}: ${d.message}${d.hint ? `\n  ${d.hint}` : ""}`);
  const more = diagnostics.length > max ? `\n(${diagnostics.length - max} more)` : "";
  return `Type check: ${diagnostics.length} error${diagnostics.length === 1 ? "" : "s"} against Phaser 4's types:\n${lines.join("\n")}${more}`;
}
