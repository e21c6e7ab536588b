// The in-page module loader: evaluates the linked modules in the game page (CommonJS-style,
// one eval per module with a sourceURL so stacks name project files and lines).
// Serialised with toString and injected like the harness: it must stay self-contained.

import type { PageProgram } from "./protocol";

export type { PageProgram };

/* eslint-disable @typescript-eslint/no-explicit-any */
export function runProgram(program: PageProgram): void {
  const w = window as any;
  const report = (kind: string, error: unknown, location?: { file: string; line: number }) => w.__pfReportError?.(kind, error, location);
  // The harness took Phaser off window when its script ran: the game gets it only by importing "phaser".
  const phaser = w.__pfPhaser?.();
  if (!phaser) {
    report("load", `Phaser could not be loaded from ${program.phaserUrl}. Is the Playforge server running?`);
    w.__pfLoaded?.();
    return;
  }
  const phaserModule = Object.assign({}, phaser, { __esModule: true, default: phaser });
  const cache: Record<string, { exports: any }> = {};

  function load(path: string): any {
    const cached = cache[path];
    if (cached) return cached.exports;
    const linked = program.modules[path];
    const module = { exports: {} as any };
    cache[path] = module;
    if (!linked) throw new Error(`Cannot find module ${path}`);
    if (linked.kind === "json") module.exports = JSON.parse(linked.text);
    else if (linked.kind === "css") {
      const style = document.createElement("style");
      style.textContent = linked.text;
      document.head.appendChild(style);
    } else if (linked.kind === "asset") module.exports = { __esModule: true, default: linked.url };
    else {
      const require = (spec: string) => {
        if (spec === "phaser") return phaserModule;
        const target = linked.deps[spec];
        if (!target) {
          const error = new Error(`Cannot find module "${spec}" imported from ${path}`);
          (error as any).__pfKind = "module";
          throw error;
        }
        return load(target);
      };
      const factory = (0, eval)(`(function (require, module, exports) {${linked.code}\n})\n//# sourceURL=playforge:///${path}`);
      factory(require, module, module.exports);
    }
    return module.exports;
  }

  try {
    load(program.entry);
  } catch (error) {
    report((error as any)?.__pfKind ?? "error", error);
  }
  w.__pfLoaded?.();
}
