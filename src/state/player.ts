// The /play page's game: mounts a shared link's files in one Sandbox and says whether it loads,
// runs or stopped with an error; carries Sound off, who gets the keyboard, and the touch controls' commands.

import { createStore, type StoreApi } from "zustand/vanilla";
import type { ProjectFiles } from "../project";
import { SandboxCommandError, type CommandResult, type HarnessCommand, type Sandbox } from "../runtime";
import { readSoundOff, writeSoundOff } from "./sound";

export type PlayerStatus = { state: "loading" } | { state: "running" } | { state: "error"; message: string };

export interface PlayerState {
  /** running: the game's page has loaded; error: it could not start, froze or crashed. */
  status: PlayerStatus;
  /** Sound off, as the IDE's preview has it: kept across games, and across reloads in `storage`. */
  muted: boolean;
  /** Makes the sandbox inside `host` and plays `files` in it; returns a detach function that stops it. */
  attach(host: HTMLElement, files: ProjectFiles): () => void;
  /** Plays the game again from the start. */
  restart(): void;
  setMuted(muted: boolean): void;
  /** A harness command to the game (the on-screen touch controls ask its keys and press them). */
  command<C extends HarnessCommand>(command: C, signal?: AbortSignal): Promise<CommandResult[C["op"]]>;
}

export type PlayerStore = StoreApi<PlayerState>;

export interface PlayerOptions {
  /**
   * Makes the game's sandbox inside `host`. Asynchronous: /play first finds where the game page
   * gets Phaser from. `signal` aborts when the game is detached before that.
   */
  createSandbox: (host: HTMLElement, signal: AbortSignal) => Promise<Sandbox>;
  /** Where Sound off is remembered across reloads (default: this browser's localStorage). */
  storage?: Storage;
}

/** One attached game; a detached session, or a run a restart replaced, is ignored. */
interface Session {
  host: HTMLElement;
  detached: AbortController;
  sandbox: Sandbox | null;
  runs: number;
  unsubscribes: (() => void)[];
}

export function createPlayerStore({ createSandbox, storage }: PlayerOptions): PlayerStore {
  let session: Session | null = null;

  const store = createStore<PlayerState>()((set, get) => ({
    status: { state: "loading" },
    muted: readSoundOff(storage),
    attach(host, files) {
      if (session) throw new Error("The player already has a game; detach it before attaching another.");
      const current: Session = { host, detached: new AbortController(), sandbox: null, runs: 0, unsubscribes: [] };
      session = current;
      set({ status: { state: "loading" } });
      createSandbox(host, current.detached.signal).then(
        (sandbox) => {
          if (current.detached.signal.aborted) return sandbox.stop();
          current.sandbox = sandbox;
          current.unsubscribes = [
            sandbox.on("exit", (exit) => {
              if (exit.reason !== "stopped") set({ status: { state: "error", message: exit.message } });
            }),
            sandbox.on("ready", () => {
              if (get().muted) tell(sandbox, { op: "mute", muted: true });
            }),
          ];
          run(current, sandbox.mount(files));
        },
        (error: unknown) => {
          if (!current.detached.signal.aborted) fail(error);
        },
      );
      return () => {
        current.detached.abort();
        current.unsubscribes.forEach((off) => off());
        current.sandbox?.stop();
        session = null;
      };
    },
    restart() {
      if (!session?.sandbox) return;
      set({ status: { state: "loading" } });
      run(session, session.sandbox.restart());
    },
    setMuted(muted) {
      set({ muted });
      writeSoundOff(muted, storage);
      // A game that has not started yet gets the mute with its first frame (see "ready").
      if (session?.sandbox) tell(session.sandbox, { op: "mute", muted });
    },
    command(command, signal) {
      if (!session?.sandbox) return Promise.reject(new SandboxCommandError(command.op, "no game is running"));
      return session.sandbox.command(command, signal);
    },
  }));

  function run(current: Session, mounting: Promise<void>) {
    const runNumber = ++current.runs;
    const latest = () => session === current && current.runs === runNumber;
    mounting.then(
      () => {
        if (!latest()) return;
        // An exit while the page loaded (a crash in create()) stays the status.
        if (store.getState().status.state === "loading") store.setState({ status: { state: "running" } });
        giveKeyboard(current.host);
      },
      (error: unknown) => {
        if (latest()) fail(error);
      },
    );
  }

  function fail(error: unknown) {
    store.setState({ status: { state: "error", message: error instanceof Error ? error.message : String(error) } });
  }

  return store;
}

/** Best effort (mute): a page that is gone, or still loading its game, just plays on as it is. */
function tell(sandbox: Sandbox, command: HarnessCommand) {
  sandbox.command(command).catch(() => undefined);
}

/**
 * The game gets the keyboard once it runs, unless the person already focused something else (a
 * bar button they tabbed to while it loaded keeps its focus).
 */
function giveKeyboard(host: HTMLElement) {
  const page = host.ownerDocument;
  if (!page.activeElement || page.activeElement === page.body) host.querySelector("iframe")?.focus();
}
