// The checks every playtest runs: boots, leaves the title, the controls move the player (judged in
// gameplay against the control run), no errors, not blank in gameplay, survives, and when the game
// has one, a game over that can be reached and restarted. Each carries the evidence it rests on.

import type { Check, CheckEvidence, GenericCheckId } from "./checks";
import { gameplayPairs, movedSince, noiseMask, offsets, pairs, stateDifferences, visibleDifference, type Offset, type Pair } from "./compare";
import { FRAME_MS } from "./input-plan";
import type { ScreenPass } from "./menus";
import { phaseOf, sceneList } from "./phases";
import type { InputEffect, ReportedError } from "./report";
import type { Observation, ScenarioRecord } from "./scenario";

/** Fraction of non-background thumbnail pixels below which a frame counts as blank (a 12-px sprite on 1280×720 is above it). */
const BLANK_THRESHOLD = 0.00005;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const GAMEOVER_KEY = /over|result|lose|lost|dead|death/i;
/** Gameplay shorter than this, cut by an error or a freeze, is too short to judge the controls on. */
const MIN_JUDGED_MS = 3000;

const SAYS: Record<GenericCheckId, string> = {
  boots: "The game boots and draws its first frame",
  "leaves-title": "A person can get past the title into gameplay",
  controls: "The controls move the player in gameplay",
  "no-errors": "No errors, failed assets or Phaser warnings",
  "not-blank": "Gameplay is not blank",
  animates: "Gameplay animates on its own",
  survives: "It runs the whole playtest",
  "game-over": "Game over can be reached",
  restart: "Restart from game over works",
};

function check(id: GenericCheckId, status: Check["status"], evidence: CheckEvidence, required = true): Check {
  return { id, says: SAYS[id], required, status, evidence, source: "generic" };
}

export interface Judged {
  checks: Check[];
  nonBlank: boolean;
  animates: boolean;
  respondsToInput: boolean;
  inputEffects: InputEffect[];
  survivedMs: number;
}

const isBlank = (c: Observation) => c.snapshot.metrics.nonBackground < BLANK_THRESHOLD;

function bootCheck(play: ScenarioRecord, errors: ReportedError[]): Check {
  if (play.booted) return check("boots", "pass", { detail: `First frame after ${Math.round(play.firstFrameMs ?? play.bootFrames * FRAME_MS)} ms.`, atMs: 0 });
  const cause = errors[0] ? ` because of: ${errors[0].message.slice(0, 160)}${errors[0].location ? ` (${errors[0].location.file}:${errors[0].location.line})` : ""}` : "";
  return check("boots", "fail", { detail: `No frame was rendered after ${play.bootFrames} virtual frames${cause}.` });
}

function titleCheck(play: ScenarioRecord): Check {
  const start = play.start;
  if (!play.booted || !start) return check("leaves-title", "unknown", { detail: "The game never showed a first screen to get past." });
  if (start.from === "gameplay") return check("leaves-title", "pass", { detail: "No title screen: gameplay from the first frame.", atMs: 0 });
  const at = start.atFrame * FRAME_MS;
  const tried = start.tried.length ? start.tried.join(", ") : "nothing could be tried";
  if (start.to === "none") {
    return check("leaves-title", "fail", { detail: `After ${start.by ?? "waiting"}, no scene is running (the screen is empty): the title started a scene that does not exist or stopped everything. Tried: ${tried}.`, atMs: at });
  }
  if (!start.left && start.by === null && play.stop.reason !== "completed") {
    return check("leaves-title", "unknown", { detail: `The run ended (${play.stop.reason}) at ${seconds(at)} while getting past the title, after ${tried}.`, atMs: at });
  }
  if (!start.left) return check("leaves-title", "fail", { detail: `Stuck on the ${start.from === "boot" ? "loading screen" : "title"}: tried ${tried}, then waited until ${seconds(at)}; nothing left it.`, atMs: at });
  return check("leaves-title", "pass", { detail: `${start.by === "waiting" ? "It moved on by itself" : `"${start.by}" left it`}: ${start.to} from ${seconds(at)}.`, atMs: at });
}

interface ControlsResult {
  check: Check;
  effects: InputEffect[];
}

