// The boundary to @webcontainer/api: the few calls the WebContainer runtime makes, typed so the
// real library and the test fake both fit, and the lazy loader for the real library.

import type { BootOptions, FileSystemTree, PreviewScriptOptions, SpawnOptions, WebContainerProcess } from "@webcontainer/api";

export type { FileSystemTree, WebContainerProcess };

export interface ContainerFileSystem {
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<string>;
  rm(path: string, options?: { force?: boolean; recursive?: boolean }): Promise<void>;
}

/** The part of a booted `WebContainer` the runtime uses. */
export interface Container {
  readonly fs: ContainerFileSystem;
  mount(tree: FileSystemTree): Promise<void>;
  spawn(command: string, args: string[], options?: SpawnOptions): Promise<WebContainerProcess>;
  on(event: "server-ready", listener: (port: number, url: string) => void): () => void;
  on(event: "error", listener: (error: { message: string }) => void): () => void;
  setPreviewScript(scriptSrc: string, options?: PreviewScriptOptions): Promise<void>;
  teardown(): void;
}

/** What `createWebContainerSandbox` needs from the library: `WebContainer.boot`. */
export interface WebContainerApi {
  boot(options?: BootOptions): Promise<Container>;
}

/**
 * The real library, imported only when a WebContainer is first booted so the IDE's first load
 * does not pay for it.
 */
export const browserWebContainerApi: WebContainerApi = {
  async boot(options) {
    const { WebContainer } = await import("@webcontainer/api");
    return WebContainer.boot(options);
  },
};
