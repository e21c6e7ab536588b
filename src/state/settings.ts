// Model settings: which endpoint builds the game (or the offline builder when none), models per
// role, the API key and prices. Kept in this browser's localStorage only (the key, if the person
// asks, only in this tab's sessionStorage): never in project files, share links or exports, and
// the key is only sent to the chosen endpoint.

import { createStore, type StoreApi } from "zustand/vanilla";
import type { Chattiness } from "../agent";
import { PRESETS, type PresetName, type PriceTable } from "../providers";
import { readItem, writeItem } from "./browser-storage";

export const SETTINGS_STORAGE_KEY = "playforge.settings.v1";
/** Where the key lives when it is not remembered: this tab's sessionStorage, gone when it closes. */
export const SESSION_KEY_STORAGE_KEY = "playforge.settings.v1.apiKey";

export type ProviderChoice = "offline" | PresetName;

export interface ModelSettings {
  provider: ProviderChoice;
  /** Empty = the preset's own URL. */
  baseURL: string;
  apiKey: string;
  /** False: the key is kept only until this tab closes (shared or classroom computers). Default true. */
  rememberKey?: boolean;
  models: { build: string; fix: string; judge: string };
  /** USD per million tokens, keyed by model id. */
  prices: PriceTable;
  /**
   * A new game whose prompt names a built-in design starts as the offline builder's playable game,
   * and the model refines it (a working game in the first second).
   */
  scaffold: boolean;
  /** A run stops once it has cost this many USD (needs a price for the model); null = no cap. */
  maxCostUsd: number | null;
}

export type ConnectionCheck =
  | { state: "idle" }
  | { state: "checking" }
  | { state: "ok"; message: string }
  | { state: "failed"; message: string };

export interface SettingsState {
  model: ModelSettings;
  chattiness: Chattiness;
  dialogOpen: boolean;
  connection: ConnectionCheck;
  saveModel(model: ModelSettings): void;
  setChattiness(chattiness: Chattiness): void;
  openDialog(): void;
  closeDialog(): void;
  /** Asks the endpoint for its model list with the given settings (not yet saved). */
  testConnection(model: ModelSettings, signal?: AbortSignal): Promise<void>;
}

export type SettingsStore = StoreApi<SettingsState>;

export const OFFLINE_SETTINGS: ModelSettings = { provider: "offline", baseURL: "", apiKey: "", models: { build: "", fix: "", judge: "" }, prices: {}, scaffold: false, maxCostUsd: null };

/** The base URL requests go to, or null for the offline builder / a custom preset without one. */
export function endpointOf(model: ModelSettings): string | null {
  if (model.provider === "offline") return null;
  const url = model.baseURL.trim() || PRESETS[model.provider].baseURL;
  return url ? url.replace(/\/+$/, "") : null;
}

/** True when a real model should build: a provider with an endpoint and a build model. */
export function usesProvider(model: ModelSettings): boolean {
  return endpointOf(model) !== null && model.models.build.trim() !== "";
}

/** The spending cap a run obeys: only a real model costs anything. */
export function costCapOf(model: ModelSettings): number | null {
  return usesProvider(model) ? model.maxCostUsd : null;
}

function readStored(storage: Storage | undefined, session: Storage | undefined): { model: ModelSettings; chattiness: Chattiness } {
  const fallback = { model: OFFLINE_SETTINGS, chattiness: "normal" as Chattiness };
  try {
    const raw = storage?.getItem(SETTINGS_STORAGE_KEY);
    if (!raw) return fallback;
    const parsed = JSON.parse(raw) as Partial<{ model: Partial<ModelSettings>; chattiness: Chattiness }>;
    const m = parsed.model ?? {};
    const provider = m.provider === "offline" || (typeof m.provider === "string" && m.provider in PRESETS) ? m.provider : "offline";
    return {
      model: {
        provider,
        baseURL: typeof m.baseURL === "string" ? m.baseURL : "",
        apiKey: m.rememberKey === false ? (readItem(session, SESSION_KEY_STORAGE_KEY) ?? "") : typeof m.apiKey === "string" ? m.apiKey : "",
        rememberKey: m.rememberKey !== false,
        models: { build: m.models?.build ?? "", fix: m.models?.fix ?? "", judge: m.models?.judge ?? "" },
        prices: m.prices && typeof m.prices === "object" ? m.prices : {},
        scaffold: m.scaffold === true,
        maxCostUsd: typeof m.maxCostUsd === "number" && m.maxCostUsd > 0 ? m.maxCostUsd : null,
      },
      chattiness: parsed.chattiness === "quiet" || parsed.chattiness === "chatty" ? parsed.chattiness : "normal",
    };
  } catch {
    // Unreadable settings (edited by hand, older format): start from the offline builder.
    return fallback;
  }
}

