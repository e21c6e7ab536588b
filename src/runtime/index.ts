// The runtime subsystem's door: the Sandbox contract and the runtimes that implement it. The
// DOM-free part (contract, protocol, linker) is also its own door, contract.ts, for the cores.

export * from "./contract";
export { createIframeSandbox, type IframeSandboxOptions } from "./iframe";
export { exportHtml, HtmlExportError, type HtmlExportOptions } from "./standalone";
export { harnessScript, type HarnessConfig } from "./harness/harness";
export { createWebContainerSandbox, createRuntimeWithFallback, createPreferredSandbox, checkWebContainerSupport, WebContainerBootError, type WebContainerSandboxOptions, type WebContainerApi, type RuntimeDeps, type RuntimeChoice } from "./webcontainer";
