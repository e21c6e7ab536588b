// An instant playtest for the benches that time the agent loop without a browser: the real engine's
// reports recorded in test/fixtures/reports (read as data), broken for the starter with
// `new Phaser.Geom.Point(...)` in its Play scene, playable for anything else.
import { readFileSync } from "node:fs";
import type { PlaytestRequest } from "../src/agent";
import type { ProjectFiles } from "../src/project";
import type { PlaytestReport } from "../src/playtest";

const recorded = (name: string): PlaytestReport => JSON.parse(readFileSync(new URL(`../test/fixtures/reports/${name}.json`, import.meta.url), "utf8"));
const PLAYABLE = recorded("starter-playable");
const BROKEN = recorded("geom-point-broken");

export async function recordedPlaytest(files: ProjectFiles, request: PlaytestRequest): Promise<PlaytestReport> {
  const report = String(files["src/scenes/Play.ts"] ?? "").includes("new Phaser.Geom.Point(") ? BROKEN : PLAYABLE;
  return { ...structuredClone(report), requestedSeconds: request.seconds, survivedSeconds: Math.min(report.survivedSeconds, request.seconds), seed: request.seed };
}
