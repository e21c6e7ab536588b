// Restoring a checkpoint: the UI shows the run's checkpoints and puts one back into the project.

import type { Checkpoint } from "./types";

export class CheckpointNotFoundError extends Error {
  constructor(readonly id: string, known: string[]) {
    super(`No checkpoint "${id}"; this run has ${known.length ? known.join(", ") : "none yet"}. Pick one from the checkpoint list.`);
    this.name = "CheckpointNotFoundError";
  }
}

/** Returns a copy of the files and the report saved at checkpoint `id`. */
export function restoreCheckpoint(checkpoints: readonly Checkpoint[], id: string): Pick<Checkpoint, "files" | "report"> {
  const found = checkpoints.find((checkpoint) => checkpoint.id === id);
  if (!found) throw new CheckpointNotFoundError(id, checkpoints.map((checkpoint) => checkpoint.id));
  return { files: { ...found.files }, report: found.report };
}
