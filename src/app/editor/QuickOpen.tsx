// Ctrl/Cmd+P file picker: type part of a path, arrows to choose, Enter to open, Escape to close.

import { useEffect, useMemo, useState } from "react";
import { useStore } from "zustand";
import { useWorkbench } from "../workbench";

/** Paths containing the query's characters in order, best (shortest, earliest) first. */
export function rankPaths(paths: string[], query: string): string[] {
  const q = query.toLowerCase().replace(/\s+/g, "");
  if (!q) return [...paths].sort();
  const scored: { path: string; score: number }[] = [];
  for (const path of paths) {
    const lower = path.toLowerCase();
    let at = -1;
    let gaps = 0;
    for (const ch of q) {
      const next = lower.indexOf(ch, at + 1);
      if (next < 0) {
        at = -2;
        break;
      }
      gaps += next - at - 1;
      at = next;
    }
    if (at === -2) continue;
    const nameBonus = lower.slice(lower.lastIndexOf("/") + 1).includes(q) ? -1000 : 0;
    scored.push({ path, score: nameBonus + gaps + path.length / 100 });
  }
  return scored.sort((a, b) => a.score - b.score).map((s) => s.path);
}

export function QuickOpen() {
  const { project, editor } = useWorkbench();
  const open = useStore(editor, (s) => s.pickerOpen);
  const files = useStore(project, (s) => s.files);
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState(0);
  const matches = useMemo(() => rankPaths(Object.keys(files), query).slice(0, 50), [files, query]);

  useEffect(() => {
    if (open) {
      setQuery("");
      setSelected(0);
    }
  }, [open]);

  if (!open) return null;
  const close = () => editor.getState().closePicker();
  const choose = (path: string | undefined) => {
    if (path) editor.getState().open(path);
    else close();
  };

  return (
    <div className="quick-open-backdrop" onMouseDown={close}>
      <div className="quick-open" data-testid="quick-open" role="dialog" aria-label="Open file" onMouseDown={(event) => event.stopPropagation()}>
        <input
          data-testid="quick-open-input"
          autoFocus
          placeholder="Open file by name…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setSelected(0);
          }}
          onKeyDown={(event) => {
            if (event.key === "Escape") close();
            else if (event.key === "ArrowDown") setSelected((i) => Math.min(i + 1, matches.length - 1));
            else if (event.key === "ArrowUp") setSelected((i) => Math.max(i - 1, 0));
            else if (event.key === "Enter") choose(matches[selected]);
            else return;
            event.preventDefault();
          }}
        />
        <ul role="listbox">
          {matches.map((path, i) => (
            <li key={path} role="option" aria-selected={i === selected}>
              <button type="button" data-testid="quick-open-item" className={i === selected ? "selected" : ""} onClick={() => choose(path)}>
                {path}
              </button>
            </li>
          ))}
          {matches.length === 0 && <li className="quick-open-empty">No file matches “{query}”.</li>}
        </ul>
      </div>
    </div>
  );
}
