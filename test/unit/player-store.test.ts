// The /play player store: what it tells the game's sandbox and when, and what status it shows.
// The game mounts once it has a sandbox; it gets the keyboard unless the person focused something
// else; Sound off is sent at once and again at every first frame; an exit or a failed mount is an error.
import { describe, expect, it } from "vitest";
import { createPlayerStore } from "../../src/state";
import type { ProjectFiles } from "../../src/project";
import type { HarnessCommand } from "../../src/runtime/harness/protocol";
import { SandboxCommandError, type Sandbox } from "../../src/runtime/sandbox";
import { memoryStorage } from "../support/memory-storage";
import { sandboxEvents } from "../support/sandbox-events";

const files: ProjectFiles = { "src/main.ts": "" };
const ready = { firstFrameMs: 100, renderedAt: 0 };

/** A promise the test settles. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** A sandbox whose mounts the test settles; it records mounts, stops and commands and fires events. */
function fakeSandbox() {
  const events = sandboxEvents();
  const commands: HarnessCommand[] = [];
  const mounts: ReturnType<typeof deferred>[] = [];
  const mounted: ProjectFiles[] = [];
  let stops = 0;
  const sandbox: Sandbox = {
    kind: "iframe",
    mount: (files) => {
      mounted.push(files);
      mounts.push(deferred());
      return mounts.at(-1)!.promise;
    },
    updateFile: async () => undefined,
    restart: () => sandbox.mount(mounted.at(-1)!),
    stop: () => void stops++,
    on: events.on,
    command: (async (command: HarnessCommand) => {
      commands.push(command);
      return command.op === "mute" ? { muted: command.muted } : {};
    }) as Sandbox["command"],
  };
  const fire = events.fire;
  const mutes = () => commands.filter((c): c is Extract<HarnessCommand, { op: "mute" }> => c.op === "mute").map((c) => c.muted);
  return { sandbox, fire, mutes, commands, mounts, mounted, stops: () => stops, listening: events.listening };
}

