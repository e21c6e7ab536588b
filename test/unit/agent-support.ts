// Test support for the agent tests: a scripted in-process ChatModel, a playtest that judges a
// project from its real files (syntax via sucrase, imports, Phaser 3 APIs, input and motion), and
// the starter template read from disk as the fixture game.

import { fileURLToPath } from "node:url";
import { transform } from "sucrase";
import type { ProjectFiles } from "../../src/project/files";
import type { PlaytestReport, ReportedError } from "../../src/playtest/report";
import type { ChatMessage, ChatModel, CompletionRequest, ToolCall, Usage } from "../../src/providers/types";
import type { GuideLibrary, PlaytestRequest } from "../../src/agent";
import { readProject } from "../support/project";

type Assistant = Extract<ChatMessage, { role: "assistant" }>;
export type ScriptStep = (request: CompletionRequest, index: number) => Assistant | Promise<Assistant>;

let callCounter = 0;

export function call(name: string, args: Record<string, unknown> | string): ToolCall {
  return { id: `call_${++callCounter}`, type: "function", function: { name, arguments: typeof args === "string" ? args : JSON.stringify(args) } };
}

export function turn(...calls: ToolCall[]): Assistant {
  return { role: "assistant", content: null, tool_calls: calls };
}

export function say(text: string): Assistant {
  return { role: "assistant", content: text };
}

export interface ScriptedModel extends ChatModel {
  requests: CompletionRequest[];
}

/** A ChatModel that answers from a script; it fails loudly when the loop asks more than scripted. */
export function scriptedModel(steps: Array<ScriptStep | Assistant>, options: { vision?: boolean; usage?: Usage } = {}): ScriptedModel {
  const requests: CompletionRequest[] = [];
  return {
    id: "scripted",
    supportsVision: options.vision ?? false,
    requests,
    async complete(request) {
      const index = requests.length;
      requests.push({ ...request, messages: structuredClone(request.messages) });
      const step = steps[index];
      if (!step) throw new Error(`scripted model: no step for request #${index}`);
      const message = typeof step === "function" ? await step(request, index) : step;
      if (message.content) request.onDelta?.({ kind: "text", text: message.content });
      return { message, usage: options.usage ?? { promptTokens: 0, completionTokens: 0 }, model: "scripted" };
    },
  };
}

/** Resolves when the signal aborts (for a model or playtest that hangs until cancelled). */
export function untilAborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => signal?.addEventListener("abort", () => reject(signal.reason ?? new Error("aborted")), { once: true }));
}

export { readProject };

export const STARTER = readProject(fileURLToPath(new URL("../../templates/starter", import.meta.url)));

const PHASER3_APIS: Array<[RegExp, string]> = [
  [/Phaser\.Geom\.Point\b/, "Phaser.Geom.Point is not a constructor (removed in Phaser 4; use Phaser.Math.Vector2)"],
  [/Phaser\.CANVAS\b/, "The Canvas renderer is deprecated in Phaser 4; use Phaser.AUTO"],
];

function codeFrame(text: string, line: number): string {
  const lines = text.split("\n");
  return lines
    .slice(Math.max(0, line - 2), line + 1)
    .map((l, k) => `${Math.max(1, line - 1) + k}| ${l}`)
    .join("\n");
}

function resolveImport(files: ProjectFiles, from: string, spec: string): boolean {
  const base = from.split("/").slice(0, -1);
  for (const part of spec.split("/")) {
    if (part === "..") base.pop();
    else if (part !== ".") base.push(part);
  }
  const path = base.join("/");
  return [path, `${path}.ts`, `${path}.js`, `${path}/index.ts`].some((candidate) => candidate in files);
}

