// Everything that differs between OpenAI-compatible endpoints, in one place: default base URLs,
// keys, which models see images, extra headers, usage field names and request translation.

import type { PriceTable } from "./cost";
import type { ChatMessage, ContentPart, Usage } from "./types";

export type PresetName = "openai" | "openrouter" | "anthropic" | "gemini" | "ollama" | "lmstudio" | "custom";

export interface Preset {
  name: PresetName;
  label: string;
  /** Undefined for "custom": the user must give one. */
  baseURL?: string;
  /** Local servers accept any key or none. */
  needsKey: boolean;
  /** Where the user gets a key or the model list, quoted in setup messages. */
  hint: string;
  /** Silence allowed before the first byte or between chunks; local models on a CPU can think for minutes. */
  idleTimeoutMs: number;
  /** Guess from the model id; `supportsVision` in the model options overrides it. */
  vision(model: string): boolean;
  headers?: Record<string, string>;
  /** List prices of well-known models (USD per million tokens), used until the user sets their own. */
  prices: PriceTable;
  /** Runs on the user's machine: every model costs nothing. */
  local?: true;
}

// List prices in USD per million tokens (input, cached input, output) as published in 2025;
// providers change them, so Settings lets the user override any of them.
const OPENAI_PRICES: PriceTable = {
  "gpt-5": { prompt: 1.25, cachedPrompt: 0.125, completion: 10 },
  "gpt-5-mini": { prompt: 0.25, cachedPrompt: 0.025, completion: 2 },
  "gpt-4.1": { prompt: 2, cachedPrompt: 0.5, completion: 8 },
  "gpt-4.1-mini": { prompt: 0.4, cachedPrompt: 0.1, completion: 1.6 },
  "gpt-4.1-nano": { prompt: 0.1, cachedPrompt: 0.025, completion: 0.4 },
  "gpt-4o": { prompt: 2.5, cachedPrompt: 1.25, completion: 10 },
  "gpt-4o-mini": { prompt: 0.15, cachedPrompt: 0.075, completion: 0.6 },
};
const ANTHROPIC_PRICES: PriceTable = {
  "claude-opus-4-1": { prompt: 15, cachedPrompt: 1.5, completion: 75 },
  "claude-sonnet-4-5": { prompt: 3, cachedPrompt: 0.3, completion: 15 },
  "claude-sonnet-4-0": { prompt: 3, cachedPrompt: 0.3, completion: 15 },
  "claude-haiku-4-5": { prompt: 1, cachedPrompt: 0.1, completion: 5 },
};
const GEMINI_PRICES: PriceTable = {
  "gemini-2.5-pro": { prompt: 1.25, cachedPrompt: 0.31, completion: 10 },
  "gemini-2.5-flash": { prompt: 0.3, cachedPrompt: 0.075, completion: 2.5 },
  "gemini-2.5-flash-lite": { prompt: 0.1, cachedPrompt: 0.025, completion: 0.4 },
};
const prefixed = (vendor: string, table: PriceTable): PriceTable => Object.fromEntries(Object.entries(table).map(([id, price]) => [`${vendor}/${id}`, price]));

const VISION_MODEL = /gpt-4o|gpt-4\.1|gpt-4-turbo|gpt-5|\bo[134]\b|o[134]-|claude|gemini|vision|llava|bakllava|moondream|pixtral|gemma-?3|minicpm-v|[-_.]vl\b|vl[-:]|qwen.*vl|llama-?3\.2.*vision|mistral-small-3/i;

