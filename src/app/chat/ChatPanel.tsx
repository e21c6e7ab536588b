// The chat panel shell: prompt box, send and stop buttons and the message log. The agent loop is
// not wired in yet, so sending is disabled and the log says so; the agent issue fills this in.

import { useState } from "react";

export function ChatPanel() {
  const [draft, setDraft] = useState("");
  return (
    <section className="panel chat-panel" aria-label="Chat">
      <h2 className="panel-title">Chat</h2>
      <div className="chat-log" data-testid="chat-log" aria-live="polite">
        <p className="chat-empty">The agent is not connected yet. Edit the game by hand for now; describing a game here comes with the agent.</p>
      </div>
      <form className="chat-form" onSubmit={(event) => event.preventDefault()}>
        <textarea
          data-testid="prompt-input"
          placeholder="Describe a game…"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          rows={3}
        />
        <div className="chat-actions">
          <button type="button" data-testid="stop-button" disabled>
            Stop
          </button>
          <button type="submit" data-testid="prompt-send" disabled title="The agent is not connected yet">
            Send
          </button>
        </div>
      </form>
    </section>
  );
}
