// The IDE layout: toolbar on top; chat, file tree, editor, and preview over console (and terminal) below.
// Global shortcuts (Ctrl/Cmd+P, Ctrl/Cmd+S) live here so they work before Monaco has loaded.

import { useEffect } from "react";
import type { TerminalLog, Workbench } from "../state";
import { ChatPanel } from "./chat/ChatPanel";
import { ConsolePanel } from "./console/ConsolePanel";
import { EditorPanel } from "./editor/EditorPanel";
import { QuickOpen } from "./editor/QuickOpen";
import { FileTree } from "./files/FileTree";
import { PreviewPanel } from "./preview/PreviewPanel";
import { ImportDropZone } from "./import/ImportDropZone";
import { Banners } from "./projects/Banners";
import { OfflineBanner } from "./offline";
import { PlaytestHost, PlaytestPanel } from "./report/PlaytestPanel";
import { SettingsDialog } from "./settings/SettingsDialog";
import { Toolbar } from "./Toolbar";
import { WorkbenchProvider } from "./workbench";
import "./styles.css";

function useGlobalShortcuts(workbench: Workbench) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const key = event.key.toLowerCase();
      if (key === "p") {
        event.preventDefault();
        workbench.editor.getState().openPicker();
      } else if (key === "s") {
        event.preventDefault();
        workbench.preview.getState().runNow();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [workbench]);
}

export function App({ workbench, terminal }: { workbench: Workbench; terminal: TerminalLog }) {
  useGlobalShortcuts(workbench);
  return (
    <WorkbenchProvider workbench={workbench}>
      <div className="ide">
        <Toolbar />
        <Banners />
        <OfflineBanner />
        <main className="ide-main">
          <ChatPanel />
          <FileTree />
          <EditorPanel />
          <section className="ide-run" aria-label="Game">
            <PreviewPanel />
            <ConsolePanel terminal={terminal} />
            <PlaytestPanel />
          </section>
        </main>
        <QuickOpen />
        <ImportDropZone />
        <SettingsDialog />
        <PlaytestHost />
      </div>
    </WorkbenchProvider>
  );
}
