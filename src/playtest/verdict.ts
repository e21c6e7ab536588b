// Turns two recorded runs (idle and play, same seed) into a PlaytestReport: compares them at the
// same virtual times, deduplicates errors, and decides playable/broken with reasons a person can read.

import type { ProjectFiles } from "../project/files";
import type { Introspection, ObjectSummary } from "../runtime/harness/protocol";
import { codeFrame, projectLocation } from "./code-frame";
import { FRAME_MS } from "./input-plan";
import { decodePngDataUrl, pixelDifference } from "./pixels";
import type { InputEffect, PlaytestReport, ReportedError, Thumbnail } from "./report";
import type { Checkpoint, ScenarioRecord } from "./scenario";

/** Fraction of non-background pixels below which a frame counts as blank. */
const BLANK_THRESHOLD = 0.002;
/** Fraction of changed pixels between snapshots that counts as a visible change. */
const CHANGE_THRESHOLD = 0.001;

export interface Comparison {
  atMs: number;
  /** Fraction of thumbnail pixels that differ between the play and the idle run. */
  difference: number;
}

/** Compares play and idle snapshots taken at the same virtual time. */
export function compareRuns(idle: ScenarioRecord, play: ScenarioRecord): Comparison[] {
  const out: Comparison[] = [];
  for (const p of play.checkpoints) {
    const i = idle.checkpoints.find((c) => Math.abs(c.atMs - p.atMs) < FRAME_MS / 2);
    if (!i) continue;
    const same = i.snapshot.metrics.hash === p.snapshot.metrics.hash;
    const difference = same ? 0 : pixelDifference(decodePngDataUrl(i.snapshot.thumbnail), decodePngDataUrl(p.snapshot.thumbnail));
    out.push({ atMs: p.atMs, difference });
  }
  return out;
}

