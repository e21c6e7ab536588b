// Playtest speed: a 30-virtual-second playtest of the starter game (a play run and a control run of
// 30 s each, boots included) in headless Chromium, against the 30 s it would take a person to play
// it in real time. Budget: ≥5× real time for the judged 30 s; the aim is ≥10× per simulated second.
import { loadProjectDir, openPlaytester } from "../src/node/driver";
import { median, recordResults } from "./results";

const SECONDS = 30;
const ROUNDS = 3;

async function main() {
  const playtester = await openPlaytester();
  try {
    const starter = loadProjectDir("templates/starter");
    // Warm-up: the dev server compiles the runner page and the engine on first use.
    await playtester.playtest(starter, { seconds: 2, seed: 1 });
    const walls: number[] = [];
    const simulated: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const report = await playtester.playtest(starter, { seconds: SECONDS, seed: 1 + round });
      if (report.verdict !== "playable") throw new Error(`The starter game was judged ${report.verdict}: ${report.reasons.join(" ")}`);
      walls.push(report.wallMs);
      simulated.push(report.speed);
      console.log(`round ${round + 1}: ${(report.wallMs / 1000).toFixed(2)} s wall, ${report.speed}× while stepping (${report.fps} frames/s)`);
    }
    const wall = median(walls);
    const ratio = (SECONDS * 1000) / wall;
    recordResults({
      "playtest-speed": {
        what: `starter game: a ${SECONDS}-virtual-second playtest (play run + control run of ${SECONDS} s each, boots included, median of ${ROUNDS}) vs ${SECONDS} s of real time; virtual seconds simulated per wall second (both runs): ${median(simulated)}×`,
        value: wall,
        unit: "ms",
        baseline: SECONDS * 1000,
        ratio,
        budget: "≥5× real time (ratio ≥ 5)",
        pass: ratio >= 5,
      },
    });
  } finally {
    await playtester.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
