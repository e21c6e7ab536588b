// IDE entry: a Workbench on the starter project, running in the iframe runtime, rendered by React.

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { startPersistence } from "./app/projects/startup";
import { loadPhaserGuides } from "./app/guides";
import { starterProject } from "./project/starter";
import { createIframeSandbox } from "./runtime";
import { createWorkbench } from "./state";

const workbench = createWorkbench({ files: starterProject(), createSandbox: createIframeSandbox, loadGuides: loadPhaserGuides });

// Open the stored (or remixed) project before the first render, so the starter never flashes by.
await startPersistence(workbench);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element for the IDE to render into.");
createRoot(root).render(
  <StrictMode>
    <App workbench={workbench} />
  </StrictMode>,
);
