// Power saver (Settings): live games run at most 30 frames a second, for slow school laptops and
// phones on battery; playtests are unaffected (their time is virtual). Kept in this browser, like
// the sound choice (sound.ts). "0" is kept too: an explicit "off" is a choice.

import { browserStorage, readItem, STORAGE_KEYS, writeItem } from "./browser-storage";

export const POWER_SAVER_FPS = 30;

/** Storage that is missing or refuses access reads as "off". */
export function powerSaverOn(storage: Storage | undefined = browserStorage("local")): boolean {
  return readItem(storage, STORAGE_KEYS.powerSaver) === "1";
}

/** Saves the choice; false when the browser refused to store it (it then holds for this page only). */
export function setPowerSaver(on: boolean, storage: Storage | undefined = browserStorage("local")): boolean {
  return writeItem(storage, STORAGE_KEYS.powerSaver, on ? "1" : "0");
}

/** The live frame cap for a new game page: 30 with power saver on, otherwise the display's rate. */
export function liveFrameCap(): number | undefined {
  return powerSaverOn() ? POWER_SAVER_FPS : undefined;
}
