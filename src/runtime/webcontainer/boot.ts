// Boots the page's single WebContainer (the library allows one instance per page) and keeps what
// outlives one sandbox: the files it holds, the package.json it installed, its server-ready events.

import type { ProjectFiles } from "../../project";
import type { Container, WebContainerApi } from "./boundary";
import { WebContainerBootError, bootFailure } from "./errors";

/** The page's booted container plus the state every sandbox on the page shares. */
export class BootedContainer {
  /** The package.json text `npm install` last succeeded with (null: never installed). */
  installedManifest: string | null = null;
  /** The project files the container holds (null: nothing mounted yet). */
  files: ProjectFiles | null = null;
  private serverWaiters = new Set<(url: string) => void>();
  private errorListeners = new Set<(message: string) => void>();

  constructor(readonly container: Container) {
    container.on("server-ready", (_port, url) => {
      for (const waiter of [...this.serverWaiters]) waiter(url);
    });
    container.on("error", (error) => {
      for (const listener of this.errorListeners) listener(error.message);
    });
  }

  /** Resolves with the URL of the next server that becomes ready. */
  nextServerReady(signal: AbortSignal): Promise<string> {
    return new Promise((resolve, reject) => {
      const done = (url: string) => {
        this.serverWaiters.delete(done);
        signal.removeEventListener("abort", abort);
        resolve(url);
      };
      const abort = () => {
        this.serverWaiters.delete(done);
        reject(signal.reason);
      };
      if (signal.aborted) return abort();
      this.serverWaiters.add(done);
      signal.addEventListener("abort", abort, { once: true });
    });
  }

  onError(listener: (message: string) => void) {
    this.errorListeners.add(listener);
  }
}

const booted = new WeakMap<WebContainerApi, Promise<BootedContainer>>();

/**
 * Boots once per page and API; later calls share the same container (`starting` runs only for the
 * call that boots). A failed or timed-out boot is forgotten so the next attempt boots again.
 */
export function bootContainer(api: WebContainerApi, timeoutMs: number, starting?: () => void): Promise<BootedContainer> {
  const existing = booted.get(api);
  if (existing) return existing;
  starting?.();
  const attempt = api.boot({ coep: "require-corp", workdirName: "game" });
  const online = () => typeof navigator === "undefined" || navigator.onLine !== false;
  const result = new Promise<BootedContainer>((resolve, reject) => {
    const timer = setTimeout(() => {
      const waited = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
      // Without a network the library does not fail: it waits for StackBlitz's frame forever.
      reject(
        online()
          ? new WebContainerBootError("boot-timeout", `WebContainer.boot did not finish within ${waited}. StackBlitz's servers may be slow or blocked by a firewall or extension.`)
          : new WebContainerBootError("no-network", `no network: the browser is offline, and WebContainer.boot waited ${waited} for StackBlitz's servers. Connect and try again.`),
      );
      // A boot that finishes after we gave up still holds the page's single instance: release it.
      attempt.then((container) => container.teardown(), () => undefined);
    }, timeoutMs);
    attempt.then(
      (container) => {
        clearTimeout(timer);
        resolve(new BootedContainer(container));
      },
      (error) => {
        clearTimeout(timer);
        reject(bootFailure(error, online()));
      },
    );
  });
  booted.set(api, result);
  result.catch(() => {
    if (booted.get(api) === result) booted.delete(api);
  });
  return result;
}
