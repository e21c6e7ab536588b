// One constructor for a provider's ChatModel: the preset decides the wire format (Anthropic's
// Messages API natively, everything else OpenAI-compatible), so callers never pick an adapter.

import { createAnthropicModel } from "./anthropic";
import { createOpenAICompatibleModel, type OpenAICompatibleOptions } from "./openai-compatible";
import { PRESETS, type PresetName } from "./presets";
import type { PriceTable, Price } from "./cost";
import type { ChatModel } from "./types";

export type ProviderModelOptions = OpenAICompatibleOptions;

export function createChatModel(options: ProviderModelOptions): ChatModel {
  return options.preset === "anthropic" ? createAnthropicModel(options) : createOpenAICompatibleModel(options);
}

/**
 * The list price of a model on a preset: exact id, else the longest known id it starts with
 * (dated snapshots such as claude-sonnet-4-5-20250929); local servers cost nothing.
 */
export function presetPrice(preset: PresetName, model: string): Price | undefined {
  const { prices, local } = PRESETS[preset];
  if (local) return { prompt: 0, completion: 0 };
  if (prices[model]) return prices[model];
  const known = Object.keys(prices).filter((id) => model.startsWith(id)).sort((a, b) => b.length - a.length)[0];
  return known ? prices[known] : undefined;
}

/** Price table for a run: the presets' list prices for the models used, overridden by the user's. */
export function priceTableFor(models: Array<{ preset?: PresetName; model: string }>, userPrices: PriceTable = {}): PriceTable {
  const table: PriceTable = {};
  for (const { preset = "custom", model } of models) {
    if (userPrices[model] || userPrices[`${preset}:${model}`]) continue;
    const price = presetPrice(preset, model);
    if (price) table[`${preset}:${model}`] = price;
  }
  return { ...table, ...userPrices };
}
