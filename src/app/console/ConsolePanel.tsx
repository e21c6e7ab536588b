// The game's console: log lines and errors, each error naming the project file and line it
// came from; clicking the location opens that line in the editor. A second tab holds the terminal.

import { memo, useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { ConsoleEntry, ConsoleStore, TerminalLog } from "../../state";
import type { SourceLocation } from "../../runtime";
import { TerminalPanel } from "../terminal/TerminalPanel";
import { useWorkbench } from "../workbench";

function formatLocation(location: SourceLocation): string {
  return `${location.file}:${location.line}${location.column ? `:${location.column}` : ""}`;
}

/**
 * The console's entries, read at most once per animation frame: a game that logs hundreds of
 * lines a second must not re-render the IDE hundreds of times a second.
 */
function useEntriesPerFrame(log: ConsoleStore): ConsoleEntry[] {
  const subscribe = useCallback(
    (notify: () => void) => {
      let frame = 0;
      const unsubscribe = log.subscribe(() => {
        if (!frame) frame = requestAnimationFrame(() => ((frame = 0), notify()));
      });
      return () => (unsubscribe(), cancelAnimationFrame(frame));
    },
    [log],
  );
  return useSyncExternalStore(subscribe, () => log.getState().entries);
}

/** A line renders once; later renders of the panel skip it unless its entry changed (a repeat count). */
const ConsoleLine = memo(function ConsoleLine({ entry, onOpen }: { entry: ConsoleEntry; onOpen: (location: SourceLocation) => void }) {
  return (
    <li className={`console-line console-${entry.level}`} data-testid="console-line" data-level={entry.level} data-kind={entry.errorKind} title={entry.stack}>
      {entry.repeat > 1 && <span className="console-repeat">{entry.repeat}</span>}
      <span className="console-text">{entry.text}</span>
      {entry.location && (
        <button type="button" className="console-location" data-testid="console-location" onClick={() => onOpen(entry.location!)}>
          {formatLocation(entry.location)}
        </button>
      )}
    </li>
  );
});

type ConsoleTab = "console" | "terminal";

export function ConsolePanel({ terminal }: { terminal: TerminalLog }) {
  const { console: log, editor } = useWorkbench();
  const entries = useEntriesPerFrame(log);
  const open = useCallback((location: SourceLocation) => editor.getState().openAt(location), [editor]);
  const list = useRef<HTMLOListElement>(null);
  const [tab, setTab] = useState<ConsoleTab>("console");

  // Stay at the bottom as lines arrive, unless the user scrolled up to read; back from the
  // terminal, start at the bottom.
  const shownAt = useRef<ConsoleTab>(tab);
  useEffect(() => {
    const el = list.current;
    const back = shownAt.current !== tab;
    shownAt.current = tab;
    if (el && (back || el.scrollHeight - el.scrollTop - el.clientHeight < 80)) el.scrollTop = el.scrollHeight;
  }, [entries, tab]);

  const tabButton = (id: ConsoleTab, label: string) => (
    <button type="button" role="tab" className="console-tab" data-testid={`${id}-tab`} aria-selected={tab === id} onClick={() => setTab(id)}>
      {label}
    </button>
  );

  return (
    <section className="panel console-panel" data-testid="console-panel" aria-label="Console">
      <div className="panel-title">
        <div className="console-tabs" role="tablist">
          {tabButton("console", "Console")}
          {tabButton("terminal", "Terminal")}
        </div>
        {tab === "console" && (
          <button type="button" data-testid="console-clear" onClick={() => log.getState().clear()}>
            Clear
          </button>
        )}
      </div>
      {tab === "console" ? (
        <ol className="console-lines" ref={list}>
          {entries.map((entry) => (
            <ConsoleLine key={entry.id} entry={entry} onOpen={open} />
          ))}
        </ol>
      ) : (
        <TerminalPanel log={terminal} />
      )}
    </section>
  );
}
