// Model settings: which endpoint builds the game (or the offline builder when none), models per
// role, an API key per provider and prices. Kept in this browser's localStorage only (the keys, if
// the person asks, only in this tab's sessionStorage): never in project files, share links or
// exports, and each key is only sent to its own provider's endpoint.

import { createStore, type StoreApi } from "zustand/vanilla";
import type { Chattiness, ModelPlan } from "../agent";
import { PRESETS, type PresetName, type PriceTable, type ProviderModelOptions } from "../providers";
import { browserStorage, readItem, STORAGE_KEYS, writeItem } from "./browser-storage";

export type ProviderChoice = "offline" | PresetName;

/** One provider's endpoint and key. */
export interface ProviderAccount {
  /** Empty = the preset's own URL. */
  baseURL: string;
  apiKey: string;
}

export interface ModelSettings {
  provider: ProviderChoice;
  /** The chosen provider's base URL; empty = the preset's own URL. */
  baseURL: string;
  /** The chosen provider's key. */
  apiKey: string;
  /**
   * Every other provider the person has set up, by preset: switching provider swaps the base URL
   * and key in and out of here, so a key is never sent to another provider's endpoint.
   */
  accounts?: Partial<Record<PresetName, ProviderAccount>>;
  /** False: the key is kept only until this tab closes (shared or classroom computers). Default true. */
  rememberKey?: boolean;
  /**
   * Models per role, comma-separated, preferred first ("gpt-4.1, gpt-4.1-mini"). An entry may name
   * another provider set up here: "openrouter:openai/gpt-4.1".
   */
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
  /**
   * Seconds an endpoint may stay silent before the request is retried (a slow local model needs
   * more, a stuck one is noticed sooner); null or absent = each provider's default.
   */
  timeoutSeconds?: number | null;
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
  /** False when this browser refused to keep the last change (full or blocked storage): it holds until the page closes. */
  kept: boolean;
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

/**
 * Switches the chosen provider: the current base URL and key are kept under the old provider,
 * and the new provider's own (or none) come in.
 */
export function switchProvider(model: ModelSettings, next: ProviderChoice): ModelSettings {
  if (next === model.provider) return model;
  const accounts = { ...model.accounts };
  if (model.provider !== "offline") accounts[model.provider] = { baseURL: model.baseURL, apiKey: model.apiKey };
  const incoming = next === "offline" ? undefined : accounts[next];
  return { ...model, provider: next, baseURL: incoming?.baseURL ?? "", apiKey: incoming?.apiKey ?? "", accounts };
}

/** The account of `preset`: the chosen provider's fields, or the one kept for it. */
function accountOf(model: ModelSettings, preset: PresetName): ProviderAccount {
  if (preset === model.provider) return { baseURL: model.baseURL, apiKey: model.apiKey };
  return model.accounts?.[preset] ?? { baseURL: "", apiKey: "" };
}

/** "gpt-4.1, openrouter:openai/gpt-4.1" → the chain of models, each on its own provider. */
function chainOf(model: ModelSettings, list: string): ProviderModelOptions[] {
  const own = model.provider === "offline" ? "custom" : model.provider;
  return list
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf(":");
      const named = at > 0 ? entry.slice(0, at) : "";
      const preset = named in PRESETS ? (named as PresetName) : own;
      const id = preset === named ? entry.slice(at + 1).trim() : entry;
      const account = accountOf(model, preset);
      const baseURL = account.baseURL.trim() || PRESETS[preset].baseURL;
      const timeout = model.timeoutSeconds ? { timeoutMs: model.timeoutSeconds * 1000 } : {};
      return { preset, model: id, ...(baseURL ? { baseURL: baseURL.replace(/\/+$/, "") } : {}), ...(account.apiKey ? { apiKey: account.apiKey } : {}), ...timeout };
    });
}

/** The run factory's model plan for these settings, or null for the offline builder. */
export function modelPlanOf(model: ModelSettings): ModelPlan | null {
  if (!usesProvider(model)) return null;
  return {
    roles: { build: chainOf(model, model.models.build), fix: chainOf(model, model.models.fix), judge: chainOf(model, model.models.judge) },
    prices: model.prices,
  };
}

/** The spending cap a run obeys: only a real model costs anything. */
export function costCapOf(model: ModelSettings): number | null {
  return usesProvider(model) ? model.maxCostUsd : null;
}

