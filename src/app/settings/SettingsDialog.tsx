// Settings: which model builds games (or the offline builder), its endpoint, key, models per role
// and prices. The key stays in this browser; the dialog says so, and says who else can read it.

import { useEffect, useState } from "react";
import { useStore } from "zustand";
import { PRESETS, type Price, type PresetName } from "../../providers";
import { OFFLINE_LABEL, POWER_SAVER_FPS, powerSaverOn, setPowerSaver, switchProvider, type ModelSettings, type ProviderChoice } from "../../state";
import { useWorkbench } from "../workbench";
import "./settings.css";

const CHOICES: Array<{ value: ProviderChoice; label: string }> = [
  { value: "offline", label: "Offline builder (no model)" },
  ...(Object.keys(PRESETS) as PresetName[]).map((name) => ({ value: name as ProviderChoice, label: PRESETS[name].label })),
];

type PriceRow = { model: string; prompt: string; completion: string };

function priceRows(model: ModelSettings): PriceRow[] {
  return Object.entries(model.prices).map(([id, price]) => ({ model: id, prompt: String(price.prompt), completion: String(price.completion) }));
}

function capText(model: ModelSettings): string {
  return model.maxCostUsd === null ? "" : String(model.maxCostUsd);
}

function timeoutText(model: ModelSettings): string {
  return model.timeoutSeconds ? String(model.timeoutSeconds) : "";
}

/** An optional positive number typed with its unit ("$0.50", "120 s"): null when empty, NaN when not a number. */
function optionalPositive(text: string, unit: RegExp): { value: number | null; bad: boolean } {
  const trimmed = text.trim();
  const value = trimmed === "" ? null : Number(trimmed.replace(unit, ""));
  return { value, bad: value !== null && !(value > 0) };
}

function pricesFrom(rows: PriceRow[]): { prices: Record<string, Price>; problem: string | null } {
  const prices: Record<string, Price> = {};
  for (const row of rows) {
    if (!row.model.trim()) continue;
    const prompt = Number(row.prompt);
    const completion = Number(row.completion);
    if (!Number.isFinite(prompt) || !Number.isFinite(completion) || prompt < 0 || completion < 0) {
      return { prices, problem: `The price of ${row.model} must be two numbers ≥ 0 (USD per million tokens).` };
    }
    prices[row.model.trim()] = { prompt, completion };
  }
  return { prices, problem: null };
}

