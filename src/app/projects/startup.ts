// Starts persistence for the IDE page: links the agent's chat and playtest thumbnails to it, opens
// the project before the first render, takes remix links pasted into an open IDE, and writes
// pending changes when the tab is hidden or closed.

import { linkAgentToPersistence, type Workbench } from "../../state";
import { builderSpecCompiler } from "../../builder";
import { keepPlaytestThumbnails } from "./thumbnails";

const codec = { specCompiler: builderSpecCompiler };

export async function startPersistence(workbench: Workbench, win: Window = window): Promise<void> {
  const persistence = workbench.persistence;
  linkAgentToPersistence(workbench.agent, persistence);
  keepPlaytestThumbnails(workbench);
  await persistence.getState().start(win.location, win.history, codec);
  // The pending save may be the last chance before the page goes away; failures show as banners.
  // IndexedDB may not finish while the page unloads, so the store also backs the change up
  // synchronously, and the next start applies it.
  const flush = () => {
    persistence.getState().backUpUnsaved();
    void persistence.getState().flush().catch(() => undefined);
  };
  win.document.addEventListener("visibilitychange", () => {
    if (win.document.visibilityState === "hidden") flush();
  });
  win.addEventListener("pagehide", flush);
  win.addEventListener("hashchange", () => void persistence.getState().openRemix(win.location, win.history, codec));
}