function readStored(storage: Storage | undefined, session: Storage | undefined): { model: ModelSettings; chattiness: Chattiness } {
  const fallback = { model: OFFLINE_SETTINGS, chattiness: "normal" as Chattiness };
  const raw = readItem(storage, STORAGE_KEYS.settings);
  if (!raw) return fallback;
  try {
    const parsed = JSON.parse(raw) as Partial<{ model: Partial<ModelSettings>; chattiness: Chattiness }>;
    const m = parsed.model ?? {};
    const provider = m.provider === "offline" || (typeof m.provider === "string" && m.provider in PRESETS) ? m.provider : "offline";
    const tabKeys = m.rememberKey === false ? readTabKeys(session, provider) : {};
    const keyOf = (name: string, stored: unknown) => (m.rememberKey === false ? (tabKeys[name] ?? "") : typeof stored === "string" ? stored : "");
    const accounts: Partial<Record<PresetName, ProviderAccount>> = {};
    for (const [name, account] of Object.entries(m.accounts ?? {})) {
      if (!(name in PRESETS) || name === provider || !account || typeof account !== "object") continue;
      accounts[name as PresetName] = { baseURL: typeof account.baseURL === "string" ? account.baseURL : "", apiKey: keyOf(name, account.apiKey) };
    }
    return {
      model: {
        provider,
        baseURL: typeof m.baseURL === "string" ? m.baseURL : "",
        apiKey: keyOf(provider, m.apiKey),
        accounts,
        rememberKey: m.rememberKey !== false,
        models: { build: m.models?.build ?? "", fix: m.models?.fix ?? "", judge: m.models?.judge ?? "" },
        prices: m.prices && typeof m.prices === "object" ? m.prices : {},
        scaffold: m.scaffold === true,
        maxCostUsd: typeof m.maxCostUsd === "number" && m.maxCostUsd > 0 ? m.maxCostUsd : null,
        timeoutSeconds: typeof m.timeoutSeconds === "number" && m.timeoutSeconds > 0 ? m.timeoutSeconds : null,
      },
      chattiness: parsed.chattiness === "quiet" || parsed.chattiness === "chatty" ? parsed.chattiness : "normal",
    };
  } catch {
    // Unreadable settings (edited by hand, older format): start from the offline builder.
    return fallback;
  }
}

/** The tab's keys by provider; an older tab kept one plain key, for the chosen provider. */
function readTabKeys(session: Storage | undefined, provider: string): Record<string, string> {
  const raw = readItem(session, STORAGE_KEYS.tabApiKeys);
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
      return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    }
  } catch {
    // Not JSON: the older format, one key.
  }
  return { [provider]: raw };
}

/** Writes the settings; keys that are not to be remembered go to `session` only. False when the browser refused. */
function writeStored(storage: Storage | undefined, session: Storage | undefined, model: ModelSettings, chattiness: Chattiness): boolean {
  const remember = model.rememberKey !== false;
  const keys: Record<string, string> = {};
  if (model.apiKey) keys[model.provider] = model.apiKey;
  for (const [name, account] of Object.entries(model.accounts ?? {})) if (account?.apiKey) keys[name] = account.apiKey;
  const keyless = {
    ...model,
    apiKey: "",
    accounts: Object.fromEntries(Object.entries(model.accounts ?? {}).map(([name, account]) => [name, { baseURL: account?.baseURL ?? "", apiKey: "" }])),
  };
  const kept = writeItem(storage, STORAGE_KEYS.settings, JSON.stringify({ model: remember ? model : keyless, chattiness }));
  // Without session storage keys not to be remembered live in memory only, until a reload.
  writeItem(session, STORAGE_KEYS.tabApiKeys, !remember && Object.keys(keys).length ? JSON.stringify(keys) : null);
  return kept;
}

export function createSettingsStore(storage: Storage | undefined = browserStorage("local"), session: Storage | undefined = browserStorage("session")): SettingsStore {
  const initial = readStored(storage, session);
  const store = createStore<SettingsState>()((set, get) => ({
    ...initial,
    dialogOpen: false,
    connection: { state: "idle" },
    kept: true,
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
    const kept = writeStored(storage, session, state.model, state.chattiness);
    if (kept !== state.kept) store.setState({ kept });
  });
  return store;
}

/** GET <base>/models: proves the URL and key work and whether the build model is known there. */
async function checkEndpoint(model: ModelSettings, signal?: AbortSignal): Promise<ConnectionCheck> {
  const base = endpointOf(model);
  if (!base) return { state: "failed", message: model.provider === "offline" ? "The offline builder needs no connection." : "Enter a base URL (it usually ends with /v1)." };
  // Anthropic's own API takes the key in x-api-key; every OpenAI-compatible one as a bearer token.
  const headers: Record<string, string> =
    model.provider === "anthropic"
      ? { "anthropic-version": "2023-06-01", "anthropic-dangerous-direct-browser-access": "true", ...(model.apiKey ? { "x-api-key": model.apiKey } : {}) }
      : model.apiKey
        ? { Authorization: `Bearer ${model.apiKey}` }
        : {};
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
