// Picks the runtime: the WebContainer when preferred and it boots, otherwise the iframe runtime
// with the reason, running the same files (nothing is lost in the switch).

import type { ProjectFiles } from "../../project/files";
import { createIframeSandbox, type IframeSandboxOptions } from "../iframe";
import type { MountOptions, Sandbox, SandboxKind } from "../sandbox";
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
