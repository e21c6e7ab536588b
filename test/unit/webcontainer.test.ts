// The WebContainer runtime's pure parts: the mounted tree, the support check, npm output tails,
// boot errors, the injected preview script and booting once per page (with a scripted boundary).
import { afterEach, describe, expect, it, vi } from "vitest";
import { SandboxBootError } from "../../src/runtime/sandbox";
import { checkWebContainerSupport, WebContainerBootError, type Container, type WebContainerApi } from "../../src/runtime/webcontainer";
import { bootContainer } from "../../src/runtime/webcontainer/boot";
import { OutputTail } from "../../src/runtime/webcontainer/process-output";
import { buildPreviewScript, previewHarnessConfig } from "../../src/runtime/webcontainer/preview-script";
import { parentFolder, toFileSystemTree } from "../../src/runtime/webcontainer/tree";

const ISOLATED = { crossOriginIsolated: true, SharedArrayBuffer, origin: "http://127.0.0.1:5173", isSecureContext: true };

describe("toFileSystemTree", () => {
  it("nests folders and keeps binary files as Uint8Array", () => {
    const png = new Uint8Array([137, 80, 78, 71]);
    const tree = toFileSystemTree({ "package.json": "{}", "src/scenes/Play.ts": "play", "src/main.ts": "main", "public/a.png": png });
    expect(tree["package.json"]).toEqual({ file: { contents: "{}" } });
    expect(tree.src).toEqual({ directory: { scenes: { directory: { "Play.ts": { file: { contents: "play" } } } }, "main.ts": { file: { contents: "main" } } } });
    const stored = (tree.public as { directory: Record<string, { file: { contents: unknown } }> }).directory["a.png"].file.contents;
    expect(stored).toBeInstanceOf(Uint8Array);
    expect(stored).toBe(png);
  });

  it("refuses a path that is both a file and a folder, naming it", () => {
    expect(() => toFileSystemTree({ src: "x", "src/main.ts": "y" })).toThrow(/src\/main\.ts: src is both a file and a folder/);
  });

  it("names the folder a written file needs", () => {
    expect(parentFolder("src/levels/one.ts")).toBe("src/levels");
    expect(parentFolder("index.html")).toBe("");
  });
});

describe("checkWebContainerSupport", () => {
  it("accepts a cross-origin isolated secure page with SharedArrayBuffer", () => {
    expect(checkWebContainerSupport(ISOLATED)).toEqual({ ok: true });
  });

  it("names the missing COOP/COEP headers when the page is not cross-origin isolated", () => {
    const result = checkWebContainerSupport({ ...ISOLATED, crossOriginIsolated: false });
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/Cross-Origin-Opener-Policy: same-origin.*Cross-Origin-Embedder-Policy: require-corp/) });
  });

  it("reports a missing SharedArrayBuffer, a sandboxed frame and an insecure page", () => {
    expect(checkWebContainerSupport({ ...ISOLATED, SharedArrayBuffer: undefined })).toMatchObject({ ok: false, reason: expect.stringContaining("SharedArrayBuffer") });
    expect(checkWebContainerSupport({ ...ISOLATED, origin: "null" })).toMatchObject({ ok: false, reason: expect.stringContaining("sandboxed frame") });
    const sandboxedParent = { hasAttribute: (name: string) => name === "sandbox" };
    expect(checkWebContainerSupport({ ...ISOLATED, frameElement: sandboxedParent })).toMatchObject({ ok: false, reason: expect.stringContaining("sandboxed frame") });
    expect(checkWebContainerSupport({ ...ISOLATED, frameElement: { hasAttribute: () => false } })).toEqual({ ok: true });
    expect(checkWebContainerSupport({ ...ISOLATED, isSecureContext: false })).toMatchObject({ ok: false, reason: expect.stringContaining("secure context") });
  });
});

describe("OutputTail", () => {
  it("keeps the last lines without colour codes, spinner redraws collapsed to the final text", () => {
    const tail = new OutputTail(3);
    tail.push("\u001b[1mnpm\u001b[22m WARN one\r\nline two\n");
    tail.push("⠋\r⠙\rresolving\r\nnpm ERR! code E40");
    tail.push("4\r\nnpm ERR! 404 Not Found\r\n\r\n");
    expect(tail.last()).toEqual(["resolving", "npm ERR! code E404", "npm ERR! 404 Not Found"]);
  });

  it("includes a last line that has no newline yet", () => {
    const tail = new OutputTail();
    tail.push("\u001b]0;npm install\u0007added 1 package\r\nexit without newline");
    expect(tail.last()).toEqual(["added 1 package", "exit without newline"]);
  });
});

