// Door to the providers subsystem: the ChatModel types, the OpenAI-compatible provider, its presets,
// typed errors, tool-argument repair, and the router with its circuit breakers and cost meter.

export type * from "./types";
export { createOpenAICompatibleModel, type OpenAICompatibleOptions } from "./openai-compatible";
export { createChatModel, presetPrice, priceTableFor, type ProviderModelOptions } from "./create";
export { createAnthropicModel, toAnthropicRequest } from "./anthropic";
export { PRESETS, type Preset, type PresetName } from "./presets";
export { ProviderError, type ProviderErrorKind } from "./errors";
export { repairToolArguments, type RepairResult } from "./repair";
export { findFencedFiles, type FencedFile } from "./fenced";
export { createRouter, FailoverError, type Router, type RouterOptions, type Role, type ModelRef, type Task, type Clock } from "./router";
export { CircuitBreaker, type BreakerOptions, type BreakerState } from "./breaker";
export { createCostMeter, priceOfTokens, type CostMeter, type CostTotals, type ModelCost, type Price, type PriceTable } from "./cost";
