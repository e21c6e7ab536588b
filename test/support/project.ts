// Reads a project folder (the template, a fixture) into ProjectFiles-shaped text entries for tests.

import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export function readProject(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path).split("\\").join("/")] = readFileSync(path, "utf8");
    }
  };
  walk(dir);
  return files;
}
