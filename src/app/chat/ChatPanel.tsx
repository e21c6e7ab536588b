// The chat panel: who builds (model or the offline builder, honestly labelled), the run's messages,
// tool calls, playtests, questions and spec, live counters and controls (pause, stop, checkpoints),
// and one prompt box that starts a run, steers a running one, or answers a waiting question.

import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useStore } from "zustand";
import type { Chattiness } from "../../agent";
import { costCapOf, type ChatItem } from "../../state";
import { useWorkbench } from "../workbench";
import { ChatEntry, ToolGroup } from "./ChatItems";
import "../report/report.css";
import "./chat.css";

type ToolItem = Extract<ChatItem, { kind: "tool" }>;

/** Consecutive tool calls collapse into one group so a whole-project write is one line. */
function renderItems(items: ChatItem[]): ReactNode[] {
  const lastId = (kind: ChatItem["kind"]) => [...items].reverse().find((item) => item.kind === kind)?.id;
  const latestSpec = lastId("spec");
  const latestPlaytest = lastId("playtest");
  const out: ReactNode[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind === "progress" && items[i + 1]?.kind === "progress") {
      const lines: string[] = [];
      while (i < items.length && items[i].kind === "progress") lines.push((items[i++] as Extract<ChatItem, { kind: "progress" }>).text);
      i--;
      out.push(
        <details key={`progress-${item.id}`} className="chat-progress-group">
          <summary className="chat-progress">{lines[lines.length - 1]}</summary>
          {lines.slice(0, -1).map((line, k) => (
            <div key={k} className="chat-progress">
              {line}
            </div>
          ))}
        </details>,
      );
    } else if (item.kind === "tool") {
      const group: ToolItem[] = [];
      while (i < items.length && items[i].kind === "tool") group.push(items[i++] as ToolItem);
      i--;
      out.push(<ToolGroup key={`tools-${group[0].id}`} tools={group} />);
    } else out.push(<ChatEntry key={item.id} item={item} latestSpec={item.id === latestSpec} latestPlaytest={item.id === latestPlaytest} />);
  }
  return out;
}

function Counters() {
  const { agent, settings } = useWorkbench();
  const counters = useStore(agent, (s) => s.counters);
  const running = useStore(agent, (s) => s.running);
  const cap = useStore(settings, (s) => costCapOf(s.model));
  if (!running && counters.tokens === 0) return null;
  return (
    <div className="chat-counters" data-testid="run-counters">
      <span title="Fix cycles, each ending in a playtest">iteration {counters.iterations}</span>
      <span>{counters.tokens.toLocaleString()} tokens</span>
      <span>
        {counters.costUsd > 0 ? `$${counters.costUsd.toFixed(4)}` : "$0 · no price set"}
        {cap !== null && ` of $${cap} cap`}
      </span>
    </div>
  );
}

function Checkpoints() {
  const { agent } = useWorkbench();
  const checkpoints = useStore(agent, (s) => s.checkpoints);
  const running = useStore(agent, (s) => s.running);
  if (checkpoints.length === 0) return null;
  return (
    <details className="chat-checkpoints" data-testid="checkpoints">
      <summary>Checkpoints ({checkpoints.length})</summary>
      <ol>
        {checkpoints.map((checkpoint) => (
          <li key={checkpoint.id}>
            <span>Iteration {checkpoint.iteration}</span>
            <span className={`verdict-pill verdict-${checkpoint.verdict ?? "broken"}`}>{checkpoint.verdict ?? "untested"}</span>
            <button type="button" data-testid="checkpoint-restore" disabled={running} onClick={() => agent.getState().restoreCheckpoint(checkpoint.id)} title={running ? "Stop the run to restore" : "Put the project back to this iteration"}>
              Restore
            </button>
          </li>
        ))}
      </ol>
    </details>
  );
}

export function ChatPanel() {
  const { agent, settings, playtest } = useWorkbench();
  const items = useStore(agent, (s) => s.items);
  const running = useStore(agent, (s) => s.running);
  const paused = useStore(agent, (s) => s.paused);
  const label = useStore(agent, (s) => s.modelLabel);
  const chattiness = useStore(settings, (s) => s.chattiness);
  const waiting = items.some((item) => item.kind === "question" && item.answer === null) && running;
  const playtesting = useStore(playtest, (s) => (s.status.state === "running" ? s.status.progress : null));
  const [draft, setDraft] = useState("");
  const log = useRef<HTMLDivElement>(null);

  // Follow new output unless the user scrolled up to read (measured on scroll, since one new
  // playtest card can be taller than any "near the bottom" margin).
  const following = useRef(true);
  useEffect(() => {
    const el = log.current;
    if (el && following.current) el.scrollTop = el.scrollHeight;
  }, [items, running]);

  const submit = () => {
    const text = draft.trim();
    if (!text) return;
    setDraft("");
    void agent.getState().send(text);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <section className="panel chat-panel" aria-label="Chat">
      <div className="panel-title">
        <h2>Chat</h2>
        <select className="chat-chattiness" data-testid="chattiness" value={chattiness} onChange={(event) => settings.getState().setChattiness(event.target.value as Chattiness)} title="How much the agent explains and asks">
          <option value="quiet">quiet</option>
          <option value="normal">normal</option>
          <option value="chatty">chatty</option>
        </select>
      </div>
      <button type="button" className="chat-model" data-testid="chat-model-label" onClick={() => settings.getState().openDialog()} title="Change the model in Settings">
        {label}
      </button>
      <div
        className="chat-log"
        data-testid="chat-log"
        aria-live="polite"
        ref={log}
        onScroll={(event) => {
          const el = event.currentTarget;
          following.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
      >
        {items.length === 0 ? (
          <div className="chat-empty">
            <p>Describe a game and the agent writes it, plays it and fixes it until it is playable.</p>
            <p className="chat-example">Try: “a deep-sea diving game where you collect pearls and dodge jellyfish”</p>
          </div>
        ) : (
          renderItems(items)
        )}
        {running && (
          <div className="chat-working" data-testid="chat-working">
            <span className="chat-spinner" aria-hidden="true" />
            {paused ? "Paused" : waiting ? "Waiting for your answer" : "Working…"}
            {!paused && !waiting && playtesting && <span className="chat-working-detail">{playtesting}</span>}
          </div>
        )}
      </div>
      <Counters />
      <Checkpoints />
      <form className="chat-form" onSubmit={(event) => (event.preventDefault(), submit())}>
        <textarea
          data-testid="prompt-input"
          placeholder={waiting ? "Answer the question…" : running ? "Steer the run: the model reads this before its next step" : "Describe a game, or a change to this one…"}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          rows={3}
        />
        <div className="chat-actions">
          {running && (
            <button type="button" data-testid="pause-button" onClick={() => (paused ? agent.getState().resume() : agent.getState().pause())}>
              {paused ? "Resume" : "Pause"}
            </button>
          )}
          <button type="button" data-testid="stop-button" disabled={!running} onClick={() => agent.getState().stop()}>
            Stop
          </button>
          <button type="submit" className="primary" data-testid="prompt-send" disabled={!draft.trim()}>
            {waiting ? "Answer" : running ? "Steer" : "Send"}
          </button>
        </div>
      </form>
    </section>
  );
}
