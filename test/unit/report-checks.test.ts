// The Playtest panel's report, rendered from a canned PlaytestReport the way the IDE renders it:
// what a person reads in it about the checks (failed first, evidence, "not verified", the vision
// judge's opinion as the judge's), the frames each check names, and the phases.

import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ReportView } from "../../src/app/report/ReportView";
import type { Check, PlaytestReport } from "../../src/playtest";

const PNG = "data:image/png;base64,iVBORw0KGgo=";

function check(id: string, status: Check["status"], says: string, detail: string, extra: Partial<Check> = {}): Check {
  return { id, says, required: true, status, evidence: { detail }, source: "generic", ...extra };
}

const report: PlaytestReport = {
  verdict: "broken",
  reasons: ["The controls do not move the player in gameplay."],
  checks: [
    check("boots", "pass", "The game boots and draws a first frame", "First frame after 12 virtual frames.", { evidence: { detail: "First frame after 12 virtual frames.", atMs: 0, frames: ["boot 0.0 s"] } }),
    check("leaves-title", "pass", "A person can get past the title", "Enter left the title for Play.", {
      judge: { opinion: "agrees", says: "The second frame shows the diver under water.", model: "vision-mini" },
    }),
    check("controls", "fail", "The controls move the player in gameplay", "ArrowRight, ArrowLeft and Space changed nothing the control run did not also show.", {
      evidence: { detail: "ArrowRight, ArrowLeft and Space changed nothing the control run did not also show.", atMs: 4000, frames: ["play 4.0 s", "control 4.0 s"] },
      judge: { opinion: "disagrees", says: "The diver seems to drift right in the later frame.", model: "vision-mini" },
    }),
    check("game-over", "unknown", "A game over can be reached", "No game-over screen was seen in 30 s.", { required: false }),
    check("score-rises", "fail", "Score rises when a pearl is collected", "describe().score stayed 0 while the player was driven to 3 pearls.", { required: false, source: "task" }),
  ],
  phases: [
    { phase: "boot", fromMs: 0, scenes: [] },
    { phase: "title", fromMs: 200, scenes: ["Title"] },
    { phase: "gameplay", fromMs: 1200, scenes: ["Play", "Hud"] },
  ],
  booted: true,
  firstFrameMs: 180,
  errors: [],
  consoleTail: [],
  nonBlank: true,
  animates: true,
  respondsToInput: false,
  inputEffects: [],
  survivedSeconds: 30,
  requestedSeconds: 30,
  fps: 600,
  speed: 10,
  wallMs: 3000,
  seed: 1,
  thumbnails: [
    { label: "boot 0.0 s", atMs: 0, dataUrl: PNG },
    { label: "play 4.0 s", atMs: 4000, dataUrl: PNG },
    { label: "control 4.0 s", atMs: 4000, dataUrl: PNG },
    { label: "play 30.0 s", atMs: 30000, dataUrl: PNG },
  ],
  frameHashes: [],
  introspection: null,
};

/** Text as a person reads it: tags dropped, entities decoded, whitespace collapsed. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** Each check row of the rendered report: its status attribute, its text, and the frames it shows. */
function checkRows(html: string) {
  return [...html.matchAll(/<li class="report-check [^"]*"[^>]*data-status="(\w+)"[^>]*>([\s\S]*?)<\/li>/g)].map(([, status, inner]) => ({
    status,
    text: text(inner),
    frames: [...inner.matchAll(/<figcaption>([^<]*)<\/figcaption>/g)].map((m) => m[1]),
  }));
}

const render = (r: PlaytestReport, compact = false) => renderToStaticMarkup(createElement(ReportView, { report: r, compact }));

describe("the playtest report's checks", () => {
  it("lists the failed required check first, with its evidence and the frames it names", () => {
    const rows = checkRows(render(report));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({
      status: "fail",
      text: expect.stringMatching(/^failed The controls move the player in gameplay ArrowRight, ArrowLeft and Space changed nothing the control run did not also show\. \(at 4\.0 s\)/),
      frames: ["play 4.0 s", "control 4.0 s"],
    });
    expect(rows.map((r) => r.status)).toEqual(["fail", "fail", "unknown", "pass", "pass"]);
    expect(rows[1].text).toMatch(/^failed Score rises when a pearl is collected optional describe\(\)\.score stayed 0/);
  });

  it("shows a check that could not be verified as 'not verified', never as passed", () => {
    const unknown = checkRows(render(report)).find((r) => r.text.includes("A game over can be reached"));
    expect(unknown?.text).toMatch(/^not verified A game over can be reached optional No game-over screen was seen in 30 s\.$/);
  });

  it("labels the vision judge's opinion as the judge's, beside the measured status it does not change", () => {
    const rows = checkRows(render(report));
    expect(rows[0].text).toMatch(/^failed .*Vision judge's opinion \(vision-mini; it looked at the frames, it did not measure\): disagrees\. The diver seems to drift right in the later frame\.$/);
    const title = rows.find((r) => r.text.includes("get past the title"));
    expect(title?.text).toMatch(/^passed .*Vision judge's opinion \(vision-mini.*\): agrees\. The second frame shows the diver under water\.$/);
    expect(rows.filter((r) => r.text.includes("Vision judge"))).toHaveLength(2);
  });

  it("shows the phases of the play run with their scenes", () => {
    const html = render(report);
    const phases = /<ol class="report-phases"[\s\S]*?<\/ol>/.exec(html)?.[0] ?? "";
    expect(text(phases)).toBe("booting from 0.0 s title from 0.2 s (Title) gameplay from 1.2 s (Play, Hud)");
  });

  it("keeps a chat card to one line of counts, and draws nothing for a report without checks or phases", () => {
    expect(text(render(report, true))).toContain("Checks: 2 passed, 2 failed, 1 not verified");
    expect(checkRows(render(report, true))).toEqual([]);
    const bare = render({ ...report, checks: [], phases: [] });
    expect(bare).not.toMatch(/report-check|report-phases|Checks:/);
    expect(text(bare)).toContain("The controls do not move the player in gameplay.");
  });
});
