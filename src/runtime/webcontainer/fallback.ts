// Picks the runtime: the WebContainer when preferred and it boots, otherwise the iframe runtime
// with the reason, running the same files (nothing is lost in the switch).

import type { ProjectFiles } from "../../project";
import { createIframeSandbox, type IframeSandboxOptions } from "../iframe";
import type { CommandResult, HarnessCommand } from "../harness/protocol";
import type { MountOptions, Sandbox, SandboxEvents, SandboxKind, SandboxListener } from "../sandbox";
import { WebContainerBootError } from "./errors";
import { createWebContainerSandbox, type WebContainerSandboxOptions } from "./sandbox";
import { checkWebContainerSupport } from "./support";

export interface RuntimeDeps {
  files: ProjectFiles;
  mountOptions?: MountOptions;
  webcontainer?: WebContainerSandboxOptions;
  iframe?: IframeSandboxOptions;
  /** Called with each runtime before it mounts, so listeners see its first events. */
  beforeMount?: (sandbox: Sandbox) => void;
}

export interface RuntimeChoice {
  sandbox: Sandbox;
  kind: SandboxKind;
  /** Why the WebContainer runtime was not used, in words for the user. */
  fallbackReason?: string;
}

/** Mounts `deps.files` in the preferred runtime; resolves once one of them runs the project. */
export async function createRuntimeWithFallback(host: HTMLElement, preferred: SandboxKind, deps: RuntimeDeps): Promise<RuntimeChoice> {
  let fallbackReason: string | undefined;
  if (preferred === "webcontainer") {
    const support = checkWebContainerSupport();
    if (support.ok) {
      const sandbox = createWebContainerSandbox(host, deps.webcontainer);
      deps.beforeMount?.(sandbox);
      try {
        await sandbox.mount(deps.files, deps.mountOptions);
        return { sandbox, kind: "webcontainer" };
      } catch (error) {
        sandbox.stop();
        fallbackReason = error instanceof Error ? error.message : String(error);
      }
    } else {
      fallbackReason = new WebContainerBootError("unsupported", support.reason).message;
    }
  }
  const sandbox = createIframeSandbox(host, deps.iframe);
  deps.beforeMount?.(sandbox);
  await sandbox.mount(deps.files, deps.mountOptions);
  return { sandbox, kind: "iframe", ...(fallbackReason ? { fallbackReason } : {}) };
}

const EVENTS: (keyof SandboxEvents)[] = ["console", "error", "frame", "loaded", "ready", "heartbeat", "exit", "busy", "dropped"];

/**
 * A Sandbox that runs in the preferred runtime and, when the WebContainer cannot boot, moves to
 * the iframe runtime at the next mount — same files, same listeners — and says why in the console.
 */
export function createPreferredSandbox(host: HTMLElement, preferred: SandboxKind, options: Pick<RuntimeDeps, "webcontainer" | "iframe"> = {}): Sandbox {
  return new PreferredSandbox(host, preferred, options);
}

class PreferredSandbox implements Sandbox {
  private inner!: Sandbox;
  private forwarding: (() => void)[] = [];
  private listeners = new Map<keyof SandboxEvents, Set<(payload: never) => void>>();
  private fallbackReason: string | null = null;
  private announced = false;

  constructor(private readonly host: HTMLElement, preferred: SandboxKind, private readonly options: Pick<RuntimeDeps, "webcontainer" | "iframe">) {
    const support = preferred === "webcontainer" ? checkWebContainerSupport() : { ok: true as const };
    if (preferred === "webcontainer" && support.ok) this.use(createWebContainerSandbox(host, options.webcontainer));
    else {
      if (!support.ok) this.fallbackReason = new WebContainerBootError("unsupported", support.reason).message;
      this.use(createIframeSandbox(host, options.iframe));
    }
  }

  get kind(): SandboxKind {
    return this.inner.kind;
  }

  on<E extends keyof SandboxEvents>(event: E, listener: SandboxListener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => set!.delete(listener as (payload: never) => void);
  }

  async mount(files: ProjectFiles, options?: MountOptions): Promise<void> {
    if (this.inner.kind === "webcontainer") {
      try {
        return await this.inner.mount(files, options);
      } catch (error) {
        if (!(error instanceof WebContainerBootError)) throw error;
        this.fallbackReason = error.message;
        const failed = this.inner;
        this.use(createIframeSandbox(this.host, this.options.iframe));
        failed.stop();
      }
    }
    if (this.fallbackReason && !this.announced) {
      this.announced = true;
      this.emit("console", { level: "warn", text: this.fallbackReason });
    }
    return this.inner.mount(files, options);
  }

  updateFile(path: string, content: string | Uint8Array): Promise<void> {
    return this.inner.updateFile(path, content);
  }

  restart(): Promise<void> {
    return this.inner.restart();
  }

  stop(): void {
    this.inner.stop();
  }

  command<C extends HarnessCommand>(command: C, signal?: AbortSignal): Promise<CommandResult[C["op"]]> {
    return this.inner.command(command, signal);
  }

  private use(sandbox: Sandbox) {
    this.forwarding.forEach((off) => off());
    this.inner = sandbox;
    this.forwarding = EVENTS.map((event) => sandbox.on(event, (payload) => this.emit(event, payload)));
  }

  private emit<E extends keyof SandboxEvents>(event: E, payload: SandboxEvents[E]) {
    for (const listener of this.listeners.get(event) ?? []) (listener as SandboxListener<E>)(payload);
  }
}
