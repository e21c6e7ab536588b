// Drag a .zip or a project folder anywhere onto the IDE to import it as a new project. While
// something is dragged over the window an overlay says what dropping will do.

import { useEffect, useState } from "react";
import { useWorkbench } from "../workbench";
import { useImport } from "./useImport";
import { droppedEntries, readDropped } from "./dropped";
import "./import.css";

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") ?? false;

export function ImportDropZone() {
  const { persistence } = useWorkbench();
  const importFiles = useImport();
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every child element; count them to know when the drag left the window.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser would open the dropped file and leave the IDE.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event) || !event.dataTransfer) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const dropped = droppedEntries(event.dataTransfer);
      setBusy(true);
      void readDropped(dropped)
        .then(importFiles, (error: unknown) =>
          persistence.getState().showBanner({ kind: "import", message: `Could not read what was dropped: ${error instanceof Error ? error.message : String(error)}. Try a zip of the folder instead.` }),
        )
        .finally(() => setBusy(false));
    };
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragleave", leave);
    window.addEventListener("dragover", over);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
    };
  }, [importFiles, persistence]);

  if (!dragging && !busy) return null;
  return (
    <div className="import-drop" data-testid="import-drop" aria-live="polite">
      <p>{busy ? "Importing…" : "Drop a .zip or a project folder to open it as a new project"}</p>
    </div>
  );
}
