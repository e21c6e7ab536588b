// What the IDE saves of a project, and the upgrade that opens what earlier versions saved.
// ProjectStorage keeps the record as it is; its meaning and its versions live here.

import type { Checkpoint } from "../agent";
import type { ProjectFiles } from "../project";
import type { ChatItem } from "./agent";

/** A project as the IDE saves it now: exactly what opening it reads back. */
export interface SavedProject {
  version: 1;
  files: ProjectFiles;
  /** The agent's checkpoints, each with the report of its iteration's playtest when there was one. */
  checkpoints: Checkpoint[];
  /** The chat as the IDE shows it: prompts, replies, tool calls with their diffs, reports. */
  chatLog: ChatItem[];
}

/** The agent's part of a saved project; the agent store owns it while the project is open. */
export type SavedAgentState = Pick<SavedProject, "checkpoints" | "chatLog">;

/**
 * What Playforge saved before records had a version: beside files and checkpoints, the chat as
 * the model reads it (`chat`) and per-project `settings`, both never read back, and the chat log
 * once it was added.
 */
export interface LegacySavedProject {
  version?: undefined;
  files: ProjectFiles;
  checkpoints: Checkpoint[];
  chatLog?: ChatItem[];
  chat?: unknown;
  settings?: unknown;
}

/** Any record that IndexedDB may hold for a project. */
export type SavedProjectRecord = SavedProject | LegacySavedProject;

/** The record in the current version; an older one keeps its files, checkpoints and chat log. */
export function upgradeSavedProject(record: SavedProjectRecord): SavedProject {
  if (record.version === 1) return record;
  return { version: 1, files: record.files, checkpoints: record.checkpoints, chatLog: record.chatLog ?? [] };
}