export function SettingsDialog() {
  const { settings } = useWorkbench();
  const open = useStore(settings, (s) => s.dialogOpen);
  const saved = useStore(settings, (s) => s.model);
  const connection = useStore(settings, (s) => s.connection);
  const [draft, setDraft] = useState<ModelSettings>(saved);
  const [rows, setRows] = useState<PriceRow[]>(priceRows(saved));
  const [saver, setSaver] = useState(() => powerSaverOn());
  const [problem, setProblem] = useState<string | null>(null);
  const [cap, setCap] = useState(capText(saved));
  const [timeout, setTimeoutText] = useState(timeoutText(saved));

  useEffect(() => {
    if (!open) return;
    setDraft(saved);
    setRows(priceRows(saved));
    setCap(capText(saved));
    setTimeoutText(timeoutText(saved));
  }, [open, saved]);
  // Not with `saved`: a Save changes it, and its own problem (storage refused) must stay shown.
  useEffect(() => {
    if (open) setProblem(null);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && settings.getState().closeDialog();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, settings]);

  if (!open) return null;
  const offline = draft.provider === "offline";
  const preset = draft.provider === "offline" ? null : PRESETS[draft.provider];
  const setModel = (role: keyof ModelSettings["models"], value: string) => setDraft({ ...draft, models: { ...draft.models, [role]: value } });

  const complete = (): ModelSettings | null => {
    const { prices, problem: priceProblem } = pricesFrom(rows);
    const capped = optionalPositive(cap, /^\$/);
    const capProblem = capped.bad ? `The spending cap must be a positive number of dollars, like 0.50 (got "${cap.trim()}").` : null;
    const silence = optionalPositive(timeout, /\s*s$/);
    const timeoutProblem = silence.bad ? `The silence timeout must be a positive number of seconds, like 120 (got "${timeout.trim()}").` : null;
    const next = { ...draft, prices, maxCostUsd: capped.value, timeoutSeconds: silence.value };
    const missing = offline ? null : !next.baseURL.trim() && !preset?.baseURL ? "Enter the endpoint's base URL (it usually ends with /v1)." : !next.models.build.trim() ? "Enter the model that builds games (the build role)." : null;
    const found = priceProblem ?? capProblem ?? timeoutProblem ?? missing;
    setProblem(found);
    return found ? null : next;
  };

  const save = () => {
    const next = complete();
    if (!next) return;
    settings.getState().saveModel(next);
    const saverKept = setPowerSaver(saver);
    // A full or blocked storage: the settings hold for this page; say so instead of closing as if kept.
    if (!settings.getState().kept || !saverKept) {
      setProblem("This browser refused to keep these settings (its storage is full or blocked): they hold until this page closes.");
      return;
    }
    settings.getState().closeDialog();
  };

  return (
    <div className="settings-backdrop" onMouseDown={(event) => event.target === event.currentTarget && settings.getState().closeDialog()}>
      <form className="settings-dialog" role="dialog" aria-label="Model settings" data-testid="settings-dialog" onSubmit={(event) => (event.preventDefault(), save())}>
        <header>
          <h2>Model settings</h2>
          <button type="button" onClick={() => settings.getState().closeDialog()} aria-label="Close settings">
            ×
          </button>
        </header>
        <label className="settings-field">
          <span>Provider</span>
          <select data-testid="settings-provider" value={draft.provider} onChange={(event) => setDraft(switchProvider(draft, event.target.value as ProviderChoice))}>
            {CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
        {offline ? (
          <p className="settings-note">The {OFFLINE_LABEL}. It needs no key and no network.</p>
        ) : (
          <>
            <label className="settings-field">
              <span>Base URL</span>
              <input data-testid="settings-base-url" value={draft.baseURL} placeholder={preset?.baseURL ?? "http://127.0.0.1:8080/v1"} onChange={(event) => setDraft({ ...draft, baseURL: event.target.value })} spellCheck={false} />
            </label>
            <label className="settings-field">
              <span>API key{preset && !preset.needsKey ? " (optional)" : ""}</span>
              <input data-testid="settings-api-key" type="password" autoComplete="off" value={draft.apiKey} onChange={(event) => setDraft({ ...draft, apiKey: event.target.value })} spellCheck={false} />
            </label>
            <label className="settings-check">
              <input type="checkbox" data-testid="settings-remember-key" checked={draft.rememberKey !== false} onChange={(event) => setDraft({ ...draft, rememberKey: event.target.checked })} />
              <span>Remember the key in this browser. Uncheck on a shared or classroom computer: the key is then forgotten when this tab closes.</span>
            </label>
            <p className="settings-warning" data-testid="settings-key-warning">
              {draft.rememberKey !== false ? "The key is stored only in this browser (localStorage)" : "The key is kept only until this tab closes (sessionStorage)"} and sent only to {draft.baseURL.trim() || preset?.baseURL || "the endpoint above"}. It never goes into project files, exports or share links, and games cannot read it. Browser extensions you have installed can read it, though: use a key with a spending limit.
            </p>
            <fieldset className="settings-roles">
              <legend>Models per role</legend>
              <p className="settings-note">Several models, preferred first, separated by commas; the next one takes over when one keeps failing. An entry like openrouter:openai/gpt-4.1 uses another provider with the key you gave it.</p>
              {(["build", "fix", "judge"] as const).map((role) => (
                <label key={role} className="settings-field">
                  <span>{role === "build" ? "Build (strongest)" : role === "fix" ? "Fix small errors (cheaper; optional)" : "Judge frames (vision; optional)"}</span>
                  <input data-testid={`settings-model-${role}`} value={draft.models[role]} placeholder={role === "build" ? "e.g. gpt-4.1" : "same as build"} onChange={(event) => setModel(role, event.target.value)} spellCheck={false} />
                </label>
              ))}
            </fieldset>
            <label className="settings-check">
              <input type="checkbox" data-testid="settings-scaffold" checked={draft.scaffold} onChange={(event) => setDraft({ ...draft, scaffold: event.target.checked })} />
              <span>Start a new game from a built-in design when the prompt names one (racing, diving, platformer…): a playable game at once, which the model then refines.</span>
            </label>
            <p className="settings-hint">{preset?.hint}</p>
          </>
        )}
        <fieldset className="settings-prices">
          <legend>Prices (USD per million tokens)</legend>
          {rows.length === 0 && <p className="settings-note">No prices: token counts show, cost stays “price unknown”.</p>}
          {rows.map((row, i) => (
            <div className="settings-price-row" key={i}>
              <input aria-label="Model id" placeholder="model id" value={row.model} onChange={(event) => setRows(rows.map((r, j) => (j === i ? { ...r, model: event.target.value } : r)))} />
              <input aria-label="Prompt price" inputMode="decimal" placeholder="prompt" value={row.prompt} onChange={(event) => setRows(rows.map((r, j) => (j === i ? { ...r, prompt: event.target.value } : r)))} />
              <input aria-label="Completion price" inputMode="decimal" placeholder="completion" value={row.completion} onChange={(event) => setRows(rows.map((r, j) => (j === i ? { ...r, completion: event.target.value } : r)))} />
              <button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))} aria-label={`Remove the price of ${row.model || "this model"}`}>
                −
              </button>
            </div>
          ))}
          <button type="button" className="settings-add-price" onClick={() => setRows([...rows, { model: draft.models.build.split(",")[0].trim(), prompt: "", completion: "" }])}>
            + Add a price
          </button>
          <label className="settings-field settings-cap">
            <span>Stop a run once it has cost (USD; needs a price above; empty = no cap)</span>
            <input data-testid="settings-max-cost" inputMode="decimal" placeholder="e.g. 0.50" value={cap} onChange={(event) => setCap(event.target.value)} />
          </label>
          <label className="settings-field settings-cap">
            <span>Retry a request after the model is silent for (seconds; empty = the provider's default; a slow local model may need 300)</span>
            <input data-testid="settings-timeout" inputMode="decimal" placeholder="default" value={timeout} onChange={(event) => setTimeoutText(event.target.value)} />
          </label>
        </fieldset>
        {problem && <p className="settings-problem" role="alert">{problem}</p>}
        {connection.state !== "idle" && (
          <p className={`settings-connection settings-connection-${connection.state}`} data-testid="settings-connection" data-state={connection.state}>
            {connection.state === "checking" ? "Testing the connection…" : connection.message}
          </p>
        )}
        <label className="settings-check">
          <input type="checkbox" data-testid="settings-power-saver" checked={saver} onChange={(event) => setSaver(event.target.checked)} />
          <span>Power saver: run the game at most {POWER_SAVER_FPS} frames a second (slow laptops, phones on battery; from the next reload). Playtests are not affected.</span>
        </label>
        <footer>
          {!offline && (
            <button type="button" data-testid="settings-test" onClick={() => { const next = complete(); if (next) void settings.getState().testConnection(next); }}>
              Test connection
            </button>
          )}
          <span className="toolbar-spacer" />
          <button type="button" onClick={() => settings.getState().closeDialog()}>
            Cancel
          </button>
          <button type="submit" className="primary" data-testid="settings-save">
            Save
          </button>
        </footer>
      </form>
    </div>
  );
}
