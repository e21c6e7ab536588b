// Whether the person turned game sound off. Kept in this browser's localStorage so the IDE's
// preview and the /play page both remember it across reloads; never in project files or links.

export const SOUND_OFF_STORAGE_KEY = "playforge.soundOff";

/** Storage that is missing or refuses access (private modes, blocked storage) reads as "sound on". */
export function readSoundOff(storage: Storage | undefined = globalThis.localStorage): boolean {
  try {
    return storage?.getItem(SOUND_OFF_STORAGE_KEY) === "1";
  } catch {
    return false;
  }
}

/** Best effort: a full or blocked storage only means the choice is not remembered. */
export function writeSoundOff(off: boolean, storage: Storage | undefined = globalThis.localStorage): void {
  try {
    if (off) storage?.setItem(SOUND_OFF_STORAGE_KEY, "1");
    else storage?.removeItem(SOUND_OFF_STORAGE_KEY);
  } catch {
    // Not remembered; the game is still muted or unmuted now.
  }
}