export interface JudgeContext {
  files: ProjectFiles;
  seed: number;
  requestedSeconds: number;
  wallMs: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function mergeErrors(files: ProjectFiles, runs: ScenarioRecord[]): ReportedError[] {
  const byKey = new Map<string, ReportedError>();
  for (const run of runs) {
    for (const error of run.errors) {
      const location = projectLocation(files, error);
      const key = `${error.kind}|${error.message}|${location ? `${location.file}:${location.line}` : ""}`;
      const known = byKey.get(key);
      if (known) {
        known.count++;
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

function objectLabel(o: ObjectSummary): string {
  if (o.text) return `${o.type} "${o.text.slice(0, 24)}"`;
  if (o.texture && !o.texture.startsWith("__")) return `${o.type} "${o.texture}"`;
  return o.type;
}

function flatten(value: unknown, prefix = "", depth = 0, out: Record<string, string> = {}): Record<string, string> {
  if (value && typeof value === "object" && !Array.isArray(value) && depth < 2) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, depth + 1, out);
  } else {
    out[prefix || "state"] = JSON.stringify(value)?.slice(0, 60) ?? "undefined";
  }
  return out;
}

const sceneKeys = (view: Introspection) => view.scenes.map((s) => s.key).join(", ") || "none";

/** What the play run shows that the idle run does not at the same moment, in game terms (objects, describe()). */
function describeDifferences(play: Introspection, idle: Introspection): string[] {
  const out: string[] = [];
  for (const scene of play.scenes) {
    const other = idle.scenes.find((s) => s.key === scene.key);
    if (!other) continue;
    const a = flatten(scene.describe);
    const b = flatten(other.describe);
    const counted = out.length;
    if (scene.describe !== undefined) for (const key of Object.keys(a)) if (a[key] !== b[key]) out.push(`${key} ${a[key]} (idle ${b[key] ?? "—"})`);
    // The game's own describe() says it best; object positions only when it has nothing to say.
    if (out.length > counted) continue;
    scene.main.forEach((o, index) => {
      const p = other.main[index];
      if (p && p.type === o.type && Math.hypot(o.x - p.x, o.y - p.y) > 3) out.push(`${objectLabel(o)} at (${o.x}, ${o.y}) (idle (${p.x}, ${p.y}))`);
    });
  }
  return out;
}

/** What changed within the play run between two checkpoints (when the idle run is no fair comparison). */
function describeProgress(before: Introspection, after: Introspection): string[] {
  const out: string[] = [];
  if (sceneKeys(before) !== sceneKeys(after)) out.push(`scene ${sceneKeys(before)} → ${sceneKeys(after)}`);
  for (const scene of after.scenes) {
    const prior = before.scenes.find((s) => s.key === scene.key);
    if (!prior) continue;
    const a = flatten(scene.describe);
    const b = flatten(prior.describe);
    const counted = out.length;
    if (scene.describe !== undefined) for (const key of Object.keys(a)) if (a[key] !== b[key]) out.push(`${key} ${b[key] ?? "—"} → ${a[key]}`);
    if (out.length > counted) continue;
    scene.main.slice(0, 2).forEach((o, index) => {
      const p = prior.main[index];
      if (p && p.type === o.type && Math.hypot(o.x - p.x, o.y - p.y) > 3) out.push(`${objectLabel(o)} (${p.x}, ${p.y}) → (${o.x}, ${o.y})`);
    });
  }
  return out;
}

function inputEffects(idle: ScenarioRecord, play: ScenarioRecord, comparisons: Comparison[]): InputEffect[] {
  const effects: InputEffect[] = [];
  let diverged = false;
  play.checkpoints.forEach((checkpoint, index) => {
    const before = play.checkpoints[index - 1];
    if (checkpoint.inputs.length === 0 || !before) return;
    const comparison = comparisons.find((c) => c.atMs === checkpoint.atMs);
    const twin = idle.checkpoints.find((c) => Math.abs(c.atMs - checkpoint.atMs) < FRAME_MS / 2);
    const changes: string[] = [];
    if (comparison && comparison.difference >= CHANGE_THRESHOLD && !diverged) {
      diverged = true;
      changes.push(`picture differs from idle by ${(comparison.difference * 100).toFixed(1)}%`);
    }
    const now = checkpoint.introspection;
    const then = before.introspection;
    const idleNow = twin?.introspection;
    if (now && idleNow && sceneKeys(now) === sceneKeys(idleNow)) changes.push(...describeDifferences(now, idleNow));
    else if (now && then) changes.push(...describeProgress(then, now));
    if (changes.length === 0) return;
    // State that changes while the picture does not is the classic "handler sets a field nobody draws".
    if (comparison && comparison.difference < CHANGE_THRESHOLD) changes.push("but the picture is identical to the idle run");
    const inputs = checkpoint.inputs.length > 3 ? [...checkpoint.inputs.slice(0, 3), `+${checkpoint.inputs.length - 3} more`] : checkpoint.inputs;
    effects.push({ input: `${inputs.join(", ")} (${seconds(before.atMs)}–${seconds(checkpoint.atMs)})`, changed: [...changes.slice(0, -1).slice(0, 3), changes[changes.length - 1]].join("; ") });
  });
  return effects.slice(0, 8);
}

function animates(run: ScenarioRecord): boolean {
  return run.checkpoints.some((c, i) => i > 0 && c.snapshot.metrics.hash !== run.checkpoints[i - 1].snapshot.metrics.hash && c.snapshot.metrics.diff >= CHANGE_THRESHOLD);
}

function pickThumbnails(idle: ScenarioRecord, play: ScenarioRecord, errors: ReportedError[]): Thumbnail[] {
  const p = play.checkpoints;
  const firstError = errors.find((e) => e.during === "play");
  const picks: Array<[string, Checkpoint | undefined]> = [
    ["boot", idle.checkpoints[0] ?? p[0]],
    ["idle", idle.checkpoints[idle.checkpoints.length - 1]],
    ["play", p.find((c) => c.atMs >= 2000) ?? p[1]],
    ["play", p[Math.floor(p.length / 2)]],
    ["at error", firstError ? [...p].reverse().find((c) => c.atMs <= (firstError.atMs ?? 0) + 1000) : undefined],
    ["end", p[p.length - 1]],
  ];
  const seen = new Set<Checkpoint>();
  const out: Thumbnail[] = [];
  for (const [label, c] of picks) {
    if (!c || seen.has(c)) continue;
    seen.add(c);
    out.push({ label: `${label} ${seconds(c.atMs)}`, atMs: c.atMs, dataUrl: c.snapshot.thumbnail });
  }
  return out;
}

function errorReason(e: ReportedError): string {
  const where = e.location ? ` at ${e.location.file}:${e.location.line}` : "";
  const when = e.during === "boot" ? "while booting" : e.during === "play" ? `at ${seconds(e.atMs ?? 0)}, only seen while playing with input` : `at ${seconds(e.atMs ?? 0)}`;
  const kind = e.kind === "frozen" || e.kind === "loop" ? "Froze" : e.kind === "unhandledrejection" ? "Unhandled promise rejection" : e.kind === "module" ? "Module error" : e.kind === "syntax" ? "Syntax error" : "Uncaught error";
  return `${kind}${where} ${when}${e.count > 1 ? ` (×${e.count})` : ""}: ${e.message.slice(0, 200)}`;
}

/** The verdict: a game is playable when it boots, throws nothing, draws something and visibly reacts to input. */
export function judge(idle: ScenarioRecord, play: ScenarioRecord | null, comparisons: Comparison[], context: JudgeContext): PlaytestReport {
  const runs = play ? [idle, play] : [idle];
  const errors = mergeErrors(context.files, runs);
  const checkpoints = runs.flatMap((r) => r.checkpoints);
  const booted = idle.booted || Boolean(play?.booted);
  const nonBlank = checkpoints.some((c) => c.snapshot.metrics.nonBackground >= BLANK_THRESHOLD);
  const moving = animates(idle);
  const respondsToInput = comparisons.some((c) => c.difference >= CHANGE_THRESHOLD);
  const early = runs.filter((r) => r.stop.reason !== "completed").map((r) => ("atMs" in r.stop ? Math.max(0, r.stop.atMs) : 0));
  const survivedMs = early.length ? Math.min(...early) : (play ?? idle).endedAtMs;
  const frames = runs.reduce((n, r) => n + r.frames, 0);
  const wallSeconds = Math.max(context.wallMs, 1) / 1000;

  const reasons: string[] = [];
  if (!booted) reasons.push(`Did not boot: no frame was rendered after ${idle.bootFrames} virtual frames${errors.length ? " because of the error below" : ""}.`);
  for (const e of errors.slice(0, 3)) reasons.push(errorReason(e));
  if (errors.length > 3) reasons.push(`…and ${errors.length - 3} more distinct errors.`);
  if (booted && !nonBlank) reasons.push("The canvas is blank: every snapshot shows only the background colour. Check that objects are added to the scene inside the camera view (positions, containers, alpha, depth).");
  if (play && booted && nonBlank && !respondsToInput) {
    const tried = play?.checkpoints.flatMap((c) => c.inputs).slice(0, 4).join(", ") || "no input could be sent";
    reasons.push(
      moving
        ? `Nothing on screen responds to input: with ${tried}, the picture stayed identical to the idle run at every compared moment. Check that input handlers change what update() draws.`
        : `The picture never changes: no animation and no reaction to input (${tried}). A game needs update() logic or input handlers that change the screen.`,
    );
  }
  const verdict = reasons.length === 0 ? "playable" : "broken";
  if (verdict === "playable") {
    const first = idle.firstFrameMs ?? idle.bootFrames * FRAME_MS;
    reasons.push(`Booted and rendered its first frame (${Math.round(first)} ms); ran ${seconds(survivedMs)} with no errors.`);
    reasons.push(`Draws a picture${moving ? " that animates on its own" : " that stays still until the player acts"}, and responds to input.`);
  }
  const lastView = [...idle.checkpoints, ...(play?.checkpoints ?? [])].reverse().find((c) => c.introspection)?.introspection ?? null;
  return {
    verdict, checks: [], phases: [],
    reasons,
    booted,
    firstFrameMs: booted ? idle.firstFrameMs ?? play?.firstFrameMs ?? Math.round(idle.bootFrames * FRAME_MS) : null,
    errors,
    consoleTail: consoleTail(runs),
    nonBlank,
    animates: moving,
    respondsToInput,
    inputEffects: play ? inputEffects(idle, play, comparisons) : [],
    survivedSeconds: Math.round(survivedMs / 100) / 10,
    requestedSeconds: context.requestedSeconds,
    fps: Math.round(frames / wallSeconds),
    speed: Math.round(((frames * FRAME_MS) / 1000 / wallSeconds) * 10) / 10,
    wallMs: Math.round(context.wallMs),
    seed: context.seed,
    thumbnails: play ? pickThumbnails(idle, play, errors) : idle.checkpoints.slice(0, 1).map((c) => ({ label: "boot 0.0 s", atMs: c.atMs, dataUrl: c.snapshot.thumbnail })),
    frameHashes: checkpoints.map((c) => c.snapshot.metrics.hash),
    introspection: lastView,
  };
}
