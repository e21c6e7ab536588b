// Budget: the IDE's initial JS (what index.html loads before anything lazy) ≤500 KB gzip.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { recordResults } from "./results";

const dist = join(import.meta.dirname, "..", "dist");
execFileSync("npx", ["vite", "build", "--logLevel", "error"], { stdio: "inherit", cwd: join(dist, "..") });
const html = readFileSync(join(dist, "index.html"), "utf8");
const initial = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((m) => m[1]);
let gzip = 0;
for (const src of initial) gzip += gzipSync(readFileSync(join(dist, src.replace(/^\//, "")))).length;
const kb = gzip / 1024;
console.log(`initial scripts: ${initial.join(", ")}`);
recordResults({
  "ide-initial-js": { what: `gzip size of the scripts index.html loads up front (${initial.length} files)`, value: kb, unit: "KB gzip", budget: "≤500 KB gzip", pass: kb <= 500 },
});
