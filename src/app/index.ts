// The IDE's React UI. Its door: the App root, the Workbench hooks, the chat panel slot and what
// src/main.tsx starts the IDE with.

export { App } from "./App";
export { WorkbenchProvider, useWorkbench } from "./workbench";
export { ChatPanel } from "./chat/ChatPanel";
export { startPersistence } from "./projects/startup";
export { loadPhaserGuides } from "./guides";
export { checkTypesInWorker } from "./chat/typecheck-client";
export { chosenRuntime } from "./runtime-choice";
export { phaserUrlForGamePage } from "./offline";
