// Single-file HTML export: one page that plays offline by double-click. It is linked by the same
// linker as the preview and run by the same module loader and public-file serving, so a game that
// runs in the preview runs in the export and fails there the same way. Phaser is inlined; there is
// no IDE to report to, so the loop guard never stops a loop and errors go to the console.

import type { ProjectFiles } from "../project";
import { scriptJson } from "./harness/harness";
import type { HarnessContext } from "./harness/context";
import { runProgram } from "./harness/loader";
import { installPublicFiles } from "./harness/public-files";
import { linkProject, type LinkedProgram } from "./linker";
import { pageProgram } from "./document";

export class HtmlExportError extends Error {
  constructor(readonly file: string, readonly line: number | undefined, message: string) {
    super(`${file}${line ? `:${line}` : ""}: ${message}`);
    this.name = "HtmlExportError";
  }
}

export interface HtmlExportOptions {
  /** The text of phaser.min.js (the IDE serves it at /vendor/phaser.min.js). */
  phaserSource: string;
}

/** Returns the whole game as one HTML document, or throws HtmlExportError naming the file and line. */
export async function exportHtml(files: ProjectFiles, options: HtmlExportOptions): Promise<string> {
  const html = typeof files["index.html"] === "string" ? files["index.html"] : null;
  if (html === null) throw new HtmlExportError("index.html", undefined, "the project has no index.html. Add one that loads src/main.ts, then export again.");
  const program = await linkProject(files);
  const first = program.errors[0];
  if (first) throw new HtmlExportError(first.location?.file ?? "index.html", first.location?.line, `${first.message} Fix it (the preview shows it too), then export again.`);
  const page = html.replace(/<script\b[^>]*\btype=["']module["'][^>]*>[\s\S]*?<\/script>/gi, "");
  const start = `(${startStandalone.toString()})(${scriptJson(standaloneProgram(program))}, ${installPublicFiles.toString()}, ${runProgram.toString()});`;
  const scripts = `<script>${inlineScript(options.phaserSource)}</script>\n<script>${start}</script>\n`;
  return /<\/body>/i.test(page) ? page.replace(/<\/body>/i, `${scripts}</body>`) : `${page}\n${scripts}`;
}

interface StandaloneProgram {
  program: ReturnType<typeof pageProgram>;
  publicFiles: LinkedProgram["publicFiles"];
}

function standaloneProgram(program: LinkedProgram): StandaloneProgram {
  return { program: pageProgram(program, "this page (Phaser is inlined)"), publicFiles: program.publicFiles };
}

/** Keeps inline script text from closing its <script> element early. */
function inlineScript(source: string): string {
  return source.replace(/<\/script/gi, "<\\/script");
}

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Runs inside the exported page (serialised with toString, like the harness parts it is given):
 * takes Phaser off window as the preview does, serves public/ files, then loads the entry module.
 */
function startStandalone(start: StandaloneProgram, servePublic: typeof installPublicFiles, run: typeof runProgram): void {
  const w = window as any;
  const phaser = w.Phaser;
  delete w.Phaser;
  w.__pfPhaser = () => phaser;
  w.__pfLoop = () => true;
  w.__pfReportError = (_kind: string, error: unknown) => console.error(error);
  servePublic({ config: { publicFiles: start.publicFiles }, w } as unknown as HarnessContext);
  run(start.program);
}
