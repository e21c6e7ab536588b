// Specification of the offline builder as a ChatModel speaking the shared tool protocol.
import { describe, expect, it } from "vitest";
import { compileSpec, createOfflineBuilder, defaultSpec, scaffoldFor, specChecks, type GameSpec } from "../../src/builder";
import type { ChatMessage, ToolCall } from "../../src/providers/types";

/** The arguments of an assistant message's first tool call. */
const firstToolArguments = (message: ChatMessage | undefined): string => (message as Extract<ChatMessage, { role: "assistant" }>).tool_calls![0].function.arguments;

const SYSTEM = (chattiness: string): ChatMessage => ({ role: "system", content: `You build Phaser games.\nChattiness: ${chattiness}` });

/** Answers every tool call the way the agent loop would, with a scripted playtest verdict. */
function toolResults(calls: ToolCall[], playtest: string, answer = ""): ChatMessage[] {
  return calls.map((c) => {
    const name = c.function.name;
    const content = name === "run_playtest" ? playtest : name === "ask_user" ? answer : name === "write_file" ? `wrote ${JSON.parse(c.function.arguments).path}` : "ok";
    return { role: "tool", tool_call_id: c.id, content } as ChatMessage;
  });
}

async function runTurn(messages: ChatMessage[], playtest = '{"verdict":"playable","reasons":["survived 30 s"]}', answer = "") {
  const model = createOfflineBuilder();
  const names: string[][] = [];
  for (let step = 0; step < 6; step++) {
    const { message, usage } = await model.complete({ messages });
    expect(usage.promptTokens).toBeGreaterThan(0);
    messages.push(message);
    const calls = message.tool_calls ?? [];
    names.push(calls.map((c) => c.function.name));
    if (calls.some((c) => c.function.name === "finish") || calls.length === 0) break;
    messages.push(...toolResults(calls, playtest, answer));
  }
  return names;
}

/** One build step: every file written, then the design's checks declared. */
function writesThenChecks(names: string[]): boolean {
  return names.length > 1 && names.slice(0, -1).every((n) => n === "write_file") && names.at(-1) === "set_checks";
}

function writtenSpec(messages: ChatMessage[]): GameSpec {
  for (const m of [...messages].reverse()) {
    if (m.role !== "assistant") continue;
    const call = (m.tool_calls ?? []).find((c) => c.function.name === "write_file" && JSON.parse(c.function.arguments).path === "game.spec.json");
    if (call) return JSON.parse(JSON.parse(call.function.arguments).content);
  }
  throw new Error("no game.spec.json written");
}

