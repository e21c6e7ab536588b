// Specification of the offline builder's honesty and follow-ups as the chat sees them, run
// through the agent loop: a kind of game no design covers is named with what was picked instead
// (or, chatty, asked about with 2–3 choices), a phrase it does not understand is listed as not
// used and never becomes a creature or an item, a game it cannot make playable is said to be so
// once rather than replayed, and follow-ups reach the newer designs (pong, tower defense, diving).
import { describe, expect, it } from "vitest";
import { DESIGNS, GENRES, createOfflineBuilder, parsePrompt, specChecks, type GameSpec } from "../../src/builder";
import type { ChatMessage } from "../../src/providers/types";
import { builderRun } from "./builder-support";

const system = (chattiness: "quiet" | "normal" | "chatty"): ChatMessage => ({ role: "system", content: `You build Phaser games.\nChattiness: ${chattiness}` });

/** The builder's first reply to a plain chat request, with its tool calls by name. */
async function firstReply(messages: ChatMessage[]) {
  const { message } = await createOfflineBuilder().complete({ messages });
  const calls = message.tool_calls ?? [];
  return { message, text: message.content ?? "", names: calls.map((c) => c.function.name) };
}

/** The game.spec.json a reply wrote. */
function specWritten(message: Extract<ChatMessage, { role: "assistant" }>): GameSpec {
  const write = (message.tool_calls ?? []).find((c) => c.function.name === "write_file" && JSON.parse(c.function.arguments).path === "game.spec.json")!;
  return JSON.parse(JSON.parse(write.function.arguments).content);
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
      expect(specWritten(message).genre).toBe("memory");
    });
  }

  it('normal: "a city builder" is said to be missing, tower defense picked, and the spec is tower defense', async () => {
    const run = await builderRun("a city builder");
    expect(run.buildText).toMatch(/There is no built-in city builder design; the closest are tower defense .*Picked tower defense\./);
    expect(run.spec.genre).toBe("towers");
  });

  it('chatty: "a city builder" is asked about with 2–3 built designs as choices, and the one chosen is built', async () => {
    // Not the first choice, so the build follows the answer and not the builder's own pick.
    const run = await builderRun("a city builder", { chattiness: "chatty", choose: (choices) => choices[1] });
    expect(run.steps[0]).toEqual(["ask_user"]);
    const { question, choices } = run.question!;
    expect(question).toMatch(/There is no built-in city builder design/);
    expect(question).toMatch(/Which should I make\?$/);
    expect(question).not.toMatch(/Picked/);
    expect(choices.length).toBeGreaterThanOrEqual(2);
    expect(choices.length).toBeLessThanOrEqual(3);
    for (const choice of choices) expect(designLabels.some((label) => choice.toLowerCase().startsWith(`${label}:`)), choice).toBe(true);
    expect(run.spec.genre).toBe(GENRES.find((g) => choices[1].startsWith(`${DESIGNS[g].label}:`)));
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
    const chess = await builderRun("a chess game with flurbles and a wizzle");
    expect(chess.buildText).toMatch(/Notes: There is no built-in chess design.* Not used: "flurbles", "wizzle"\./);
    expect(JSON.stringify(chess.spec)).not.toMatch(/flurble|wizzle/);

    const diving = await builderRun("a deep-sea diving game where you collect pearls and dodge jellyfish");
    const next = await builderRun("make the wizzles sparkle", { files: diving.outcome.files });
    expect(next.buildText).toContain('Not used: "wizzles sparkle".');
    expect(next.spec).toEqual(diving.spec);
  });
});

describe("a game the builder cannot make playable", () => {
  it("says so when finish is refused, and when the loop nudges it, says it again instead of replaying the same seeded playtest", async () => {
    const required = specChecks(parsePrompt("pong against the computer").spec).find((c) => c.required !== false)!.id;
    const run = await builderRun("pong against the computer", { checks: { [required]: "fail" } });
    expect(run.steps.slice(1, 3)).toEqual([["run_playtest"], ["finish"]]);
    expect(run.finishSummary).toMatch(/the playtest says it is broken/);
    const [cannot, again] = run.replies.slice(3);
    expect(cannot.tool_calls ?? []).toEqual([]);
    expect(cannot.content).toMatch(new RegExp(`The playtest still fails \\(${required} failed\\)\\. The offline builder cannot change game code`));
    expect(again.content).toBe(cannot.content);
    expect(run.replies).toHaveLength(5);
    expect(run.outcome).toMatchObject({ playable: false, stopReason: "model-stopped" });
  });
});

describe("follow-ups reach the newer designs", () => {
  /** Builds `first`, then runs `next` on the project it left, as the IDE does: the specs before and after, and the follow-up's chat text. */
  async function followUp(first: string, next: string) {
    const built = await builderRun(first);
    const changed = await builderRun(next, { files: built.outcome.files });
    return { before: built.spec, after: changed.spec, text: changed.buildText, checks: changed.checks };
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