export const PRESETS: Record<PresetName, Preset> = {
  openai: {
    name: "openai",
    prices: OPENAI_PRICES,
    idleTimeoutMs: 120_000,
    label: "OpenAI",
    baseURL: "https://api.openai.com/v1",
    needsKey: true,
    hint: "keys at platform.openai.com/api-keys",
    vision: (model) => !/gpt-3\.5|o1-mini|o3-mini/.test(model),
  },
  openrouter: {
    name: "openrouter",
    prices: { ...prefixed("openai", OPENAI_PRICES), ...prefixed("anthropic", ANTHROPIC_PRICES), ...prefixed("google", GEMINI_PRICES) },
    idleTimeoutMs: 120_000,
    label: "OpenRouter",
    baseURL: "https://openrouter.ai/api/v1",
    needsKey: true,
    hint: "keys at openrouter.ai/keys; model ids look like vendor/model",
    vision: (model) => VISION_MODEL.test(model),
    // OpenRouter attributes traffic to the app through these optional headers.
    headers: { "X-Title": "Playforge" },
  },
  anthropic: {
    name: "anthropic",
    prices: ANTHROPIC_PRICES,
    idleTimeoutMs: 120_000,
    label: "Anthropic (Messages API)",
    baseURL: "https://api.anthropic.com/v1",
    needsKey: true,
    hint: "keys at console.anthropic.com",
    vision: () => true,
  },
  gemini: {
    name: "gemini",
    prices: GEMINI_PRICES,
    idleTimeoutMs: 120_000,
    label: "Google Gemini (OpenAI-compatible endpoint)",
    baseURL: "https://generativelanguage.googleapis.com/v1beta/openai",
    needsKey: true,
    hint: "keys at aistudio.google.com/apikey",
    vision: () => true,
  },
  ollama: {
    name: "ollama",
    prices: {},
    local: true,
    idleTimeoutMs: 300_000,
    label: "Ollama (local)",
    baseURL: "http://127.0.0.1:11434/v1",
    needsKey: false,
    hint: "run `ollama serve` and `ollama pull <model>`; set OLLAMA_ORIGINS to allow this page",
    vision: (model) => VISION_MODEL.test(model),
  },
  lmstudio: {
    name: "lmstudio",
    prices: {},
    local: true,
    idleTimeoutMs: 300_000,
    label: "LM Studio (local)",
    baseURL: "http://127.0.0.1:1234/v1",
    needsKey: false,
    hint: "start the LM Studio server with CORS enabled and load the model",
    vision: (model) => VISION_MODEL.test(model),
  },
  custom: {
    name: "custom",
    prices: {},
    idleTimeoutMs: 120_000,
    label: "Custom OpenAI-compatible endpoint",
    needsKey: false,
    hint: "the base URL usually ends with /v1",
    vision: (model) => VISION_MODEL.test(model),
  },
};

/**
 * Messages as the endpoint should receive them. Models without vision get a text note instead of
 * each image (most endpoints reject image parts for them), and all-text part lists become plain
 * strings, which every server accepts.
 */
export function toWireMessages(messages: ChatMessage[], vision: boolean): ChatMessage[] {
  return messages.map((message) => {
    if (message.role !== "user" || typeof message.content === "string") return message;
    const parts: ContentPart[] = message.content.map((part) =>
      part.type === "image_url" && !vision ? { type: "text", text: "[image omitted: this model cannot see images]" } : part,
    );
    const textOnly = parts.every((part) => part.type === "text");
    return { role: "user", content: textOnly ? parts.map((part) => (part as { text: string }).text).join("\n") : parts };
  });
}

/** Usage as reported: OpenAI-style prompt/completion fields, or input/output fields from some proxies. */
export function readUsage(raw: unknown): Usage | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const u = raw as Record<string, unknown>;
  const prompt = u.prompt_tokens ?? u.input_tokens;
  const completion = u.completion_tokens ?? u.output_tokens;
  if (typeof prompt !== "number" || typeof completion !== "number") return undefined;
  const details = u.prompt_tokens_details as { cached_tokens?: unknown } | undefined;
  const cached = details?.cached_tokens ?? u.cached_tokens;
  return { promptTokens: prompt, completionTokens: completion, ...(typeof cached === "number" && cached > 0 ? { cachedPromptTokens: cached } : {}) };
}

/** Roughly four characters per token: enough to meter cost when an endpoint reports no usage. */
export function estimateUsage(messages: ChatMessage[], reply: string): Usage {
  const promptChars = messages.reduce((n, m) => n + (typeof m.content === "string" ? m.content.length : JSON.stringify(m.content ?? "").length), 0);
  return { promptTokens: Math.ceil(promptChars / 4), completionTokens: Math.ceil(reply.length / 4), estimated: true };
}

/** Servers and models without function calling say so in a 400; the provider then asks for fenced blocks. */
export function saysToolsUnsupported(text: string): boolean {
  return /does not support tools|tools? (?:are|is) not supported|tool.?(?:use|calling|choice) is not supported|unsupported.*\btools\b/i.test(text);
}
