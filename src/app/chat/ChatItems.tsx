// One rendering per kind of chat item: messages, tool calls (grouped and collapsed, with diffs),
// playtest cards, questions as buttons, the understood spec (editable → Rebuild) and errors.

import { useState } from "react";
import type { ChatItem } from "../../state";
import { ReportView } from "../report/ReportView";
import { useWorkbench } from "../workbench";
import { DiffView, diffStats } from "./DiffView";

type ToolItem = Extract<ChatItem, { kind: "tool" }>;

function argumentHint(tool: ToolItem): string {
  try {
    const args = JSON.parse(tool.args) as Record<string, unknown>;
    const hint = args.path ?? args.topic ?? args.question ?? (args.seconds !== undefined ? `${args.seconds} s` : "");
    return String(hint ?? "");
  } catch {
    return "(arguments are not JSON)";
  }
}

function ToolCall({ tool }: { tool: ToolItem }) {
  const state = tool.ok === null ? "running" : tool.ok ? "ok" : "failed";
  return (
    <details className={`tool tool-${state}`} data-testid="tool-call" data-tool={tool.name} data-state={state}>
      <summary>
        <span className="tool-icon">{state === "running" ? "…" : state === "ok" ? "✓" : "✗"}</span>
        <span className="tool-name">{tool.name}</span>
        <span className="tool-hint">{argumentHint(tool)}</span>
        {tool.diffs.map((diff) => (
          <span key={diff.path} className="tool-stats">
            {diffStats(diff)}
          </span>
        ))}
      </summary>
      {tool.diffs.map((diff) => (
        <DiffView key={diff.path} diff={diff} />
      ))}
      {tool.result && tool.diffs.length === 0 && <pre className="tool-result">{tool.result.length > 3000 ? `${tool.result.slice(0, 3000)}…` : tool.result}</pre>}
      {tool.ok === false && tool.diffs.length > 0 && <pre className="tool-result">{tool.result}</pre>}
    </details>
  );
}

export function ToolGroup({ tools }: { tools: ToolItem[] }) {
  if (tools.length === 1) return <ToolCall tool={tools[0]} />;
  const names = new Map<string, number>();
  tools.forEach((tool) => names.set(tool.name, (names.get(tool.name) ?? 0) + 1));
  const failed = tools.filter((tool) => tool.ok === false).length;
  return (
    <details className="tool-group" data-testid="tool-group">
      <summary>
        {tools.length} tool calls: {[...names].map(([name, n]) => `${name}${n > 1 ? ` ×${n}` : ""}`).join(", ")}
        {failed > 0 && <span className="tool-group-failed"> · {failed} failed</span>}
      </summary>
      {tools.map((tool) => (
        <ToolCall key={tool.id} tool={tool} />
      ))}
    </details>
  );
}

function SpecCard({ item, latest }: { item: Extract<ChatItem, { kind: "spec" }>; latest: boolean }) {
  const { agent } = useWorkbench();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(item.json);
  const [problem, setProblem] = useState<string | null>(null);
  const rebuild = async () => {
    setProblem(null);
    try {
      setEditing(false);
      await agent.getState().rebuildFromSpec(text);
    } catch (error) {
      setEditing(true);
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <div className="chat-card spec-card" data-testid="spec-card" data-latest={latest}>
      <div className="chat-card-head">
        <strong>What the builder understood</strong>
        {latest && !editing && (
          <button type="button" data-testid="spec-edit" onClick={() => (setText(item.json), setEditing(true))}>
            Edit
          </button>
        )}
      </div>
      {item.summary ? (
        <div className="spec-summary" data-testid="spec-summary">
          {item.summary.split("\n").map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
      ) : (
        <pre className="spec-json">{item.json}</pre>
      )}
      {editing && (
        <div className="spec-editing">
          <textarea data-testid="spec-editor" value={text} onChange={(event) => setText(event.target.value)} rows={12} spellCheck={false} />
          {problem && <p className="chat-problem">{problem}</p>}
          <div className="chat-actions">
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
            <button type="button" className="primary" data-testid="spec-rebuild" onClick={() => void rebuild()}>
              Rebuild
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function Question({ item }: { item: Extract<ChatItem, { kind: "question" }> }) {
  const { agent } = useWorkbench();
  return (
    <div className="chat-card question-card" data-testid="question" data-answered={item.answer !== null}>
      <div className="question-text">{item.question}</div>
      {item.answer === null ? (
        <div className="question-choices">
          {item.choices.map((choice) => (
            <button type="button" key={choice} data-testid="question-choice" onClick={() => agent.getState().answer(item.questionId, choice)}>
              {choice}
            </button>
          ))}
          <span className="question-free">…or type an answer below.</span>
        </div>
      ) : (
        <div className="question-answer">
          → {item.answer}
          {item.auto && " (chosen by default)"}
        </div>
      )}
    </div>
  );
}

export function ChatEntry({ item, latestSpec, latestPlaytest }: { item: Exclude<ChatItem, ToolItem>; latestSpec: boolean; latestPlaytest: boolean }) {
  switch (item.kind) {
    case "user":
      return (
        <div className={`chat-msg chat-user ${item.steer ? "chat-steer" : ""}`} data-testid="chat-user">
          {item.steer && <span className="chat-tag">steering</span>}
          {item.shown ?? item.text}
        </div>
      );
    case "assistant":
      return (
        <div className="chat-msg chat-assistant" data-testid="chat-assistant">
          {item.text}
        </div>
      );
    case "progress":
      return <div className="chat-progress">{item.text}</div>;
    case "playtest":
      return (
        <div className="chat-card playtest-card" data-testid="chat-playtest" data-latest={latestPlaytest} data-verdict={item.report.verdict}>
          <div className="chat-card-head">
            <strong>Playtest {item.iteration}</strong>
          </div>
          <ReportView report={item.report} compact />
        </div>
      );
    case "question":
      return <Question item={item} />;
    case "spec":
      return <SpecCard item={item} latest={latestSpec} />;
    case "notice":
      return (
        <div className={`chat-card notice-${item.tone}`} data-testid={item.failure ? "provider-error" : "chat-notice"}>
          {item.failure && (
            <dl className="provider-failure">
              <dt>Provider</dt>
              <dd>{item.failure.provider}</dd>
              <dt>Model</dt>
              <dd>{item.failure.model}</dd>
              {item.failure.status !== undefined && (
                <>
                  <dt>Status</dt>
                  <dd>HTTP {item.failure.status}</dd>
                </>
              )}
              <dt>What to do</dt>
              <dd>{item.failure.advice}</dd>
            </dl>
          )}
          <div className="notice-text">{item.text}</div>
        </div>
      );
    case "finished":
      return (
        <div className={`chat-card finished-card finished-${item.playable ? "playable" : "broken"}`} data-testid="chat-finished" data-playable={item.playable}>
          {item.summary}
        </div>
      );
  }
}
