// Specification of compileSpec: every design compiles to a complete Vite + Phaser 4 project
// whose TypeScript is valid, and a seeded property test over generated prompts.
import { describe, expect, it } from "vitest";
import { transform } from "sucrase";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { generatedPrompts } from "./builder-prompts";
import { GENRES, compileSpec, defaultSpec, parsePrompt, isGameSpec, type GameSpec } from "../../src/builder";

const REQUIRED = ["package.json", "index.html", "tsconfig.json", "game.spec.json", "src/main.ts", "src/scenes/Title.ts", "src/scenes/Play.ts", "src/scenes/GameOver.ts"];

function transpileAll(files: Record<string, string | Uint8Array>) {
  for (const [path, content] of Object.entries(files)) {
    if (!path.endsWith(".ts")) continue;
    try {
      transform(content as string, { transforms: ["typescript"], filePath: path });
    } catch (error) {
      throw new Error(`${path} does not transpile: ${(error as Error).message}`, { cause: error });
    }
  }
}

describe("compileSpec", () => {
  for (const genre of GENRES) {
    it(`compiles the ${genre} design into a complete project whose TypeScript transpiles`, () => {
      const files = compileSpec(defaultSpec(genre, 42));
      for (const path of REQUIRED) expect(files, path).toHaveProperty([path]);
      transpileAll(files);
      const main = files["src/main.ts"] as string;
      expect(main.trimEnd().endsWith("(window as any).__playforge?.register(game);")).toBe(true);
      for (const scene of ["src/scenes/Title.ts", "src/scenes/Play.ts", "src/scenes/GameOver.ts"]) {
        expect(files[scene] as string, scene).toMatch(/\n {2}describe\(\) \{/);
      }
      const pkg = JSON.parse(files["package.json"] as string);
      expect(pkg.dependencies.phaser).toMatch(/^\^4\./);
      expect(JSON.parse(files["game.spec.json"] as string)).toEqual(defaultSpec(genre, 42));
      expect(files["index.html"] as string).toContain('src="/src/main.ts"');
    });
  }

  it("uses no Phaser 3-only APIs and fetches nothing", () => {
    for (const genre of GENRES) {
      const code = Object.entries(compileSpec(defaultSpec(genre))).filter(([p]) => p.endsWith(".ts")).map(([, c]) => c).join("\n");
      expect(code).not.toMatch(/setTintFill|Geom\.Point|Phaser\.CANVAS|this\.load\.|fetch\(|createEmitter|Struct\.(Set|Map)|BitmapMask/);
    }
  });

  it("puts spec values into the code: colours, speeds, counts, names", () => {
    const spec = parsePrompt("a diving game where you collect 12 pearls and dodge 7 pink jellyfish, hard").spec;
    const config = compileSpec(spec)["src/config.ts"] as string;
    expect(config).toContain('name: "jellyfish", speed: 60, count: 7');
    expect(config).toContain('collectible: { name: "pearls", count: 12 }');
    expect(config).toContain("hazard: 0xff70a6");
    expect(config).toContain("pace: 1.3");
    const faster = parsePrompt("make the jellyfish faster", spec).spec;
    expect(compileSpec(faster)["src/config.ts"]).toContain('name: "jellyfish", speed: 90, count: 7');
  });

  it("gives different themes of one genre different code", () => {
    const neon = compileSpec(parsePrompt("a neon snake").spec);
    const desert = compileSpec(parsePrompt("a desert snake").spec);
    expect(neon["src/config.ts"]).not.toBe(desert["src/config.ts"]);
    expect(neon["src/scenes/Play.ts"]).toBe(desert["src/scenes/Play.ts"]);
  });

  it("rejects a spec whose genre is not a built-in design, naming game.spec.json", () => {
    const spec = { ...defaultSpec("snake"), genre: "chess" } as unknown as GameSpec;
    expect(() => compileSpec(spec)).toThrow(/game\.spec\.json: genre "chess"/);
  });
});

describe("title screen", () => {
  /** Pixels each side that the how-to-play lines must leave free: their 3-px stroke and some air. */
  const MIN_MARGIN = 16;

  for (const genre of GENRES) {
    it(`wraps the ${genre} how-to-play lines, centred, inside the canvas the game's main.ts sets`, () => {
      const files = compileSpec(defaultSpec(genre, 42));
      const canvas = Number(/\bwidth: (\d+),/.exec(files["src/main.ts"] as string)![1]);
      const title = files["src/scenes/Title.ts"] as string;
      const howTo = title.split("\n").find((line) => line.includes("CONFIG.howToPlay"));
      expect(howTo, "src/scenes/Title.ts draws CONFIG.howToPlay on one line").toBeDefined();
      expect(howTo).toMatch(/\.text\(width \/ 2, /);
      expect(howTo).toMatch(/align: "center"/);
      const wrap = /wordWrap: \{ width: width - 2 \* ([A-Z_]+)/.exec(howTo!);
      expect(wrap, "the how-to-play text wraps at width - 2 * MARGIN").not.toBeNull();
      const margin = Number(new RegExp(`const ${wrap![1]} = (\\d+);`).exec(title)![1]);
      expect(canvas - 2 * margin).toBeLessThanOrEqual(canvas - 2 * MIN_MARGIN);
      expect(canvas - 2 * margin).toBeGreaterThanOrEqual(canvas / 2);
    });
  }
});

describe("property: generated prompts", () => {
  it("turns 120 seeded prompts into valid projects, and different genres never share game code", () => {
    const playByGenre = new Map<string, Set<string>>();
    for (const prompt of generatedPrompts(120)) {
      const { spec } = parsePrompt(prompt);
      expect(isGameSpec(spec), prompt).toBe(true);
      expect(spec.lives, prompt).toBeGreaterThanOrEqual(1);
      const files = compileSpec(spec);
      transpileAll(files);
      expect((files["src/main.ts"] as string).trimEnd().endsWith("(window as any).__playforge?.register(game);"), prompt).toBe(true);
      const set = playByGenre.get(spec.genre) ?? new Set<string>();
      set.add(files["src/scenes/Play.ts"] as string);
      playByGenre.set(spec.genre, set);
    }
    expect(playByGenre.size).toBeGreaterThanOrEqual(7);
    const owners = new Map<string, string>();
    for (const [genre, sources] of playByGenre) {
      for (const source of sources) {
        const owner = owners.get(source);
        expect(owner === undefined || owner === genre, `${genre} and ${owner} share Play.ts`).toBe(true);
        owners.set(source, genre);
      }
    }
  });

  it("every pair of genres differs in most lines of the game scene", () => {
    const lines = GENRES.map((g) => new Set((compileSpec(defaultSpec(g))["src/scenes/Play.ts"] as string).split("\n").map((l) => l.trim()).filter((l) => l.length > 20)));
    for (let a = 0; a < GENRES.length; a++) {
      for (let b = a + 1; b < GENRES.length; b++) {
        const shared = [...lines[a]].filter((l) => lines[b].has(l)).length;
        expect(shared / Math.min(lines[a].size, lines[b].size), `${GENRES[a]} vs ${GENRES[b]}`).toBeLessThan(0.4);
      }
    }
  });
});

describe("game sources", () => {
  it("src/builder/game/config.ts is what the builder writes for the default diving spec, so the game files type-check against the real config shape", () => {
    const files = compileSpec(defaultSpec("diving", 7));
    expect(readFileSync(resolve(__dirname, "../../src/builder/game/config.ts"), "utf8")).toBe(files["src/config.ts"]);
  });

  it("compiles the same project under plain Node (tsx, as `npm run make` runs) as under Vite", () => {
    const script = `import { compileSpec, defaultSpec, GENRES } from "./src/builder"; console.log(JSON.stringify(GENRES.map((g) => compileSpec(defaultSpec(g, 3)))));`;
    const out = execFileSync("npx", ["tsx", "-e", script], { cwd: resolve(__dirname, "../.."), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(JSON.parse(out)).toEqual(GENRES.map((g) => compileSpec(defaultSpec(g, 3))));
  }, 60_000);
});
