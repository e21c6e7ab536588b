// Whether the person turned game sound off. Kept in this browser's localStorage so the IDE's
// preview and the /play page both remember it across reloads; never in project files or links.

import { browserStorage, readItem, STORAGE_KEYS, writeItem } from "./browser-storage";

/** Storage that is missing or refuses access reads as "sound on". */
export function readSoundOff(storage: Storage | undefined = browserStorage("local")): boolean {
  return readItem(storage, STORAGE_KEYS.soundOff) === "1";
}

/** Best effort: a full or blocked storage only means the choice is not remembered. */
export function writeSoundOff(off: boolean, storage: Storage | undefined = browserStorage("local")): void {
  writeItem(storage, STORAGE_KEYS.soundOff, off ? "1" : null);
}
