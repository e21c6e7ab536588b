// The one way a run is built, for the IDE and `make`: a model plan (models per role and prices)
// becomes a router (retries, back-off, Retry-After, failover, circuit breakers, one cost meter),
// the router's ChatModel drives runAgent, and the meter is the run's cost.

import { createRouter, priceTableFor, type ChatModel, type CostMeter, type PriceTable, type ProviderModelOptions, type Role, type RouterOptions } from "../providers";
import { createVisionJudge } from "./judge";
import { runAgent } from "./loop";
import type { AgentOptions, AgentRun } from "./types";

/** Models per role, preferred first; fix and judge borrow the build chain when empty. */
export interface ModelPlan {
  roles: { build: ProviderModelOptions[]; fix?: ProviderModelOptions[]; judge?: ProviderModelOptions[] };
  /** The user's prices (USD per million tokens); they override the presets' list prices. */
  prices?: PriceTable;
}

/** A provider plan, or a ready model that needs no routing (the offline builder). */
export type RunModel = { plan: ModelPlan } | { offline: ChatModel };

export interface RunSetup extends Omit<AgentOptions, "model" | "spentUsd"> {
  model: RunModel;
  /** Retry and timing knobs of the router (tests use short ones). */
  router?: Pick<RouterOptions, "retries" | "backoff" | "breaker" | "timeoutMs" | "clock">;
}

export interface StartedRun {
  run: AgentRun;
  /** The model that builds: "custom:gpt-4.1", "offline-builder". */
  modelId: string;
  /** The run's cost meter; null for the offline builder, which costs nothing. */
  meter: CostMeter | null;
}

export class ModelPlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ModelPlanError";
  }
}

export function startRun(setup: RunSetup): StartedRun {
  const { model, router: routerOptions, ...agent } = setup;
  // The offline builder reads the run's facts (CompletionRequest.run); its kit is type-checked by its own tests.
  if ("offline" in model) return { run: runAgent({ ...agent, typeCheck: undefined, model: model.offline }), modelId: model.offline.id, meter: null };
  const { roles, prices } = model.plan;
  if (roles.build.length === 0) throw new ModelPlanError("No model builds games: add a build model in Settings (or --model on the command line).");
  const all = [...roles.build, ...(roles.fix ?? []), ...(roles.judge ?? [])];
  const chains: Partial<Record<Role, ProviderModelOptions[]>> = { build: roles.build };
  if (roles.fix?.length) chains.fix = distinct([...roles.fix, ...roles.build]);
  if (roles.judge?.length) chains.judge = roles.judge;
  const router = createRouter({ ...routerOptions, roles: chains, prices: priceTableFor(all, prices) });
  const routed = router.routed();
  const judgeModel = router.forRole("judge");
  // The judge looks at frames: only a judge role of its own, with a model that sees images.
  const judge = roles.judge?.length && judgeModel.supportsVision ? { judge: createVisionJudge(judgeModel) } : {};
  return { run: runAgent({ ...agent, ...judge, model: routed, spentUsd: () => router.meter.totals().overall.usd }), modelId: routed.id, meter: router.meter };
}

/** A model listed twice in one chain would only be retried twice; keep its first place. */
function distinct(chain: ProviderModelOptions[]): ProviderModelOptions[] {
  const seen = new Set<string>();
  return chain.filter((m) => {
    const key = `${m.preset ?? "custom"}|${m.baseURL ?? ""}|${m.model}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
