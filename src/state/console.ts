// The console panel's lines: game console output, game errors and the IDE's own notices about
// the run (started, froze, failed). Repeated identical lines collapse into one with a count.

import { createStore, type StoreApi } from "zustand/vanilla";
import type { ConsoleLevel, GameErrorKind, SourceLocation } from "../runtime";

export const MAX_CONSOLE_ENTRIES = 500;

export type ConsoleEntryLevel = ConsoleLevel | "system";

export interface ConsoleEntry {
  id: number;
  level: ConsoleEntryLevel;
  text: string;
  /** Set for game errors (error, syntax, module, loop, frozen...). */
  errorKind?: GameErrorKind;
  location?: SourceLocation;
  stack?: string;
  /** How many identical lines in a row this entry stands for. */
  repeat: number;
}

export type NewConsoleEntry = Omit<ConsoleEntry, "id" | "repeat">;

export interface ConsoleState {
  entries: ConsoleEntry[];
  append(entry: NewConsoleEntry): void;
  clear(): void;
}

export type ConsoleStore = StoreApi<ConsoleState>;

function sameLine(a: ConsoleEntry, b: NewConsoleEntry): boolean {
  return a.level === b.level && a.text === b.text && a.errorKind === b.errorKind && a.location?.file === b.location?.file && a.location?.line === b.location?.line;
}

export function createConsoleStore(): ConsoleStore {
  let nextId = 1;
  return createStore<ConsoleState>()((set, get) => ({
    entries: [],
    append(entry) {
      const entries = get().entries;
      const last = entries[entries.length - 1];
      if (last && sameLine(last, entry)) {
        set({ entries: [...entries.slice(0, -1), { ...last, repeat: last.repeat + 1 }] });
        return;
      }
      const next = [...entries, { ...entry, id: nextId++, repeat: 1 }];
      set({ entries: next.length > MAX_CONSOLE_ENTRIES ? next.slice(next.length - MAX_CONSOLE_ENTRIES) : next });
    },
    clear() {
      set({ entries: [] });
    },
  }));
}
