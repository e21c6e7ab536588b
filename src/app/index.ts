// The IDE's React UI. Its door: the App root, the Workbench hooks and the chat panel slot.

export { App } from "./App";
export { WorkbenchProvider, useWorkbench } from "./workbench";
export { ChatPanel } from "./chat/ChatPanel";
