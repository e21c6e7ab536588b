// The harness: runs inside the game page before Phaser and the game. It reports console output,
// errors, heartbeats and frames to the IDE, and in playtest mode makes time virtual and random
// seeded so the engine can step the game faster than real time, deterministically.
// `installHarness` is serialised with Function.prototype.toString and injected as a script, so it
// must stay self-contained: no imports at runtime, no references to anything outside its body.

import type {
  FrameMetrics,
  HarnessCommand,
  InputEvent,
  InputTarget,
  Introspection,
  ObjectSummary,
  RunMessage,
  SceneSummary,
  SourceLocation,
} from "./protocol";

export interface HarnessConfig {
  session: string;
  mode: "live" | "playtest";
  seed: number;
  loops: SourceLocation[];
  publicFiles: Record<string, { mime: string; base64: string }>;
  /** Real milliseconds a loop may spin without the page making progress before it is stopped. */
  loopLimitMs: number;
  /** Signs every reply; the harness keeps it out of the page (its script element is removed). */
  replyToken?: string;
  /**
   * The page loads Phaser as a classic script before the game (iframe runtime). Its
   * `window.Phaser` is taken away as soon as it has run and handed only to the module loader, so
   * the game sees Phaser only by importing it, as under Vite.
   */
  vendorPhaser?: boolean;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
export function installHarness(config: HarnessConfig): void {
  const w = window as any;
  const CHANNEL = "playforge";
  const parentWindow = window.parent;
  // The config (session, reply token) stays in this closure only: the game cannot read it from the page.
  document.currentScript?.remove();
  const realNow = performance.now.bind(performance);
  const realSetTimeout = window.setTimeout.bind(window);
  const realSetInterval = window.setInterval.bind(window);
  const realRaf = window.requestAnimationFrame.bind(window);
  const RealDate = Date;
  const startedAt = realNow();
  const virtual = config.mode === "playtest";

  let game: any = null;
  let registered = false;
  let frame = 0;
  let rendered = false;
  let lastProgress = realNow();
  let messagesThisSecond = 0;
  let secondStartedAt = realNow();
  let droppedConsole = 0;
  const reported = new WeakSet<object>();

  const postToParent = parentWindow.postMessage.bind(parentWindow);
  function post(message: Record<string, unknown>) {
    try {
      postToParent({ channel: CHANNEL, v: 1, session: config.session, ...message }, "*");
    } catch {
      // Unclonable payloads are dropped; the IDE counts what it never receives as nothing.
    }
  }

  // ---- source locations ------------------------------------------------------------------
  function locate(stack: string | undefined): SourceLocation | undefined {
    if (!stack) return undefined;
    const m = /playforge:\/\/\/([^\s):]+):(\d+):(\d+)/.exec(stack);
    if (m) return { file: m[1], line: Number(m[2]), column: Number(m[3]) };
    // Pages served by a dev server (WebContainer runtime): http(s)://host/src/x.ts?t=123:line:col.
    const served = /https?:\/\/[^/\s]+\/(src\/[^\s?:)]+\.[jt]sx?)(?:\?[^\s:)]*)?:(\d+):(\d+)/.exec(stack);
    return served ? { file: served[1], line: Number(served[2]), column: Number(served[3]) } : undefined;
  }

  function cleanStack(stack: string | undefined): string | undefined {
    if (!stack) return undefined;
    return stack
      .split("\n")
      .filter((line) => !/vendor\/phaser|<anonymous>|installHarness|__pfRun/.test(line))
      .slice(0, 12)
      .join("\n")
      .replace(/playforge:\/\/\//g, "");
  }

  let lastErrorAt = -Infinity;
  function reportError(kind: string, error: unknown, fallback?: SourceLocation) {
    lastErrorAt = realNow();
    if (error && typeof error === "object") {
      if (reported.has(error)) return;
      reported.add(error);
    }
    const e = error as any;
    const message = e instanceof Error ? `${e.name}: ${e.message}` : typeof e === "string" ? e : safeString(e);
    const stack = e instanceof Error ? e.stack : undefined;
    const location = (e && e.__pfLocation) || locate(stack) || fallback;
    post({ type: "error", error: { kind: e && e.__pfKind ? e.__pfKind : kind, message: message.slice(0, 4000), stack: cleanStack(stack), location } });
  }
  w.__pfReportError = reportError;

  function safeString(value: unknown): string {
    if (typeof value === "string") return value;
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    try {
      const json = JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? String(v) : v));
      return json === undefined ? String(value) : json.length > 2000 ? `${json.slice(0, 2000)}…` : json;
    } catch {
      return Object.prototype.toString.call(value);
    }
  }

  window.addEventListener("error", (event) => {
    if (event.error) reportError("error", event.error);
    else if (event.message) reportError("error", event.message, event.filename ? { file: event.filename.replace("playforge:///", ""), line: event.lineno, column: event.colno } : undefined);
  });
  window.addEventListener("unhandledrejection", (event) => {
    const reason = event.reason;
    if (reason instanceof Error) reportError("unhandledrejection", reason);
    else reportError("unhandledrejection", `Unhandled promise rejection: ${safeString(reason)}`);
  });

  // ---- console -----------------------------------------------------------------------------
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    const original = (console as any)[level].bind(console);
    (console as any)[level] = (...args: unknown[]) => {
      const now = realNow();
      if (now - secondStartedAt > 1000) {
        if (droppedConsole > 0) post({ type: "console", level: "warn", text: `… ${droppedConsole} console messages dropped (more than 200 a second)` });
        secondStartedAt = now;
        messagesThisSecond = 0;
        droppedConsole = 0;
      }
      // Past the limit a message reaches neither the IDE nor the browser's own console: a game
      // logging thousands of lines a frame would otherwise slow itself, and open DevTools, to a crawl.
      if (++messagesThisSecond > 200) {
        droppedConsole++;
        return;
      }
      original(...args);
      if (typeof args[0] === "string" && args[0].startsWith("%cPhaser v")) return;
      const text = consoleText(args).slice(0, 8000);
      const stack = new Error().stack?.split("\n").slice(2).join("\n");
      post({ type: "console", level, text, location: locate(stack) });
      if (level === "warn" || level === "error") reportPhaserWarning(text, stack);
    };
  }

  /** Console arguments as the browser prints them: a leading format string takes %s/%o/%d arguments. */
  function consoleText(args: unknown[]): string {
    const rest = args.slice();
    let first = typeof rest[0] === "string" ? (rest.shift() as string) : null;
    if (first !== null) first = first.replace(/%[sodifcO]/g, (spec) => (spec === "%c" ? (rest.shift(), "") : rest.length ? safeString(rest.shift()) : spec));
    return [...(first !== null ? [first] : []), ...rest.map(safeString)].join(" ");
  }

  // ---- Phaser warnings that mean a bug -------------------------------------------------------
  // Phaser warns instead of throwing when a game names a scene or a texture that does not exist or
  // calls a removed API; the game then shows a black screen or a missing-texture box. Those are
  // errors of kind "warning", located at the game's line (or the line that queued the scene op).
  // Not among them: notices of harmless repeats ("Animation key exists", "Texture key already in use").
  const BUG_WARNING = /not found|missing|No texture|has no (frame|tileset)|No .*data found|zero frames|removed|deprecated|no longer|Invalid|not supported/i;
  const warned = new Set<string>();
  const sceneCallers = new Map<string, SourceLocation>();

  function reportWarning(message: string, location: SourceLocation | undefined) {
    if (warned.has(message) || warned.size >= 50) return;
    warned.add(message);
    post({ type: "error", error: { kind: "warning", message: message.slice(0, 4000), ...(location ? { location } : {}) } });
  }

  function reportPhaserWarning(text: string, stack: string | undefined) {
    const caller = stack?.split("\n").find((line) => /\bat\b|@/.test(line)) ?? "";
    const fromPhaser = /phaser/i.test(caller) && !/playforge:\/\/\/|\/src\//.test(caller);
    if (!fromPhaser || !BUG_WARNING.test(text) || /^Failed to process file/.test(text)) return;
    const sceneKey = /^Scene key not found: (.*)$/.exec(text)?.[1];
    reportWarning(`Phaser: ${text}`, locate(stack) ?? (sceneKey !== undefined ? sceneCallers.get(sceneKey) : undefined));
  }

  // ---- loop guard --------------------------------------------------------------------------
  let guardCalls = 0;
  w.__pfLoop = (id: number) => {
    if ((++guardCalls & 1023) !== 0) return true;
    if (realNow() - lastProgress < config.loopLimitMs) return true;
    lastProgress = realNow();
    const where = config.loops[id];
    const error = new Error(`The game froze: a loop at ${where ? `${where.file}:${where.line}` : "an unknown place"} ran for over ${Math.round(config.loopLimitMs / 1000)} s without finishing. Check its exit condition.`) as any;
    error.name = "InfiniteLoopError";
    error.__pfKind = "loop";
    error.__pfLocation = where;
    reportError("loop", error);
    throw error;
  };
  realSetInterval(() => {
    lastProgress = realNow();
  }, 100);

  // ---- heartbeat ---------------------------------------------------------------------------
  let lastBeat = 0;
  function heartbeat() {
    lastBeat = realNow();
    post({ type: "heartbeat", frame, virtualMs: Math.round(vnow) });
  }
  realSetInterval(heartbeat, 250);

  // ---- virtual time and seeded randomness ----------------------------------------------------
  let vnow = 0;
  const EPOCH = 1_735_689_600_000;
  type Timer = { id: number; due: number; fn: any; args: unknown[]; every: number | null };
  const timers = new Map<number, Timer>();
  const rafQueue = new Map<number, FrameRequestCallback>();
  let nextHandle = 1;

  function guarded(fn: () => void) {
    try {
      fn();
    } catch (error) {
      reportError("error", error);
    }
  }

  if (virtual) {
    let s = config.seed >>> 0 || 1;
    Math.random = () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    performance.now = () => vnow;
    const VirtualDate = function (this: any, ...args: any[]) {
      if (!(this instanceof VirtualDate)) return new RealDate(EPOCH + vnow).toString();
      return args.length === 0 ? new RealDate(EPOCH + vnow) : new (RealDate as any)(...args);
    } as any;
    VirtualDate.prototype = RealDate.prototype;
    VirtualDate.now = () => EPOCH + Math.floor(vnow);
    VirtualDate.parse = RealDate.parse;
    VirtualDate.UTC = RealDate.UTC;
    w.Date = VirtualDate;
    w.requestAnimationFrame = (cb: FrameRequestCallback) => {
      const id = nextHandle++;
      rafQueue.set(id, cb);
      return id;
    };
    w.cancelAnimationFrame = (id: number) => rafQueue.delete(id);
    w.setTimeout = (fn: any, ms?: number, ...args: unknown[]) => {
      const id = nextHandle++;
      timers.set(id, { id, due: vnow + Math.max(0, Number(ms) || 0), fn, args, every: null });
      return id;
    };
    w.setInterval = (fn: any, ms?: number, ...args: unknown[]) => {
      const id = nextHandle++;
      const every = Math.max(1, Number(ms) || 0);
      timers.set(id, { id, due: vnow + every, fn, args, every });
      return id;
    };
    w.clearTimeout = w.clearInterval = (id: number) => timers.delete(id);
  } else {
    w.requestAnimationFrame = (cb: FrameRequestCallback) => realRaf((t) => guarded(() => cb(t)));
  }
  // Phaser focuses its window at boot (autoFocus); in the IDE that would pull the keyboard out of
  // the editor or the chat on every re-run, and on every boot of a hidden playtest page. Focus is
  // taken only after the person clicks or types in the game (a playtest's input is synthetic).
  const realFocus = window.focus.bind(window);
  let engaged = false;
  const engage = (event: Event) => {
    if (event.isTrusted) engaged = true;
  };
  window.addEventListener("pointerdown", engage, true);
  window.addEventListener("keydown", engage, true);
  w.focus = () => {
    if (engaged) realFocus();
  };

  function runDueTimers() {
    for (let guard = 0; guard < 10_000; guard++) {
      let next: Timer | null = null;
      for (const t of timers.values()) if (t.due <= vnow && (!next || t.due < next.due || (t.due === next.due && t.id < next.id))) next = t;
      if (!next) return;
      if (next.every === null) timers.delete(next.id);
      else next.due += next.every;
      const t = next;
      guarded(() => (typeof t.fn === "function" ? t.fn(...t.args) : undefined));
    }
  }

  // Playtests render only the frame a snapshot reads; the others run Phaser's headlessStep (same
  // update events, no GL work), which is what makes them many times faster than real time.
  let renderThisFrame = true;
  let wrappedCallback: unknown = null;
  function wrapLoopCallback() {
    const loop = game?.loop;
    if (!loop || typeof loop.callback !== "function" || loop.callback === wrappedCallback) return;
    const full = loop.callback;
    wrappedCallback = loop.callback = (time: number, delta: number) => {
      if (renderThisFrame) return full(time, delta);
      game.headlessStep(time, delta);
      moveCameras();
    };
  }

  /** Cameras follow their targets (and lerp) in preRender: run it for the frames not drawn, as drawing would. */
  function moveCameras() {
    const scenes = phaser?.Scenes ?? {};
    const from = scenes.LOADING ?? 3;
    const until = scenes.SLEEPING ?? 7;
    for (const scene of game?.scene?.scenes ?? []) {
      const settings = scene?.sys?.settings;
      if (!settings?.visible || settings.status < from || settings.status >= until) continue;
      for (const camera of scene.sys.cameras?.cameras ?? []) if (camera.visible && camera.alpha > 0) camera.preRender?.();
    }
  }

  function stepOneFrame() {
    wrapLoopCallback();
    lastProgress = realNow();
    vnow += 1000 / 60;
    runDueTimers();
    const callbacks = [...rafQueue.values()];
    rafQueue.clear();
    for (const cb of callbacks) guarded(() => cb(vnow));
    if (realNow() - lastBeat > 250) heartbeat();
  }

  /** Files the scenes' loaders are fetching or decoding right now. */
  function loadsInFlight(): number {
    let n = 0;
    for (const scene of game?.scene?.scenes ?? []) {
      const load = scene?.sys?.load;
      n += (load?.inflight?.size ?? 0) + (load?.queue?.size ?? 0);
    }
    return n;
  }

  async function settleLoads(): Promise<void> {
    const deadline = realNow() + 10000;
    while (loadsInFlight() > 0 && realNow() < deadline) {
      lastProgress = realNow();
      await new Promise((r) => realSetTimeout(r, 4));
    }
  }

  async function waitForGameLoop(): Promise<void> {
    const deadline = realNow() + 4000;
    while (rafQueue.size === 0 && realNow() < deadline) {
      if (!game && realNow() - startedAt > 1500) return;
      // A boot that threw (create() failed) will not start the loop; don't wait the full deadline.
      if (realNow() - lastErrorAt > 300 && lastErrorAt > startedAt) return;
      await new Promise((r) => realSetTimeout(r, 10));
    }
  }

  // ---- Phaser hooks: auto-register, first frame, capture ------------------------------------
  let captureRequest: ((canvas: HTMLCanvasElement) => void) | null = null;
  let lastCapture: HTMLCanvasElement | null = null;
  let capturePending = false;

  /**
   * A switch the IDE sets on the live game (pause, mute) without undoing one the game set itself:
   * turning it off only reverts what this harness turned on. `isOn` is undefined until the game has
   * the part (Phaser makes game.sound at boot); apply() runs again at attach and first frame.
   */
  function ideSwitch(isOn: () => boolean | undefined, turn: (on: boolean) => void, wanted = false) {
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
  const pause = ideSwitch(() => (game?.pause ? Boolean(game.isPaused) : undefined), (on) => (on ? game.pause() : game.resume()));
  // Playtests are always muted.
  const mute = ideSwitch(() => (game?.sound ? Boolean(game.sound.mute) : undefined), (on) => (game.sound.mute = on), virtual);

  function attach(candidate: any) {
    if (!candidate || game === candidate) return;
    game = candidate;
    hookGameParts(game);
    pause.apply();
    mute.apply();
    game.events?.on?.("postrender", onPostRender);
    game.events?.on?.("poststep", () => frame++);
  }

  function onPostRender(renderer: unknown) {
    if (!renderer) return; // headlessStep's POST_RENDER: nothing was drawn
    if (!rendered) {
      rendered = true;
      mute.apply();
      const now = realNow();
      post({ type: "ready", firstFrameMs: Math.round(now - startedAt), renderedAt: performance.timeOrigin + now });
    }
    if (capturePending || captureRequest) copyCanvas();
  }

  function copyCanvas() {
    const canvas: HTMLCanvasElement | undefined = game?.canvas;
    if (!canvas) return;
    const copy = document.createElement("canvas");
    copy.width = canvas.width;
    copy.height = canvas.height;
    // Read back once here, then kept in memory: the snapshot reads every pixel for its cells.
    copy.getContext("2d", { willReadFrequently: true })!.drawImage(canvas, 0, 0);
    lastCapture = copy;
    capturePending = false;
    if (captureRequest) {
      const done = captureRequest;
      captureRequest = null;
      done(copy);
    }
  }

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
  let phaser: any = null;
  if (config.vendorPhaser) {
    document.addEventListener(
      "load",
      (event) => {
        if (phaser || !(event.target instanceof HTMLScriptElement) || !w.Phaser?.Game) return;
        phaser = w.Phaser;
        delete w.Phaser;
        wrapMethod(phaser.Game.prototype, "boot", (self) => attach(self));
      },
      true,
    );
  }
  w.__pfPhaser = () => phaser;

  /**
   * Hooks reached from the game itself, so they work whether Phaser came from the vendor script
   * or from the project's own import (WebContainer): the scene manager (scene ops and their
   * callers, and each scene's loader before its preload runs) and the texture manager.
   */
  function hookGameParts(target: any) {
    const scenes = Object.getPrototypeOf(target.scene ?? {});
    wrapMethod(scenes, "bootScene", (_self, [scene]) => hookLoader(Object.getPrototypeOf(scene?.sys?.load ?? {})));
    wrapMethod(scenes, "queueOp", (_self, [, keyA, keyB]) => {
      const at = locate(new Error().stack);
      if (!at) return;
      for (const key of [keyA, keyB]) if (typeof key === "string") sceneCallers.set(key, at);
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
    const location = locate(new Error().stack);
    // Only a texture the game itself asked for: Phaser probing its own keys is not a bug.
    if (!location) return;
    reportWarning(
      `Texture "${key}" not found: the game draws Phaser's missing-texture box instead. Load it in preload() (this.load.image("${key}", ...)) or make it with generateTexture("${key}") before using it.`,
      location,
    );
  }

  // ---- assets: a file the loader could not load, named with the line that asked for it --------
  const FILE_ERRORED = 16;
  const assetsReported = new Set<string>();

  function hookLoader(loader: any) {
    wrapMethod(loader, "addFile", (_self, [files]) => {
      const at = locate(new Error().stack);
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
    const why = /^(blob|data):/.test(url) || publicUrls.has(path)
      ? "the file is in the project but could not be read (is it a valid file of that type?)"
      : /^[a-z][a-z0-9+.-]*:/i.test(url)
        ? "the game page cannot reach other sites: put the file in public/ and load it by its path"
        : `there is no public/${path} in the project (Vite serves public/${path} at /${path})`;
    const location: SourceLocation | undefined = file.__pfCaller;
    const asked = location ? ` (asked for at ${location.file}:${location.line})` : "";
    post({ type: "error", error: { kind: "asset", message: `Could not load ${what} from ${url}${asked}: ${why}.`, ...(location ? { location } : {}) } });
  }

  w.__playforge = {
    version: 1,
    register(candidate: unknown) {
      registered = true;
      attach(candidate);
    },
  };

  // ---- public/ files served at "/" --------------------------------------------------------
  const publicUrls = new Map<string, string>();
  function servePublicFiles(files: HarnessConfig["publicFiles"]) {
    for (const [path, file] of Object.entries(files)) {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
      publicUrls.set(path, url);
      publicUrls.set(path.slice(1), url);
    }
  }
  function mapUrl(url: unknown): unknown {
    if (typeof url !== "string" || publicUrls.size === 0) return url;
    return publicUrls.get(url.replace(/^\.\//, "").split("?")[0]) ?? url;
  }
  servePublicFiles(config.publicFiles);
  {
    const open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: any[]) {
      return (open as any).call(this, method, mapUrl(String(url)), ...rest);
    } as any;
    const realFetch = window.fetch.bind(window);
    w.fetch = (input: any, init?: RequestInit) => realFetch(mapUrl(input) as any, init);
    const src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, "src")!;
    Object.defineProperty(HTMLImageElement.prototype, "src", {
      configurable: true,
      get() {
        return src.get!.call(this);
      },
      set(value) {
        src.set!.call(this, mapUrl(value));
      },
    });
  }

  // ---- frames and metrics ------------------------------------------------------------------
  let previousPixels: Uint8ClampedArray | null = null;

  function metricsOf(pixels: Uint8ClampedArray): FrameMetrics {
    const counts = new Map<number, number>();
    const n = pixels.length / 4;
    let hash = 0x811c9dc5;
    for (let i = 0; i < pixels.length; i += 4) {
      const key = ((pixels[i] >> 4) << 8) | ((pixels[i + 1] >> 4) << 4) | (pixels[i + 2] >> 4);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      for (let c = 0; c < 3; c++) hash = Math.imul(hash ^ pixels[i + c], 0x01000193) >>> 0;
    }
    let background = 0;
    for (const count of counts.values()) background = Math.max(background, count);
    let changed = 0;
    if (previousPixels && previousPixels.length === pixels.length) {
      for (let i = 0; i < pixels.length; i += 4) {
        const d = Math.abs(pixels[i] - previousPixels[i]) + Math.abs(pixels[i + 1] - previousPixels[i + 1]) + Math.abs(pixels[i + 2] - previousPixels[i + 2]);
        if (d > 24) changed++;
      }
    }
    previousPixels = pixels;
    return { nonBackground: n ? 1 - background / n : 0, colours: counts.size, diff: n ? changed / n : 0, hash: hash.toString(16).padStart(8, "0") };
  }

  /**
   * Region signature at full resolution: one FNV-1a hash of the RGBA words of each of the
   * CELL_COLUMNS × CELL_ROWS cells (protocol.ts), 8 hex digits each, row by row. One read of the
   * whole frame and one multiply per pixel, so a 12-px sprite on 1280×720 still changes its cell.
   */
  function cellsOf(source: HTMLCanvasElement): string {
    const COLUMNS = 32;
    const ROWS = 18;
    const hashes = new Uint32Array(COLUMNS * ROWS).fill(0x811c9dc5);
    const { width, height } = source;
    if (width > 0 && height > 0) {
      const data = source.getContext("2d", { willReadFrequently: true })!.getImageData(0, 0, width, height).data;
      const words = new Uint32Array(data.buffer, data.byteOffset, width * height);
      const edges = Array.from({ length: COLUMNS + 1 }, (_, c) => Math.ceil((c * width) / COLUMNS));
      for (let y = 0; y < height; y++) {
        const row = Math.min(ROWS - 1, Math.floor((y * ROWS) / height)) * COLUMNS;
        const start = y * width;
        for (let c = 0; c < COLUMNS; c++) {
          let hash = hashes[row + c];
          for (let i = start + edges[c], end = start + edges[c + 1]; i < end; i++) hash = Math.imul(hash ^ words[i], 0x01000193);
          hashes[row + c] = hash;
        }
      }
    }
    let out = "";
    for (const hash of hashes) out += hash.toString(16).padStart(8, "0");
    return out;
  }

  function snapshotFrom(source: HTMLCanvasElement, thumbWidth: number) {
    const width = Math.max(16, Math.min(640, Math.round(thumbWidth)));
    const height = Math.max(1, Math.round((source.height / Math.max(1, source.width)) * width));
    const thumb = document.createElement("canvas");
    thumb.width = width;
    thumb.height = height;
    const ctx = thumb.getContext("2d", { willReadFrequently: true })!;
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(source, 0, 0, width, height);
    const pixels = ctx.getImageData(0, 0, width, height).data;
    const metrics = { ...metricsOf(pixels), cells: cellsOf(source) };
    return { frame, virtualMs: Math.round(vnow), width: source.width, height: source.height, thumbnail: thumb.toDataURL("image/png"), metrics };
  }

  function blankSnapshot(thumbWidth: number) {
    const c = document.createElement("canvas");
    c.width = 800;
    c.height = 600;
    return snapshotFrom(c, thumbWidth);
  }

  async function snapshot(thumbWidth: number) {
    if (!game?.canvas) return blankSnapshot(thumbWidth);
    if (virtual) {
      if (!lastCapture) return blankSnapshot(thumbWidth);
      return snapshotFrom(lastCapture, thumbWidth);
    }
    const copy = await new Promise<HTMLCanvasElement | null>((resolve) => {
      captureRequest = resolve;
      realSetTimeout(() => {
        if (captureRequest === resolve) {
          captureRequest = null;
          resolve(null);
        }
      }, 1000);
    });
    return copy ? snapshotFrom(copy, thumbWidth) : blankSnapshot(thumbWidth);
  }

  // ---- input, the way browsers deliver it ----------------------------------------------------
  // Keys go to the focused element and bubble to document and window; the pointer sends
  // PointerEvent then the matching MouseEvent (then click) at the element under it, touch sends
  // pointer and touch events; every event carries a timeStamp on the game's clock (virtual in a
  // playtest), so Phaser's key.getDuration() and drag thresholds measure what the playtest held.
  const KEYS: Record<string, [key: string, code: string, keyCode: number]> = {
    ArrowLeft: ["ArrowLeft", "ArrowLeft", 37], ArrowUp: ["ArrowUp", "ArrowUp", 38], ArrowRight: ["ArrowRight", "ArrowRight", 39], ArrowDown: ["ArrowDown", "ArrowDown", 40],
    Space: [" ", "Space", 32], Enter: ["Enter", "Enter", 13], Escape: ["Escape", "Escape", 27], Tab: ["Tab", "Tab", 9], Backspace: ["Backspace", "Backspace", 8],
    Shift: ["Shift", "ShiftLeft", 16], Control: ["Control", "ControlLeft", 17], Alt: ["Alt", "AltLeft", 18], Meta: ["Meta", "MetaLeft", 91],
    Delete: ["Delete", "Delete", 46], Insert: ["Insert", "Insert", 45], Home: ["Home", "Home", 36], End: ["End", "End", 35], PageUp: ["PageUp", "PageUp", 33], PageDown: ["PageDown", "PageDown", 34],
    Comma: [",", "Comma", 188], Period: [".", "Period", 190], Slash: ["/", "Slash", 191], Semicolon: [";", "Semicolon", 186], Quote: ["'", "Quote", 222],
    BracketLeft: ["[", "BracketLeft", 219], BracketRight: ["]", "BracketRight", 221], Backslash: ["\\", "Backslash", 220], Minus: ["-", "Minus", 189], Equal: ["=", "Equal", 187], Backquote: ["`", "Backquote", 192],
  };
  /** DOM key values, codes and Phaser key names for the keys above. */
  const KEY_ALIASES: Record<string, string> = {
    " ": "Space", Spacebar: "Space", SPACE: "Space", ENTER: "Enter", Return: "Enter", Esc: "Escape", ESC: "Escape", ESCAPE: "Escape", TAB: "Tab", BACKSPACE: "Backspace",
    LEFT: "ArrowLeft", RIGHT: "ArrowRight", UP: "ArrowUp", DOWN: "ArrowDown", Left: "ArrowLeft", Right: "ArrowRight", Up: "ArrowUp", Down: "ArrowDown",
    SHIFT: "Shift", ShiftLeft: "Shift", ShiftRight: "Shift", CTRL: "Control", Ctrl: "Control", ControlLeft: "Control", ControlRight: "Control", ALT: "Alt", AltLeft: "Alt", AltRight: "Alt",
    DELETE: "Delete", INSERT: "Insert", HOME: "Home", END: "End", PAGE_UP: "PageUp", PAGE_DOWN: "PageDown",
    ",": "Comma", COMMA: "Comma", ".": "Period", PERIOD: "Period", "/": "Slash", FORWARD_SLASH: "Slash", ";": "Semicolon", SEMICOLON: "Semicolon", "'": "Quote", QUOTES: "Quote",
    "[": "BracketLeft", OPEN_BRACKET: "BracketLeft", "]": "BracketRight", CLOSED_BRACKET: "BracketRight", "\\": "Backslash", BACK_SLASH: "Backslash", "-": "Minus", MINUS: "Minus", "=": "Equal", PLUS: "Equal", "`": "Backquote", BACKTICK: "Backquote",
  };
  const DIGIT_NAMES = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"];
  /** Codes of the keys held down now (modifiers set shiftKey & co. on later events). */
  const held = new Set<string>();

  /** [key, code, keyCode] of a key named by its DOM key value, code, Phaser name or keyCode. */
  function keyInfo(name: string): [string, string, number] {
    const known = KEYS[name] ?? KEYS[KEY_ALIASES[name]];
    if (known) return known;
    const letter = /^(?:Key)?([a-z])$/i.exec(name)?.[1];
    if (letter) return [held.has("ShiftLeft") ? letter.toUpperCase() : letter.toLowerCase(), `Key${letter.toUpperCase()}`, letter.toUpperCase().charCodeAt(0)];
    const digit = /^(?:Digit)?([0-9])$/.exec(name)?.[1] ?? (DIGIT_NAMES.includes(name) ? String(DIGIT_NAMES.indexOf(name)) : undefined);
    if (digit) return [digit, `Digit${digit}`, digit.charCodeAt(0)];
    const f = /^F([1-9]|1[0-2])$/.exec(name)?.[1];
    if (f) return [name, name, 111 + Number(f)];
    if (/^\d{2,3}$/.test(name)) {
      const keyCode = Number(name);
      const byCode = Object.values(KEYS).find((k) => k[2] === keyCode);
      if (byCode) return byCode;
      if ((keyCode >= 65 && keyCode <= 90) || (keyCode >= 48 && keyCode <= 57)) return keyInfo(String.fromCharCode(keyCode));
    }
    return [name, name, 0];
  }

  /** The game's clock: what Phaser's loop time is compared with. */
  const eventTime = () => (virtual ? vnow : realNow());

  function stamped<E extends Event>(event: E, extra: Record<string, number> = {}): E {
    const time = eventTime();
    Object.defineProperty(event, "timeStamp", { configurable: true, get: () => time });
    for (const [name, value] of Object.entries(extra)) Object.defineProperty(event, name, { configurable: true, get: () => value });
    return event;
  }

  function modifierState() {
    return { shiftKey: held.has("ShiftLeft"), ctrlKey: held.has("ControlLeft"), altKey: held.has("AltLeft"), metaKey: held.has("MetaLeft") };
  }

  function dispatchKey(action: "down" | "up", name: string) {
    const [key, code, keyCode] = keyInfo(name);
    const repeat = action === "down" && held.has(code);
    if (action === "down") held.add(code);
    else held.delete(code);
    const focused = document.activeElement;
    const target = focused && focused !== document.documentElement ? focused : document.body ?? document.documentElement;
    const init = { key, code, repeat, bubbles: true, cancelable: true, composed: true, view: window, location: /Left$/.test(code) ? 1 : 0, ...modifierState() };
    const down = stamped(new KeyboardEvent(action === "down" ? "keydown" : "keyup", init), { keyCode, which: keyCode, charCode: 0 });
    target.dispatchEvent(down);
    // A printable key (or Enter) also sends keypress, unless the keydown was cancelled.
    if (action === "down" && !down.defaultPrevented && (key.length === 1 || key === "Enter")) {
      const charCode = key === "Enter" ? 13 : key.charCodeAt(0);
      target.dispatchEvent(stamped(new KeyboardEvent("keypress", init), { keyCode: charCode, which: charCode, charCode }));
    }
  }

  function clientPoint(x: number, y: number) {
    const canvas: HTMLCanvasElement = game.canvas;
    const rect = canvas.getBoundingClientRect();
    const gw = game.scale?.width || canvas.width;
    const gh = game.scale?.height || canvas.height;
    return { canvas, clientX: rect.left + (x / gw) * rect.width, clientY: rect.top + (y / gh) * rect.height };
  }

  /** The inverse of clientPoint: page coordinates to game (canvas) coordinates. */
  function canvasPoint(clientX: number, clientY: number) {
    const canvas: HTMLCanvasElement | undefined = game?.canvas;
    if (!canvas) return { x: clientX, y: clientY, scaleX: 1, scaleY: 1 };
    const rect = canvas.getBoundingClientRect();
    const scaleX = (game.scale?.width || canvas.width) / Math.max(1, rect.width);
    const scaleY = (game.scale?.height || canvas.height) / Math.max(1, rect.height);
    return { x: (clientX - rect.left) * scaleX, y: (clientY - rect.top) * scaleY, scaleX, scaleY };
  }

  const pointerState = { over: null as Element | null, pressed: null as Element | null, buttons: 0, mouseSuppressed: false, touched: null as Element | null };

  function fire(target: EventTarget, type: string, Kind: typeof MouseEvent, init: Record<string, unknown>) {
    const event = stamped(new Kind(type, init as MouseEventInit));
    target.dispatchEvent(event);
    return event;
  }

  /** pointerover/enter and mouseover/enter on the element the pointer moved onto (out/leave on the last one). */
  function hover(target: Element, init: Record<string, unknown>, pointerInit: Record<string, unknown>) {
    const previous = pointerState.over;
    if (previous === target) return;
    pointerState.over = target;
    if (previous?.isConnected) {
      fire(previous, "pointerout", PointerEvent, { ...pointerInit, relatedTarget: target });
      fire(previous, "pointerleave", PointerEvent, { ...pointerInit, bubbles: false, relatedTarget: target });
      fire(previous, "mouseout", MouseEvent, { ...init, relatedTarget: target });
      fire(previous, "mouseleave", MouseEvent, { ...init, bubbles: false, relatedTarget: target });
    }
    fire(target, "pointerover", PointerEvent, { ...pointerInit, relatedTarget: previous });
    fire(target, "pointerenter", PointerEvent, { ...pointerInit, bubbles: false, relatedTarget: previous });
    fire(target, "mouseover", MouseEvent, { ...init, relatedTarget: previous });
    fire(target, "mouseenter", MouseEvent, { ...init, bubbles: false, relatedTarget: previous });
  }

  function commonAncestor(a: Element, b: Element): Element {
    let node: Element | null = a;
    while (node && !node.contains(b)) node = node.parentElement;
    return node ?? b;
  }

  function mouseInit(clientX: number, clientY: number, button: number, buttons: number) {
    return { clientX, clientY, screenX: clientX, screenY: clientY, button, buttons, bubbles: true, cancelable: true, composed: true, view: window, ...modifierState() };
  }

  /** A mouse: pointer events, then the compatibility mouse events (unless pointerdown was cancelled), then click. */
  function dispatchPointer(action: "move" | "down" | "up", x: number, y: number) {
    const { canvas, clientX, clientY } = clientPoint(x, y);
    const target = document.elementFromPoint(clientX, clientY) ?? canvas;
    const buttons = action === "down" ? 1 : action === "up" ? 0 : pointerState.buttons;
    const init = mouseInit(clientX, clientY, 0, buttons);
    const pointerInit = { ...init, button: action === "move" ? -1 : 0, pointerId: 1, pointerType: "mouse", isPrimary: true, width: 1, height: 1, pressure: buttons ? 0.5 : 0 };
    hover(target, init, pointerInit);
    const pointer = fire(target, `pointer${action}`, PointerEvent, pointerInit);
    if (action === "down") pointerState.mouseSuppressed = pointer.defaultPrevented;
    if (!pointerState.mouseSuppressed) fire(target, `mouse${action}`, MouseEvent, init);
    pointerState.buttons = buttons;
    if (action === "down") pointerState.pressed = target;
    if (action === "up") {
      pointerState.mouseSuppressed = false;
      const pressed = pointerState.pressed;
      pointerState.pressed = null;
      if (pressed?.isConnected) fire(commonAncestor(pressed, target), "click", PointerEvent, { ...pointerInit, button: 0, buttons: 0, pressure: 0 });
    }
  }

  /** A finger: pointer events (pointerType "touch"), touch events at the element it started on, then compatibility mouse events unless a touch handler cancelled them. */
  function dispatchTouch(action: "start" | "move" | "end", x: number, y: number): boolean {
    if (typeof Touch === "undefined" || typeof TouchEvent === "undefined") return false;
    const { canvas, clientX, clientY } = clientPoint(x, y);
    const under = document.elementFromPoint(clientX, clientY) ?? canvas;
    if (action === "start") pointerState.touched = under;
    const target = pointerState.touched ?? under;
    const pressed = action !== "end";
    const init = mouseInit(clientX, clientY, 0, pressed ? 1 : 0);
    const pointerInit = { ...init, button: action === "move" ? -1 : 0, pointerId: 2, pointerType: "touch", isPrimary: true, width: 20, height: 20, pressure: pressed ? 0.5 : 0 };
    const pointerType = action === "start" ? "pointerdown" : action === "move" ? "pointermove" : "pointerup";
    if (action === "start") {
      fire(target, "pointerover", PointerEvent, pointerInit);
      fire(target, "pointerenter", PointerEvent, { ...pointerInit, bubbles: false });
    }
    fire(target, pointerType, PointerEvent, pointerInit);
    if (action === "end") {
      fire(target, "pointerout", PointerEvent, pointerInit);
      fire(target, "pointerleave", PointerEvent, { ...pointerInit, bubbles: false });
    }
    const touch = new Touch({ identifier: 1, target, clientX, clientY, screenX: clientX, screenY: clientY, pageX: clientX, pageY: clientY, radiusX: 10, radiusY: 10, force: pressed ? 0.5 : 0 });
    const touches = pressed ? [touch] : [];
    const touchEvent = stamped(new TouchEvent(`touch${action}`, { touches, targetTouches: touches, changedTouches: [touch], bubbles: true, cancelable: true, composed: true, view: window }));
    target.dispatchEvent(touchEvent);
    if (action === "start") pointerState.mouseSuppressed = touchEvent.defaultPrevented;
    if (action === "end") {
      pointerState.touched = null;
      if (!pointerState.mouseSuppressed && !touchEvent.defaultPrevented) {
        fire(under, "mousemove", MouseEvent, mouseInit(clientX, clientY, 0, 0));
        fire(under, "mousedown", MouseEvent, mouseInit(clientX, clientY, 0, 1));
        fire(under, "mouseup", MouseEvent, mouseInit(clientX, clientY, 0, 0));
        fire(under, "click", PointerEvent, { ...pointerInit, button: 0, buttons: 0 });
      }
      pointerState.mouseSuppressed = false;
    }
    return true;
  }

  function dispatchInput(event: InputEvent): boolean {
    if (event.kind === "key") {
      dispatchKey(event.action, event.key);
      return true;
    }
    if (!game?.canvas) return false;
    if (event.kind === "pointer") {
      dispatchPointer(event.action, event.x, event.y);
      return true;
    }
    return dispatchTouch(event.action, event.x, event.y);
  }

  // ---- introspection -----------------------------------------------------------------------
  const MAIN_TYPES = new Set(["Sprite", "Image", "Rectangle", "Arc", "Ellipse", "Triangle", "Polygon", "Star", "Text", "BitmapText"]);
  const RUNNING = 5;
  const PAUSED = 6;
  const round2 = (n: unknown) => Math.round((Number(n) || 0) * 100) / 100;

  function summarise(obj: any): ObjectSummary {
    const width = Number(obj.displayWidth);
    const height = Number(obj.displayHeight);
    const velocity = obj.body?.velocity;
    return {
      type: String(obj.type ?? obj.constructor?.name ?? "Object").slice(0, 100),
      ...(obj.name ? { name: String(obj.name).slice(0, 200) } : {}),
      x: Math.round(Number(obj.x) || 0),
      y: Math.round(Number(obj.y) || 0),
      ...(Number.isFinite(width) && Number.isFinite(height) ? { width: Math.round(width), height: Math.round(height) } : {}),
      ...(velocity ? { vx: round2(velocity.x), vy: round2(velocity.y) } : {}),
      texture: obj.texture?.key && obj.texture.key !== "__DEFAULT" ? String(obj.texture.key).slice(0, 200) : undefined,
      text: typeof obj.text === "string" ? obj.text.slice(0, 60) : undefined,
      hasBody: !!obj.body,
      visible: obj.visible !== false,
    };
  }

  /** Visible bodies, sprites, images, shapes and texts, bodies and named objects first (at most 24). */
  function mainObjects(list: any[]): ObjectSummary[] {
    const candidates = list.filter((o) => o.visible !== false && (o.body || MAIN_TYPES.has(o.type)));
    const first = candidates.filter((o) => o.body || o.name);
    const rest = candidates.filter((o) => !(o.body || o.name));
    return [...first, ...rest].slice(0, 24).map(summarise);
  }

  /** Game (world) point → screen point through the camera (scroll × scroll factor, zoom, rotation). */
  function toScreen(camera: any, obj: any, wx: number, wy: number) {
    const m = camera?.matrixCombined?.matrix;
    if (!m) return { x: wx, y: wy };
    const x = wx + (Number(camera.scrollX) || 0) * (1 - (obj.scrollFactorX ?? 1));
    const y = wy + (Number(camera.scrollY) || 0) * (1 - (obj.scrollFactorY ?? 1));
    return { x: m[0] * x + m[2] * y + m[4], y: m[1] * x + m[3] * y + m[5] };
  }

  /** The object's hit area in its own (unscaled, top-left origin) space: [x, y, width, height]. */
  function localHitArea(obj: any): [number, number, number, number] | null {
    const area = obj.input?.hitArea;
    const w = Number(obj.width) || Number(obj.displayWidth) || 0;
    const h = Number(obj.height) || Number(obj.displayHeight) || 0;
    if (!area) return w && h ? [0, 0, w, h] : null;
    if (area.type === 0) return [area.x - area.radius, area.y - area.radius, area.radius * 2, area.radius * 2];
    if (area.type === 1) return [area.x - area.width / 2, area.y - area.height / 2, area.width, area.height];
    const points: { x: number; y: number }[] = Array.isArray(area.points) ? area.points : area.type === 6 ? [{ x: area.x1, y: area.y1 }, { x: area.x2, y: area.y2 }, { x: area.x3, y: area.y3 }] : [];
    if (points.length) {
      const xs = points.map((p) => Number(p.x));
      const ys = points.map((p) => Number(p.y));
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)];
    }
    return [Number(area.x) || 0, Number(area.y) || 0, Number(area.width) || w, Number(area.height) || h];
  }

  /** Screen bounds of a local rectangle of obj (its world transform, containers included, then the camera). */
  function screenBounds(obj: any, camera: any, [lx, ly, lw, lh]: [number, number, number, number]) {
    const matrix = obj.getWorldTransformMatrix?.() ?? obj.getLocalTransformMatrix?.();
    const ox = Number(obj.displayOriginX) || 0;
    const oy = Number(obj.displayOriginY) || 0;
    const corners = [
      [lx, ly], [lx + lw, ly], [lx, ly + lh], [lx + lw, ly + lh],
    ].map(([cx, cy]) => {
      const world = matrix ? matrix.transformPoint(cx - ox, cy - oy, { x: 0, y: 0 }) : { x: Number(obj.x) + cx - ox, y: Number(obj.y) + cy - oy };
      return toScreen(camera, obj, world.x, world.y);
    });
    const xs = corners.map((c) => c.x);
    const ys = corners.map((c) => c.y);
    const left = Math.min(...xs);
    const top = Math.min(...ys);
    return { left, top, width: Math.max(...xs) - left, height: Math.max(...ys) - top };
  }

  function shownOnScreen(obj: any): boolean {
    for (let o = obj; o; o = o.parentContainer) if (o.visible === false || o.alpha === 0) return false;
    return true;
  }

  /** Every enabled interactive object's hit area on screen; a Rectangle button takes the label of the Text drawn on it. */
  function inputTargets(scene: any, list: any[]): InputTarget[] {
    const camera = scene.cameras?.main;
    const interactive: any[] = scene.input?._list ?? list.filter((o) => o.input);
    const texts = list.filter((o) => o.type === "Text" && shownOnScreen(o) && typeof o.text === "string");
    const targets: InputTarget[] = [];
    for (const obj of interactive) {
      if (targets.length >= 24) break;
      if (!obj?.input?.enabled || !shownOnScreen(obj)) continue;
      const local = localHitArea(obj);
      if (!local) continue;
      const b = screenBounds(obj, camera, local);
      if (!(b.width >= 1 && b.height >= 1) || ![b.left, b.top, b.width, b.height].every(Number.isFinite)) continue;
      const x = b.left + b.width / 2;
      const y = b.top + b.height / 2;
      let text: string | undefined = typeof obj.text === "string" ? obj.text : undefined;
      if (text === undefined) {
        const label = texts.find((t) => {
          const tb = screenBounds(t, camera, [0, 0, Number(t.width) || 0, Number(t.height) || 0]);
          const cx = tb.left + tb.width / 2;
          const cy = tb.top + tb.height / 2;
          return cx >= b.left && cx <= b.left + b.width && cy >= b.top && cy <= b.top + b.height;
        });
        text = label?.text;
      }
      targets.push({
        type: String(obj.type ?? "Object").slice(0, 100),
        ...(obj.name ? { name: String(obj.name).slice(0, 200) } : {}),
        ...(text ? { text: text.slice(0, 60) } : {}),
        x: Math.round(x),
        y: Math.round(y),
        width: Math.max(1, Math.round(b.width)),
        height: Math.max(1, Math.round(b.height)),
        draggable: !!obj.input.draggable,
      });
    }
    return targets;
  }

  const DOM_TARGETS = "button, a[href], [onclick], [role=button], input[type=button], input[type=submit]";

  /** Buttons and links in the page a click at their centre would hit (elementFromPoint), in canvas coordinates. */
  function domTargets(): InputTarget[] {
    const found: InputTarget[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(DOM_TARGETS))) {
      if (found.length >= 24) break;
      const rect = el.getBoundingClientRect();
      if (rect.width < 1 || rect.height < 1) continue;
      const cx = rect.left + rect.width / 2;
      const cy = rect.top + rect.height / 2;
      const hit = document.elementFromPoint(cx, cy);
      if (!hit || !(hit === el || el.contains(hit))) continue;
      const p = canvasPoint(cx, cy);
      const text = (el.textContent || (el as HTMLInputElement).value || el.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ");
      found.push({
        type: "dom",
        ...(el.id ? { name: el.id.slice(0, 200) } : {}),
        ...(text ? { text: text.slice(0, 60) } : {}),
        x: Math.round(p.x),
        y: Math.round(p.y),
        width: Math.max(1, Math.round(rect.width * p.scaleX)),
        height: Math.max(1, Math.round(rect.height * p.scaleY)),
        draggable: false,
      });
    }
    return found;
  }

  function summariseScene(scene: any): SceneSummary {
    const list: any[] = scene.children?.list ?? [];
    const objects: Record<string, number> = {};
    for (const obj of list) {
      const type = String(obj.type ?? "Object").slice(0, 100);
      objects[type] = (objects[type] ?? 0) + 1;
    }
    const keyboard = scene.input?.keyboard;
    const keys = (keyboard?.keys ?? []).filter(Boolean).map((k: any) => String(k.keyCode));
    const keyboardListeners = keyboard ? keyboard.eventNames().map(String) : [];
    const pointerListeners = scene.input ? scene.input.eventNames().map(String).filter((n: string) => n.startsWith("pointer") || n.startsWith("game") || n.startsWith("drag")) : [];
    const targets = inputTargets(scene, list);
    const interactive = (scene.input?._list ?? list).filter((o: any) => o?.input?.enabled).length;
    if (interactive) pointerListeners.push(`interactive-objects:${interactive}`);
    let describe: unknown;
    if (typeof scene.describe === "function") {
      try {
        describe = JSON.parse(safeString(scene.describe()));
      } catch (error) {
        describe = `describe() threw: ${safeString(error)}`;
      }
    }
    return {
      key: String(scene.sys?.settings?.key ?? "?").slice(0, 200),
      objects,
      bodies: scene.physics?.world?.bodies?.size ?? 0,
      keys: keys.slice(0, 200),
      pointerListeners: pointerListeners.slice(0, 200),
      keyboardListeners: keyboardListeners.slice(0, 200),
      main: mainObjects(list),
      targets,
      describe,
    };
  }

  /** Running and paused scenes, topmost first, with the one that owns input (the topmost running scene that listens) first of all. */
  function activeScenes(): any[] {
    const all: any[] = game.scene?.scenes ?? [];
    const active = all.filter((s) => [RUNNING, PAUSED].includes(s?.sys?.settings?.status)).reverse();
    const listens = (s: any) => {
      const input = s.sys?.input;
      const keyboard = input?.keyboard;
      return !!input && (keyboard?.keys?.some(Boolean) || keyboard?.eventNames?.().length || input.eventNames?.().length || input._list?.length);
    };
    const running = active.filter((s) => s.sys.settings.status === RUNNING);
    const owner = running.find(listens) ?? running[0];
    return owner ? [owner, ...active.filter((s) => s !== owner)] : active;
  }

  function sceneKeys(): string[] {
    const manager = game.scene ?? {};
    const keys = new Set<string>([...Object.keys(manager.keys ?? {}), ...(manager._pending ?? []).map((p: any) => String(p?.key ?? "")).filter(Boolean)]);
    return [...keys].slice(0, 200).map((k) => k.slice(0, 200));
  }

  function introspect(): Introspection {
    const base = { registered, frame, virtualMs: Math.round(vnow) };
    if (!game) return { ...base, renderer: "none", width: 0, height: 0, scenes: [], sceneKeys: [], domTargets: domTargets() };
    const scenes = activeScenes().slice(0, 64).map(summariseScene);
    return {
      ...base,
      renderer: game.renderer?.type === 2 ? "webgl" : game.renderer ? "canvas" : "none",
      width: game.scale?.width ?? 0,
      height: game.scale?.height ?? 0,
      scenes,
      sceneKeys: sceneKeys(),
      domTargets: domTargets(),
    };
  }

  // ---- commands from the IDE ---------------------------------------------------------------
  async function run(command: HarnessCommand): Promise<unknown> {
    switch (command.op) {
      case "step": {
        if (!virtual) throw new Error("step needs playtest mode (virtual time)");
        if (rafQueue.size === 0) await waitForGameLoop();
        const frames = Math.max(0, Math.min(600, Math.floor(command.frames)));
        const stepStartedAt = realNow();
        let sliceStart = stepStartedAt;
        for (let i = 0; i < frames; i++) {
          // Yield now and then: other frames of this browser process (the live preview, the IDE)
          // share this thread and must keep their heartbeat while a playtest steps.
          if (realNow() - sliceStart > 40) {
            await new Promise((r) => realSetTimeout(r, 0));
            sliceStart = realNow();
          }
          // Files load in real time whatever the virtual clock says: let them land between the same
          // two virtual frames every run, so a game with assets steps the same way each time.
          if (loadsInFlight() > 0) await settleLoads();
          // Only a frame that will be copied is drawn: GL work on a software renderer is dear too.
          renderThisFrame = i === frames - 1 && (command.capture !== false || lastErrorAt >= stepStartedAt);
          if (renderThisFrame) capturePending = true;
          stepOneFrame();
        }
        renderThisFrame = true;
        return { frame, virtualMs: Math.round(vnow) };
      }
      case "input": {
        let delivered = 0;
        for (const event of command.events.slice(0, 100)) if (dispatchInput(event)) delivered++;
        return { delivered };
      }
      case "snapshot":
        return snapshot(command.thumbWidth ?? 160);
      case "introspect":
        return introspect();
      case "status":
        return { frame, virtualMs: Math.round(vnow), registered, rendered };
      case "mute":
        if (virtual) throw new Error("mute is for the live game; a playtest is always muted");
        mute.set(command.muted);
        return { muted: command.muted };
      case "pause":
        if (virtual) throw new Error("pause is for the live game; a playtest steps virtual time");
        pause.set(command.paused);
        return { paused: command.paused };
      default:
        throw new Error(`unknown command ${(command as { op: string }).op}`);
    }
  }

  window.addEventListener("message", (event) => {
    const data = event.data;
    if (event.source !== parentWindow || !data || data.channel !== CHANNEL || data.session !== config.session) return;
    if (data.type === "run" && !programStarted) {
      // A pre-warmed page (Phaser already parsed) receives its program only when it is shown.
      const message = data as RunMessage;
      programStarted = true;
      config.loops = message.loops;
      servePublicFiles(message.publicFiles);
      document.body.innerHTML = message.bodyHtml;
      const style = document.createElement("style");
      style.textContent = message.headStyles;
      document.head.appendChild(style);
      w.__pfRunProgram?.(message.program);
      return;
    }
    if (data.type !== "command") return;
    const token = config.replyToken ?? "";
    run(data.command).then(
      (result) => post({ type: "reply", id: data.id, token, ok: true, result }),
      (error) => post({ type: "reply", id: data.id, token, ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });

  let programStarted = false;
  w.__pfLoaded = () => {
    programStarted = true;
    post({ type: "loaded", registered });
  };
}
