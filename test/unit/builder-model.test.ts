// Specification of the offline builder as a ChatModel speaking the shared tool protocol, run
// through the real agent loop: it reads the run's facts (the prompt, the person's notes and
// answers, the project's game.spec.json, the latest playtest), never the prompt's prose.
import { describe, expect, it } from "vitest";
import { compileSpec, createOfflineBuilder, defaultSpec, scaffoldFor, specChecks } from "../../src/builder";
import type { ChatMessage, RunFacts } from "../../src/providers/types";
import { builderRun, projectWithSpec } from "./builder-support";

/** One build step: every file written, then the design's checks declared. */
function writesThenChecks(names: string[]): boolean {
  return names.length > 1 && names.slice(0, -1).every((n) => n === "write_file") && names.at(-1) === "set_checks";
}

const DIVING = "a deep-sea diving game where you collect pearls and dodge jellyfish";

describe("createOfflineBuilder", () => {
  it("is the offline-builder model without vision", () => {
    const model = createOfflineBuilder();
    expect(model.id).toBe("offline-builder");
    expect(model.supportsVision).toBe(false);
  });

  it("writes every file, then playtests, then finishes with an honest summary", async () => {
    const run = await builderRun(DIVING);
    expect(writesThenChecks(run.steps[0]), run.steps[0].join(",")).toBe(true);
    expect(run.steps[0].length).toBeGreaterThanOrEqual(10);
    expect(run.steps.slice(1)).toEqual([["run_playtest"], ["finish"]]);
    expect(run.buildText).toMatch(/deep-sea diving/);
    expect(run.buildText).toMatch(/jellyfish/);
    expect(Object.keys(run.outcome.files)).toEqual(expect.arrayContaining(["src/main.ts", "src/scenes/Play.ts", "game.spec.json", "package.json", "index.html"]));
    // Short: the verdict and the design's own checks, not every passing check's evidence again.
    expect(run.finishSummary).toMatch(/^Built "[^"]+", a deep-sea diving game\. The playtest says it is playable\. Its own checks: (\d+) of \1 pass\. Try it in the preview/);
    expect(run.outcome).toMatchObject({ playable: true, stopReason: "finished" });
  });

  it("declares the design's gameplay checks with set_checks, and its summary says how many passed, marking an optional failure as optional", async () => {
    const run = await builderRun(DIVING, { checks: { "sting-costs-a-life": "fail" } });
    const declared = specChecks(run.spec);
    expect(run.checks).toEqual(declared.map((c) => c.id));
    expect(run.buildText).toMatch(/Checks the playtest must pass: Score rises when the diver collects pearls; Oxygen falls under water/);
    expect(run.finishSummary).toContain(`Its own checks: ${declared.length - 1} of ${declared.length} pass; failed: sting-costs-a-life (optional).`);
    expect(run.outcome.playable).toBe(true);
  });

  it("says so when the playtest reports the game broken, naming the error", async () => {
    const run = await builderRun("a snake game", { chattiness: "quiet", broken: true });
    expect(run.finishSummary).toMatch(/but the playtest says it is broken: .*Phaser\.Geom\.Point is not a constructor/);
    expect(run.finishSummary).toMatch(/The offline builder cannot debug code/);
    expect(run.outcome.playable).toBe(false);
  });

  it("rebuilds a follow-up from the project's game.spec.json, without reading it back first", async () => {
    const first = await builderRun(DIVING);
    const next = await builderRun("make the jellyfish faster", { files: first.outcome.files });
    expect(writesThenChecks(next.steps[0]), next.steps[0].join(",")).toBe(true);
    expect(next.spec.genre).toBe("diving");
    expect(next.spec.hazards[0].speed).toBeGreaterThan(first.spec.hazards[0].speed);
    expect(next.spec.seed).toBe(first.spec.seed);
    expect(next.finishSummary).toMatch(/^Updated "Pearl Diver"/);
  });

  it("changes a game.spec.json a person edited by hand", async () => {
    const edited = { ...defaultSpec("maze", 9), title: "Hand Edited" };
    const run = await builderRun("add bats", { files: projectWithSpec(compileSpec(defaultSpec("maze", 9)), edited) });
    expect(run.spec.title).toBe("Hand Edited");
    expect(run.spec.genre).toBe("maze");
    expect(run.spec.hazards.map((h) => h.name)).toContain("bats");
  });

  it("asks one question with the 2–3 closest designs as choices when chatty and the prompt is vague, then builds the answer", async () => {
    const runner = "Endless runner: run ever faster, jump the obstacles, go the distance";
    const run = await builderRun("make me something cool", { chattiness: "chatty", choose: () => runner });
    expect(run.steps[0]).toEqual(["ask_user"]);
    expect(run.question!.choices.length).toBeGreaterThanOrEqual(2);
    expect(run.question!.choices.length).toBeLessThanOrEqual(3);
    expect(run.question!.choices).toContain(runner);
    expect(writesThenChecks(run.steps[1]), run.steps[1].join(",")).toBe(true);
    expect(run.spec.genre).toBe("runner");
    expect(run.steps.at(-1)).toEqual(["finish"]);
  });

  it("builds the design the person picked, not the first one the question named", async () => {
    const run = await builderRun("something fun please", { chattiness: "chatty", choose: (choices) => choices.at(-1)! });
    const picked = run.question!.choices.at(-1)!;
    expect(run.question!.choices[0]).not.toBe(picked);
    expect(run.buildText.split("\n")[1].toLowerCase()).toContain(picked.split(":")[0].toLowerCase());
  });

  it("names a kind it has no design for and offers the closest ones", async () => {
    const run = await builderRun("a chess game", { chattiness: "chatty" });
    expect(run.question!.question).toMatch(/There is no built-in chess design; the closest are/);
    expect(run.question!.choices[0]).toMatch(/^Memory match/);
    expect(run.spec.genre).toBe("memory");
  });

  it("does not ask when not chatty", async () => {
    const run = await builderRun("make me something cool");
    expect(run.steps[0][0]).toBe("write_file");
  });

  it("reports estimated usage from text length and streams deltas", async () => {
    const deltas: string[] = [];
    const result = await createOfflineBuilder().complete({
      messages: [{ role: "system", content: "You build Phaser games." }, { role: "user", content: "a breakout game" }],
      onDelta: (d) => deltas.push(d.kind),
    });
    expect(result.usage.estimated).toBe(true);
    expect(result.usage.completionTokens).toBeGreaterThan(1000);
    expect(result.model).toBe("offline-builder");
    expect(deltas[0]).toBe("text");
    expect(deltas.filter((d) => d === "tool").length).toBe(result.message.tool_calls!.length);
  });

  it("stops when the signal is aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(createOfflineBuilder().complete({ messages: [{ role: "user", content: "snake" }], signal: controller.signal })).rejects.toThrow(/cancelled/);
  });

  describe("its contract with the agent loop is data", () => {
    it("takes the task and the notes from the run's facts, not from headings in the messages", async () => {
      const messages: ChatMessage[] = [
        { role: "system", content: "Chattiness: chatty" },
        { role: "user", content: "# Task\na racing game\n\n# Notes from the user during the run\n- make it blue\n\n# Working files\n--- game.spec.json\n{}" },
      ];
      const run: RunFacts = { task: "a snake game", notes: ["make it red"], chattiness: "normal", startFiles: {}, files: {}, playtest: null, results: {} };
      const { message } = await createOfflineBuilder().complete({ messages, run });
      const spec = JSON.parse(JSON.parse(message.tool_calls!.find((c) => c.function.name === "write_file" && c.function.arguments.includes('"game.spec.json"'))!.function.arguments).content);
      expect(spec.genre).toBe("snake");
      expect(spec.palette.player).toBe(0xe63946);
    });

    it("applies a note typed during the run, and reads no file names as part of the game", async () => {
      const run = await builderRun("a snake game", { steer: "make it red" });
      expect(run.spec.genre).toBe("snake");
      expect(run.spec.palette.player).toBe(0xe63946);
      expect(JSON.stringify(run.spec)).not.toMatch(/src|scenes|index/);
    });

    it("reports a hand-edited game.spec.json it cannot use instead of guessing a new game", async () => {
      const broken = projectWithSpec(compileSpec(defaultSpec("diving", 5)), { ...defaultSpec("diving", 5), difficulty: "medium" });
      const run = await builderRun("rebuild please", { files: broken });
      expect(run.steps[0]).toEqual(["finish"]);
      expect(run.finishSummary).toMatch(/"difficulty" must be easy, normal or hard/);
      expect(run.outcome.files["game.spec.json"]).toBe(broken["game.spec.json"]);
    });

    it("says a game.spec.json that is not JSON cannot be used", async () => {
      const run = await builderRun("rebuild", { files: projectWithSpec(compileSpec(defaultSpec("maze", 2)), "{ not json") });
      expect(run.finishSummary).toMatch(/^game\.spec\.json could not be used: it is not valid JSON/);
    });

    it("rebuilds the same design from an edited spec when asked to rebuild", async () => {
      const edited = { ...defaultSpec("diving", 5), lives: 7, title: "Edited" };
      const run = await builderRun("rebuild", { files: projectWithSpec(compileSpec(defaultSpec("diving", 5)), edited) });
      expect(run.spec).toEqual(edited);
      expect(run.finishSummary).toMatch(/^Updated "Edited"/);
    });
  });
});

describe("scaffoldFor (a real model's starting point)", () => {
  it("gives the builder's project and a brief for a prompt that names a design", () => {
    const scaffold = scaffoldFor("a hard racing game in the desert with 5 laps")!;
    expect(scaffold.spec.genre).toBe("racing");
    expect(scaffold.files).toEqual(compileSpec(scaffold.spec));
    expect(JSON.parse(scaffold.files["game.spec.json"] as string)).toEqual(scaffold.spec);
    expect(scaffold.brief).toContain("already holds a playable racing game");
    expect(scaffold.brief).toContain("Difficulty: hard");
    expect(scaffold.brief).toContain("Do not rewrite it from scratch");
  });

  it("gives nothing when the prompt names no design: the model starts from the starter", () => {
    expect(scaffoldFor("something fun with my cat")).toBeNull();
    expect(scaffoldFor("")).toBeNull();
  });
});
