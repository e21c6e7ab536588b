// A scripted stand-in for @webcontainer/api (which cannot boot here: it needs StackBlitz's servers).
// It records every call, keeps an in-memory file system with Node's rules, plays npm and Vite, and
// reports a real page on another origin as the dev server; that page loads the preview script first.

import type { Container, FileSystemTree, WebContainerApi, WebContainerProcess } from "../../src/runtime/webcontainer";

export interface FakeScript {
  /** "hang" never settles; a string rejects boot with that message. */
  boot: "ok" | "hang" | { reject: string };
  install: { exitCode: number; output: string[] };
  /** "ok" becomes ready at previewUrl; "crash" exits with code 1 after printing an error. */
  dev: "ok" | "crash";
  /** The page the "dev server" serves: a real page on the test server, on another origin. */
  previewUrl: string;
  /**
   * Where setPreviewScript stores the script (PUT) so the preview page can load it as its first
   * <script>, the way WebContainer injects it into every HTML response.
   */
  previewScriptStore: string;
}

export interface FakeRecord {
  boots: number;
  /** Every call in order, e.g. "spawn npm install", "setPreviewScript", "preview-load", "writeFile src/a.ts". */
  calls: string[];
  mounts: FileSystemTree[];
  previewScripts: string[];
  writes: { path: string; text: string }[];
  /** The file system after all calls: path → text (bytes are shown as "bytes:<length>"). */
  files: Record<string, string>;
}

export interface FakeWebContainer {
  api: WebContainerApi;
  record: FakeRecord;
  /** Changes the script for calls still to come (e.g. make the next install fail). */
  script: FakeScript;
  /** Emits WebContainer's internal "error" event on the booted container. */
  containerError(message: string): void;
  /** Makes the running dev server print `output` and exit with `code`, as a crash would. */
  crashDevServer(code: number, output: string): void;
  /** Vite's reaction to a changed source file: loaded previews reload (debounced). */
  sourceChanged(): void;
}

export const SUCCESSFUL_INSTALL = ["\u001b[1madded 3 packages\u001b[22m in 2s", "found 0 vulnerabilities"];

export function createFakeWebContainer(script: Partial<FakeScript> & Pick<FakeScript, "previewUrl" | "previewScriptStore">): FakeWebContainer {
  const fake: FakeWebContainer = {
    script: { boot: "ok", install: { exitCode: 0, output: SUCCESSFUL_INSTALL }, dev: "ok", ...script },
    record: { boots: 0, calls: [], mounts: [], previewScripts: [], writes: [], files: {} },
    api: {
      boot: () => {
        fake.record.boots++;
        fake.record.calls.push("boot");
        const boot = fake.script.boot;
        if (boot === "hang") return new Promise<Container>(() => undefined);
        if (typeof boot === "object") return Promise.reject(new Error(boot.reject));
        if (live) return Promise.reject(new Error("Only a single WebContainer instance can be booted"));
        live = new FakeContainer(fake);
        return Promise.resolve(live);
      },
    },
    containerError: (message) => live?.emitError(message),
    crashDevServer: (code, output) => live?.crashDevServer(code, output),
    sourceChanged: () => undefined,
  };
  let live: FakeContainer | null = null;
  /** Preview pages that loaded, told to reload when a source file changes, as Vite's client does. */
  const previews = new Set<Window>();
  let reload: ReturnType<typeof setTimeout> | undefined;
  fake.sourceChanged = () => {
    clearTimeout(reload);
    reload = setTimeout(() => {
      for (const preview of previews) preview.postMessage({ fakeWebContainer: "full-reload" }, "*");
    }, 50);
  };
  // The preview page announces itself, saying whether the preview script ran before it.
  window.addEventListener("message", (event) => {
    const data = event.data;
    if (data?.fakeWebContainer !== "preview-load" || event.origin !== new URL(fake.script.previewUrl).origin) return;
    fake.record.calls.push(data.scripted ? "preview-load" : "preview-load without script");
    previews.add(event.source as Window);
  });
  return fake;
}

class FakeContainer implements Container {
  private dirs = new Set<string>([""]);
  private serverReady = new Set<(port: number, url: string) => void>();
  private errors = new Set<(error: { message: string }) => void>();
  private devServer: ScriptedProcess | null = null;
  private torn = false;

  constructor(private readonly fake: FakeWebContainer) {}

  readonly fs = {
    writeFile: async (path: string, data: string | Uint8Array) => {
      this.log(`writeFile ${path}`);
      if (!this.dirs.has(folderOf(path))) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      this.fake.record.files[path] = show(data);
      this.fake.record.writes.push({ path, text: show(data) });
      if (this.fake.script.dev === "ok" && path !== "package.json") this.fake.sourceChanged();
    },
    mkdir: async (path: string, _options: { recursive: true }) => {
      this.log(`mkdir ${path}`);
      const parts = path.split("/");
      for (let i = 1; i <= parts.length; i++) this.dirs.add(parts.slice(0, i).join("/"));
      return path;
    },
    rm: async (path: string, _options?: { force?: boolean; recursive?: boolean }) => {
      this.log(`rm ${path}`);
      delete this.fake.record.files[path];
    },
  };

