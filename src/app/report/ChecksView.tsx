// A report's checks for people: each with its status in words, the evidence, the thumbnails it
// names and a vision judge's opinion marked as the judge's; failed required checks first. Then the
// phases the play run went through. Nothing is drawn for a report without checks or phases.

import type { Check, CheckStatus, PlaytestReport } from "../../playtest";

const STATUS_TEXT: Record<CheckStatus, string> = { pass: "passed", fail: "failed", unknown: "not verified" };
const PHASE_TEXT = { boot: "booting", title: "title", gameplay: "gameplay", gameover: "game over" } as const;
const OPINION_TEXT = { agrees: "agrees", disagrees: "disagrees", unsure: "is unsure" } as const;

/** Failed required checks first (they make the verdict broken), then failed optional ones, the unverified, the passed. */
function fixingOrder(checks: Check[]): Check[] {
  const rank = (c: Check) => (c.status === "fail" ? (c.required ? 0 : 1) : c.status === "unknown" ? 2 : 3);
  return [...checks].sort((a, b) => rank(a) - rank(b));
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function CheckRow({ check, report }: { check: Check; report: PlaytestReport }) {
  const frames = report.thumbnails.filter((thumb) => check.evidence.frames?.includes(thumb.label));
  return (
    <li className={`report-check report-check-${check.status}`} data-testid="report-check" data-check={check.id} data-status={check.status}>
      <div className="report-check-head">
        <span className="report-check-status">{STATUS_TEXT[check.status]}</span>
        <span className="report-check-says">{check.says}</span>
        {!check.required && <span className="report-check-optional">optional</span>}
      </div>
      <div className="report-check-evidence">
        {check.evidence.detail}
        {check.evidence.atMs !== undefined && <span className="report-check-at"> (at {seconds(check.evidence.atMs)})</span>}
      </div>
      {frames.length > 0 && (
        <div className="report-thumbs report-check-frames">
          {frames.map((thumb) => (
            <figure key={`${thumb.label}-${thumb.atMs}`}>
              <img src={thumb.dataUrl} alt={`Frame ${thumb.label}, evidence for: ${check.says}`} data-testid="report-check-frame" />
              <figcaption>{thumb.label}</figcaption>
            </figure>
          ))}
        </div>
      )}
      {check.judge && (
        <div className="report-check-judge" data-testid="report-check-judge">
          <strong>Vision judge's opinion</strong> ({check.judge.model}; it looked at the frames, it did not measure): {OPINION_TEXT[check.judge.opinion]}. {check.judge.says}
        </div>
      )}
    </li>
  );
}

export function ChecksView({ report }: { report: PlaytestReport }) {
  if (report.checks.length === 0) return null;
  return (
    <ul className="report-checks" data-testid="report-checks" aria-label="Checks">
      {fixingOrder(report.checks).map((check) => (
        <CheckRow key={check.id} check={check} report={report} />
      ))}
    </ul>
  );
}

/** "booting 0.0 s → title 0.4 s (Title) → gameplay 1.2 s (Play)". */
export function PhasesView({ report }: { report: PlaytestReport }) {
  if (report.phases.length === 0) return null;
  return (
    <ol className="report-phases" data-testid="report-phases" aria-label="Phases of the play run">
      {report.phases.map((span) => (
        <li key={`${span.phase}-${span.fromMs}`} data-phase={span.phase}>
          <strong>{PHASE_TEXT[span.phase]}</strong> from {seconds(span.fromMs)}
          {span.scenes.length > 0 && <span className="report-phase-scenes"> ({span.scenes.join(", ")})</span>}
        </li>
      ))}
    </ol>
  );
}

/** One line for a chat card: how many checks passed, failed and could not be verified. */
export function CheckCounts({ checks }: { checks: Check[] }) {
  if (checks.length === 0) return null;
  const count = (status: CheckStatus) => checks.filter((c) => c.status === status).length;
  const parts = [`${count("pass")} passed`, ...(count("fail") ? [`${count("fail")} failed`] : []), ...(count("unknown") ? [`${count("unknown")} not verified`] : [])];
  return <div className="report-check-counts" data-testid="report-check-counts">Checks: {parts.join(", ")}</div>;
}
