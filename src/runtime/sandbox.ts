// The Sandbox interface: one contract for every runtime (the iframe runtime and the WebContainer runtime).
// The playtest engine and the IDE talk to games only through it.

import type { ProjectFiles } from "../project";
import type {
  CommandResult,
  ConsoleLevel,
  FrameSnapshot,
  GameError,
  HarnessCommand,
  SourceLocation,
} from "./harness/protocol";

export type SandboxKind = "iframe" | "webcontainer";

export interface MountOptions {
  /** Playtest mode: virtual time (advanced only by `step`), seeded randomness, muted sound. */
  playtest?: { seed: number };
}

export type ExitReason =
  | { reason: "stopped" }
  | { reason: "frozen"; message: string; location?: SourceLocation }
  | { reason: "crashed"; message: string };

export interface SandboxEvents {
  console: { level: ConsoleLevel; text: string; location?: SourceLocation };
  error: GameError;
  frame: FrameSnapshot;
  /** Game constructed (registered = main.ts called __playforge.register). */
  loaded: { registered: boolean };
  /**
   * First Phaser frame rendered: firstFrameMs after the harness started, and renderedAt on the
   * clock every page of the browser shares (performance.timeOrigin + performance.now()), so the
   * IDE can time a run from its own start without counting the message's trip back.
   */
  ready: { firstFrameMs: number; renderedAt: number };
  heartbeat: { frame: number; virtualMs: number };
  exit: ExitReason;
  /**
   * The page's heartbeat is late while the IDE's own timers were late too: the machine is busy, so
   * the watchdog waits longer instead of calling the game frozen (a status note, not an error).
   */
  busy: { silentMs: number };
  /** Messages from the page that failed validation and were dropped. */
  dropped: { count: number };
}

export type SandboxListener<E extends keyof SandboxEvents> = (payload: SandboxEvents[E]) => void;

export interface Sandbox {
  readonly kind: SandboxKind;
  /** Starts the project from scratch; resolves when the page is running (not necessarily rendered). */
  mount(files: ProjectFiles, options?: MountOptions): Promise<void>;
  /** Applies one changed file; the iframe runtime re-runs the project, a dev server may hot-reload. */
  updateFile(path: string, content: string | Uint8Array): Promise<void>;
  restart(): Promise<void>;
  stop(): void;
  on<E extends keyof SandboxEvents>(event: E, listener: SandboxListener<E>): () => void;
  /** Sends a harness command (virtual time, input, snapshot, introspection) and awaits its reply. */
  command<C extends HarnessCommand>(command: C, signal?: AbortSignal): Promise<CommandResult[C["op"]]>;
}

export class SandboxBootError extends Error {
  constructor(message: string, readonly cause?: unknown) {
    super(message);
    this.name = "SandboxBootError";
  }
}

export class SandboxCommandError extends Error {
  constructor(readonly op: string, message: string) {
    super(`Harness command "${op}" failed: ${message}`);
    this.name = "SandboxCommandError";
  }
}

/**
 * A command's reply was malformed or did not come from the harness: the game posted replies of its
 * own (it can read its session id) or broke the page's messaging. The command fails; the engine
 * reports the interference instead of trusting the data.
 */
export class HarnessInterferenceError extends SandboxCommandError {
  constructor(op: string, readonly what: string) {
    super(op, what);
    this.message = `the game interfered with the playtest: ${what}`;
    this.name = "HarnessInterferenceError";
  }
}
