// The type check for headless runs: the `typescript` package, TypeScript's own lib files and
// Phaser 4's .d.ts read from node_modules, loaded on the first check.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createTypeChecker, type TypeCheckFunction } from "../../agent";

const require = createRequire(import.meta.url);

/** lib.es2022.d.ts and lib.dom.d.ts with every lib they reference. */
function readLibs(libDir: string): Record<string, string> {
  const libs: Record<string, string> = {};
  const pending = ["es2022", "dom"];
  while (pending.length) {
    const name = `lib.${pending.pop()!}.d.ts`;
    if (libs[name]) continue;
    libs[name] = readFileSync(join(libDir, name), "utf8");
    for (const match of libs[name].matchAll(/<reference lib="([^"]+)"/g)) pending.push(match[1]!.toLowerCase());
  }
  return libs;
}

export function createNodeTypeChecker(): TypeCheckFunction {
  let check: ReturnType<typeof createTypeChecker> | undefined;
  return async (files) => {
    if (!check) {
      const ts = (await import("typescript")).default;
      const phaser = dirname(require.resolve("phaser/package.json"));
      check = createTypeChecker({
        ts,
        libs: readLibs(dirname(require.resolve("typescript/lib/lib.d.ts"))),
        phaserTypes: { phaser: readFileSync(join(phaser, "types/phaser.d.ts"), "utf8"), matter: readFileSync(join(phaser, "types/matter.d.ts"), "utf8") },
        migrationGuide: readFileSync(join(phaser, "skills/v3-to-v4-migration/SKILL.md"), "utf8"),
      });
    }
    return check(files);
  };
}
