// Specification of the offline builder's honesty and follow-ups, as the chat sees them: a kind of
// game no design covers is named with what was picked instead (or, chatty, asked about with 2–3
// choices), a phrase it does not understand is listed as not used and never becomes a creature or
// an item, a game it cannot make playable is said to be so once rather than replayed, and
// follow-ups in the chat reach the newer designs (pong, tower defense, diving).
import { describe, expect, it } from "vitest";
import { DESIGNS, GENRES, createOfflineBuilder, parsePrompt, type GameSpec } from "../../src/builder";
import type { ChatMessage, ToolCall } from "../../src/providers/types";

const PLAYABLE = '{"verdict":"playable","reasons":[]}';

const system = (chattiness: "quiet" | "normal" | "chatty"): ChatMessage => ({ role: "system", content: `You build Phaser games.\nChattiness: ${chattiness}` });

/** The builder's first reply to a conversation, with its tool calls by name. */
async function firstReply(messages: ChatMessage[]) {
  const { message } = await createOfflineBuilder().complete({ messages });
  const calls = message.tool_calls ?? [];
  const args = (name: string) => JSON.parse(calls.find((c) => c.function.name === name)!.function.arguments);
  return { message, text: message.content ?? "", names: calls.map((c) => c.function.name), args };
}

function answer(calls: ToolCall[], choice: string): ChatMessage[] {
  return calls.map((c) => ({
    role: "tool",
    tool_call_id: c.id,
    content: c.function.name === "run_playtest" ? PLAYABLE : c.function.name === "ask_user" ? choice : "ok",
  }));
}

/** Runs a whole turn (write, playtest, finish) the way the agent loop answers each tool call. */
async function turn(messages: ChatMessage[], choice = ""): Promise<void> {
  const model = createOfflineBuilder();
  for (let step = 0; step < 6; step++) {
    const { message } = await model.complete({ messages });
    messages.push(message);
    const calls = message.tool_calls ?? [];
    if (calls.length === 0 || calls.some((c) => c.function.name === "finish")) return;
    messages.push(...answer(calls, choice));
  }
  throw new Error("the builder did not finish the turn in 6 steps");
}

/** The game.spec.json the builder wrote last. */
function specWritten(messages: ChatMessage[]): GameSpec {
  for (const m of [...messages].reverse()) {
    const call = m.role === "assistant" ? (m.tool_calls ?? []).find((c) => c.function.name === "write_file" && JSON.parse(c.function.arguments).path === "game.spec.json") : undefined;
    if (call) return JSON.parse(JSON.parse(call.function.arguments).content);
  }
  throw new Error("no game.spec.json written");
}

/** The chat text of the builder's latest build step (the message that wrote the files). */
function buildText(messages: ChatMessage[]): string {
  const build = [...messages].reverse().find((m) => m.role === "assistant" && (m.tool_calls ?? []).some((c) => c.function.name === "write_file"));
  return typeof build?.content === "string" ? build.content : "";
}

/** The check ids the builder declared with set_checks last. */
function checksDeclared(messages: ChatMessage[]): string[] {
  for (const m of [...messages].reverse()) {
    const call = m.role === "assistant" ? (m.tool_calls ?? []).find((c) => c.function.name === "set_checks") : undefined;
    if (call) return JSON.parse(call.function.arguments).checks.map((c: { id: string }) => c.id);
  }
  return [];
}

const designLabels = GENRES.map((g) => DESIGNS[g].label.toLowerCase());

