// Model settings in this browser: saved and read back, the key kept only for this tab when the
// person asks (shared computers), and unreadable settings falling back to the offline builder.
import { describe, expect, it } from "vitest";
import { OFFLINE_SETTINGS, SETTINGS_STORAGE_KEY, createSettingsStore, type ModelSettings } from "../../src/state";
import { SESSION_KEY_STORAGE_KEY } from "../../src/state/settings";
import { memoryStorage } from "../support/memory-storage";

const KEY = "sk-test-0123456789";
const openai: ModelSettings = { ...OFFLINE_SETTINGS, provider: "openai", apiKey: KEY, models: { build: "gpt-4.1", fix: "", judge: "" } };

describe("settings store", () => {
  it("remembers the model and the key across reloads by default", () => {
    const local = memoryStorage();
    createSettingsStore(local, memoryStorage()).getState().saveModel(openai);
    const reloaded = createSettingsStore(local, memoryStorage()).getState().model;
    expect(reloaded).toMatchObject({ provider: "openai", apiKey: KEY, rememberKey: true, models: { build: "gpt-4.1" } });
  });

  it("keeps a key that is not to be remembered out of localStorage, for this tab only", () => {
    const local = memoryStorage();
    const tab = memoryStorage();
    createSettingsStore(local, tab).getState().saveModel({ ...openai, rememberKey: false });
    expect(local.getItem(SETTINGS_STORAGE_KEY)).not.toContain(KEY);
    expect(tab.getItem(SESSION_KEY_STORAGE_KEY)).toBe(KEY);
    // A reload in the same tab still has it.
    expect(createSettingsStore(local, tab).getState().model).toMatchObject({ apiKey: KEY, rememberKey: false });
    // A new tab (or the browser reopened) has the settings without the key.
    expect(createSettingsStore(local, memoryStorage()).getState().model).toMatchObject({ provider: "openai", apiKey: "", rememberKey: false, models: { build: "gpt-4.1" } });
  });

  it("moves the key back to localStorage, and out of the tab's storage, when remembering is turned on again", () => {
    const local = memoryStorage();
    const tab = memoryStorage();
    const store = createSettingsStore(local, tab);
    store.getState().saveModel({ ...openai, rememberKey: false });
    store.getState().saveModel({ ...openai, rememberKey: true });
    expect(local.getItem(SETTINGS_STORAGE_KEY)).toContain(KEY);
    expect(tab.getItem(SESSION_KEY_STORAGE_KEY)).toBeNull();
  });

  it("starts from the offline builder when the stored settings cannot be read", () => {
    const local = memoryStorage();
    local.setItem(SETTINGS_STORAGE_KEY, "{ not json");
    expect(createSettingsStore(local, memoryStorage()).getState().model.provider).toBe("offline");
  });
});
