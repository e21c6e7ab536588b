// The harness: runs inside every game page (live preview, playtest page, headless runner) before
// Phaser and the game. It reports console output, errors, heartbeats and frames to the IDE, hooks
// Phaser, delivers input as browsers do, answers the IDE's commands, and in playtest mode makes
// time virtual and randomness seeded so the engine can step the game faster than real time.
// It is assembled from one part per concern (each file's install* function), serialised with
// Function.prototype.toString and run in order on one shared context (context.ts): every part must
// stay self-contained, with no imports at runtime and nothing from outside its body but `h`.

import { installClock } from "./clock";
import { installCommands } from "./commands";
import { installConsole } from "./console";
import type { HarnessConfig, HarnessContext } from "./context";
import { installCore } from "./core";
import { installFrames } from "./frames";
import { installInput } from "./input";
import { installIntrospection } from "./introspection";
import { installLiveness } from "./liveness";
import { installPhaserHooks } from "./phaser-hooks";
import { installPublicFiles } from "./public-files";

export type { HarnessConfig } from "./context";

/** In the order they run: a part may use what the parts before it put on the context. */
const PARTS: ((h: HarnessContext) => void)[] = [
  installCore,
  installConsole,
  installLiveness,
  installClock,
  installPublicFiles,
  installFrames,
  installPhaserHooks,
  installInput,
  installIntrospection,
  installCommands,
];

/** JSON for inside a <script> element: nothing in it can close the element or end a line early. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** The harness for a page with this config, as the text of one inline <script>. */
export function harnessScript(config: HarnessConfig): string {
  const parts = PARTS.map((part) => `(${part.toString()})(h);`).join("\n");
  if (/<\/script/i.test(parts)) throw new Error("The harness source contains </script> and cannot be injected inline; escape it in src/runtime/harness/.");
  return `(function (config) {\nconst h = { config };\n${parts}\n})(${scriptJson(config)});`;
}
