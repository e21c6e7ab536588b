// The builder's game as a starting point for a real model: when a prompt names one of the
// built-in designs, the project starts as that playable game (in the first second) and the
// model refines it instead of writing everything from an empty scene.

import type { ProjectFiles } from "../project";
import { compileSpec } from "./compile";
import { describeSpec } from "./model";
import { parsePrompt } from "./parse";
import { DESIGNS, type GameSpec } from "./spec";

export interface Scaffold {
  spec: GameSpec;
  files: ProjectFiles;
  /** What is already there and how to work from it. */
  brief: string;
  /** The request as the model gets it: the prompt, then the brief. */
  request: string;
}

/** The builder's project for the prompt, or null when the prompt names no built-in design. */
export function scaffoldFor(prompt: string): Scaffold | null {
  const { spec, vague } = parsePrompt(prompt);
  if (vague) return null;
  const files = compileSpec(spec);
  const brief = [
    `Starting point: the project already holds a playable ${DESIGNS[spec.genre].label.toLowerCase()} game that Playforge's offline builder made from this request (its settings are in game.spec.json):`,
    describeSpec(spec),
    "Work from it: read the files you need, change what the request asks for that the game lacks or gets wrong, and playtest. Do not rewrite it from scratch; if it already matches the request, playtest it and finish.",
  ].join("\n");
  return { spec, files, brief, request: `${prompt}\n\n${brief}` };
}
