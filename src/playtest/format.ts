// The compact text form of a PlaytestReport for a model (≤ ~1,500 tokens): the verdict's reasons,
// the checks with failed ones first, errors with file:line and code frames, then what was observed.

import type { Introspection } from "../runtime/contract";
import { describeKey, domKey } from "./input-plan";
import type { PlaytestReport } from "./report";

export const MODEL_REPORT_MAX_CHARS = 6000;

function introspectionText(view: Introspection): string[] {
  const lines = [`Game: ${view.width}×${view.height}, ${view.renderer} renderer${view.registered ? "" : " (game not registered with __playforge)"}`];
  for (const scene of view.scenes.slice(0, 4)) {
    const objects = Object.entries(scene.objects).map(([type, n]) => `${type}×${n}`).join(", ") || "none";
    const keys = scene.keys.slice(0, 12).map((k) => {
      const key = domKey(k);
      return key ? describeKey(key) : k;
    });
    const input = [...keys, ...scene.keyboardListeners.slice(0, 6), ...scene.pointerListeners.slice(0, 6)].join(", ") || "none";
    lines.push(`- scene ${scene.key}: objects ${objects}; physics bodies ${scene.bodies}; input ${input}`);
    const main = scene.main.slice(0, 5).map((o) => `${o.type}${o.texture && !o.texture.startsWith("__") ? `(${o.texture})` : ""}${o.text ? `("${o.text.slice(0, 20)}")` : ""}@${Math.round(o.x)},${Math.round(o.y)}${o.visible ? "" : " hidden"}`);
    if (main.length) lines.push(`  main objects: ${main.join("; ")}`);
    if (scene.describe !== undefined) lines.push(`  describe(): ${JSON.stringify(scene.describe)?.slice(0, 300)}`);
  }
  return lines;
}

/** Compact, actionable text; sections are added in priority order until the budget is used. */
export function formatReportForModel(report: PlaytestReport, maxChars = MODEL_REPORT_MAX_CHARS): string {
  const head = [
    `PLAYTEST ${report.verdict.toUpperCase()} — seed ${report.seed}, survived ${report.survivedSeconds} of ${report.requestedSeconds} s`,
    ...report.reasons.map((r) => `- ${r}`),
  ];
  const sections: string[][] = [];
  if (report.checks.length) {
    const mark = { pass: "PASS", fail: "FAIL", unknown: "NOT VERIFIED" } as const;
    const order = (c: (typeof report.checks)[number]) => (c.status === "fail" ? (c.required ? 0 : 2) : c.status === "unknown" ? 3 : 4);
    const sorted = [...report.checks].sort((a, b) => order(a) - order(b));
    sections.push([
      "Checks (failed first):",
      ...sorted.map((c) => `- ${mark[c.status]}${c.required ? "" : " (optional)"} ${c.id}: ${c.says}. ${c.evidence.detail.slice(0, 240)}${c.judge ? ` [vision judge ${c.judge.model}: ${c.judge.opinion}, ${c.judge.says.slice(0, 120)}]` : ""}`),
    ]);
  }
  if (report.phases.length) sections.push([`Phases: ${report.phases.map((p) => `${p.phase} from ${(p.fromMs / 1000).toFixed(1)} s (${p.scenes.join(", ") || "no scene"})`).join(" → ")}`]);
  if (report.errors.length) {
    const errors = [`Errors (${report.errors.length} distinct):`];
    report.errors.slice(0, 5).forEach((e, i) => {
      const where = e.location ? `${e.location.file}:${e.location.line}${e.location.column ? `:${e.location.column}` : ""}` : "unknown location";
      errors.push(`${i + 1}. [${e.kind}] ${e.message.slice(0, 300)} — ${where}, ${e.during ?? "run"} at ${((e.atMs ?? 0) / 1000).toFixed(1)} s${e.count > 1 ? `, ×${e.count}` : ""}`);
      if (e.codeFrame && i < 3) errors.push(e.codeFrame);
    });
    sections.push(errors);
  }
  sections.push([
    `Observed: booted ${report.booted ? `yes (first frame ${report.firstFrameMs} ms)` : "no"}; non-blank ${report.nonBlank ? "yes" : "no"}; animates ${report.animates ? "yes" : "no"}; responds to input ${report.respondsToInput ? "yes" : "no"}.`,
  ]);
  if (report.inputEffects.length) sections.push(["Input effects in gameplay (play run vs control run, same start, seed and time):", ...report.inputEffects.slice(0, 6).map((e) => `- ${e.input}: ${e.changed}`)]);
  if (report.consoleTail.length) sections.push(["Console (last lines):", ...report.consoleTail.slice(-8).map((l) => `  ${l.slice(0, 200)}`)]);
  if (report.introspection) sections.push(introspectionText(report.introspection));
  if (report.booted) sections.push([`Speed: ${report.speed}× real time (${report.fps} frames/s), ${(report.wallMs / 1000).toFixed(1)} s wall.`]);

  let text = head.join("\n");
  if (text.length > maxChars) return `${text.slice(0, maxChars - 1)}…`;
  for (const section of sections) {
    for (const line of section) {
      const next = `${text}\n${line}`;
      if (next.length > maxChars) return `${text}\n…(truncated)`.slice(0, maxChars);
      text = next;
    }
  }
  return text;
}
