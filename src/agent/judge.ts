// The vision judge: a model that sees the playtest's frames (one per phase) and the checklist and
// gives its opinion on each check. Opinions are marked as the judge's (check.judge) and never
// change a check's status: a measured failure stays a failure.

import type { Check, JudgeOpinion, PlaytestReport, Thumbnail } from "../playtest";
import { repairToolArguments, type ChatModel, type ContentPart, type ToolDefinition } from "../providers";

/** Returns the report with the judge's opinions attached; throws when the judge cannot answer. */
export type ReportJudge = (report: PlaytestReport, signal: AbortSignal) => Promise<PlaytestReport>;

const MAX_FRAMES = 4;
const OPINIONS = ["agrees", "disagrees", "unsure"] as const;

const OPINION_TOOL: ToolDefinition = {
  type: "function",
  function: {
    name: "give_opinions",
    description: "Your opinion on each check, from the frames.",
    parameters: {
      type: "object",
      properties: {
        opinions: {
          type: "array",
          items: {
            type: "object",
            properties: {
              id: { type: "string" },
              opinion: { type: "string", enum: [...OPINIONS] },
              says: { type: "string", description: "One sentence: what in the frames makes you think so" },
            },
            required: ["id", "opinion", "says"],
          },
        },
      },
      required: ["opinions"],
    },
  },
};

const SYSTEM = `You judge playtests of small browser games from their frames. The playtest measured each check itself; you say whether the frames agree with each measured result.
For every check: "agrees" when the frames are consistent with the measured status, "disagrees" when they plainly contradict it, "unsure" when the frames cannot show it. One short sentence each, about what is visible. Answer with give_opinions (or the same JSON in your reply).`;

/** One frame per phase (the last of each phase), or the last frame when the report has no phases. */
export function framesPerPhase(report: PlaytestReport): Array<{ phase: string; thumbnail: Thumbnail }> {
  const thumbs = [...report.thumbnails].sort((a, b) => a.atMs - b.atMs);
  if (report.phases.length === 0) return thumbs.length ? [{ phase: "end", thumbnail: thumbs[thumbs.length - 1]! }] : [];
  const frames = report.phases.flatMap((span, i) => {
    const until = report.phases[i + 1]?.fromMs ?? Infinity;
    const inside = thumbs.filter((t) => t.atMs >= span.fromMs && t.atMs < until);
    return inside.length ? [{ phase: span.phase, thumbnail: inside[inside.length - 1]! }] : [];
  });
  return frames.slice(-MAX_FRAMES);
}

function checklist(checks: readonly Check[]): string {
  return checks.map((c) => `- ${c.id} (${c.required ? "required" : "optional"}): ${c.says} — measured ${c.status.toUpperCase()}: ${c.evidence.detail.slice(0, 200)}`).join("\n");
}

function readOpinions(raw: unknown, ids: Set<string>, model: string): Map<string, JudgeOpinion> {
  const list = (raw as { opinions?: unknown })?.opinions;
  const out = new Map<string, JudgeOpinion>();
  if (!Array.isArray(list)) return out;
  for (const item of list) {
    const o = item as { id?: unknown; opinion?: unknown; says?: unknown };
    if (typeof o.id !== "string" || !ids.has(o.id) || !OPINIONS.includes(o.opinion as JudgeOpinion["opinion"])) continue;
    out.set(o.id, { opinion: o.opinion as JudgeOpinion["opinion"], says: typeof o.says === "string" ? o.says.slice(0, 300) : "", model });
  }
  return out;
}

/** The JSON of the tool call, or the first JSON object in the reply text. */
function answerJson(message: { content: string | null; tool_calls?: Array<{ function: { name: string; arguments: string } }> }): unknown {
  const raw = message.tool_calls?.find((c) => c.function.name === OPINION_TOOL.function.name)?.function.arguments ?? /\{[\s\S]*\}/.exec(message.content ?? "")?.[0];
  if (!raw) return undefined;
  const parsed = repairToolArguments(raw);
  return parsed.ok ? parsed.value : undefined;
}

export function createVisionJudge(model: ChatModel): ReportJudge {
  return async (report, signal) => {
    const frames = framesPerPhase(report);
    if (report.checks.length === 0 || frames.length === 0) return report;
    const parts: ContentPart[] = [{ type: "text", text: `Checklist (what the playtest measured):\n${checklist(report.checks)}\n\nFrames, one per phase of the play run:` }];
    frames.forEach((f, i) => {
      parts.push({ type: "text", text: `Frame ${i + 1}: ${f.phase} at ${(f.thumbnail.atMs / 1000).toFixed(1)} s (${f.thumbnail.label})` });
      parts.push({ type: "image_url", image_url: { url: f.thumbnail.dataUrl } });
    });
    const result = await model.complete({
      messages: [
        { role: "system", content: SYSTEM },
        { role: "user", content: parts },
      ],
      tools: [OPINION_TOOL],
      task: { kind: "judge", needsVision: true },
      signal,
    });
    const opinions = readOpinions(answerJson(result.message), new Set(report.checks.map((c) => c.id)), result.model);
    return { ...report, checks: report.checks.map((c) => (opinions.has(c.id) ? { ...c, judge: opinions.get(c.id)! } : c)) };
  };
}