/** Compares play and control inside gameplay; names what the input moved. */
function controlsCheck(play: ScenarioRecord, control: ScenarioRecord | null): ControlsResult {
  if (!control || play.gameplayFrame === null) return { check: check("controls", "unknown", { detail: "Gameplay was never reached, so the controls could not be tried." }), effects: [] };
  const all = pairs(play, control);
  const mask = noiseMask(all.filter((p) => p.frame <= (play.gameplayFrame ?? 0)));
  const window = gameplayPairs(all, play.gameplayFrame);
  const span = window.length ? window[window.length - 1].atMs - window[0].atMs : 0;
  if (window.length < 2 || (span < MIN_JUDGED_MS && play.stop.reason !== "completed")) {
    return { check: check("controls", "unknown", { detail: `Gameplay ended ${span ? `${seconds(span)} after it started` : "as soon as it started"} (${play.stop.reason}), too soon to compare input against no input.` }), effects: [] };
  }
  const effects: InputEffect[] = [];
  // The clearest evidence is an object that moved; a changed field or region is the fallback.
  let first: { pair: Pair; text: string } | null = null;
  let moving: { pair: Pair; text: string } | null = null;
  let stateOnly: string | null = null;
  let before: Map<string, Offset> = offsets(window[0].play.introspection, window[0].control.introspection);
  let previous = window[0];
  for (const pair of window.slice(1)) {
    const now = offsets(pair.play.introspection, pair.control.introspection);
    const moved = movedSince(before, now);
    const state = stateDifferences(pair.play.introspection, pair.control.introspection);
    const seen = visibleDifference(pair, mask);
    const inputs = pair.play.inputs.length ? pair.play.inputs.slice(0, 2).join(", ") : "earlier input";
    const when = `${seconds(previous.atMs)}–${seconds(pair.atMs)}`;
    if (seen.visible) {
      const what = moved.length ? moved.join("; ") : state.length ? `changed ${state.join(", ")}` : seen.cells !== null ? `changed ${seen.cells} screen regions` : `changed ${(seen.fraction * 100).toFixed(1)}% of the picture`;
      const evidence = { pair, text: `${inputs} ${what} (${when}, against the same start without input)` };
      if (!first) first = evidence;
      if (!moving && moved.length) moving = evidence;
      if (effects.length < 8 && (moved.length || state.length)) effects.push({ input: `${inputs} (${when})`, changed: [...moved, ...state].join("; ") });
    } else if (!stateOnly && (moved.length || state.length)) {
      stateOnly = `${inputs} changed ${[...moved, ...state].join("; ")} (${when}) but the picture is identical to the control run`;
    }
    before = now;
    previous = pair;
  }
  const best = moving ?? first;
  if (best) return { check: check("controls", "pass", { detail: best.text, atMs: best.pair.atMs }), effects };
  const tried = [...new Set(window.flatMap((p) => p.play.inputs))].slice(0, 4).join(", ") || "no input could be sent";
  const detail = stateOnly
    ? `${stateOnly}: input handlers change state that nothing draws.`
    : `In gameplay (${seconds(window[0].atMs)}–${seconds(window[window.length - 1].atMs)}) the picture stayed the same as with no input at every compared moment, with ${tried}. Check that input handlers move the player.`;
  return { check: check("controls", "fail", { detail, atMs: window[0].atMs }), effects };
}

function blankCheck(play: ScenarioRecord, errors: ReportedError[]): { check: Check; nonBlank: boolean } {
  const gameplay = play.gameplayFrame === null ? [] : play.checkpoints.filter((c) => c.frame >= play.gameplayFrame! && phaseOf(c.introspection) === "gameplay");
  if (gameplay.length === 0) {
    const nonBlank = play.checkpoints.some((c) => !isBlank(c));
    return { check: check("not-blank", "unknown", { detail: `Gameplay was never reached${nonBlank ? " (the screens before it are drawn)" : ""}.` }), nonBlank };
  }
  const drawn = gameplay.filter((c) => !isBlank(c));
  if (drawn.length) return { check: check("not-blank", "pass", { detail: `Gameplay draws a picture (${drawn.length} of ${gameplay.length} gameplay frames).`, atMs: drawn[0].atMs }), nonBlank: true };
  const error = errors.find((e) => (e.atMs ?? 0) <= gameplay[0].atMs + 100);
  const scenes = sceneList(gameplay[0].introspection).join(", ");
  const detail = error
    ? `Gameplay frames show only the background after the error ${error.message.slice(0, 120)}.`
    : `Every gameplay frame (${seconds(gameplay[0].atMs)}–${seconds(gameplay[gameplay.length - 1].atMs)}, scene ${scenes}) shows only the background colour. Check that objects are added inside the camera view (positions, containers, alpha, depth).`;
  return { check: check("not-blank", "fail", { detail, atMs: gameplay[0].atMs }), nonBlank: false };
}

function animatesCheck(control: ScenarioRecord | null, play: ScenarioRecord): { check: Check; animates: boolean } {
  const run = control ?? play;
  const from = play.gameplayFrame ?? 0;
  const frames = run.checkpoints.filter((c) => c.frame >= from && phaseOf(c.introspection) === "gameplay");
  const moving = frames.find((c, i) => i > 0 && c.snapshot.metrics.hash !== frames[i - 1].snapshot.metrics.hash);
  if (frames.length < 2) return { check: check("animates", "unknown", { detail: "Too few gameplay frames to tell." }, false), animates: false };
  return moving
    ? { check: check("animates", "pass", { detail: `Without input the gameplay picture changes (${seconds(moving.atMs)}).`, atMs: moving.atMs }, false), animates: true }
    : { check: check("animates", "fail", { detail: "Without input the gameplay picture never changes (fine for a puzzle that waits for the player)." }, false), animates: false };
}

