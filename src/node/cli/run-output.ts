// What a headless agent run leaves behind and prints: one line per event on stdout, every event
// in transcript.jsonl, and at the end <out>/project/, report.json and thumb.png.

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { countLineChanges, withPhaserNames, type AgentEvent, type AgentOutcome } from "../../agent";

function argumentHint(raw: string): string {
  try {
    const args = JSON.parse(raw) as Record<string, unknown>;
    const checks = Array.isArray(args.checks) ? `${args.checks.length} checks` : undefined;
    const hint = args.path ?? args.topic ?? args.question ?? args.summary ?? checks ?? (args.seconds !== undefined ? `${args.seconds} s` : "");
    return hint === "" ? "" : ` ${String(hint).slice(0, 100)}`;
  } catch {
    return " (arguments are not JSON)";
  }
}

/** One readable line per event (null for events that only go to the transcript). */
export function eventLine(event: AgentEvent): string | null {
  switch (event.type) {
    case "progress":
      return `· ${event.message}`;
    case "tool-call":
      return `→ ${event.name}${argumentHint(event.arguments)}`;
    case "tool-result":
      return event.ok ? null : `  ✗ ${event.result.split("\n")[0].slice(0, 200)}`;
    case "file-diff": {
      if (event.after === null) return `  ~ ${event.path} (deleted)`;
      const { added, removed } = countLineChanges(event.before, event.after);
      return `  ~ ${event.path} (+${added} -${removed})`;
    }
    case "playtest":
      return `▶ playtest ${event.iteration}: ${event.report.verdict.toUpperCase()}${event.report.reasons.length ? ` — ${withPhaserNames(event.report.reasons.join("; ")).slice(0, 240)}` : ""}`;
    case "question":
      return `? ${event.question}${event.choices ? ` [${event.choices.join(" / ")}]` : ""}`;
    case "answer":
      return `  answer: ${event.answer}${event.auto ? " (default: nobody answered)" : ""}`;
    case "steer-received":
      return `  steering: ${event.text}`;
    case "failed":
      return `✗ ${event.reason}`;
    default:
      return null;
  }
}

/** Plain replies are printed as one line once the model moves on. */
export class ModelText {
  private text = "";
  add(delta: string) {
    this.text += delta;
  }
  flush(print: (line: string) => void) {
    const line = this.text.trim().replace(/\s+/g, " ");
    this.text = "";
    if (line) print(`» ${line.length > 300 ? `${line.slice(0, 300)}…` : line}`);
  }
}

export function transcriptJson(event: AgentEvent, t: number): string {
  return JSON.stringify({ t, ...event }, (_key, value) => (value instanceof Uint8Array ? { binaryBytes: value.byteLength } : value));
}

export function writeOutputs(out: string, outcome: AgentOutcome, print: (line: string) => void): void {
  const projectDir = join(out, "project");
  rmSync(projectDir, { recursive: true, force: true });
  for (const [path, content] of Object.entries(outcome.files)) {
    const target = join(projectDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  writeFileSync(join(out, "report.json"), `${JSON.stringify(outcome.report, null, 2)}\n`);
  const thumbnail = outcome.report?.thumbnails.at(-1);
  const png = thumbnail && /^data:image\/png;base64,(.+)$/.exec(thumbnail.dataUrl)?.[1];
  if (png) writeFileSync(join(out, "thumb.png"), Buffer.from(png, "base64"));
  else print("· No frame was captured, so there is no thumb.png.");
}
