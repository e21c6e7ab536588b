// The generated game's code as text. It lives in real .ts files under ./game/ (the layout of the
// project's src/, type-checked with the repo); Vite inlines them (import.meta.glob ?raw) in the
// IDE, /play and vitest, and under plain Node (the CLI runs under tsx) they are read from disk.

const ROOT = "./game/";

function fromVite(): Record<string, string> | null {
  try {
    const found = import.meta.glob("./game/**/*.ts", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
    return Object.fromEntries(Object.entries(found).map(([path, text]) => [path.slice(ROOT.length), text]));
  } catch {
    // Not transformed by Vite: import.meta.glob does not exist here.
    return null;
  }
}

/** The two calls of Node's fs that fromDisk makes (the builder is a core: it has no Node types). */
interface GameSourceFs {
  readdirSync(dir: URL, options: { recursive: true; encoding: "utf8" }): string[];
  readFileSync(path: URL, encoding: "utf8"): string;
}

function fromDisk(): Record<string, string> {
  const host = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } };
  const fs = host.process?.getBuiltinModule?.("node:fs") as GameSourceFs | undefined;
  if (!fs) throw new Error("src/builder/sources.ts: the game sources can only be read through Vite or under Node 20.16+.");
  const root = new URL(ROOT, import.meta.url);
  const paths = fs.readdirSync(root, { recursive: true, encoding: "utf8" }).map((p) => p.split("\\").join("/")).filter((p) => p.endsWith(".ts"));
  return Object.fromEntries(paths.map((path) => [path, fs.readFileSync(new URL(path, root), "utf8")]));
}

const SOURCES = fromVite() ?? fromDisk();

/** The text of src/builder/game/<path> ("kit/paddle.ts", "scenes/Play.pong.ts"). */
export function gameSource(path: string): string {
  const text = SOURCES[path];
  if (text === undefined) throw new Error(`src/builder/game/${path} does not exist: the builder asked for a game file it does not have.`);
  return text;
}

/** Every kit block's path under game/kit/, for tests and the compiler. */
export function kitPaths(): string[] {
  return Object.keys(SOURCES).filter((p) => p.startsWith("kit/")).sort();
}
