// How a project crosses into the headless runner page (page.evaluate only carries JSON):
// text stays text, bytes travel as base64.

import { base64Of, type ProjectFiles } from "../project/files";

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