/** Judges a project from its files: what a real playtest would find at boot, without a browser. */
export async function staticPlaytest(files: ProjectFiles, request: PlaytestRequest): Promise<PlaytestReport> {
  if (request.signal.aborted) throw request.signal.reason;
  const errors: ReportedError[] = [];
  const add = (kind: ReportedError["kind"], message: string, file: string, line: number) =>
    errors.push({ kind, message, location: { file, line }, count: 1, codeFrame: codeFrame(String(files[file] ?? ""), line) });
  if (typeof files["src/main.ts"] !== "string") errors.push({ kind: "load", message: "src/main.ts is missing", count: 1 });
  let sources = "";
  for (const [path, content] of Object.entries(files)) {
    if (typeof content !== "string" || !/\.(ts|js)$/.test(path)) continue;
    sources += content;
    try {
      transform(content, { transforms: ["typescript"], filePath: path });
    } catch (error) {
      const loc = (error as { loc?: { line: number } }).loc;
      add("syntax", (error as Error).message, path, loc?.line ?? 1);
      continue;
    }
    content.split("\n").forEach((line, i) => {
      const spec = /from\s+["'](\.{1,2}\/[^"']+)["']/.exec(line)?.[1];
      if (spec && !resolveImport(files, path, spec)) add("module", `Cannot find module '${spec}' imported by ${path}`, path, i + 1);
      const code = line.replace(/\/\/.*$/, "");
      for (const [pattern, message] of PHASER3_APIS) if (pattern.test(code)) add("error", message, path, i + 1);
    });
  }
  const booted = !errors.some((e) => e.kind === "syntax" || e.kind === "module" || e.kind === "load");
  const animates = booted && /update\s*\(|tweens\.add/.test(sources);
  const respondsToInput = booted && /createCursorKeys|input\.keyboard|input\.on\(/.test(sources);
  const reasons = [
    ...errors.map((e) => `${e.kind} at ${e.location?.file ?? "?"}:${e.location?.line ?? "?"}: ${e.message}`),
    ...(booted && !animates ? ["nothing moves"] : []),
    ...(booted && !respondsToInput ? ["no input handling"] : []),
  ];
  const verdict = reasons.length === 0 ? "playable" : "broken";
  return {
    verdict, checks: [], phases: [],
    reasons,
    booted,
    firstFrameMs: booted ? 120 : null,
    errors,
    consoleTail: [],
    nonBlank: booted,
    animates,
    respondsToInput,
    inputEffects: respondsToInput ? [{ input: "ArrowRight", changed: "player moved" }] : [],
    survivedSeconds: errors.length ? 0 : request.seconds,
    requestedSeconds: request.seconds,
    fps: 60,
    speed: 4,
    wallMs: 5,
    seed: request.seed,
    thumbnails: booted ? [{ label: "end", atMs: request.seconds * 1000, dataUrl: "data:image/png;base64,iVBORw0KGgo=" }] : [],
    frameHashes: [],
    introspection: null,
  };
}

/** A compact report in the spirit of formatReportForModel. */
export function formatReport(report: PlaytestReport): string {
  const lines = [`Verdict: ${report.verdict.toUpperCase()}${report.reasons.length ? ` (${report.reasons.join("; ")})` : ""}`];
  for (const error of report.errors) {
    lines.push(`- [${error.kind}] ${error.location ? `${error.location.file}:${error.location.line} ` : ""}${error.message}`);
    if (error.codeFrame) lines.push(error.codeFrame);
  }
  lines.push(`Booted ${report.booted ? "yes" : "no"}; animates ${report.animates ? "yes" : "no"}; responds to input ${report.respondsToInput ? "yes" : "no"}; survived ${report.survivedSeconds}/${report.requestedSeconds} s`);
  return lines.join("\n");
}

export const NO_GUIDES: GuideLibrary = { list: () => ["scenes", "v3-to-v4-migration"], read: (topic: string) => (topic === "scenes" ? "# Scenes\nUse this.scene.start(key)." : undefined) };

/** The starter's Play scene with a Phaser 3 API on one line: boots, then throws at create(). */
export const BROKEN_PLAY = String(STARTER["src/scenes/Play.ts"]).replace(
  "    this.score = 0;\n",
  "    this.score = 0;\n    const spawn = new Phaser.Geom.Point(400, 300);\n",
);
export const BROKEN_LINE = BROKEN_PLAY.split("\n").findIndex((l) => l.includes("Phaser.Geom.Point")) + 1;