/** The stage the game's iframe goes in, on a page where `focused` has the focus (null: the page body). */
function stage(focused: string | null = null) {
  const body = { id: "body" };
  const iframe = { focus: () => (page.activeElement = iframe) };
  const page: { activeElement: unknown; body: unknown } = { activeElement: focused ?? body, body };
  const host = { ownerDocument: page, querySelector: (selector: string) => (selector === "iframe" ? iframe : null) } as unknown as HTMLElement;
  return { host, focused: () => page.activeElement, iframe };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

async function attachedPlayer({ storage = memoryStorage(), focused = null as string | null } = {}) {
  const fake = fakeSandbox();
  const made = deferred();
  const createSandbox = async () => {
    await made.promise; // as /play waits to learn where the game page gets Phaser
    return fake.sandbox;
  };
  const player = createPlayerStore({ createSandbox, storage });
  const page = stage(focused);
  const detach = player.getState().attach(page.host, files);
  const sandboxMade = async () => {
    made.resolve();
    await settle();
  };
  return { player, detach, page, sandboxMade, ...fake };
}

describe("player: the shared game's run", () => {
  it("mounts the link's files once it has a sandbox, and is loading until the page has loaded, then running", async () => {
    const { player, sandboxMade, mounted, mounts } = await attachedPlayer();
    expect(player.getState().status).toEqual({ state: "loading" });
    expect(mounted).toEqual([]);
    await sandboxMade();
    expect(mounted).toEqual([files]);
    expect(player.getState().status).toEqual({ state: "loading" });
    mounts[0].resolve();
    await settle();
    expect(player.getState().status).toEqual({ state: "running" });
  });

  it("says the game stopped with the exit's message when it freezes or crashes, but not when it is stopped", async () => {
    const { player, sandboxMade, fire, mounts } = await attachedPlayer();
    await sandboxMade();
    mounts[0].resolve();
    await settle();
    fire("exit", { reason: "stopped" });
    expect(player.getState().status).toEqual({ state: "running" });
    fire("exit", { reason: "crashed", message: "The game page crashed" });
    expect(player.getState().status).toEqual({ state: "error", message: "The game page crashed" });
  });

  it("keeps a crash during loading as the status when the page then finishes loading", async () => {
    const { player, sandboxMade, fire, mounts } = await attachedPlayer();
    await sandboxMade();
    fire("exit", { reason: "frozen", message: "src/scenes/Play.ts:12 never returned" });
    mounts[0].resolve();
    await settle();
    expect(player.getState().status).toEqual({ state: "error", message: "src/scenes/Play.ts:12 never returned" });
  });

  it("shows a mount that fails as an error with its message", async () => {
    const { player, sandboxMade, mounts } = await attachedPlayer();
    await sandboxMade();
    mounts[0].reject(new Error("Could not prepare the project: src/main.ts:3 unexpected token"));
    await settle();
    expect(player.getState().status).toEqual({ state: "error", message: "Could not prepare the project: src/main.ts:3 unexpected token" });
  });

  it("restarts the game from the start: loading again, then running; a run the restart replaced is ignored", async () => {
    const { player, sandboxMade, fire, mounts, mounted } = await attachedPlayer();
    await sandboxMade();
    mounts[0].resolve();
    await settle();
    fire("exit", { reason: "crashed", message: "boom" });
    player.getState().restart();
    expect(player.getState().status).toEqual({ state: "loading" });
    player.getState().restart();
    expect(mounted).toEqual([files, files, files]);
    mounts[1].reject(new Error("replaced by the next run"));
    await settle();
    expect(player.getState().status).toEqual({ state: "loading" });
    mounts[2].resolve();
    await settle();
    expect(player.getState().status).toEqual({ state: "running" });
  });

  it("stops the sandbox and stops listening to it on detach, and ignores its late mount", async () => {
    const { player, detach, sandboxMade, mounts, stops, listening } = await attachedPlayer();
    await sandboxMade();
    expect(listening()).toBeGreaterThan(0);
    detach();
    expect(stops()).toBe(1);
    expect(listening()).toBe(0);
    mounts[0].reject(new Error("stopped"));
    await settle();
    expect(player.getState().status).toEqual({ state: "loading" });
  });

  it("stops a sandbox that arrives after the game was detached, without mounting anything in it", async () => {
    const { detach, sandboxMade, mounted, stops } = await attachedPlayer();
    detach();
    await sandboxMade();
    expect(mounted).toEqual([]);
    expect(stops()).toBe(1);
  });

  it("plays the next link in a new sandbox after a detach, with a fresh status", async () => {
    const first = fakeSandbox();
    const second = fakeSandbox();
    const sandboxes = [first.sandbox, second.sandbox];
    const player = createPlayerStore({ createSandbox: async () => sandboxes.shift()!, storage: memoryStorage() });
    const detach = player.getState().attach(stage().host, files);
    await settle();
    first.mounts[0].reject(new Error("the first game broke"));
    await settle();
    expect(player.getState().status.state).toBe("error");
    detach();

    const other: ProjectFiles = { "src/main.ts": "// another game" };
    player.getState().attach(stage().host, other);
    expect(player.getState().status).toEqual({ state: "loading" });
    await settle();
    expect(second.mounted).toEqual([other]);
    first.fire("exit", { reason: "crashed", message: "the old page went away" });
    expect(player.getState().status).toEqual({ state: "loading" });
  });
});

describe("player: the keyboard", () => {
  it("gives the game the keyboard once its page has loaded, when nothing else has the focus", async () => {
    const { page, sandboxMade, mounts } = await attachedPlayer();
    await sandboxMade();
    expect(page.focused()).not.toBe(page.iframe);
    mounts[0].resolve();
    await settle();
    expect(page.focused()).toBe(page.iframe);
  });

  it("leaves the focus on a bar button the person tabbed to while the game loaded", async () => {
    const { page, sandboxMade, mounts } = await attachedPlayer({ focused: "qr-button" });
    await sandboxMade();
    mounts[0].resolve();
    await settle();
    expect(page.focused()).toBe("qr-button");
  });
});

describe("player: Sound off", () => {
  it("mutes the game at once and again at each first frame, and unmutes it", async () => {
    const { player, sandboxMade, fire, mutes, mounts } = await attachedPlayer();
    await sandboxMade();
    mounts[0].resolve();
    await settle();
    fire("ready", ready);
    expect(mutes()).toEqual([]);
    player.getState().setMuted(true);
    expect(player.getState().muted).toBe(true);
    expect(mutes()).toEqual([true]);
    player.getState().restart();
    fire("ready", ready);
    expect(mutes()).toEqual([true, true]);
    player.getState().setMuted(false);
    fire("ready", ready);
    expect(mutes()).toEqual([true, true, false]);
  });

  it("tells a game that is still loading at once too, and again at its first frame", async () => {
    const { player, sandboxMade, fire, mutes } = await attachedPlayer();
    player.getState().setMuted(true); // no sandbox yet: only the first frame can hear it
    expect(mutes()).toEqual([]);
    await sandboxMade();
    player.getState().setMuted(false);
    player.getState().setMuted(true);
    expect(mutes()).toEqual([false, true]);
    fire("ready", ready);
    expect(mutes()).toEqual([false, true, true]);
  });

  it("remembers Sound off across reloads: a new player on the same storage mutes its game's first frame", async () => {
    const storage = memoryStorage();
    const before = await attachedPlayer({ storage });
    expect(before.player.getState().muted).toBe(false);
    before.player.getState().setMuted(true);

    const reloaded = await attachedPlayer({ storage });
    expect(reloaded.player.getState().muted).toBe(true);
    await reloaded.sandboxMade();
    reloaded.fire("ready", ready);
    expect(reloaded.mutes()).toEqual([true]);
  });

  it("still mutes when the browser refuses storage (the choice is just not remembered)", async () => {
    const refusing = { ...memoryStorage(), getItem: () => { throw new Error("SecurityError"); }, setItem: () => { throw new Error("QuotaExceededError"); } } as Storage;
    const { player, sandboxMade, fire, mutes } = await attachedPlayer({ storage: refusing });
    await sandboxMade();
    player.getState().setMuted(true);
    fire("ready", ready);
    expect(mutes()).toEqual([true, true]);
  });
});

describe("player: commands from the touch controls", () => {
  it("says no game is running until there is a sandbox, then passes commands to it", async () => {
    const { player, sandboxMade, commands } = await attachedPlayer();
    await expect(player.getState().command({ op: "introspect" })).rejects.toBeInstanceOf(SandboxCommandError);
    await sandboxMade();
    await player.getState().command({ op: "input", events: [] });
    expect(commands).toEqual([{ op: "input", events: [] }]);
  });
});
