// What the harness's parts share inside the game page. Each part (one file per concern) is
// serialised with toString and run in order on one context object (see harness.ts); a part reads
// what earlier parts put there and adds what it owns. Types only: nothing here runs in the page.

import type { FrameSnapshot, InputEvent, Introspection, SourceLocation } from "./protocol";

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
  /** Live mode: at most this many frames a second (power saver); absent = every display frame. */
  maxFps?: number;
}

/** A switch the IDE sets on the live game (pause, mute); see ideSwitch in phaser-hooks.ts. */
export interface IdeSwitch {
  apply(): void;
  set(on: boolean): void;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface HarnessContext {
  readonly config: HarnessConfig;

  // core.ts: the page, real time, messages to the IDE, errors
  w: any;
  parentWindow: Window;
  virtual: boolean;
  startedAt: number;
  realNow: () => number;
  realSetTimeout: (fn: () => void, ms?: number) => number;
  realSetInterval: (fn: () => void, ms?: number) => number;
  post(message: Record<string, unknown>): void;
  /** The project file:line of the first game frame in a stack (playforge:/// or a dev server's /src/). */
  locate(stack: string | undefined): SourceLocation | undefined;
  safeString(value: unknown): string;
  reportError(kind: string, error: unknown, fallback?: SourceLocation): void;
  /** Real time of the latest reported error: a step in which the game erred renders its last frame. */
  lastErrorAt: number;

  // the game as the harness sees it (phaser-hooks.ts attaches it)
  game: any;
  /** Phaser from the vendor script, kept off window (loader.ts requires it through __pfPhaser). */
  phaser: any;
  registered: boolean;
  frame: number;
  rendered: boolean;
  programStarted: boolean;

  // console.ts
  reportWarning(message: string, location: SourceLocation | undefined): void;
  /** The game line that last queued a scene op for each key (for "Scene key not found"). */
  sceneCallers: Map<string, SourceLocation>;

  // liveness.ts: loop guard and heartbeat
  lastProgress: number;
  lastBeat: number;
  heartbeat(): void;

  // clock.ts: virtual time
  vnow: number;
  guarded(fn: () => void): void;
  /** False while a step runs frames nobody will look at (Phaser's headlessStep instead of a render). */
  renderThisFrame: boolean;
  hasFrameCallbacks(): boolean;
  stepOneFrame(): void;
  loadsInFlight(): number;
  settleLoads(): Promise<void>;
  waitForGameLoop(): Promise<void>;

  // public-files.ts
  publicUrls: Map<string, string>;
  servePublicFiles(files: HarnessConfig["publicFiles"]): void;

  // frames.ts
  /** The next rendered frame is copied for a snapshot. */
  capturePending: boolean;
  onRendered(): void;
  snapshot(thumbWidth: number): Promise<FrameSnapshot>;

  // phaser-hooks.ts
  attach(game: any): void;
  pause: IdeSwitch;
  mute: IdeSwitch;

  // input.ts
  dispatchInput(event: InputEvent): boolean;
  /** Page (client) coordinates to game canvas coordinates, with the scale between them. */
  canvasPoint(clientX: number, clientY: number): { x: number; y: number; scaleX: number; scaleY: number };

  // introspection.ts
  introspect(): Introspection;
}
