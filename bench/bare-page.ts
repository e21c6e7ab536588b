// The baseline of the first-frame benches: a bare static page that loads phaser.min.js and boots
// a game compiled ahead, from a plain server of its own (not the IDE's dev server).
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { transform } from "sucrase";

/** The starter game as one classic script after phaser.min.js; first frame timed from navigation start. */
export function barePage(files: Record<string, string>): string {
  const modules = Object.entries(files)
    .filter(([path]) => path.endsWith(".ts"))
    .map(([path, source]) => `${JSON.stringify(path)}: function (require, module, exports) {${transform(source, { transforms: ["typescript", "imports"], production: true }).code}\n}`);
  return `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;height:100%}#game{width:100%;height:100%}</style>
<script src="/phaser.min.js"></script></head><body><div id="game"></div><script>
window.__playforge = { register(game) { game.events.once("postrender", () => { window.firstFrameMs = performance.now(); }); } };
const modules = {${modules.join(",\n")}};
const cache = {};
function load(path) {
  if (cache[path]) return cache[path].exports;
  const module = (cache[path] = { exports: {} });
  const resolve = (spec) => {
    const parts = path.split("/").slice(0, -1);
    for (const seg of spec.split("/")) seg === ".." ? parts.pop() : seg !== "." && parts.push(seg);
    return parts.join("/") + ".ts";
  };
  modules[path]((spec) => spec === "phaser" ? Object.assign({}, Phaser, { __esModule: true, default: Phaser }) : load(resolve(spec)), module, module.exports);
  return module.exports;
}
load("src/main.ts");
</script></body></html>`;
}

/**
 * The baseline's own plain static server (not the IDE's dev server, not a Playwright route, so
 * nothing slows the bare page down): the bare pages and phaser.min.js with an hour of caching.
 */
export async function startStaticServer(pages: Record<string, string>): Promise<{ url: string; server: Server }> {
  const phaser = readFileSync(new URL("../node_modules/phaser/dist/phaser.min.js", import.meta.url));
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/phaser.min.js") {
      res.writeHead(200, { "Content-Type": "text/javascript", "Cache-Control": "max-age=3600" });
      return res.end(phaser);
    }
    const page = pages[path];
    res.writeHead(page ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" });
    res.end(page ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, server };
}
