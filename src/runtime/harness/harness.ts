// The harness: runs inside the game page before Phaser and the game. It reports console output,
// errors, heartbeats and frames to the IDE, and in playtest mode makes time virtual and random
// seeded so the engine can step the game faster than real time, deterministically.
// `installHarness` is serialised with Function.prototype.toString and injected as a script, so it
// must stay self-contained: no imports at runtime, no references to anything outside its body.

import type {
  FrameMetrics,
  HarnessCommand,
  InputEvent,
  Introspection,
  ObjectSummary,
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
}

/* eslint-disable @typescript-eslint/no-explicit-any */
export function installHarness(config: HarnessConfig): void {
  const w = window as any;
  const CHANNEL = "playforge";
  const parentWindow = window.parent;
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

  function post(message: Record<string, unknown>) {
    try {
      parentWindow.postMessage({ channel: CHANNEL, v: 1, session: config.session, ...message }, "*");
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
      const text = args.map(safeString).join(" ").slice(0, 8000);
      post({ type: "console", level, text, location: locate(new Error().stack?.split("\n").slice(2).join("\n")) });
    };
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
    const scenes = w.Phaser?.Scenes ?? {};
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
    copy.getContext("2d")!.drawImage(canvas, 0, 0);
    lastCapture = copy;
    capturePending = false;
    if (captureRequest) {
      const done = captureRequest;
      captureRequest = null;
      done(copy);
    }
  }

  function hookPhaser(phaser: any) {
    const proto = phaser?.Game?.prototype;
    if (!proto || proto.__pfHooked) return;
    proto.__pfHooked = true;
    const boot = proto.boot;
    proto.boot = function (this: any, ...args: unknown[]) {
      attach(this);
      return boot.apply(this, args);
    };
  }

  let phaserValue: any;
  Object.defineProperty(window, "Phaser", {
    configurable: true,
    get: () => phaserValue,
    set: (value) => {
      phaserValue = value;
      hookPhaser(value);
    },
  });

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

  function snapshotFrom(source: HTMLCanvasElement, thumbWidth: number) {
    const width = Math.max(16, Math.min(640, Math.round(thumbWidth)));
    const height = Math.max(1, Math.round((source.height / Math.max(1, source.width)) * width));
    const thumb = document.createElement("canvas");
    thumb.width = width;
    thumb.height = height;
    const ctx = thumb.getContext("2d")!;
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(source, 0, 0, width, height);
    const pixels = ctx.getImageData(0, 0, width, height).data;
    return { frame, virtualMs: Math.round(vnow), width: source.width, height: source.height, thumbnail: thumb.toDataURL("image/png"), metrics: metricsOf(pixels) };
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

  // ---- input -------------------------------------------------------------------------------
  const KEYS: Record<string, [string, string, number]> = {
    ArrowLeft: ["ArrowLeft", "ArrowLeft", 37], ArrowUp: ["ArrowUp", "ArrowUp", 38], ArrowRight: ["ArrowRight", "ArrowRight", 39], ArrowDown: ["ArrowDown", "ArrowDown", 40],
    Space: [" ", "Space", 32], Enter: ["Enter", "Enter", 13], Escape: ["Escape", "Escape", 27], Shift: ["Shift", "ShiftLeft", 16],
  };
  function keyInfo(name: string): [string, string, number] {
    if (KEYS[name]) return KEYS[name];
    if (name === " ") return KEYS.Space;
    if (/^[a-z]$/i.test(name)) return [name.toLowerCase(), `Key${name.toUpperCase()}`, name.toUpperCase().charCodeAt(0)];
    if (/^[0-9]$/.test(name)) return [name, `Digit${name}`, name.charCodeAt(0)];
    return [name, name, 0];
  }

  function clientPoint(x: number, y: number) {
    const canvas: HTMLCanvasElement = game.canvas;
    const rect = canvas.getBoundingClientRect();
    const gw = game.scale?.width || canvas.width;
    const gh = game.scale?.height || canvas.height;
    return { canvas, clientX: rect.left + (x / gw) * rect.width, clientY: rect.top + (y / gh) * rect.height };
  }

  function dispatchInput(event: InputEvent): boolean {
    if (event.kind === "key") {
      const [key, code, keyCode] = keyInfo(event.key);
      const e = new KeyboardEvent(event.action === "down" ? "keydown" : "keyup", { key, code, bubbles: true, cancelable: true });
      Object.defineProperty(e, "keyCode", { get: () => keyCode });
      Object.defineProperty(e, "which", { get: () => keyCode });
      window.dispatchEvent(e);
      return true;
    }
    if (!game?.canvas) return false;
    const { canvas, clientX, clientY } = clientPoint(event.x, event.y);
    if (event.kind === "pointer") {
      const type = event.action === "move" ? "mousemove" : event.action === "down" ? "mousedown" : "mouseup";
      const init = { clientX, clientY, bubbles: true, cancelable: true, button: 0, buttons: event.action === "up" ? 0 : 1, view: window };
      canvas.dispatchEvent(new MouseEvent(type, init));
      if (type === "mouseup") window.dispatchEvent(new MouseEvent(type, init));
      return true;
    }
    const touch = new Touch({ identifier: 1, target: canvas, clientX, clientY });
    const type = event.action === "start" ? "touchstart" : event.action === "move" ? "touchmove" : "touchend";
    const list = type === "touchend" ? [] : [touch];
    canvas.dispatchEvent(new TouchEvent(type, { touches: list, targetTouches: list, changedTouches: [touch], bubbles: true, cancelable: true }));
    return true;
  }

  // ---- introspection -----------------------------------------------------------------------
  function summarise(obj: any): ObjectSummary {
    return {
      type: String(obj.type ?? obj.constructor?.name ?? "Object"),
      x: Math.round(Number(obj.x) || 0),
      y: Math.round(Number(obj.y) || 0),
      texture: obj.texture?.key && obj.texture.key !== "__DEFAULT" ? String(obj.texture.key) : undefined,
      text: typeof obj.text === "string" ? obj.text.slice(0, 60) : undefined,
      hasBody: !!obj.body,
      visible: obj.visible !== false,
    };
  }

  function introspect(): Introspection {
    const base = { registered, frame, virtualMs: Math.round(vnow) };
    if (!game) return { ...base, renderer: "none", width: 0, height: 0, scenes: [] };
    const scenes: SceneSummary[] = [];
    for (const scene of game.scene?.getScenes?.(true) ?? []) {
      const list: any[] = scene.children?.list ?? [];
      const objects: Record<string, number> = {};
      for (const obj of list) {
        const type = String(obj.type ?? "Object");
        objects[type] = (objects[type] ?? 0) + 1;
      }
      const main = list
        .filter((o) => o.visible !== false && (o.body || o.type === "Sprite" || o.type === "Image"))
        .slice(0, 8)
        .map(summarise);
      const keyboard = scene.input?.keyboard;
      const keys = (keyboard?.keys ?? []).filter(Boolean).map((k: any) => String(k.keyCode));
      const keyboardListeners = keyboard ? keyboard.eventNames().map(String) : [];
      const pointerListeners = scene.input ? scene.input.eventNames().map(String).filter((n: string) => n.startsWith("pointer") || n.startsWith("game") || n.startsWith("drag")) : [];
      const interactive = list.filter((o) => o.input?.enabled).length;
      if (interactive) pointerListeners.push(`interactive-objects:${interactive}`);
      let describe: unknown;
      if (typeof scene.describe === "function") {
        try {
          describe = JSON.parse(safeString(scene.describe()));
        } catch (error) {
          describe = `describe() threw: ${safeString(error)}`;
        }
      }
      scenes.push({ key: String(scene.sys?.settings?.key ?? "?"), objects, bodies: scene.physics?.world?.bodies?.size ?? 0, keys, pointerListeners, keyboardListeners, main, describe });
    }
    return { ...base, renderer: game.renderer?.type === 2 ? "webgl" : game.renderer ? "canvas" : "none", width: game.scale?.width ?? 0, height: game.scale?.height ?? 0, scenes };
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
      programStarted = true;
      config.loops = data.loops;
      servePublicFiles(data.publicFiles);
      document.body.innerHTML = data.bodyHtml;
      const style = document.createElement("style");
      style.textContent = data.headStyles;
      document.head.appendChild(style);
      w.__pfRunProgram?.(data.program);
      return;
    }
    if (data.type !== "command") return;
    run(data.command).then(
      (result) => post({ type: "reply", id: data.id, ok: true, result }),
      (error) => post({ type: "reply", id: data.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });

  let programStarted = false;
  w.__pfLoaded = () => {
    programStarted = true;
    post({ type: "loaded", registered });
  };
}
