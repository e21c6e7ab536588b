// The runtime subsystem's door: the Sandbox contract and the runtimes that implement it.

export type { Sandbox, SandboxEvents, SandboxKind, MountOptions, ExitReason } from "./sandbox";
export { SandboxBootError, SandboxCommandError, HarnessInterferenceError } from "./sandbox";
export { createIframeSandbox, type IframeSandboxOptions } from "./iframe";
export { linkProject, resolveImport, findEntry, type LinkedProgram } from "./linker";
export { exportHtml, HtmlExportError, type HtmlExportOptions } from "./standalone";
export { harnessScript, type HarnessConfig } from "./harness/harness";
export * from "./harness/protocol";
export { parseCommandResult, type ParsedResult } from "./harness/replies";
export { createWebContainerSandbox, createRuntimeWithFallback, createPreferredSandbox, checkWebContainerSupport, WebContainerBootError, type WebContainerSandboxOptions, type WebContainerApi, type RuntimeDeps, type RuntimeChoice } from "./webcontainer";
