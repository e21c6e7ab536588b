// TypeScript → CommonJS-style JS for the iframe runtime, keeping line numbers (sucrase does),
// with loop guards inserted so an infinite loop is stopped and named by file and line.

import { transform } from "sucrase";
import { parse } from "sucrase/dist/parser";
import { TokenType } from "sucrase/dist/parser/tokenizer/types";
import type { SourceLocation } from "./harness/protocol";

export class TranspileError extends Error {
  constructor(readonly location: SourceLocation, message: string) {
    super(`${location.file}:${location.line}:${location.column ?? 0} ${message}`);
    this.name = "TranspileError";
  }
}

export interface TranspiledModule {
  code: string;
  /** Loop guards in this module, by guard index relative to `firstLoopId`. */
  loops: SourceLocation[];
}

export const LOOP_GUARD = "__pfLoop";

export function transpileModule(path: string, source: string, firstLoopId: number): TranspiledModule {
  let code: string;
  try {
    const isTsx = path.endsWith(".tsx") || path.endsWith(".jsx");
    const isTs = /\.tsx?$/.test(path);
    code = transform(source, {
      transforms: [...(isTs ? (["typescript"] as const) : []), ...(isTsx ? (["jsx"] as const) : []), "imports"],
      filePath: path,
      production: true,
      disableESTransforms: true,
    }).code;
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = String((error as Error).message).replace(/\s*\(\d+:\d+\)$/, "");
    throw new TranspileError({ file: path, line: loc?.line ?? 1, column: loc ? loc.column + 1 : undefined }, `Syntax error: ${message}`);
  }
  return insertLoopGuards(path, withImportNames(source, code), firstLoopId);
}

/**
 * The transpiler reads a default import through its own binding (`import Phaser from "phaser"`
 * becomes `_phaser2.default`), so an error would say `_phaser2.default.Geom.Point is not a
 * constructor`. This gives each default import of a package its source name again, declared
 * on the line of its require (lines stay as they were), so errors name what the code says. The
 * project's own modules keep the transpiler's live reads: between them an import may be circular.
 */
export function withImportNames(source: string, code: string): string {
  let out = code;
  for (const m of source.matchAll(/\bimport\s+([A-Za-z_$][\w$]*)\s*(?:,\s*(?:\{[^}]*\}|\*\s*as\s+[\w$]+)\s*)?from\s*(["'])([^"'\n]+)\2/g)) {
    const [, local, , spec] = m;
    if (local === "type" || spec.startsWith(".") || spec.startsWith("/")) continue;
    const quoted = spec.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const binding = new RegExp(`var (_[\\w$]+) = require\\((['"])${quoted}\\2\\); var (_[\\w$]+) = _interopRequireDefault\\(\\1\\);`).exec(out);
    if (!binding) continue;
    const interop = binding[3];
    const declared = binding.index + binding[0].length;
    const uses = new RegExp(`(?<![\\w$.])${interop.replace(/\$/g, "\\$")}\\.default\\b`, "g");
    out = `${out.slice(0, declared)} var ${local} = ${interop}.default;${out.slice(declared).replace(uses, local)}`;
  }
  return out;
}

type Insertion = { at: number; text: string };

/** Adds `__pfLoop(id) &&` to every while/do-while/for condition (for-in/of are finite and skipped). */
export function insertLoopGuards(path: string, code: string, firstLoopId: number): TranspiledModule {
  const tokens = parse(code, false, false, false).tokens;
  const insertions: Insertion[] = [];
  const loops: SourceLocation[] = [];
  const lineStarts = computeLineStarts(code);

  for (let i = 0; i < tokens.length; i++) {
    const kind = tokens[i].type;
    if (kind !== TokenType._while && kind !== TokenType._for) continue;
    const open = i + 1;
    if (tokens[open]?.type !== TokenType.parenL) continue; // `for await` and friends
    const close = matchingParen(tokens, open);
    if (close < 0) continue;
    const id = firstLoopId + loops.length;
    const guard = `${LOOP_GUARD}(${id})`;
    if (kind === TokenType._while) {
      insertions.push({ at: tokens[open].end, text: `${guard}&&(` }, { at: tokens[close].start, text: ")" });
    } else {
      const semis = topLevelSemicolons(tokens, open, close);
      if (semis.length !== 2) continue;
      const [first, second] = semis;
      if (second === first + 1) insertions.push({ at: tokens[first].end, text: guard });
      else insertions.push({ at: tokens[first].end, text: `${guard}&&(` }, { at: tokens[second].start, text: ")" });
    }
    loops.push({ file: path, line: lineOf(lineStarts, tokens[i].start) });
  }

  insertions.sort((a, b) => b.at - a.at);
  let out = code;
  for (const { at, text } of insertions) out = out.slice(0, at) + text + out.slice(at);
  return { code: out, loops };
}

function matchingParen(tokens: ReturnType<typeof parse>["tokens"], open: number): number {
  let depth = 0;
  for (let j = open; j < tokens.length; j++) {
    if (tokens[j].type === TokenType.parenL) depth++;
    else if (tokens[j].type === TokenType.parenR && --depth === 0) return j;
  }
  return -1;
}

function topLevelSemicolons(tokens: ReturnType<typeof parse>["tokens"], open: number, close: number): number[] {
  const found: number[] = [];
  let depth = 0;
  for (let j = open + 1; j < close; j++) {
    const t = tokens[j].type;
    if (t === TokenType.parenL || t === TokenType.bracketL || t === TokenType.braceL || t === TokenType.dollarBraceL) depth++;
    else if (t === TokenType.parenR || t === TokenType.bracketR || t === TokenType.braceR) depth--;
    else if (t === TokenType.semi && depth === 0) found.push(j);
  }
  return found;
}

function computeLineStarts(code: string): number[] {
  const starts = [0];
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
