// Gets past a title, menu or game-over screen the way a person does: Enter, Space, a click on each
// button, a click in the middle, the screen's own keys, and finally waiting (intros move on by themselves).

import { burstAt, FRAME_MS, menuAttempts } from "./input-plan";
import { phaseOf, sceneList } from "./phases";
import type { Phase } from "./report";
import type { Timeline } from "./scenario";

export interface ScreenPass {
  /** The screen it started on. */
  from: Phase | "none";
  /** True when the game reached another phase (never "none": a start that stops every scene is not leaving). */
  left: boolean;
  /** The attempt that worked, "waiting" when the screen moved on by itself, null when nothing was needed. */
  by: string | null;
  tried: string[];
  /** Frame (since the first frame) at which the new phase was first observed. */
  atFrame: number;
  to: Phase | "none";
}

const MAX_MENUS = 3;
const MAX_ATTEMPTS = 8;
const BOOT_WAIT_MS = 6000;
const INTRO_WAIT_MS = 15000;
const OBSERVE_EVERY_MS = 1000;

/** Steps without input for up to `ms`, observing every second, until the phase is not `from` any more. */
async function waitFor(timeline: Timeline, from: Phase | "none", ms: number): Promise<Phase | "none"> {
  const until = timeline.frame + Math.round(ms / FRAME_MS);
  let phase = phaseOf(timeline.view);
  while (phase === from && timeline.frame < until && !timeline.ended) {
    await timeline.advanceTo(timeline.frame + Math.round(OBSERVE_EVERY_MS / FRAME_MS));
    if (timeline.ended) break;
    phase = phaseOf(await timeline.observe());
  }
  return phase;
}

export async function passScreen(timeline: Timeline, from: Phase | "none", sourceKeys: string[], depth = 0): Promise<ScreenPass> {
  const tried: string[] = [];
  const result = (to: Phase | "none", by: string | null): ScreenPass => ({ from, left: to !== from && to !== "none", by, tried, atFrame: timeline.frame, to });
  if (from === "boot" || from === "none") {
    const to = await waitFor(timeline, from, BOOT_WAIT_MS);
    if (to === "title" && depth < MAX_MENUS) return merge(from, "waiting", await passScreen(timeline, "title", sourceKeys, depth + 1));
    return result(to, to === from ? null : "waiting");
  }
  const scenes = sceneList(timeline.view).join(",");
  for (const attempt of menuAttempts(timeline.view, sourceKeys).slice(0, MAX_ATTEMPTS)) {
    if (timeline.ended) return result(phaseOf(timeline.view), null);
    tried.push(attempt.label);
    await timeline.play(burstAt(attempt, timeline.frame + 1));
    if (timeline.ended) return result(phaseOf(timeline.view), null);
    const view = await timeline.observe();
    const to = phaseOf(view);
    if (to === "none") return result("none", attempt.label);
    const another = to === "title" && sceneList(view).join(",") !== scenes;
    // A game-over screen that goes back to the title, or a title that opens a second menu: pass that one too.
    if ((another || (from === "gameover" && to === "title")) && depth < MAX_MENUS) {
      return merge(from, attempt.label, await passScreen(timeline, "title", sourceKeys, depth + 1), tried);
    }
    if (to !== from) return result(to, attempt.label);
  }
  const to = await waitFor(timeline, from, INTRO_WAIT_MS);
  return result(to, to === from ? null : "waiting");
}

function merge(from: Phase | "none", by: string, next: ScreenPass, tried: string[] = []): ScreenPass {
  return { ...next, from, by: next.by ? `${by}, then ${next.by}` : by, tried: [...tried, ...next.tried] };
}