describe("WebContainerBootError", () => {
  it("is a SandboxBootError whose message says why, quotes the output and names the fallback", () => {
    const error = new WebContainerBootError("install-failed", "npm install failed with exit code 1.", ["npm ERR! code E404"]);
    expect(error).toBeInstanceOf(SandboxBootError);
    expect(error.name).toBe("WebContainerBootError");
    expect(error.message).toBe(
      "The WebContainer runtime could not start: npm install failed with exit code 1.\nLast lines of the output:\n  npm ERR! code E404\nPlayforge runs the game in the iframe runtime instead; nothing in the project is lost.",
    );
  });
});

describe("buildPreviewScript", () => {
  it("is one valid script running the harness with this session and reporting loaded on load", () => {
    const script = buildPreviewScript(previewHarnessConfig("w123", { playtest: { seed: 7 } }, 1500));
    expect(() => new Function(script)).not.toThrow();
    expect(script).toContain('"session":"w123"');
    expect(script).toContain('"mode":"playtest","seed":7');
    expect(script).toMatch(/addEventListener\("load"[^\n]*__pfLoaded\(\)/);
    expect(script).not.toMatch(/<\/script/i);
  });

  it("escapes a session or config text that could close the script element", () => {
    const script = buildPreviewScript(previewHarnessConfig("</script><b>", {}, 1500));
    expect(script).not.toMatch(/<\/script/i);
    expect(script).toContain("\\u003c/script>");
  });
});

/** A boundary whose boot is settled by the test. */
function scriptedApi() {
  const calls: { resolve: (c: Container) => void; reject: (e: Error) => void }[] = [];
  const api: WebContainerApi = { boot: () => new Promise<Container>((resolve, reject) => calls.push({ resolve, reject })) };
  return { api, calls };
}

function container(): Container & { tornDown: number } {
  const c = {
    tornDown: 0,
    fs: { writeFile: async () => undefined, mkdir: async (p: string) => p, rm: async () => undefined },
    mount: async () => undefined,
    spawn: async () => {
      throw new Error("not used");
    },
    on: () => () => undefined,
    setPreviewScript: async () => undefined,
    teardown: () => void c.tornDown++,
  };
  return c;
}

describe("bootContainer", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("boots once per page and API: a second caller shares the same container", async () => {
    const { api, calls } = scriptedApi();
    const first = bootContainer(api, 1000);
    const second = bootContainer(api, 1000);
    expect(calls).toHaveLength(1);
    const booted = container();
    calls[0].resolve(booted);
    expect((await first).container).toBe(booted);
    expect(await second).toBe(await first);
    expect(calls).toHaveLength(1);
  });

  it("times out a hanging boot, tears the late container down, and boots again next time", async () => {
    const { api, calls } = scriptedApi();
    await expect(bootContainer(api, 20)).rejects.toMatchObject({ failure: "boot-timeout", message: expect.stringContaining("within 20 ms") });
    const late = container();
    calls[0].resolve(late);
    await new Promise((r) => setTimeout(r, 0));
    expect(late.tornDown).toBe(1);
    const retry = bootContainer(api, 1000);
    expect(calls).toHaveLength(2);
    calls[1].resolve(container());
    await expect(retry).resolves.toBeTruthy();
  });

  it("calls a boot that hangs while the browser is offline 'no network'", async () => {
    vi.stubGlobal("navigator", { onLine: false });
    const { api } = scriptedApi();
    await expect(bootContainer(api, 20)).rejects.toMatchObject({ failure: "no-network", message: expect.stringContaining("the browser is offline") });
  });

  it("calls a fetch failure 'no network' and anything else 'boot-failed', quoting the cause", async () => {
    const { api, calls } = scriptedApi();
    const offline = bootContainer(api, 1000);
    calls[0].reject(new TypeError("Failed to fetch"));
    await expect(offline).rejects.toMatchObject({ failure: "no-network", message: expect.stringMatching(/no network: .*Failed to fetch/) });
    const broken = bootContainer(api, 1000);
    calls[1].reject(new Error("Unable to create more instances"));
    await expect(broken).rejects.toMatchObject({ failure: "boot-failed", message: expect.stringContaining("WebContainer.boot failed: Unable to create more instances.") });
  });
});
