// Saves the agent's chat log and checkpoints with each project and marks runs so a reload mid-run
// reads as interrupted: the bridge between the agent store and the persistence store.

import type { Checkpoint } from "../agent";
import type { AgentStore, ChatItem, CheckpointEntry } from "./agent";
import type { PersistenceStore } from "./persistence";

/** Checkpoints in the storage format, each with the report of its iteration's playtest when the chat has it. */
function storedCheckpoints(entries: readonly CheckpointEntry[], items: readonly ChatItem[]): Checkpoint[] {
  return entries.map((entry) => {
    const played = [...items].reverse().find((item) => item.kind === "playtest" && item.iteration === entry.iteration);
    return { id: entry.id, iteration: entry.iteration, files: entry.files, report: played?.kind === "playtest" ? played.report : null };
  });
}

/**
 * Restored items get negative ids: the agent store numbers new items from 1 upwards, so the two
 * never collide as React keys.
 */
function restoredItems(items: readonly ChatItem[]): ChatItem[] {
  return items.map((item, index) => ({ ...item, id: index - items.length }));
}

/** The user prompt that started the current run (steering messages are not runs). */
function runPrompt(items: readonly ChatItem[]): string | null {
  const started = [...items].reverse().find((item) => item.kind === "user" && !item.steer);
  return started?.kind === "user" ? started.text : null;
}

/** Connects `agent` to `persistence`; returns a function that disconnects them. */
export function linkAgentToPersistence(agent: AgentStore, persistence: PersistenceStore): () => void {
  const detach = persistence.getState().attachAgentState({
    get: () => {
      const { items, checkpoints } = agent.getState();
      return { checkpoints: storedCheckpoints(checkpoints, items), chatLog: items };
    },
    set: (saved) => {
      // A run must not go on writing into the project that is opening now.
      if (agent.getState().running) agent.getState().stop();
      const checkpoints: CheckpointEntry[] = saved.checkpoints.map((c) => ({ id: c.id, iteration: c.iteration, verdict: c.report?.verdict ?? null, files: c.files }));
      // The agent store has no "load" action; its state is plain data, so set it as a whole here.
      agent.setState({ items: restoredItems(saved.chatLog), checkpoints });
    },
    subscribe: (listener) =>
      agent.subscribe((state, previous) => {
        if (state.items !== previous.items || state.checkpoints !== previous.checkpoints) listener();
      }),
    send: (prompt) => void agent.getState().send(prompt),
  });

  const unwatchRuns = agent.subscribe((state, previous) => {
    if (state.running === previous.running) return;
    const actions = persistence.getState();
    if (state.running) void actions.markRunStarted(runPrompt(state.items) ?? "");
    else void actions.markRunEnded();
  });

  return () => {
    unwatchRuns();
    detach();
  };
}
