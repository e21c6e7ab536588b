// A hostile game can read its session id from the commands it sees and post replies of its own:
// such a reply, forged or malformed, fails its command with HarnessInterferenceError, never a crash
// and never a result the engine would trust.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { openBrowser } from "../support/browser";
import { RuntimePage, sceneGame } from "../support/runtime-page";

let browser: Browser;
let runtime: RuntimePage;

beforeAll(async () => {
  browser = await openBrowser();
  runtime = await RuntimePage.open(browser);
});
afterAll(async () => browser?.close());

/**
 * A game that answers every harness command itself. A live snapshot waits for the next frame, so
 * the game's answer reaches the IDE before the harness's.
 */
async function mountForger(reply: string) {
  const game = sceneGame("  create() { this.add.rectangle(400, 300, 100, 100, 0xffffff); }");
  game["src/main.ts"] = `window.addEventListener("message", (event) => {
  const data = event.data;
  if (data?.type !== "command") return;
  window.parent.postMessage({ channel: "playforge", v: 1, session: data.session, type: "reply", id: data.id, ${reply} }, "*");
});
${game["src/main.ts"]}`;
  await runtime.mount(game);
  await runtime.waitForEvent("ready");
}

const PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

it("rejects a well-formed snapshot the game forged (it lacks the harness's token)", async () => {
  await mountForger(`token: "guess", ok: true, result: { frame: 1, virtualMs: 0, width: 800, height: 600, thumbnail: "${PNG}", metrics: { nonBackground: 0.5, colours: 9, diff: 0, hash: "00000000" } }`);
  expect(await runtime.commandError({ op: "snapshot" })).toEqual({
    name: "HarnessInterferenceError",
    message: 'the game interfered with the playtest: a reply to "snapshot" did not come from the harness',
  });
});

it("rejects a malformed reply at once instead of waiting for the command to time out", async () => {
  await mountForger('ok: true, result: "<img src=x onerror=alert(1)>"');
  expect(await runtime.commandError({ op: "snapshot" })).toEqual({
    name: "HarnessInterferenceError",
    message: 'the game interfered with the playtest: a malformed reply to "snapshot" was posted to the IDE',
  });
  // The page itself still answers commands it answers first.
  expect(await runtime.command({ op: "status" })).toMatchObject({ registered: true, rendered: true });
});