function survivesCheck(runs: ScenarioRecord[], play: ScenarioRecord, requestedSeconds: number): { check: Check; survivedMs: number } {
  const early = runs.filter((r) => r.booted && r.stop.reason !== "completed").map((r) => ("atMs" in r.stop ? Math.max(0, r.stop.atMs) : 0));
  const survivedMs = early.length ? Math.min(...early) : play.endedAtMs;
  if (!play.booted) return { check: check("survives", "unknown", { detail: "It never booted." }), survivedMs: 0 };
  if (early.length) return { check: check("survives", "fail", { detail: `It stopped at ${seconds(survivedMs)} of ${requestedSeconds} s (${runs.find((r) => r.stop.reason !== "completed")?.stop.reason}).`, atMs: survivedMs }), survivedMs };
  return { check: check("survives", "pass", { detail: `Ran ${seconds(survivedMs)} of ${requestedSeconds} s in both runs.`, atMs: survivedMs }), survivedMs };
}

function errorsCheck(errors: ReportedError[]): Check {
  const e = errors[0];
  if (!e) return check("no-errors", "pass", { detail: "No errors, failed assets or Phaser warnings in either run." });
  const where = e.location ? ` at ${e.location.file}:${e.location.line}` : "";
  return check("no-errors", "fail", { detail: `${errors.length} distinct; first: ${e.message.slice(0, 200)}${where}.`, atMs: e.atMs });
}

function gameOverChecks(play: ScenarioRecord, control: ScenarioRecord | null): Check[] {
  const runs = control ? [play, control] : [play];
  const reached = runs.map((r) => ({ run: r, at: r.checkpoints.find((c) => phaseOf(c.introspection) === "gameover") })).find((x) => x.at);
  const keys = runs.flatMap((r) => r.checkpoints.flatMap((c) => c.introspection?.sceneKeys ?? []));
  const hasOne = keys.some((k) => GAMEOVER_KEY.test(k));
  if (!reached?.at) {
    const detail = hasOne ? `It has a game-over scene (${[...new Set(keys.filter((k) => GAMEOVER_KEY.test(k)))].join(", ")}) that neither run reached.` : "No game-over screen was seen.";
    return [check("game-over", "unknown", { detail }, false), check("restart", "unknown", { detail: "No game over to restart from." }, false)];
  }
  const where = `${reached.run.name === "control" ? "the control run (no input)" : "the play run"} at ${seconds(reached.at.atMs)} (${sceneList(reached.at.introspection).join(", ")})`;
  const over = check("game-over", "pass", { detail: `Reached in ${where}.`, atMs: reached.at.atMs }, false);
  const restart = runs.map((r) => r.restart).find((r): r is ScreenPass => !!r && r.left) ?? runs.map((r) => r.restart).find((r): r is ScreenPass => !!r);
  if (!restart) return [over, check("restart", "unknown", { detail: "The run ended before a restart could be tried." }, false)];
  const at = restart.atFrame * FRAME_MS;
  if (restart.left && restart.to === "gameplay") return [over, check("restart", "pass", { detail: `"${restart.by}" started gameplay again at ${seconds(at)}.`, atMs: at })];
  if (restart.left) return [over, check("restart", "unknown", { detail: `"${restart.by}" left the game-over screen for ${restart.to}, and the run ended before gameplay.`, atMs: at }, false)];
  return [over, check("restart", "fail", { detail: `Stuck on the game-over screen: tried ${restart.tried.join(", ") || "nothing"}${restart.to === "none" ? "; afterwards no scene was running" : ""}.`, atMs: at })];
}

export function genericChecks(play: ScenarioRecord, control: ScenarioRecord | null, errors: ReportedError[], requestedSeconds: number): Judged {
  const runs = control ? [play, control] : [play];
  const controls = controlsCheck(play, control);
  const blank = blankCheck(play, errors);
  const animates = animatesCheck(control, play);
  const survives = survivesCheck(runs, play, requestedSeconds);
  const checks = [
    bootCheck(play, errors), titleCheck(play), controls.check, errorsCheck(errors), blank.check, animates.check, survives.check,
    ...gameOverChecks(play, control),
  ];
  return { checks, nonBlank: blank.nonBlank, animates: animates.animates, respondsToInput: controls.check.status === "pass", inputEffects: controls.effects, survivedMs: survives.survivedMs };
}
