import { describe, expect, it } from "vitest";
import { harnessScript, type HarnessConfig } from "../../src/runtime";

const config: HarnessConfig = { session: "s1", mode: "playtest", seed: 7, loops: [], publicFiles: {}, loopLimitMs: 1500, replyToken: "t0k", vendorPhaser: true };

describe("the harness script", () => {
  it("is one valid script that runs every part on the page's config", () => {
    const script = harnessScript(config);
    expect(() => new Function(script)).not.toThrow();
    expect(script).toContain('"session":"s1","mode":"playtest","seed":7');
    for (const part of ["installCore", "installConsole", "installLiveness", "installClock", "installPublicFiles", "installFrames", "installPhaserHooks", "installInput", "installIntrospection", "installCommands"]) {
      expect(script).toContain(part);
    }
  });

  it("cannot be closed early by a config text", () => {
    const script = harnessScript({ ...config, session: "</script><b>" });
    expect(script).not.toMatch(/<\/script/i);
    expect(script).toContain("\\u003c/script>");
  });
});