describe("createOfflineBuilder", () => {
  it("is the offline-builder model without vision", () => {
    const model = createOfflineBuilder();
    expect(model.id).toBe("offline-builder");
    expect(model.supportsVision).toBe(false);
  });

  it("writes every file, then playtests, then finishes with an honest summary", async () => {
    const messages: ChatMessage[] = [SYSTEM("normal"), { role: "user", content: "a deep-sea diving game where you collect pearls and dodge jellyfish" }];
    const steps = await runTurn(messages);
    expect(writesThenChecks(steps[0]), steps[0].join(",")).toBe(true);
    expect(steps[0].length).toBeGreaterThanOrEqual(10);
    expect(steps[1]).toEqual(["run_playtest"]);
    expect(steps[2]).toEqual(["finish"]);
    const first = messages[2] as Extract<ChatMessage, { role: "assistant" }>;
    expect(first.content).toMatch(/deep-sea diving/);
    expect(first.content).toMatch(/jellyfish/);
    const paths = first.tool_calls!.map((c) => JSON.parse(c.function.arguments).path);
    expect(paths).toEqual(expect.arrayContaining(["src/main.ts", "src/scenes/Play.ts", "game.spec.json", "package.json", "index.html"]));
    const finish = JSON.parse(messages.at(-1)!.role === "assistant" ? firstToolArguments(messages.at(-1)) : "{}");
    expect(finish.summary).toMatch(/playable/);
    expect(finish.summary).not.toMatch(/broken/);
  });

  it("declares the design's gameplay checks with set_checks, and its summary says how many passed", async () => {
    const messages: ChatMessage[] = [SYSTEM("normal"), { role: "user", content: "a deep-sea diving game where you collect pearls and dodge jellyfish" }];
    const report = "PLAYTEST PLAYABLE — seed 1, survived 30 of 30 s\nChecks (failed first):\n- FAIL (optional) sting-costs-a-life: Lives fall. lives was 3\n- PASS score-rises: Score rises. score 0 → 118\n- PASS oxygen-falls: Oxygen falls. 100 → 90";
    await runTurn(messages, report);
    const build = messages[2] as Extract<ChatMessage, { role: "assistant" }>;
    const declared = build.tool_calls!.find((c) => c.function.name === "set_checks")!;
    expect(JSON.parse(declared.function.arguments).checks).toEqual(specChecks(writtenSpec(messages)));
    expect(build.content).toMatch(/Checks the playtest must pass: Score rises when the diver collects pearls; Oxygen falls under water/);
    const finish = JSON.parse(firstToolArguments(messages.at(-1)));
    expect(finish.summary).toMatch(/Its own checks: 2 of 3 pass; failed: sting-costs-a-life\./);
  });

  it("says so when the playtest reports the game broken", async () => {
    const messages: ChatMessage[] = [SYSTEM("quiet"), { role: "user", content: "a snake game" }];
    await runTurn(messages, "Verdict: broken\nReasons: the canvas stayed blank");
    const finish = JSON.parse(firstToolArguments(messages.at(-1)));
    expect(finish.summary).toMatch(/broken/);
    expect(finish.summary).toMatch(/canvas stayed blank/);
  });

  it("rebuilds a follow-up from the spec it wrote earlier in the conversation", async () => {
    const messages: ChatMessage[] = [SYSTEM("normal"), { role: "user", content: "a deep-sea diving game where you collect pearls and dodge jellyfish" }];
    await runTurn(messages);
    const before = writtenSpec(messages);
    messages.push({ role: "user", content: "make the jellyfish faster" });
    const steps = await runTurn(messages);
    expect(writesThenChecks(steps[0]), steps[0].join(",")).toBe(true);
    const after = writtenSpec(messages);
    expect(after.genre).toBe("diving");
    expect(after.hazards[0].speed).toBeGreaterThan(before.hazards[0].speed);
    expect(after.seed).toBe(before.seed);
    expect(JSON.parse(firstToolArguments(messages.at(-1))).summary).toMatch(/^Updated "Pearl Diver"/);
  });

  it("reads a game.spec.json the agent shows it", async () => {
    const shown = { ...defaultSpec("maze", 9), title: "Hand Edited" };
    const messages: ChatMessage[] = [
      SYSTEM("normal"),
      { role: "user", content: `Current project file game.spec.json:\n${JSON.stringify(shown, null, 2)}` },
      { role: "assistant", content: "Noted." },
      { role: "user", content: "add bats" },
    ];
    await runTurn(messages);
    const spec = writtenSpec(messages);
    expect(spec.title).toBe("Hand Edited");
    expect(spec.genre).toBe("maze");
    expect(spec.hazards.map((h) => h.name)).toContain("bats");
  });

  it("asks one question with the 2–3 closest designs as choices when chatty and the prompt is vague, then builds the answer", async () => {
    const messages: ChatMessage[] = [SYSTEM("chatty"), { role: "user", content: "make me something cool" }];
    const steps = await runTurn(messages, '{"verdict":"playable"}', "Endless runner: run ever faster, jump the obstacles, go the distance");
    expect(steps[0]).toEqual(["ask_user"]);
    const ask = JSON.parse(firstToolArguments(messages[2]));
    expect(ask.choices.length).toBeGreaterThanOrEqual(2);
    expect(ask.choices.length).toBeLessThanOrEqual(3);
    expect(ask.choices).toContain("Endless runner: run ever faster, jump the obstacles, go the distance");
    expect(writesThenChecks(steps[1]), steps[1].join(",")).toBe(true);
    expect(writtenSpec(messages).genre).toBe("runner");
    expect(steps.at(-1)).toEqual(["finish"]);
  });

  it("builds the design the user clicked even when the noted question names another design more strongly", async () => {
    const question = '"something fun please": Nothing in it names a built-in design; the closest are endless runner, platformer and maze. Which should I make?';
    const task = `# Task\nsomething fun please\n\n# Notes from the user during the run\n- Q: ${question} A: Maze: find the way out`;
    const messages: ChatMessage[] = [SYSTEM("chatty"), { role: "user", content: task }];
    await runTurn(messages, '{"verdict":"playable"}', "The user answered: Maze: find the way out");
    expect(writtenSpec(messages).genre).toBe("maze");
  });

  it("names a kind it has no design for and offers the closest ones", async () => {
    const messages: ChatMessage[] = [SYSTEM("chatty"), { role: "user", content: "a chess game" }];
    await runTurn(messages, '{"verdict":"playable"}', "Memory match: turn the cards over two at a time and find every matching pair");
    const ask = JSON.parse(firstToolArguments(messages[2]));
    expect(ask.question).toMatch(/There is no built-in chess design; the closest are/);
    expect(ask.choices[0]).toMatch(/^Memory match/);
    expect(writtenSpec(messages).genre).toBe("memory");
  });

  it("does not ask when not chatty", async () => {
    const steps = await runTurn([SYSTEM("normal"), { role: "user", content: "make me something cool" }]);
    expect(steps[0][0]).toBe("write_file");
  });

  it("reports estimated usage from text length and streams deltas", async () => {
    const deltas: string[] = [];
    const result = await createOfflineBuilder().complete({
      messages: [SYSTEM("normal"), { role: "user", content: "a breakout game" }],
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

  describe("inside the agent loop's request format", () => {
    const spec = defaultSpec("diving", 5);
    const agentRequest = (task: string, extra = ""): ChatMessage[] => [
      SYSTEM("normal"),
      { role: "user", content: `# Task\n${task}${extra}\n\n# Project files\ngame.spec.json\nindex.html\npackage.json\nsrc/main.ts\nsrc/scenes/Play.ts\n\n# Latest playtest\nNone yet.` },
    ];

    it("reads game.spec.json first when a follow-up run shows only the file list, then changes that spec", async () => {
      const messages = agentRequest("make the jellyfish faster");
      const model = createOfflineBuilder();
      const first = (await model.complete({ messages })).message;
      expect(first.tool_calls!.map((c) => [c.function.name, JSON.parse(c.function.arguments).path])).toEqual([["read_file", "game.spec.json"]]);
      messages.push(first, { role: "tool", tool_call_id: first.tool_calls![0].id, content: JSON.stringify(spec, null, 2) });
      const second = (await model.complete({ messages })).message;
      messages.push(second);
      const written = writtenSpec(messages);
      expect(written.genre).toBe("diving");
      expect(written.seed).toBe(5);
      expect(written.hazards[0].speed).toBeGreaterThan(spec.hazards[0].speed);
    });

    it("parses only the task, not file names, and applies steering notes after it", async () => {
      const messages = agentRequest("a snake game", "\n\n# Notes from the user during the run\n- make it red");
      (messages[1] as { content: string }).content = (messages[1] as { content: string }).content.replace("game.spec.json\n", "");
      await runTurn(messages);
      const written = writtenSpec(messages);
      expect(written.genre).toBe("snake");
      expect(written.palette.player).toBe(0xe63946);
      expect(JSON.stringify(written)).not.toMatch(/src|scenes|index/);
    });

    it("names the game in the finish summary when only the working files still show the spec", async () => {
      const shownSpec = { ...spec, title: "Shown Title" };
      const messages: ChatMessage[] = [
        SYSTEM("normal"),
        { role: "user", content: `# Task\na diving game\n\n# Project files\ngame.spec.json\n\n# Working files\n--- game.spec.json\n${JSON.stringify(shownSpec, null, 2)}\n\n# Latest playtest\nNone yet.` },
        { role: "assistant", content: null, tool_calls: [{ id: "w1", type: "function", function: { name: "write_file", arguments: JSON.stringify({ path: "game.spec.json", content: "[900 characters; the current text is under Working files]" }) } }] },
        { role: "tool", tool_call_id: "w1", content: "Wrote game.spec.json" },
        { role: "assistant", content: null, tool_calls: [{ id: "p1", type: "function", function: { name: "run_playtest", arguments: "{}" } }] },
        { role: "tool", tool_call_id: "p1", content: "PLAYTEST PLAYABLE — seed 1, survived 30 of 30 s" },
      ];
      const { message } = await createOfflineBuilder().complete({ messages });
      const summary = JSON.parse(message.tool_calls![0].function.arguments).summary;
      expect(summary).toContain("Shown Title");
      expect(summary).toMatch(/playable/);
    });

    it("reports a hand-edited game.spec.json it cannot use instead of guessing a new game", async () => {
      const messages = agentRequest("rebuild please");
      const model = createOfflineBuilder();
      const first = (await model.complete({ messages })).message;
      messages.push(first, { role: "tool", tool_call_id: first.tool_calls![0].id, content: JSON.stringify({ ...spec, difficulty: "medium" }) });
      const second = (await model.complete({ messages })).message;
      expect(second.tool_calls!.map((c) => c.function.name)).toEqual(["finish"]);
      expect(JSON.parse(second.tool_calls![0].function.arguments).summary).toMatch(/"difficulty" must be easy, normal or hard/);
    });

    it("rebuilds the same design from an edited spec when asked to rebuild", async () => {
      const edited = { ...spec, lives: 7, title: "Edited" };
      const messages = agentRequest("rebuild");
      const model = createOfflineBuilder();
      const first = (await model.complete({ messages })).message;
      messages.push(first, { role: "tool", tool_call_id: first.tool_calls![0].id, content: JSON.stringify(edited) });
      messages.push((await model.complete({ messages })).message);
      expect(writtenSpec(messages)).toEqual(edited);
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
