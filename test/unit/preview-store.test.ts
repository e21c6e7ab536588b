// The preview store's hold (a playtest pausing the live game) and mute: what it sends to the
// sandbox and when. A game still booting is held only once it shows its first frame; holds nest;
// a mute lasts across runs; a busy machine is said while the sandbox waits for a late game.
import { describe, expect, it } from "vitest";
import { createConsoleStore, createPreviewStore, createProjectStore } from "../../src/state";
import type { HarnessCommand } from "../../src/runtime/harness/protocol";
import type { Sandbox } from "../../src/runtime/sandbox";
import { memoryStorage } from "../support/memory-storage";
import { sandboxEvents } from "../support/sandbox-events";

/** A sandbox that records commands and lets the test fire its events. */
function fakeSandbox() {
  const events = sandboxEvents();
  const commands: HarnessCommand[] = [];
  const sandbox: Sandbox = {
    kind: "iframe",
    mount: async () => undefined,
    updateFile: async () => undefined,
    restart: async () => undefined,
    stop: () => undefined,
    on: events.on,
    command: (async (command: HarnessCommand) => {
      commands.push(command);
      return command.op === "mute" ? { muted: command.muted } : { paused: command.op === "pause" && command.paused };
    }) as Sandbox["command"],
  };
  const fire = events.fire;
  const pauses = () => commands.filter((c): c is Extract<HarnessCommand, { op: "pause" }> => c.op === "pause").map((c) => c.paused);
  const mutes = () => commands.filter((c): c is Extract<HarnessCommand, { op: "mute" }> => c.op === "mute").map((c) => c.muted);
  return { sandbox, fire, pauses, mutes };
}

async function attachedPreview(storage?: Storage) {
  const fake = fakeSandbox();
  const preview = createPreviewStore({ project: createProjectStore({ "src/main.ts": "" }), console: createConsoleStore(), createSandbox: () => fake.sandbox, storage });
  preview.getState().attach({} as HTMLElement);
  await new Promise((r) => setTimeout(r, 0)); // the first mount resolves
  return { preview, ...fake };
}

const ready = { firstFrameMs: 100, renderedAt: performance.timeOrigin + performance.now() };

describe("preview hold", () => {
  it("pauses a game that shows frames and resumes it on release; holds nest", async () => {
    const { preview, fire, pauses } = await attachedPreview();
    fire("loaded", { registered: true });
    fire("ready", ready);
    const releaseA = preview.getState().hold();
    const releaseB = preview.getState().hold();
    expect(preview.getState().paused).toBe(true);
    expect(pauses()).toEqual([true]);
    releaseA();
    releaseA(); // a second call of the same release changes nothing
    expect(pauses()).toEqual([true]);
    expect(preview.getState().paused).toBe(true);
    releaseB();
    expect(pauses()).toEqual([true, false]);
    expect(preview.getState().paused).toBe(false);
  });

  it("lets a game that is still booting reach its first frame before holding it", async () => {
    const { preview, fire, pauses } = await attachedPreview();
    const release = preview.getState().hold();
    fire("loaded", { registered: true });
    expect(pauses()).toEqual([]);
    fire("ready", ready);
    expect(pauses()).toEqual([true]);
    expect(preview.getState().status).toMatchObject({ state: "ready" });
    release();
    expect(pauses()).toEqual([true, false]);
    // A later run, with nothing holding it, is left alone.
    fire("ready", ready);
    expect(pauses()).toEqual([true, false]);
  });
});

describe("preview mute", () => {
  it("mutes the running game at once and every later run at its first frame, until unmuted", async () => {
    const { preview, fire, mutes } = await attachedPreview();
    fire("ready", ready);
    expect(mutes()).toEqual([]);
    preview.getState().setMuted(true);
    expect(preview.getState().muted).toBe(true);
    expect(mutes()).toEqual([true]);
    fire("ready", ready); // the next run
    expect(mutes()).toEqual([true, true]);
    preview.getState().setMuted(false);
    fire("ready", ready);
    expect(mutes()).toEqual([true, true, false]);
  });

  it("remembers Sound off across reloads: a new preview on the same storage mutes its first run", async () => {
    const storage = memoryStorage();
    const before = await attachedPreview(storage);
    expect(before.preview.getState().muted).toBe(false);
    before.preview.getState().setMuted(true);

    const reloaded = await attachedPreview(storage);
    expect(reloaded.preview.getState().muted).toBe(true);
    reloaded.fire("ready", ready);
    expect(reloaded.mutes()).toEqual([true]);
    reloaded.preview.getState().setMuted(false);
    expect((await attachedPreview(storage)).preview.getState().muted).toBe(false);
  });

  it("still mutes when the browser refuses storage (the choice is just not remembered)", async () => {
    const refusing = { ...memoryStorage(), getItem: () => { throw new Error("SecurityError"); }, setItem: () => { throw new Error("QuotaExceededError"); } } as Storage;
    const { preview, fire, mutes } = await attachedPreview(refusing);
    expect(preview.getState().muted).toBe(false);
    preview.getState().setMuted(true);
    fire("ready", ready);
    expect(mutes()).toEqual([true, true]);
  });
});

describe("preview on a busy machine", () => {
  it("says the machine is busy when the sandbox waits for a late game, until its heartbeat comes back or the run ends", async () => {
    const { preview, fire } = await attachedPreview();
    fire("ready", ready);
    expect(preview.getState().machineBusy).toBe(false);
    fire("busy", { silentMs: 2250 });
    expect(preview.getState().machineBusy).toBe(true);
    fire("heartbeat", { frame: 120, virtualMs: 2000 });
    expect(preview.getState().machineBusy).toBe(false);
    fire("busy", { silentMs: 2250 });
    fire("exit", { reason: "frozen", message: "The game froze" });
    expect(preview.getState().machineBusy).toBe(false);
  });
});
