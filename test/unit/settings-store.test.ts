// Model settings in this browser: saved and read back, the key kept only for this tab when the
// person asks (shared computers), and unreadable settings falling back to the offline builder.
import { describe, expect, it } from "vitest";
import { createOpenAICompatibleModel } from "../../src/providers";
import { OFFLINE_SETTINGS, STORAGE_KEYS, createSettingsStore, modelPlanOf, switchProvider, type ModelSettings } from "../../src/state";
import { startFakeLlm } from "../fake-llm";
import { memoryStorage } from "../support/memory-storage";

const SETTINGS_STORAGE_KEY = STORAGE_KEYS.settings;
const SESSION_KEY_STORAGE_KEY = STORAGE_KEYS.tabApiKeys;

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
    expect(JSON.parse(tab.getItem(SESSION_KEY_STORAGE_KEY)!)).toEqual({ openai: KEY });
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

  it("keeps a Save that a full localStorage refuses for this page, says it was not kept, and keeps the next one that fits", () => {
    const local = memoryStorage();
    let full = true;
    const setItem = local.setItem.bind(local);
    local.setItem = (key, value) => {
      if (full) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      setItem(key, value);
    };
    const store = createSettingsStore(local, memoryStorage());
    expect(() => store.getState().saveModel(openai)).not.toThrow();
    expect(store.getState().model.provider).toBe("openai");
    expect(store.getState().kept).toBe(false);
    full = false;
    store.getState().setChattiness("chatty");
    expect(store.getState().kept).toBe(true);
    expect(createSettingsStore(local, memoryStorage()).getState()).toMatchObject({ chattiness: "chatty", model: { provider: "openai" } });
  });

  it("starts from the offline builder when the stored settings cannot be read", () => {
    const local = memoryStorage();
    local.setItem(SETTINGS_STORAGE_KEY, "{ not json");
    expect(createSettingsStore(local, memoryStorage()).getState().model.provider).toBe("offline");
  });

  it("keeps a key per provider: switching provider brings that provider's own key, or none", () => {
    const onCustom = switchProvider(openai, "custom");
    expect(onCustom).toMatchObject({ provider: "custom", apiKey: "", baseURL: "" });
    const back = switchProvider({ ...onCustom, baseURL: "http://127.0.0.1:9/v1", apiKey: "local-key" }, "openai");
    expect(back).toMatchObject({ provider: "openai", apiKey: KEY });
    expect(switchProvider(back, "custom")).toMatchObject({ apiKey: "local-key", baseURL: "http://127.0.0.1:9/v1" });

    const local = memoryStorage();
    const tab = memoryStorage();
    createSettingsStore(local, tab).getState().saveModel({ ...back, rememberKey: false });
    expect(local.getItem(SETTINGS_STORAGE_KEY)).not.toContain(KEY);
    expect(local.getItem(SETTINGS_STORAGE_KEY)).not.toContain("local-key");
    const reloaded = createSettingsStore(local, tab).getState().model;
    expect(reloaded).toMatchObject({ provider: "openai", apiKey: KEY, accounts: { custom: { apiKey: "local-key", baseURL: "http://127.0.0.1:9/v1" } } });
  });

  it("never sends the old provider's key to the new provider's endpoint", async () => {
    const fake = await startFakeLlm([{ reply: { content: "hi" } }, { reply: { content: "hi" } }]);
    try {
      const switched = { ...switchProvider(openai, "custom"), baseURL: fake.url, models: { build: "fake-model", fix: "", judge: "" } };
      const [choice] = modelPlanOf(switched)!.roles.build;
      expect(choice).toEqual({ preset: "custom", model: "fake-model", baseURL: fake.url });
      await createOpenAICompatibleModel(choice).complete({ messages: [{ role: "user", content: "hello" }] });
      expect(fake.requests[0].headers.authorization).toBeUndefined();
      expect(JSON.stringify(fake.requests[0])).not.toContain(KEY);

      const own = { ...switched, apiKey: "custom-key" };
      await createOpenAICompatibleModel(modelPlanOf(own)!.roles.build[0]).complete({ messages: [{ role: "user", content: "hello" }] });
      expect(fake.requests[1].headers.authorization).toBe("Bearer custom-key");
    } finally {
      await fake.close();
    }
  });

  it("plans several models per role, each entry on its own provider with that provider's key", () => {
    const setUp = { ...openai, accounts: { openrouter: { baseURL: "", apiKey: "or-key" } }, models: { build: "gpt-4.1, openrouter:openai/gpt-4.1", fix: "gpt-4.1-mini", judge: "" } };
    const plan = modelPlanOf(setUp)!;
    expect(plan.roles.build).toEqual([
      { preset: "openai", model: "gpt-4.1", baseURL: "https://api.openai.com/v1", apiKey: KEY },
      { preset: "openrouter", model: "openai/gpt-4.1", baseURL: "https://openrouter.ai/api/v1", apiKey: "or-key" },
    ]);
    expect(plan.roles.fix).toEqual([{ preset: "openai", model: "gpt-4.1-mini", baseURL: "https://api.openai.com/v1", apiKey: KEY }]);
    expect(plan.roles.judge).toEqual([]);
    // An Ollama tag is a model id, not a provider.
    expect(modelPlanOf({ ...OFFLINE_SETTINGS, provider: "ollama", models: { build: "llama3.1:8b", fix: "", judge: "" } })!.roles.build[0]).toMatchObject({ preset: "ollama", model: "llama3.1:8b" });
    expect(modelPlanOf(OFFLINE_SETTINGS)).toBeNull();
  });

  it("keeps a silence timeout across reloads and gives it to every model of the plan", () => {
    const local = memoryStorage();
    createSettingsStore(local, memoryStorage()).getState().saveModel({ ...openai, timeoutSeconds: 300, models: { build: "gpt-4.1", fix: "gpt-4.1-mini", judge: "" } });
    const reloaded = createSettingsStore(local, memoryStorage()).getState().model;
    expect(reloaded.timeoutSeconds).toBe(300);
    const plan = modelPlanOf(reloaded)!;
    expect([...plan.roles.build!, ...plan.roles.fix!].map((m) => m.timeoutMs)).toEqual([300_000, 300_000]);
    expect(modelPlanOf(openai)!.roles.build[0].timeoutMs).toBeUndefined();
  });
});
