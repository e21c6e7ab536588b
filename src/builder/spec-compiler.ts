// The builder as the share codec's SpecCompiler: a spec link is rebuilt by compiling its
// game.spec.json exactly as the builder did when the game was made (/play, the IDE, npm run share).

import type { SpecCompiler } from "../project";
import { compileSpec } from "./compile";
import { isGameSpec } from "./spec";

export const builderSpecCompiler: SpecCompiler = (specJson) => {
  const spec: unknown = JSON.parse(specJson);
  if (!isGameSpec(spec)) throw new Error("game.spec.json is not a valid game spec");
  return compileSpec(spec);
};
