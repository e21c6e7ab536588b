// How a project crosses into the headless runner page (page.evaluate only carries JSON):
// text stays text, bytes travel as base64. Also the runner page's contract with the Node driver.

import { base64Of, type ProjectFiles } from "../project";
import type { TaskCheckSpec } from "./checks";
import type { PlaytestReport } from "./report";

export interface RunnerOptions {
  seconds?: number;
  seed?: number;
  tasks?: TaskCheckSpec[];
}

export interface PlayforgeRunner {
  playtest(files: WireFiles, options?: RunnerOptions): Promise<PlaytestReport>;
  /** Cancels the running playtest; its promise rejects with PlaytestAbortedError. */
  cancel(): void;
}

/** The globals of the runner page (src/app/runner/main.ts) that the driver (src/node/driver.ts) calls. */
export interface RunnerPage {
  playforgeRunner?: PlayforgeRunner;
  /** Set by the driver (page.exposeFunction) to receive progress lines. */
  playforgeProgress?: (text: string) => void;
}

export type WireFiles = Record<string, string | { base64: string }>;

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function filesToWire(files: ProjectFiles): WireFiles {
  const out: WireFiles = {};
  for (const [path, content] of Object.entries(files)) out[path] = typeof content === "string" ? content : { base64: base64Of(content) };
  return out;
}

export function filesFromWire(wire: WireFiles): ProjectFiles {
  const out: ProjectFiles = {};
  for (const [path, content] of Object.entries(wire)) out[path] = typeof content === "string" ? content : fromBase64(content.base64);
  return out;
}