describe("honest fallback: a kind of game no design covers", () => {
  for (const chattiness of ["quiet", "normal"] as const) {
    it(`${chattiness}: "a chess game" builds the closest design at once and the chat says chess was left out and memory match was picked`, async () => {
      const { message, names, text } = await firstReply([system(chattiness), { role: "user", content: "a chess game" }]);
      expect(names[0]).toBe("write_file");
      expect(names).not.toContain("ask_user");
      expect(text).toMatch(/There is no built-in chess design; the closest are memory match \(.*\), maze collector \(.*\)/);
      expect(text).toMatch(/Picked memory match\./);
      expect(specWritten([message]).genre).toBe("memory");
    });
  }

  it('normal: "a city builder" is said to be missing, tower defense picked, and the spec is tower defense', async () => {
    const messages: ChatMessage[] = [system("normal"), { role: "user", content: "a city builder" }];
    await turn(messages);
    expect(buildText(messages)).toMatch(/There is no built-in city builder design; the closest are tower defense .*Picked tower defense\./);
    expect(specWritten(messages).genre).toBe("towers");
  });

  it('chatty: "a city builder" is asked about with 2–3 built designs as choices, and the one chosen is built', async () => {
    const messages: ChatMessage[] = [system("chatty"), { role: "user", content: "a city builder" }];
    const { names, args } = await firstReply(messages);
    expect(names).toEqual(["ask_user"]);
    const { question, choices } = args("ask_user") as { question: string; choices: string[] };
    expect(question).toMatch(/There is no built-in city builder design/);
    expect(question).toMatch(/Which should I make\?$/);
    expect(question).not.toMatch(/Picked/);
    expect(choices.length).toBeGreaterThanOrEqual(2);
    expect(choices.length).toBeLessThanOrEqual(3);
    for (const choice of choices) expect(designLabels.some((label) => choice.toLowerCase().startsWith(`${label}:`)), choice).toBe(true);
    // Not the first choice, so the build follows the answer and not the builder's own pick.
    await turn(messages, choices[1]);
    expect(specWritten(messages).genre).toBe(GENRES.find((g) => choices[1].startsWith(`${DESIGNS[g].label}:`)));
  });
});

describe("a phrase the builder does not understand is listed as not used, never made a creature or an item", () => {
  it.each([
    ["a platformer where the clouds sing opera", "platformer", ["clouds sing opera"]],
    ["a snake game with sparkly wobblefrogs", "snake", ["sparkly wobblefrogs"]],
    ["a racing game where grandma knits sweaters", "racing", ["grandma knits sweaters"]],
  ])('"%s"', (prompt, genre, unused) => {
    const { spec, unused: listed, notes } = parsePrompt(prompt);
    const plain = parsePrompt(`a ${DESIGNS[genre as keyof typeof DESIGNS].label.toLowerCase()} game`).spec;
    expect(spec.genre).toBe(genre);
    expect(listed).toEqual(unused);
    expect(notes.at(-1)).toBe(`Not used: ${unused.map((u) => `"${u}"`).join(", ")}.`);
    expect(spec.hazards.map((h) => h.name)).toEqual(plain.hazards.map((h) => h.name));
    expect(spec.collectibles.map((c) => c.name)).toEqual(plain.collectibles.map((c) => c.name));
    expect(spec.player).toBe(plain.player);
  });

  it("says so in the chat of a fallback, and in a follow-up the game keeps what it had", async () => {
    const messages: ChatMessage[] = [system("normal"), { role: "user", content: "a chess game with flurbles and a wizzle" }];
    await turn(messages);
    expect(buildText(messages)).toMatch(/Notes: There is no built-in chess design.* Not used: "flurbles", "wizzle"\./);
    expect(JSON.stringify(specWritten(messages))).not.toMatch(/flurble|wizzle/);

    const diving: ChatMessage[] = [system("normal"), { role: "user", content: "a deep-sea diving game where you collect pearls and dodge jellyfish" }];
    await turn(diving);
    const before = specWritten(diving);
    diving.push({ role: "user", content: "make the wizzles sparkle" });
    await turn(diving);
    expect(buildText(diving)).toContain('Not used: "wizzles sparkle".');
    expect(specWritten(diving)).toEqual(before);
  });
});

