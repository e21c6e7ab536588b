// Where a game is at a moment (booting, a title or menu, gameplay, game over), read from what the
// harness introspects: the game's own describe() says it best, then scene keys, then on-screen text.

import type { Introspection, SceneSummary } from "../runtime/contract";
import type { Phase } from "./report";

const TITLE_KEY = /title|menu|start|intro|splash|attract|lobby|select/i;
const BOOT_KEY = /^(boot|preload|preloader|load|loading|loader)$/i;
const GAMEOVER_KEY = /over|result|lose|lost|win|won|dead|death|end(ing|screen)?$|score(s|board)/i;
const OVERLAY_KEY = /^(hud|ui|overlay|pause)/i;
const START_TEXT = /\b(press|click|tap|touch|hit)\b[^]*\b(start|begin|play)\b|^\s*(start|play)( game)?\s*[!.]?\s*$/i;
const GAMEOVER_TEXT = /game\s*over|you (win|won|lose|lost|died)|play again|try again/i;

/** The describe() field a game uses to say which screen it shows ("title", "playing", "gameover"). */
function describedScreen(scene: SceneSummary): string | null {
  const d = scene.describe;
  if (!d || typeof d !== "object" || Array.isArray(d)) return null;
  for (const field of ["screen", "phase", "state", "mode", "scene"]) {
    const value = (d as Record<string, unknown>)[field];
    if (typeof value === "string") return value;
  }
  return null;
}

function screenPhase(screen: string): Phase | null {
  if (/over|lose|lost|win|won|dead|result|end/i.test(screen)) return "gameover";
  if (/title|menu|start|intro|splash|ready|wait/i.test(screen)) return "title";
  if (/play|game|level|run|fight|race|active/i.test(screen)) return "gameplay";
  if (/boot|load/i.test(screen)) return "boot";
  return null;
}

/** One scene's phase, or null for an overlay (HUD, pause) that says nothing by itself. */
export function scenePhase(scene: SceneSummary): Phase | null {
  const screen = describedScreen(scene);
  const said = screen ? screenPhase(screen) : null;
  if (said) return said;
  if (BOOT_KEY.test(scene.key)) return "boot";
  if (GAMEOVER_KEY.test(scene.key)) return "gameover";
  if (TITLE_KEY.test(scene.key)) return "title";
  if (OVERLAY_KEY.test(scene.key)) return null;
  const texts = scene.main.filter((o) => o.visible && o.text).map((o) => o.text!);
  if (texts.some((t) => GAMEOVER_TEXT.test(t))) return "gameover";
  if (texts.some((t) => START_TEXT.test(t))) return "title";
  return "gameplay";
}

/**
 * The phase of the whole game: a game-over screen wins over everything, then gameplay (a HUD or a
 * paused scene beside it does not make it a menu), then a title. No active scene at all is "none":
 * the game switched to a scene that does not exist, or stopped everything.
 */
export function phaseOf(view: Introspection | null): Phase | "none" {
  if (!view || view.scenes.length === 0) return "none";
  const phases = view.scenes.map(scenePhase);
  if (phases.includes("gameover")) return "gameover";
  if (phases.includes("gameplay")) return "gameplay";
  if (phases.includes("title")) return "title";
  if (phases.includes("boot")) return "boot";
  return "gameplay";
}

export function sceneList(view: Introspection | null): string[] {
  return view ? view.scenes.map((s) => s.key) : [];
}

/** The scene that shows gameplay (where describe() state and the player live). */
export function gameplayScene(view: Introspection | null): SceneSummary | null {
  if (!view) return null;
  return view.scenes.find((s) => scenePhase(s) === "gameplay") ?? view.scenes[0] ?? null;
}
