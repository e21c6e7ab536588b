// Why the WebContainer runtime could not start, in words a user can act on; every message ends
// by saying that Playforge runs the game in the iframe runtime instead.

import { SandboxBootError } from "../sandbox";

export type WebContainerBootFailure =
  | "unsupported"
  | "no-network"
  | "boot-failed"
  | "boot-timeout"
  | "install-failed"
  | "dev-server-failed";

export const FALLBACK_NOTE = "Playforge runs the game in the iframe runtime instead; nothing in the project is lost.";

export class WebContainerBootError extends SandboxBootError {
  constructor(
    readonly failure: WebContainerBootFailure,
    readonly detail: string,
    /** The last lines of npm/vite output, when a process failed. */
    readonly outputTail: string[] = [],
    cause?: unknown,
  ) {
    const tail = outputTail.length ? `\nLast lines of the output:\n${outputTail.map((line) => `  ${line}`).join("\n")}` : "";
    super(`The WebContainer runtime could not start: ${detail}${tail}\n${FALLBACK_NOTE}`, cause);
    this.name = "WebContainerBootError";
  }
}

/** Turns whatever `WebContainer.boot` rejected with into a failure the user can act on. */
export function bootFailure(error: unknown, online: boolean): WebContainerBootError {
  const message = error instanceof Error ? error.message : String(error);
  if (!online || /failed to fetch|network|load failed|ERR_INTERNET|ERR_NAME_NOT_RESOLVED|ERR_CONNECTION/i.test(message)) {
    return new WebContainerBootError(
      "no-network",
      `no network: WebContainers download their runtime from StackBlitz's servers (${message}). Check the connection and try again.`,
      [],
      error,
    );
  }
  return new WebContainerBootError("boot-failed", `WebContainer.boot failed: ${message.replace(/\.$/, "")}.`, [], error);
}
