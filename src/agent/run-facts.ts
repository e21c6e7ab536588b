// The run as data for a model that reads no prose: the person's words, the files, the latest
// playtest and the outcome of each tool call of the latest turn (CompletionRequest.run).

import type { ProjectFiles } from "../project";
import type { PlaytestReport } from "../playtest";
import type { PlaytestFacts, ToolResultFacts } from "../providers";

/** The text files of a project (binary assets are not facts a model reads). */
export function textFiles(files: ProjectFiles): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [path, content] of Object.entries(files)) if (typeof content === "string") texts[path] = content;
  return texts;
}

/** `wordsOf` turns the report's words into the ones the person reads (the loop's Phaser names). */
export function playtestFacts(report: PlaytestReport, stale: boolean, wordsOf: (text: string) => string): PlaytestFacts {
  return {
    verdict: report.verdict,
    reasons: report.reasons.map(wordsOf),
    checks: report.checks.map((c) => ({ id: c.id, status: c.status, required: c.required })),
    stale,
  };
}

/** What one tool call did, from its result and how it ended. */
export function resultFacts(tool: string, text: string, ended: { failed?: boolean; refused?: boolean; answer?: string }): ToolResultFacts {
  return { tool, outcome: ended.failed ? "error" : ended.refused ? "refused" : "done", text, ...(ended.answer !== undefined ? { answer: ended.answer } : {}) };
}
