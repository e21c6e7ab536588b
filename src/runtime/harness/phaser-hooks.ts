// Harness part: finds and watches the game. Phaser is taken off window when its vendor script has
// run (the game sees it only by importing it); the game attaches at boot (or through
// __playforge.register), which hooks the scene manager, each scene's loader and the texture
// manager to name the game's lines in asset failures and Phaser's warnings, and gives the IDE its
// pause and mute switches. Serialised with toString: self-contained.

import type { HarnessContext, IdeSwitch } from "./context";
import type { SourceLocation } from "./protocol";

/* eslint-disable @typescript-eslint/no-explicit-any */
export function installPhaserHooks(h: HarnessContext): void {
  const { w } = h;

  /**
   * A switch the IDE sets on the live game (pause, mute) without undoing one the game set itself:
   * turning it off only reverts what this harness turned on. `isOn` is undefined until the game has
   * the part (Phaser makes game.sound at boot); apply() runs again at attach and first frame.
   */
  function ideSwitch(isOn: () => boolean | undefined, turn: (on: boolean) => void, wanted = false): IdeSwitch {
    let ours = false;
    const apply = () => {
      const on = isOn();
      if (on === undefined) return;
      if (wanted && !on) {
        turn(true);
        ours = true;
      } else if (!wanted && ours) {
        ours = false;
        turn(false);
      }
    };
    return {
      apply,
      set(on: boolean) {
        wanted = on;
        apply();
      },
    };
  }
  h.pause = ideSwitch(() => (h.game?.pause ? Boolean(h.game.isPaused) : undefined), (on) => (on ? h.game.pause() : h.game.resume()));
  // Playtests are always muted.
  h.mute = ideSwitch(() => (h.game?.sound ? Boolean(h.game.sound.mute) : undefined), (on) => (h.game.sound.mute = on), h.virtual);

  h.attach = (candidate) => {
    if (!candidate || h.game === candidate) return;
    const game = (h.game = candidate);
    hookGameParts(game);
    h.pause.apply();
    h.mute.apply();
    game.events?.on?.("postrender", onPostRender);
    game.events?.on?.("poststep", () => h.frame++);
  };

  function onPostRender(renderer: unknown) {
    if (!renderer) return; // headlessStep's POST_RENDER: nothing was drawn
    if (!h.rendered) {
      h.rendered = true;
      h.mute.apply();
      const now = h.realNow();
      h.post({ type: "ready", firstFrameMs: Math.round(now - h.startedAt), renderedAt: performance.timeOrigin + now });
    }
    h.onRendered();
  }

  w.__playforge = {
    version: 1,
    register(candidate: unknown) {
      h.registered = true;
      h.attach(candidate);
    },
  };

  /** Wraps proto[name] once: `before` sees each call's arguments first. */
  function wrapMethod(proto: any, name: string, before: (self: any, args: any[]) => void) {
    const original = proto?.[name];
    if (typeof original !== "function" || original.__pfWrapped) return;
    const wrapped = function (this: any, ...args: any[]) {
      try {
        before(this, args);
      } catch {
        // The harness never breaks the game it watches.
      }
      return original.apply(this, args);
    };
    (wrapped as any).__pfWrapped = true;
    proto[name] = wrapped;
  }

  // The vendor Phaser script (a classic script) defines window.Phaser; the game must not see it
  // (under Vite it is only an import), so it is taken from window the moment the script has run
  // and handed to the module loader alone. A project that makes Phaser a global itself still can.
  // The page's only external script is that one (the game's modules are evaluated by the loader).
  if (h.config.vendorPhaser) {
    document.addEventListener(
      "load",
      (event) => {
        if (h.phaser || !(event.target instanceof HTMLScriptElement) || !w.Phaser?.Game) return;
        h.phaser = w.Phaser;
        delete w.Phaser;
        wrapMethod(h.phaser.Game.prototype, "boot", (self) => h.attach(self));
      },
      true,
    );
  }
  w.__pfPhaser = () => h.phaser;

  /**
   * Hooks reached from the game itself, so they work whether Phaser came from the vendor script
   * or from the project's own import (WebContainer): the scene manager (scene ops and their
   * callers, and each scene's loader before its preload runs) and the texture manager.
   */
  function hookGameParts(target: any) {
    const scenes = Object.getPrototypeOf(target.scene ?? {});
    wrapMethod(scenes, "bootScene", (_self, [scene]) => hookLoader(Object.getPrototypeOf(scene?.sys?.load ?? {})));
    wrapMethod(scenes, "queueOp", (_self, [, keyA, keyB]) => {
      const at = h.locate(new Error().stack);
      if (!at) return;
      for (const key of [keyA, keyB]) if (typeof key === "string") h.sceneCallers.set(key, at);
    });
    const textures = Object.getPrototypeOf(target.textures ?? {});
    const get = textures?.get;
    if (typeof get === "function" && !get.__pfWrapped) {
      textures.get = function (this: any, key: unknown, ...rest: unknown[]) {
        const texture = get.call(this, key, ...rest);
        if (typeof key === "string" && key !== "__MISSING" && texture?.key === "__MISSING") reportMissingTexture(key);
        return texture;
      };
      textures.get.__pfWrapped = true;
    }
  }

  function reportMissingTexture(key: string) {
    const location = h.locate(new Error().stack);
    // Only a texture the game itself asked for: Phaser probing its own keys is not a bug.
    if (!location) return;
    h.reportWarning(
      `Texture "${key}" not found: the game draws Phaser's missing-texture box instead. Load it in preload() (this.load.image("${key}", ...)) or make it with generateTexture("${key}") before using it.`,
      location,
    );
  }

  // A file the loader could not load is an "asset" error naming the line that asked for it.
  const FILE_ERRORED = 16;
  const assetsReported = new Set<string>();

  function hookLoader(loader: any) {
    wrapMethod(loader, "addFile", (_self, [files]) => {
      const at = h.locate(new Error().stack);
      if (!at) return;
      for (const file of Array.isArray(files) ? files : [files]) if (file && !file.__pfCaller) file.__pfCaller = at;
    });
    wrapMethod(loader, "nextFile", (_self, [file, success]) => {
      if (!success && file) file.__pfFailed = true;
    });
    wrapMethod(loader, "fileProcessComplete", (_self, [file]) => {
      if (file && (file.__pfFailed || file.state === FILE_ERRORED)) reportAsset(file);
    });
  }

  function reportAsset(file: any) {
    const url = String(file.src || file.url || "");
    const what = `${file.type || "file"} "${String(file.key)}"`;
    if (assetsReported.has(`${what} ${url}`)) return;
    assetsReported.add(`${what} ${url}`);
    const path = url.replace(/^\.?\//, "").split(/[?#]/)[0];
    const why = /^(blob|data):/.test(url) || h.publicUrls.has(path)
      ? "the file is in the project but could not be read (is it a valid file of that type?)"
      : /^[a-z][a-z0-9+.-]*:/i.test(url)
        ? "the game page cannot reach other sites: put the file in public/ and load it by its path"
        : `there is no public/${path} in the project (Vite serves public/${path} at /${path})`;
    const location: SourceLocation | undefined = file.__pfCaller;
    const asked = location ? ` (asked for at ${location.file}:${location.line})` : "";
    h.post({ type: "error", error: { kind: "asset", message: `Could not load ${what} from ${url}${asked}: ${why}.`, ...(location ? { location } : {}) } });
  }
}
