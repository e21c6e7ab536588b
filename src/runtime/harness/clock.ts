// Harness part: in playtest mode time is virtual (performance.now, Date, timers and
// requestAnimationFrame advance only when the IDE steps) and Math.random is seeded; a step runs
// Phaser's loop once per virtual frame, drawing only the frame a snapshot will read. Also keeps
// Phaser's autoFocus from taking the IDE's keyboard. Serialised with toString: self-contained.

import type { HarnessContext } from "./context";

/* eslint-disable @typescript-eslint/no-explicit-any */
export function installClock(h: HarnessContext): void {
  const { w } = h;
  const realRaf = window.requestAnimationFrame.bind(window);
  const RealDate = Date;
  const EPOCH = 1_735_689_600_000;
  type Timer = { id: number; due: number; fn: any; args: unknown[]; every: number | null };
  const timers = new Map<number, Timer>();
  const rafQueue = new Map<number, FrameRequestCallback>();
  let nextHandle = 1;
  h.vnow = 0;

  h.guarded = (fn) => {
    try {
      fn();
    } catch (error) {
      h.reportError("error", error);
    }
  };

  if (h.virtual) {
    let s = h.config.seed >>> 0 || 1;
    Math.random = () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    performance.now = () => h.vnow;
    const VirtualDate = function (this: any, ...args: any[]) {
      if (!(this instanceof VirtualDate)) return new RealDate(EPOCH + h.vnow).toString();
      return args.length === 0 ? new RealDate(EPOCH + h.vnow) : new (RealDate as any)(...args);
    } as any;
    VirtualDate.prototype = RealDate.prototype;
    VirtualDate.now = () => EPOCH + Math.floor(h.vnow);
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
      timers.set(id, { id, due: h.vnow + Math.max(0, Number(ms) || 0), fn, args, every: null });
      return id;
    };
    w.setInterval = (fn: any, ms?: number, ...args: unknown[]) => {
      const id = nextHandle++;
      const every = Math.max(1, Number(ms) || 0);
      timers.set(id, { id, due: h.vnow + every, fn, args, every });
      return id;
    };
    w.clearTimeout = w.clearInterval = (id: number) => timers.delete(id);
  } else if (h.config.maxFps) {
    // Power saver: a frame runs only once 1/maxFps has passed (a little early is fine), so the
    // game draws half the frames of a 60 Hz display at 30; Phaser's clock follows the real time.
    const gap = 1000 / h.config.maxFps - 4;
    const realCancel = window.cancelAnimationFrame.bind(window);
    const pending = new Map<number, number>();
    let lastRun = -Infinity;
    w.requestAnimationFrame = (cb: FrameRequestCallback) => {
      const id = nextHandle++;
      const tick = (t: number) => {
        // Every callback of a frame that runs, runs (several requesters share one frame's time).
        if (t !== lastRun && t - lastRun < gap) {
          pending.set(id, realRaf(tick));
          return;
        }
        pending.delete(id);
        lastRun = t;
        h.guarded(() => cb(t));
      };
      pending.set(id, realRaf(tick));
      return id;
    };
    w.cancelAnimationFrame = (id: number) => {
      const real = pending.get(id);
      if (real !== undefined) realCancel(real);
      pending.delete(id);
    };
  } else {
    w.requestAnimationFrame = (cb: FrameRequestCallback) => realRaf((t) => h.guarded(() => cb(t)));
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
      for (const t of timers.values()) if (t.due <= h.vnow && (!next || t.due < next.due || (t.due === next.due && t.id < next.id))) next = t;
      if (!next) return;
      if (next.every === null) timers.delete(next.id);
      else next.due += next.every;
      const t = next;
      h.guarded(() => (typeof t.fn === "function" ? t.fn(...t.args) : undefined));
    }
  }

  // Playtests render only the frame a snapshot reads; the others run Phaser's headlessStep (same
  // update events, no GL work), which is what makes them many times faster than real time.
  h.renderThisFrame = true;
  let wrappedCallback: unknown = null;
  function wrapLoopCallback() {
    const loop = h.game?.loop;
    if (!loop || typeof loop.callback !== "function" || loop.callback === wrappedCallback) return;
    const full = loop.callback;
    wrappedCallback = loop.callback = (time: number, delta: number) => {
      if (h.renderThisFrame) return full(time, delta);
      h.game.headlessStep(time, delta);
      moveCameras();
    };
  }

  /** Cameras follow their targets (and lerp) in preRender: run it for the frames not drawn, as drawing would. */
  function moveCameras() {
    const scenes = h.phaser?.Scenes ?? {};
    const from = scenes.LOADING ?? 3;
    const until = scenes.SLEEPING ?? 7;
    for (const scene of h.game?.scene?.scenes ?? []) {
      const settings = scene?.sys?.settings;
      if (!settings?.visible || settings.status < from || settings.status >= until) continue;
      for (const camera of scene.sys.cameras?.cameras ?? []) if (camera.visible && camera.alpha > 0) camera.preRender?.();
    }
  }

  h.hasFrameCallbacks = () => rafQueue.size > 0;

  h.stepOneFrame = () => {
    wrapLoopCallback();
    h.lastProgress = h.realNow();
    h.vnow += 1000 / 60;
    runDueTimers();
    const callbacks = [...rafQueue.values()];
    rafQueue.clear();
    for (const cb of callbacks) h.guarded(() => cb(h.vnow));
    if (h.realNow() - h.lastBeat > 250) h.heartbeat();
  };

  /** Files the scenes' loaders are fetching or decoding right now. */
  h.loadsInFlight = () => {
    let n = 0;
    for (const scene of h.game?.scene?.scenes ?? []) {
      const load = scene?.sys?.load;
      n += (load?.inflight?.size ?? 0) + (load?.queue?.size ?? 0);
    }
    return n;
  };

  h.settleLoads = async () => {
    const deadline = h.realNow() + 10000;
    while (h.loadsInFlight() > 0 && h.realNow() < deadline) {
      h.lastProgress = h.realNow();
      await new Promise((r) => h.realSetTimeout(() => r(undefined), 4));
    }
  };

  h.waitForGameLoop = async () => {
    const deadline = h.realNow() + 4000;
    while (rafQueue.size === 0 && h.realNow() < deadline) {
      if (!h.game && h.realNow() - h.startedAt > 1500) return;
      // A boot that threw (create() failed) will not start the loop; don't wait the full deadline.
      if (h.realNow() - h.lastErrorAt > 300 && h.lastErrorAt > h.startedAt) return;
      await new Promise((r) => h.realSetTimeout(() => r(undefined), 10));
    }
  };
}