/** Writes the settings; a key that is not to be remembered goes to `session` only. */
function writeStored(storage: Storage | undefined, session: Storage | undefined, model: ModelSettings, chattiness: Chattiness) {
  const remember = model.rememberKey !== false;
  storage?.setItem(SETTINGS_STORAGE_KEY, JSON.stringify({ model: remember ? model : { ...model, apiKey: "" }, chattiness }));
  // Without session storage a key not to be remembered lives in memory only, until a reload.
  writeItem(session, SESSION_KEY_STORAGE_KEY, !remember && model.apiKey ? model.apiKey : null);
}

export function createSettingsStore(storage: Storage | undefined = globalThis.localStorage, session: Storage | undefined = globalThis.sessionStorage): SettingsStore {
  const initial = readStored(storage, session);
  const store = createStore<SettingsState>()((set, get) => ({
    ...initial,
    dialogOpen: false,
    connection: { state: "idle" },
    saveModel(model) {
      set({ model, connection: { state: "idle" } });
    },
    setChattiness(chattiness) {
      set({ chattiness });
    },
    openDialog() {
      set({ dialogOpen: true, connection: { state: "idle" } });
    },
    closeDialog() {
      set({ dialogOpen: false });
    },
    async testConnection(model, signal) {
      set({ connection: { state: "checking" } });
      const result = await checkEndpoint(model, signal);
      if (get().connection.state === "checking") set({ connection: result });
    },
  }));
  store.subscribe((state, previous) => {
    if (state.model === previous.model && state.chattiness === previous.chattiness) return;
    writeStored(storage, session, state.model, state.chattiness);
  });
  return store;
}

/** GET <base>/models: proves the URL and key work and whether the build model is known there. */
async function checkEndpoint(model: ModelSettings, signal?: AbortSignal): Promise<ConnectionCheck> {
  const base = endpointOf(model);
  if (!base) return { state: "failed", message: model.provider === "offline" ? "The offline builder needs no connection." : "Enter a base URL (it usually ends with /v1)." };
  const headers: Record<string, string> = model.apiKey ? { Authorization: `Bearer ${model.apiKey}` } : {};
  let response: Response;
  try {
    response = await fetch(`${base}/models`, { headers, signal: signal ?? AbortSignal.timeout(15_000) });
  } catch (error) {
    return { state: "failed", message: `Could not reach ${base}/models (${error instanceof Error ? error.message : String(error)}). Check the URL, that the server runs, and CORS for local servers.` };
  }
  if (response.status === 401 || response.status === 403) return { state: "failed", message: `${base} rejected the API key (HTTP ${response.status}). Check the key.` };
  if (!response.ok) return { state: "failed", message: `${base}/models answered HTTP ${response.status}. Check the base URL (it usually ends with /v1).` };
  const body = (await response.json().catch(() => null)) as { data?: Array<{ id?: unknown }> } | null;
  const ids = (body?.data ?? []).map((entry) => String(entry.id));
  const wanted = model.models.build.trim();
  if (wanted && ids.length > 0 && !ids.includes(wanted)) {
    return { state: "failed", message: `Connected, but ${base} does not list "${wanted}". It offers: ${ids.slice(0, 8).join(", ")}${ids.length > 8 ? "…" : ""}.` };
  }
  return { state: "ok", message: `Connected to ${base}: ${ids.length} model${ids.length === 1 ? "" : "s"} available${wanted ? `, including ${wanted}` : ""}.` };
}
