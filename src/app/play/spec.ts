// Wires the offline builder into the share codec: a spec link is rebuilt by compiling its
// game.spec.json exactly as the builder did when the game was made.

import type { SpecCompiler } from "../../project";
import { compileSpec } from "../../builder/compile";
import { isGameSpec } from "../../builder/spec";

export const playSpecCompiler: SpecCompiler = (specJson) => {
  const spec: unknown = JSON.parse(specJson);
  if (!isGameSpec(spec)) throw new Error("game.spec.json is not a valid game spec");
  return compileSpec(spec);
};
