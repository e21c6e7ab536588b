// The Playtest button's result: a panel in the console's place under the preview (the game stays
// in view) with the running playtest's progress and then the full report. The hidden sandbox the playtests run in is mounted here too (PlaytestHost).

import { useEffect, useRef } from "react";
import { useStore } from "zustand";
import { formatReportForModel, type PlaytestReport } from "../../playtest";
import { usesProvider } from "../../state";
import { useWorkbench } from "../workbench";
import { ReportView, errorWhere } from "./ReportView";
import "./report.css";

/** An offscreen element for the playtest sandbox: rendered (so WebGL draws) but never seen. */
export function PlaytestHost() {
  const { playtest } = useWorkbench();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => playtest.getState().attach(host.current!), [playtest]);
  return <div ref={host} className="playtest-host" aria-hidden="true" data-testid="playtest-host" />;
}

export function PlaytestPanel() {
  const { playtest } = useWorkbench();
  const open = useStore(playtest, (s) => s.panelOpen);
  const status = useStore(playtest, (s) => s.status);
  const latest = useStore(playtest, (s) => s.latest);
  if (!open) return null;
  const running = status.state === "running";
  return (
    <aside className="playtest-panel" data-testid="playtest-panel" aria-label="Playtest report">
      <header className="playtest-panel-head">
        <h2>Playtest</h2>
        {running && <span className="playtest-progress" data-testid="playtest-progress">{status.progress}</span>}
        <button type="button" onClick={() => playtest.getState().closePanel()} aria-label="Close the playtest report" title="Close the report and show the console again">
          ×
        </button>
      </header>
      <div className="playtest-panel-body">
        {status.state === "failed" && <p className="playtest-failed">The playtest could not run: {status.message}</p>}
        {latest ? (
          <>
            {running && <p className="playtest-note">Showing the previous report until this one finishes.</p>}
            <ReportView report={latest.report} />
            {!running && latest.report.verdict === "broken" && <FixWithAgent report={latest.report} />}
          </>
        ) : (
          running && <p className="playtest-note">Playing the game on a hidden copy: past the title, then seeded input, then a control run with no input…</p>
        )}
      </div>
    </aside>
  );
}

/** What the agent is asked when the person hands it a broken playtest. */
function fixRequest(report: PlaytestReport): string {
  return `The playtest judged this game broken. Find the cause and fix it so the game is playable; keep what already works.\n\n${formatReportForModel(report, 3000)}`;
}

/** The chat's one line for that request: the first error and where, or the first reason. */
function fixSummary(report: PlaytestReport): string {
  const error = report.errors[0];
  const where = error && errorWhere(error);
  const why = error ? `${error.message.slice(0, 160)}${where ? ` (${where})` : ""}` : (report.reasons[0] ?? "see its report");
  return `Fix the game. The playtest judged it broken: ${why}`;
}

/** A broken report's next step: hand it to the agent (with a model), or say how to. */
function FixWithAgent({ report }: { report: PlaytestReport }) {
  const { agent, settings } = useWorkbench();
  const canFix = useStore(settings, (s) => usesProvider(s.model));
  const agentBusy = useStore(agent, (s) => s.running);
  if (!canFix) {
    return (
      <p className="playtest-note" data-testid="playtest-fix-hint">
        Click an error to open its line. To have the agent fix it, connect a model in ⚙ Settings (the offline builder only builds its own designs).
      </p>
    );
  }
  return (
    <button type="button" className="playtest-fix" data-testid="playtest-fix" disabled={agentBusy} onClick={() => void agent.getState().send(fixRequest(report), fixSummary(report))} title="Send this report to the agent, which fixes the game and playtests it again">
      Ask the agent to fix it
    </button>
  );
}

/** The toolbar's verdict: the latest report from the Playtest button or the agent. */
export function ToolbarVerdict() {
  const { playtest } = useWorkbench();
  const latest = useStore(playtest, (s) => s.latest);
  const running = useStore(playtest, (s) => s.status.state === "running");
  const verdict = latest?.report.verdict;
  return (
    <button
      type="button"
      className={`verdict ${verdict ? `verdict-pill verdict-${verdict}` : ""} ${running ? "verdict-stale" : ""}`}
      data-testid="verdict"
      data-verdict={verdict ?? ""}
      aria-label={verdict ? `Playtest verdict: ${verdict}; show the report` : "Playtest verdict (none yet)"}
      onClick={() => playtest.setState({ panelOpen: true })}
      hidden={!verdict}
    >
      {verdict ?? ""}
    </button>
  );
}

export function PlaytestButton() {
  const { playtest } = useWorkbench();
  const running = useStore(playtest, (s) => s.status.state === "running");
  return (
    <button type="button" data-testid="playtest-button" onClick={() => void playtest.getState().runProject()} disabled={running} title="Play the current project on a hidden copy and judge it">
      {running ? "Playtesting…" : "Playtest"}
    </button>
  );
}
