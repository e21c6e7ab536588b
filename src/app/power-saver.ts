// Power saver (Settings): live games run at most 30 frames a second, for slow school laptops and
// phones on battery; playtests are unaffected (their time is virtual). Kept in this browser.

const KEY = "playforge.powerSaver";
export const POWER_SAVER_FPS = 30;

export function powerSaverOn(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): boolean {
  try {
    return storage?.getItem(KEY) === "1";
  } catch {
    return false;
  }
}

/** Saves the choice; false when the browser refused to store it (it then holds for this page only). */
export function setPowerSaver(on: boolean, storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage): boolean {
  try {
    storage?.setItem(KEY, on ? "1" : "0");
    return true;
  } catch {
    return false;
  }
}

/** The live frame cap for a new game page: 30 with power saver on, otherwise the display's rate. */
export function liveFrameCap(): number | undefined {
  return powerSaverOn() ? POWER_SAVER_FPS : undefined;
}
