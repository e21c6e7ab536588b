// The runtime's DOM-free door: the Sandbox contract, the harness protocol with its reply schemas,
// and the linker. The cores (playtest, ...) and src/node import the runtime only through here;
// index.ts re-exports all of it together with the runtimes, which need a DOM.

export type { Sandbox, SandboxEvents, SandboxKind, MountOptions, ExitReason } from "./sandbox";
export { SandboxBootError, SandboxCommandError, HarnessInterferenceError } from "./sandbox";
export { linkProject, resolveImport, findEntry, type LinkedProgram } from "./linker";
export * from "./harness/protocol";
export { parseCommandResult, type ParsedResult } from "./harness/replies";