describe("a game the builder cannot make playable", () => {
  it("says so when finish is refused, and when the loop nudges it, says it again instead of replaying the same seeded playtest", async () => {
    const model = createOfflineBuilder();
    // The run factory shows the builder one user message and then every turn (the loop's nudges are not among them).
    const messages: ChatMessage[] = [system("normal"), { role: "user", content: "pong against the computer" }];
    const results: Record<string, string> = {
      run_playtest: '{"verdict":"broken","reasons":["score-rises failed: score stayed 0"]}',
      finish: "Not finished: the latest playtest says broken (score-rises failed).",
    };
    for (const expected of ["write_file", "run_playtest", "finish"]) {
      const { message } = await model.complete({ messages });
      expect(message.tool_calls?.[0]?.function.name).toBe(expected);
      messages.push(message, ...message.tool_calls!.map((c): ChatMessage => ({ role: "tool", tool_call_id: c.id, content: results[c.function.name] ?? "ok" })));
    }
    const { message: cannot } = await model.complete({ messages });
    expect(cannot.tool_calls ?? []).toEqual([]);
    expect(cannot.content).toMatch(/The playtest still fails \(.*score-rises.*\)\. The offline builder cannot change game code/);
    messages.push(cannot);
    const { message: again } = await model.complete({ messages });
    expect(again.tool_calls ?? []).toEqual([]);
    expect(again.content).toBe(cannot.content);
  });
});

describe("follow-ups in the chat reach the newer designs", () => {
  /** Builds `first`, then sends `followUp` in the same conversation: the specs before and after, and the follow-up's chat text. */
  async function followUp(first: string, next: string) {
    const messages: ChatMessage[] = [system("normal"), { role: "user", content: first }];
    await turn(messages);
    const before = specWritten(messages);
    messages.push({ role: "user", content: next });
    await turn(messages);
    return { before, after: specWritten(messages), text: buildText(messages), checks: checksDeclared(messages) };
  }

  it('pong: "first to 10" moves the goal and keeps the computer opponent', async () => {
    const { before, after, text, checks } = await followUp("pong for one player against the computer, first to 5 wins", "first to 10");
    expect(before.goal).toEqual({ kind: "points", target: 5 });
    expect(after).toEqual({ ...before, goal: { kind: "points", target: 10 } });
    expect(text).toContain("Notes: Goal: first to 10 points.");
    expect(checks).toContain("computer-returns");
  });

  it('pong: "add a second player on WASD" makes it two players (left paddle W and S), with nothing left unused and no computer check', async () => {
    const { before, after, text, checks } = await followUp("pong against the computer", "add a second player on WASD");
    expect(before.rules).toEqual({ opponent: "cpu" });
    expect(after).toEqual({ ...before, rules: { opponent: "human" } });
    expect(text).toMatch(/Two players: the left paddle plays with W and S/);
    expect(text).not.toMatch(/Not used/);
    expect(checks).not.toContain("computer-returns");
  });

  it('tower defense: "three lives instead of one" gives three lives, and "one" is not read as a second count', async () => {
    const { before, after, text } = await followUp("tower defense with a single path, two kinds of towers and only one life", "three lives instead of one");
    expect(before).toMatchObject({ genre: "towers", lives: 1 });
    expect(after).toEqual({ ...before, lives: 3 });
    expect(text).toContain("Notes: Lives: 3.");
    expect(text).not.toMatch(/Not used/);
    expect(parsePrompt("three lives instead of one life", before).spec.lives).toBe(3);
  });

  it('tower defense: "make the creeps faster" speeds up the creeps it has instead of adding a creature called creeps', async () => {
    const { before, after } = await followUp("tower defense", "make the creeps faster");
    expect(after.hazards.map((h) => h.name)).toEqual(before.hazards.map((h) => h.name));
    expect(after.hazards[0].speed).toBeGreaterThan(before.hazards[0].speed);
  });

  it('diving: "make the jellyfish faster" speeds up the jellyfish and nothing else', async () => {
    const { before, after, text } = await followUp("a deep-sea diving game where you collect pearls and dodge jellyfish", "make the jellyfish faster");
    expect(after.hazards[0].speed).toBeGreaterThan(before.hazards[0].speed);
    expect(after).toEqual({ ...before, hazards: [{ ...before.hazards[0], speed: after.hazards[0].speed }] });
    expect(text).toMatch(/jellyfish faster \(speed \d+\)/);
  });
});
