// A PlaytestReport for people: verdict, reasons, the checks with their evidence and the phases, a
// strip of thumbnails and the errors, each error linked to its file and line in the editor. Used
// inline in the chat (compact: the checks as one line) and in the Playtest panel.

import type { PlaytestReport, ReportedError } from "../../playtest";
import { useWorkbench } from "../workbench";
import { CheckCounts, ChecksView, PhasesView } from "./ChecksView";

/** "src/scenes/Title.ts:9" for an error with a source line, else null. */
export function errorWhere(error: ReportedError): string | null {
  return error.location ? `${error.location.file.replace(/^\/+/, "")}:${error.location.line}` : null;
}

function ErrorRow({ error }: { error: ReportedError }) {
  const { editor } = useWorkbench();
  const where = errorWhere(error);
  return (
    <li className="report-error" data-testid="report-error">
      <div className="report-error-head">
        {where ? (
          <button type="button" className="report-error-link" data-testid="report-error-link" data-location={where} onClick={() => editor.getState().openAt(error.location!)} title="Open this line in the editor">
            {where}
          </button>
        ) : (
          <span className="report-error-nowhere">no source line</span>
        )}
        <span className="report-error-kind">{error.kind}{error.during ? ` · ${error.during}` : ""}{error.count > 1 ? ` · ×${error.count}` : ""}</span>
      </div>
      <div className="report-error-message">{error.message}</div>
      {error.codeFrame && <pre className="report-code-frame">{error.codeFrame}</pre>}
    </li>
  );
}

export function VerdictPill({ verdict, testId }: { verdict: PlaytestReport["verdict"]; testId?: string }) {
  return (
    <span className={`verdict-pill verdict-${verdict}`} data-testid={testId} data-verdict={verdict}>
      {verdict}
    </span>
  );
}

export function ReportView({ report, compact = false }: { report: PlaytestReport; compact?: boolean }) {
  const thumbs = compact ? report.thumbnails.filter((_, i, all) => all.length <= 4 || i % Math.ceil(all.length / 4) === 0 || i === all.length - 1).slice(-4) : report.thumbnails;
  const facts = [
    report.booted ? `first frame ${report.firstFrameMs === null ? "?" : Math.round(report.firstFrameMs)} ms` : "did not boot",
    `survived ${report.survivedSeconds}/${report.requestedSeconds} s`,
    report.respondsToInput ? "responds to input" : "ignores input",
    ...(report.booted ? [`${report.speed.toFixed(1)}× real time`] : []),
  ];
  return (
    <div className={`report ${compact ? "report-compact" : ""}`} data-testid="playtest-report" data-verdict={report.verdict}>
      <div className="report-head">
        <VerdictPill verdict={report.verdict} />
        <span className="report-facts">{facts.join(" · ")}</span>
      </div>
      {report.reasons.length > 0 && (
        <ul className="report-reasons">
          {report.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      {compact ? (
        <CheckCounts checks={report.checks} />
      ) : (
        <>
          <ChecksView report={report} />
          <PhasesView report={report} />
        </>
      )}
      {thumbs.length > 0 && (
        <div className="report-thumbs" data-testid="report-thumbs">
          {thumbs.map((thumb) => (
            <figure key={`${thumb.label}-${thumb.atMs}`}>
              <img src={thumb.dataUrl} alt={`Frame at ${(thumb.atMs / 1000).toFixed(1)} s (${thumb.label})`} data-testid="report-thumb" />
              {/* "boot 0.0 s", "play 2.0 s", "control 30.0 s": the play and the control run each start at 0 s. */}
              <figcaption>{thumb.label}</figcaption>
            </figure>
          ))}
        </div>
      )}
      {report.errors.length > 0 && (
        <ul className="report-errors">
          {report.errors.slice(0, compact ? 3 : 20).map((error, i) => (
            <ErrorRow key={i} error={error} />
          ))}
        </ul>
      )}
      {!compact && report.inputEffects.length > 0 && (
        <ul className="report-inputs">
          {report.inputEffects.map((effect) => (
            <li key={effect.input}>
              <strong>{effect.input}</strong>: {effect.changed}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
