// ProviderError: every failure of a model call, classified so the router knows whether to retry,
// fail over or stop, and worded so the user knows what to do next. API keys never appear in it.

export type ProviderErrorKind =
  | "auth"
  | "credit"
  | "model-not-found"
  | "context-too-long"
  | "rate-limit"
  | "server"
  | "timeout"
  | "network"
  | "bad-response"
  | "stream-cut"
  /** The endpoint rejected the request itself (HTTP 400/422 for another reason than context size). */
  | "bad-request";

export interface ProviderErrorInit {
  provider: string;
  model: string;
  kind: ProviderErrorKind;
  status?: number;
  /** What the endpoint said, already stripped of secrets. */
  detail?: string;
  retryAfterMs?: number;
  cause?: unknown;
}

const RETRYABLE: ReadonlySet<ProviderErrorKind> = new Set(["rate-limit", "server", "timeout", "network", "bad-response", "stream-cut"]);

const ADVICE: Record<ProviderErrorKind, string> = {
  auth: "Check the API key for this provider in Settings (it may be missing, mistyped or revoked).",
  credit: "The account has no credit or quota left: add credit on the provider's billing page or pick another model.",
  "model-not-found": "Check the model id in Settings (list the endpoint's models), or pull/load it first for Ollama or LM Studio.",
  "context-too-long": "The conversation is too long for this model: start a new run, or pick a model with a larger context window.",
  "rate-limit": "The provider is rate-limiting requests: wait a moment, or add a fallback model in Settings.",
  server: "The provider had an internal error: try again shortly, or add a fallback model in Settings.",
  timeout: "The model took too long to answer: try again, raise the timeout, or pick a faster model.",
  network: "Could not reach the endpoint: check the base URL, that the server is running, and your connection (and CORS for local servers).",
  "bad-response": "The endpoint answered with something that is not a chat completion: check that the base URL points at an OpenAI-compatible /v1 API.",
  "stream-cut": "The connection dropped in the middle of the answer: try again, or turn off a proxy that cuts long responses.",
  "bad-request": "The endpoint rejected the request: the model may not support tools or images; pick another model or preset.",
};

const WHAT: Record<ProviderErrorKind, string> = {
  auth: "rejected the API key",
  credit: "refused the request for lack of credit",
  "model-not-found": "does not know this model",
  "context-too-long": "says the prompt exceeds the model's context window",
  "rate-limit": "is rate-limiting requests",
  server: "failed with a server error",
  timeout: "did not answer in time",
  network: "could not be reached",
  "bad-response": "sent an unreadable response",
  "stream-cut": "cut the stream before the answer was complete",
  "bad-request": "rejected the request",
};

export class ProviderError extends Error {
  readonly provider: string;
  readonly model: string;
  readonly status?: number;
  readonly kind: ProviderErrorKind;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly advice: string;

  constructor(init: ProviderErrorInit) {
    const status = init.status !== undefined ? ` (HTTP ${init.status})` : "";
    const detail = init.detail ? `: ${init.detail.trim().replace(/\.+$/, "")}` : "";
    const advice = ADVICE[init.kind];
    super(`${init.provider} ${WHAT[init.kind]} for model "${init.model}"${status}${detail}. ${advice}`, { cause: init.cause });
    this.name = "ProviderError";
    this.provider = init.provider;
    this.model = init.model;
    this.status = init.status;
    this.kind = init.kind;
    this.retryable = RETRYABLE.has(init.kind);
    this.retryAfterMs = init.retryAfterMs;
    this.advice = advice;
  }
}

/** Which HTTP answers mean what; error bodies differ per provider, so text is matched too. */
export function kindForStatus(status: number, text: string): ProviderErrorKind {
  const t = text.toLowerCase();
  if (/context.length|context window|maximum context|too many tokens|prompt is too long|reduce the length|input is too long|exceeds the context/.test(t)) {
    return "context-too-long";
  }
  if (status === 402 || /insufficient_quota|insufficient credit|credit balance|exceeded your current quota|out of credits/.test(t)) return "credit";
  if (status === 401 || status === 403) return "auth";
  if (status === 404 || /model.*(not found|does not exist)|model_not_found|no such model/.test(t)) return "model-not-found";
  if (status === 413) return "context-too-long";
  if (status === 408) return "timeout";
  if (status === 429) return "rate-limit";
  if (status >= 500) return "server";
  return "bad-request";
}

/** Retry-After is seconds or an HTTP date; some providers also send retry-after-ms. */
export function parseRetryAfter(headers: { get(name: string): string | null } | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get("retry-after-ms");
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get("retry-after");
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.max(0, Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Removes the key and anything shaped like a bearer secret before text reaches a message or log. */
export function redactSecrets(text: string, apiKey?: string): string {
  let out = text;
  if (apiKey && apiKey.length >= 4) out = out.split(apiKey).join("[redacted key]");
  return out
    .replace(/\b(sk|rk|pk|gsk|xai)-[-_A-Za-z0-9*]{8,}/g, "[redacted key]")
    .replace(/\bAIza[-_A-Za-z0-9]{20,}/g, "[redacted key]")
    .replace(/Bearer\s+[^\s"']+/gi, "Bearer [redacted]");
}

export function formatDuration(ms: number): string {
  return ms < 10_000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}
