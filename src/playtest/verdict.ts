// Turns the play run and the control run (same seed, same start presses) into a PlaytestReport:
// the generic and task checks with their evidence, errors with code frames, thumbnails per phase,
// and the verdict: broken when any required check fails.

import type { ProjectFiles } from "../project";
import type { Check } from "./checks";
import { taskChecks } from "./task-checks";
import { genericChecks, type Judged } from "./generic-checks";
import { codeFrame, projectLocation } from "./code-frame";
import { FRAME_MS } from "./input-plan";
import { phaseOf, sceneList } from "./phases";
import type { PhaseSpan, PlaytestReport, ReportedError, Thumbnail } from "./report";
import type { Observation, ScenarioRecord } from "./scenario";
import type { TaskCheckSpec } from "./checks";

export interface JudgeContext {
  files: ProjectFiles;
  seed: number;
  requestedSeconds: number;
  wallMs: number;
  tasks?: TaskCheckSpec[];
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function mergeErrors(files: ProjectFiles, runs: ScenarioRecord[]): ReportedError[] {
  const byKey = new Map<string, ReportedError>();
  for (const run of runs) {
    for (const error of run.errors) {
      const location = projectLocation(files, error);
      const key = `${error.kind}|${error.message}|${location ? `${location.file}:${location.line}` : ""}`;
      const known = byKey.get(key);
      if (known) {
        known.count++;
        // Seen without input too: not something only the play run's input caused.
        if (run.name === "control" && known.during === "play") known.during = "control";
        continue;
      }
      const frame = location ? codeFrame(files, location) : undefined;
      byKey.set(key, {
        kind: error.kind, message: error.message, count: 1, atMs: Math.max(0, error.atMs),
        during: error.atMs < 0 ? "boot" : run.name,
        ...(error.stack ? { stack: error.stack } : {}),
        ...(location ? { location } : {}),
        ...(frame ? { codeFrame: frame } : {}),
      });
    }
  }
  return [...byKey.values()];
}

function consoleTail(runs: ScenarioRecord[], max = 15): string[] {
  const lines: string[] = [];
  for (const run of runs) {
    for (const line of run.console) {
      const text = `${line.level === "log" ? "" : `[${line.level}] `}${line.text.slice(0, 300)}`;
      const last = lines[lines.length - 1];
      const repeat = last?.match(/^(.*) ×(\d+)$/);
      if (last === text) lines[lines.length - 1] = `${text} ×2`;
      else if (repeat && repeat[1] === text) lines[lines.length - 1] = `${text} ×${Number(repeat[2]) + 1}`;
      else lines.push(text);
    }
  }
  return lines.slice(-max);
}

/** The play run's phases in order, as the checkpoints saw them. */
function phaseSpans(run: ScenarioRecord): PhaseSpan[] {
  const spans: PhaseSpan[] = [];
  for (const c of run.checkpoints) {
    const phase = phaseOf(c.introspection);
    const named = phase === "none" ? "boot" : phase;
    const last = spans[spans.length - 1];
    if (last && last.phase === named) continue;
    spans.push({ phase: named, fromMs: c.atMs, scenes: sceneList(c.introspection) });
  }
  return spans;
}

function pickThumbnails(play: ScenarioRecord, control: ScenarioRecord | null, errors: ReportedError[]): Thumbnail[] {
  const p = play.checkpoints;
  const phase = (c: Observation) => phaseOf(c.introspection);
  const gameplay = p.filter((c) => phase(c) === "gameplay");
  const firstError = errors.find((e) => e.during !== "boot");
  const picks: Array<[string, Observation | undefined]> = [
    ["boot", p[0] ?? control?.checkpoints[0]],
    ["title", p.find((c) => phase(c) === "title")],
    ["play", gameplay.find((c) => c.atMs >= (gameplay[0]?.atMs ?? 0) + 1500) ?? gameplay[0]],
    ["play", gameplay[Math.floor(gameplay.length / 2)]],
    ["control", control ? [...control.checkpoints].reverse().find((c) => phase(c) === "gameplay") : undefined],
    ["at error", firstError ? [...p].reverse().find((c) => c.atMs <= (firstError.atMs ?? 0) + 1000) : undefined],
    ["game over", p.find((c) => phase(c) === "gameover")],
    ["end", p[p.length - 1]],
  ];
  const seen = new Set<Observation>();
  const out: Thumbnail[] = [];
  for (const [label, c] of picks) {
    if (!c || seen.has(c)) continue;
    seen.add(c);
    out.push({ label: `${label} ${seconds(c.atMs)}`, atMs: c.atMs, dataUrl: c.snapshot.thumbnail });
  }
  return out;
}

export function errorReason(e: ReportedError): string {
  const where = e.location ? ` at ${e.location.file}:${e.location.line}` : "";
  const when = e.during === "boot" ? "while booting" : e.during === "play" ? `at ${seconds(e.atMs ?? 0)}, only seen while playing with input` : `at ${seconds(e.atMs ?? 0)}`;
  const kinds: Record<string, string> = {
    frozen: "Froze", loop: "Froze", unhandledrejection: "Unhandled promise rejection", module: "Module error", syntax: "Syntax error",
    asset: "Asset failed to load", warning: "Phaser warning", load: "Could not load",
  };
  return `${kinds[e.kind] ?? "Uncaught error"}${where} ${when}${e.count > 1 ? ` (×${e.count})` : ""}: ${e.message.slice(0, 200)}`;
}

/** Attaches to each check the thumbnail closest to its moment, so the report panel can show it. */
function withFrames(checks: Check[], thumbnails: Thumbnail[]): Check[] {
  return checks.map((check) => {
    const at = check.evidence.atMs;
    if (at === undefined || check.evidence.frames || thumbnails.length === 0) return check;
    const nearest = thumbnails.reduce((a, b) => (Math.abs(b.atMs - at) < Math.abs(a.atMs - at) ? b : a));
    return { ...check, evidence: { ...check.evidence, frames: [nearest.label] } };
  });
}

/** Failed checks in the order a person fixes them: it must boot and not throw before its controls matter. */
const PRIORITY = ["boots", "no-errors", "leaves-title", "not-blank", "survives", "controls", "restart"];
function priority(check: Check): number {
  const at = PRIORITY.indexOf(check.id);
  return at < 0 ? PRIORITY.length : at;
}

function checkReason(check: Check): string {
  return `${check.says}: no. ${check.evidence.detail}`;
}

/** The verdict: a game is playable when every required check passes. */
export function judge(play: ScenarioRecord, control: ScenarioRecord | null, context: JudgeContext): PlaytestReport {
  const runs = control ? [play, control] : [play];
  const errors = mergeErrors(context.files, runs);
  const judged: Judged = genericChecks(play, control, errors, context.requestedSeconds);
  const thumbnails = pickThumbnails(play, control, errors);
  const checks = withFrames([...judged.checks, ...taskChecks(play, control, context.tasks ?? [])], thumbnails);
  const failed = checks.filter((c) => c.required && c.status === "fail").sort((a, b) => priority(a) - priority(b));
  const frames = runs.reduce((n, r) => n + r.frames, 0);
  const wallSeconds = Math.max(context.wallMs, 1) / 1000;

  const reasons = failed.map(checkReason);
  for (const e of errors.slice(0, 3)) reasons.push(errorReason(e));
  if (errors.length > 3) reasons.push(`…and ${errors.length - 3} more distinct errors.`);
  const verdict = failed.length === 0 ? "playable" : "broken";
  if (verdict === "playable") {
    reasons.push(...checks.filter((c) => c.status === "pass" && c.required).slice(0, 4).map((c) => `${c.says}: ${c.evidence.detail}`));
    const unknown = checks.filter((c) => c.status === "unknown" && c.required);
    if (unknown.length) reasons.push(`Not verified: ${unknown.map((c) => c.says.toLowerCase()).join("; ")}.`);
  }
  const lastView = [...runs.flatMap((r) => r.checkpoints)].reverse().find((c) => c.introspection)?.introspection ?? null;
  const booted = play.booted || Boolean(control?.booted);
  return {
    verdict,
    reasons,
    checks,
    phases: phaseSpans(play),
    booted,
    firstFrameMs: booted ? play.firstFrameMs ?? control?.firstFrameMs ?? Math.round(play.bootFrames * FRAME_MS) : null,
    errors,
    consoleTail: consoleTail(runs),
    nonBlank: judged.nonBlank,
    animates: judged.animates,
    respondsToInput: judged.respondsToInput,
    inputEffects: judged.inputEffects,
    survivedSeconds: Math.round(judged.survivedMs / 100) / 10,
    requestedSeconds: context.requestedSeconds,
    fps: Math.round(frames / wallSeconds),
    speed: Math.round(((frames * FRAME_MS) / 1000 / wallSeconds) * 10) / 10,
    wallMs: Math.round(context.wallMs),
    seed: context.seed,
    thumbnails,
    frameHashes: runs.flatMap((r) => r.checkpoints.map((c) => c.snapshot.metrics.hash)),
    introspection: lastView,
  };
}
