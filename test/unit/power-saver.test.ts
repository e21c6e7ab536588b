// Settings → Power saver: the choice is kept in this browser and becomes the live frame cap.
import { describe, expect, it } from "vitest";
import { POWER_SAVER_FPS, powerSaverOn, setPowerSaver } from "../../src/state";
import { memoryStorage } from "../support/memory-storage";

describe("power saver", () => {
  it("is off until chosen, and a choice is read back", () => {
    const storage = memoryStorage();
    expect(powerSaverOn(storage)).toBe(false);
    expect(setPowerSaver(true, storage)).toBe(true);
    expect(powerSaverOn(storage)).toBe(true);
    setPowerSaver(false, storage);
    expect(powerSaverOn(storage)).toBe(false);
    expect(POWER_SAVER_FPS).toBe(30);
  });

  it("says so when the browser refuses to store it, and reads a blocked storage as off", () => {
    const blocked = { getItem: () => { throw new Error("blocked"); }, setItem: () => { throw new Error("quota"); } } as unknown as Storage;
    expect(setPowerSaver(true, blocked)).toBe(false);
    expect(powerSaverOn(blocked)).toBe(false);
  });
});