  async mount(tree: FileSystemTree) {
    this.log("mount");
    this.fake.record.mounts.push(tree);
    const walk = (node: FileSystemTree, prefix: string) => {
      for (const [name, entry] of Object.entries(node)) {
        const path = prefix ? `${prefix}/${name}` : name;
        if ("directory" in entry) {
          this.dirs.add(path);
          walk(entry.directory, path);
        } else if ("contents" in entry.file) this.fake.record.files[path] = show(entry.file.contents);
      }
    };
    walk(tree, "");
  }

  async spawn(command: string, args: string[]): Promise<WebContainerProcess> {
    const line = [command, ...args].join(" ");
    this.log(`spawn ${line}`);
    if (line === "npm install") {
      const { exitCode, output } = this.fake.script.install;
      return scriptedProcess(output.map((l) => `${l}\r\n`), exitCode).process;
    }
    if (line === "npm run dev") {
      if (this.fake.script.dev === "crash") return scriptedProcess(["\r\n> vite\r\n", "error when starting dev server:\r\nError: Cannot find module 'vite'\r\n"], 1).process;
      const url = this.fake.script.previewUrl;
      this.devServer = scriptedProcess(["\r\n> vite\r\n\r\n", "  VITE v8 ready in 312 ms\r\n\r\n", "  ➜  Local:   http://localhost:5173/\r\n"], null, () => this.log("kill npm run dev"));
      setTimeout(() => {
        if (!this.torn) for (const listener of this.serverReady) listener(5173, url);
      }, 30);
      return this.devServer.process;
    }
    return scriptedProcess([`sh: ${command}: command not found\r\n`], 127).process;
  }

  on(event: "server-ready", listener: (port: number, url: string) => void): () => void;
  on(event: "error", listener: (error: { message: string }) => void): () => void;
  on(event: "server-ready" | "error", listener: ((port: number, url: string) => void) | ((error: { message: string }) => void)) {
    if (event === "error") {
      const error = listener as (error: { message: string }) => void;
      this.errors.add(error);
      return () => void this.errors.delete(error);
    }
    const ready = listener as (port: number, url: string) => void;
    this.serverReady.add(ready);
    return () => void this.serverReady.delete(ready);
  }

  crashDevServer(code: number, output: string) {
    this.devServer?.end(code, output);
  }

  emitError(message: string) {
    for (const listener of this.errors) listener({ message });
  }

  async setPreviewScript(scriptSrc: string) {
    this.log("setPreviewScript");
    this.fake.record.previewScripts.push(scriptSrc);
    const stored = await fetch(this.fake.script.previewScriptStore, { method: "PUT", body: scriptSrc });
    if (!stored.ok) throw new Error(`The test proxy did not store the preview script: HTTP ${stored.status}`);
  }

  teardown() {
    this.log("teardown");
    this.torn = true;
  }

  private log(call: string) {
    if (this.torn) throw new Error(`${call} after teardown`);
    this.fake.record.calls.push(call);
  }
}

type ScriptedProcess = { process: WebContainerProcess; end(code: number, lastOutput?: string): void };

/** A process that prints `chunks` a tick apart, then exits with `exitCode` (null: runs until killed or ended). */
function scriptedProcess(chunks: string[], exitCode: number | null, onKill?: () => void): ScriptedProcess {
  let finish: (code: number) => void = () => undefined;
  const exit = new Promise<number>((resolve) => (finish = resolve));
  let controller!: ReadableStreamDefaultController<string>;
  let ended = false;
  const end = (code: number, lastOutput?: string) => {
    if (ended) return;
    ended = true;
    if (lastOutput) controller.enqueue(lastOutput);
    controller.close();
    finish(code);
  };
  const output = new ReadableStream<string>({ start: (c) => void (controller = c) });
  void (async () => {
    for (const chunk of chunks) {
      await new Promise((r) => setTimeout(r, 5));
      if (ended) return;
      controller.enqueue(chunk);
    }
    if (exitCode !== null) end(exitCode);
  })();
  const process: WebContainerProcess = {
    exit,
    output,
    input: new WritableStream<string>(),
    kill: () => {
      if (ended) return;
      onKill?.();
      end(143);
    },
    resize: () => undefined,
  };
  return { process, end };
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

function show(data: string | Uint8Array): string {
  return typeof data === "string" ? data : `bytes:${data.byteLength}`;
}
