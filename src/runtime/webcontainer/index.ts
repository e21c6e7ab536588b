// The WebContainer runtime's door: the sandbox, its support check and boot error, the fallback
// chooser, and the @webcontainer/api boundary type that tests fake.

export { createWebContainerSandbox, type WebContainerSandboxOptions } from "./sandbox";
export { checkWebContainerSupport, type WebContainerSupport, type SupportScope } from "./support";
export { WebContainerBootError, FALLBACK_NOTE, type WebContainerBootFailure } from "./errors";
export { createRuntimeWithFallback, createPreferredSandbox, type RuntimeDeps, type RuntimeChoice } from "./fallback";
export type { WebContainerApi, Container, ContainerFileSystem, FileSystemTree, WebContainerProcess } from "./boundary";
