// Harness part: the IDE's commands (step, input, snapshot, introspect, status, pause, mute) and the
// pre-warmed page's "run" message, answered with replies signed by the page's token. Runs last.
// Serialised with toString: self-contained.

import type { HarnessContext } from "./context";
import type { HarnessCommand, RunMessage } from "./protocol";

export function installCommands(h: HarnessContext): void {
  const CHANNEL = "playforge";
  const { config } = h;

  async function step(frames: number, capture: boolean | undefined) {
    if (!h.virtual) throw new Error("step needs playtest mode (virtual time)");
    if (!h.hasFrameCallbacks()) await h.waitForGameLoop();
    const count = Math.max(0, Math.min(600, Math.floor(frames)));
    const stepStartedAt = h.realNow();
    let sliceStart = stepStartedAt;
    for (let i = 0; i < count; i++) {
      // Yield now and then: other frames of this browser process (the live preview, the IDE)
      // share this thread and must keep their heartbeat while a playtest steps.
      if (h.realNow() - sliceStart > 40) {
        await new Promise((r) => h.realSetTimeout(() => r(undefined), 0));
        sliceStart = h.realNow();
      }
      // Files load in real time whatever the virtual clock says: let them land between the same
      // two virtual frames every run, so a game with assets steps the same way each time.
      if (h.loadsInFlight() > 0) await h.settleLoads();
      // Only a frame that will be copied is drawn: GL work on a software renderer is dear too.
      h.renderThisFrame = i === count - 1 && (capture !== false || h.lastErrorAt >= stepStartedAt);
      if (h.renderThisFrame) h.capturePending = true;
      h.stepOneFrame();
    }
    h.renderThisFrame = true;
    return { frame: h.frame, virtualMs: Math.round(h.vnow) };
  }

  async function run(command: HarnessCommand): Promise<unknown> {
    switch (command.op) {
      case "step":
        return step(command.frames, command.capture);
      case "input": {
        let delivered = 0;
        for (const event of command.events.slice(0, 100)) if (h.dispatchInput(event)) delivered++;
        return { delivered };
      }
      case "snapshot":
        return h.snapshot(command.thumbWidth ?? 160);
      case "introspect":
        return h.introspect();
      case "status":
        return { frame: h.frame, virtualMs: Math.round(h.vnow), registered: h.registered, rendered: h.rendered };
      case "mute":
        if (h.virtual) throw new Error("mute is for the live game; a playtest is always muted");
        h.mute.set(command.muted);
        return { muted: command.muted };
      case "pause":
        if (h.virtual) throw new Error("pause is for the live game; a playtest steps virtual time");
        h.pause.set(command.paused);
        return { paused: command.paused };
      default:
        throw new Error(`unknown command ${(command as { op: string }).op}`);
    }
  }

  window.addEventListener("message", (event) => {
    const data = event.data;
    if (event.source !== h.parentWindow || !data || data.channel !== CHANNEL || data.session !== config.session) return;
    if (data.type === "run" && !h.programStarted) {
      // A pre-warmed page (Phaser already parsed) receives its program only when it is shown.
      const message = data as RunMessage;
      h.programStarted = true;
      config.loops = message.loops;
      h.servePublicFiles(message.publicFiles);
      document.body.innerHTML = message.bodyHtml;
      const style = document.createElement("style");
      style.textContent = message.headStyles;
      document.head.appendChild(style);
      h.w.__pfRunProgram?.(message.program);
      return;
    }
    if (data.type !== "command") return;
    const token = config.replyToken ?? "";
    run(data.command).then(
      (result) => h.post({ type: "reply", id: data.id, token, ok: true, result }),
      (error) => h.post({ type: "reply", id: data.id, token, ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });

  h.w.__pfLoaded = () => {
    h.programStarted = true;
    h.post({ type: "loaded", registered: h.registered });
  };
}
