// Whether the person turned game sound off. Kept in this browser's localStorage so the IDE's
// preview and the /play page both remember it across reloads; never in project files or links.

import { readItem, writeItem } from "./browser-storage";

export const SOUND_OFF_STORAGE_KEY = "playforge.soundOff";

/** Storage that is missing or refuses access reads as "sound on". */
export function readSoundOff(storage: Storage | undefined = globalThis.localStorage): boolean {
  return readItem(storage, SOUND_OFF_STORAGE_KEY) === "1";
}

/** Best effort: a full or blocked storage only means the choice is not remembered. */
export function writeSoundOff(off: boolean, storage: Storage | undefined = globalThis.localStorage): void {
  writeItem(storage, SOUND_OFF_STORAGE_KEY, off ? "1" : null);
}
