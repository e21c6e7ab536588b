// CostMeter: tokens per model × a price table the user can edit, with live totals for the UI.
// Costs are computed from token counts on read, so editing a price re-prices past calls too.

import type { Usage } from "./types";

/** USD per one million tokens. */
export interface Price {
  prompt: number;
  completion: number;
  /** Prompt tokens read from the provider's cache; without it they cost the full prompt price. */
  cachedPrompt?: number;
}

/** Keyed by ChatModel id ("openai:gpt-4o-mini") or bare model id ("gpt-4o-mini"). */
export type PriceTable = Record<string, Price>;

export interface ModelCost {
  calls: number;
  promptTokens: number;
  /** Of promptTokens, read from the provider's prompt cache. */
  cachedPromptTokens: number;
  completionTokens: number;
  usd: number;
  /** False when no price is known for the model: usd is 0 and the UI should say "price unknown". */
  priced: boolean;
  /** True when some of the tokens were estimated because the endpoint reported none. */
  estimated: boolean;
}

export interface CostTotals {
  perModel: Record<string, ModelCost>;
  overall: { calls: number; promptTokens: number; completionTokens: number; usd: number; unpricedModels: string[] };
}

export interface CostMeter {
  record(model: string, usage: Usage): void;
  totals(): CostTotals;
  prices(): PriceTable;
  /** Sets or (with undefined) removes a model's price; listeners get the re-priced totals. */
  setPrice(model: string, price: Price | undefined): void;
  subscribe(listener: (totals: CostTotals) => void): () => void;
  reset(): void;
}

export function createCostMeter(initialPrices: PriceTable = {}): CostMeter {
  const prices: PriceTable = { ...initialPrices };
  const tokens = new Map<string, { calls: number; promptTokens: number; cachedPromptTokens: number; completionTokens: number; estimated: boolean }>();
  const listeners = new Set<(totals: CostTotals) => void>();

  const priceOf = (model: string): Price | undefined => prices[model] ?? prices[model.slice(model.indexOf(":") + 1)];

  function totals(): CostTotals {
    const perModel: Record<string, ModelCost> = {};
    const overall = { calls: 0, promptTokens: 0, completionTokens: 0, usd: 0, unpricedModels: [] as string[] };
    for (const [model, t] of tokens) {
      const price = priceOf(model);
      const usd = price ? priceOfTokens(price, t) : 0;
      perModel[model] = { ...t, usd, priced: !!price };
      overall.calls += t.calls;
      overall.promptTokens += t.promptTokens;
      overall.completionTokens += t.completionTokens;
      overall.usd += usd;
      if (!price) overall.unpricedModels.push(model);
    }
    return { perModel, overall };
  }

  const notify = () => {
    const snapshot = totals();
    for (const listener of listeners) listener(snapshot);
  };

  return {
    record(model, usage) {
      const t = tokens.get(model) ?? { calls: 0, promptTokens: 0, cachedPromptTokens: 0, completionTokens: 0, estimated: false };
      t.calls++;
      t.promptTokens += usage.promptTokens;
      t.cachedPromptTokens += Math.min(usage.promptTokens, usage.cachedPromptTokens ?? 0);
      t.completionTokens += usage.completionTokens;
      t.estimated ||= !!usage.estimated;
      tokens.set(model, t);
      notify();
    },
    totals,
    prices: () => ({ ...prices }),
    setPrice(model, price) {
      if (price) prices[model] = { ...price };
      else delete prices[model];
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reset() {
      tokens.clear();
      notify();
    },
  };
}

/** USD for the tokens at a price; cached prompt tokens at the cached price when the price has one. */
export function priceOfTokens(price: Price, usage: { promptTokens: number; cachedPromptTokens?: number; completionTokens: number }): number {
  const cached = Math.min(usage.promptTokens, usage.cachedPromptTokens ?? 0);
  const fresh = usage.promptTokens - cached;
  return (fresh * price.prompt + cached * (price.cachedPrompt ?? price.prompt) + usage.completionTokens * price.completion) / 1_000_000;
}
