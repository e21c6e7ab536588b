// Drives the iframe runtime on its test page (test/browser/pages/runtime.html) for the runtime-*
// browser tests: mount a project, send harness commands, read the Sandbox events it emitted.

import type { Browser, Page } from "playwright-core";
import { testPagesUrl } from "./browser";

export type SandboxEventRecord = { name: string; payload: any };

export class RuntimePage {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser): Promise<RuntimePage> {
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    await page.goto(`${testPagesUrl()}/test/browser/pages/runtime.html`);
    await page.waitForFunction(() => (window as any).runtimeTestReady);
    return new RuntimePage(page);
  }

  /** Mounts files (forgetting earlier events); in playtest mode waits for the program to have run. */
  async mount(files: Record<string, string>, options?: { playtest?: { seed: number } }) {
    await this.page.evaluate(
      async ([f, o]) => {
        (window as any).runtimeTest.events.length = 0;
        await (window as any).runtimeTest.sandbox.mount(f, o);
      },
      [files, options] as const,
    );
    if (options?.playtest) await this.waitForEvent("loaded");
  }

  events(name?: string): Promise<SandboxEventRecord[]> {
    return this.page.evaluate((n) => (window as any).runtimeTest.events.filter((e: SandboxEventRecord) => !n || e.name === n), name);
  }

  async waitForEvent(name: string, matches: (payload: any) => boolean = () => true, timeout = 30_000): Promise<any> {
    let found: SandboxEventRecord | undefined;
    const deadline = Date.now() + timeout;
    while (!found) {
      found = (await this.events(name)).find((e) => matches(e.payload));
      if (found) break;
      if (Date.now() > deadline) throw new Error(`no "${name}" event matching within ${timeout / 1000} s; events: ${JSON.stringify((await this.events()).map((e) => [e.name, e.payload?.message ?? e.payload?.text ?? ""]))}`);
      await this.page.waitForTimeout(50);
    }
    return found.payload;
  }

  command<T = any>(command: unknown): Promise<T> {
    return this.page.evaluate((c) => (window as any).runtimeTest.sandbox.command(c), command) as Promise<T>;
  }

  /** A command's rejection, as { name, message }, or null when it resolved. */
  commandError(command: unknown): Promise<{ name: string; message: string } | null> {
    return this.page.evaluate(
      (c) =>
        (window as any).runtimeTest.sandbox.command(c).then(
          () => null,
          (e: Error) => ({ name: e.name, message: e.message }),
        ),
      command,
    );
  }

  step(frames: number) {
    return this.command({ op: "step", frames });
  }

  input(...events: unknown[]) {
    return this.command({ op: "input", events });
  }

  /** The first active scene's describe(), after the latest step. */
  async describe(): Promise<any> {
    return (await this.command({ op: "introspect" })).scenes[0]?.describe;
  }

  close() {
    return this.page.close();
  }
}

const INDEX_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><style>html, body { margin: 0; height: 100%; background: #10131c; }</style></head>
<body><div id="game"></div><script type="module" src="/src/main.ts"></script></body></html>
`;

/**
 * A small real game: one scene whose class body is `scene` (a `describe()` in it is what the
 * tests read), started by src/main.ts. `main` replaces the game config line when given.
 */
export function sceneGame(scene: string, options: { width?: number; height?: number; body?: string; files?: Record<string, string> } = {}): Record<string, string> {
  const { width = 800, height = 600 } = options;
  return {
    "package.json": JSON.stringify({ name: "runtime-test-game", private: true, type: "module", dependencies: { phaser: "^4.2.1" } }),
    "index.html": options.body ? INDEX_HTML.replace('<div id="game"></div>', options.body) : INDEX_HTML,
    "src/main.ts": `import Phaser from "phaser";
import { Main } from "./Main";

const game = new Phaser.Game({ type: Phaser.AUTO, parent: "game", width: ${width}, height: ${height}, backgroundColor: "#000000", physics: { default: "arcade" }, scene: [Main] });
(window as any).__playforge?.register(game);
`,
    "src/Main.ts": `import Phaser from "phaser";

export class Main extends Phaser.Scene {
  constructor() {
    super("Main");
  }
${scene}
}
`,
    ...options.files,
  };
}

/** 1-based line of the first line of `file` containing `text`. */
export function lineOf(file: string, text: string): number {
  const index = file.split("\n").findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`"${text}" is not in the file`);
  return index + 1;
}
