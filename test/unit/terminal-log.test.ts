// The WebContainer terminal's log: what a terminal opened later replays, capped at the last ~200 KB.
import { describe, expect, it } from "vitest";
import { createTerminalLog, TERMINAL_LOG_LIMIT } from "../../src/state";

describe("terminal log", () => {
  it("keeps the output as printed, escape codes included, and passes new chunks to subscribers", () => {
    const log = createTerminalLog();
    const heard: string[] = [];
    log.append("\r\n› npm install\r\n");
    const off = log.subscribe((chunk) => heard.push(chunk));
    log.append("\u001b[1madded 3 packages\u001b[22m in 2s\r\n");
    off();
    log.append("found 0 vulnerabilities\r\n");
    expect(log.read()).toBe("\r\n› npm install\r\n\u001b[1madded 3 packages\u001b[22m in 2s\r\nfound 0 vulnerabilities\r\n");
    expect(heard).toEqual(["\u001b[1madded 3 packages\u001b[22m in 2s\r\n"]);
  });

  it(`keeps only the last ${TERMINAL_LOG_LIMIT / 1000} KB of a long install, starting at a whole line`, () => {
    const log = createTerminalLog();
    const lines = Array.from({ length: 20_000 }, (_, i) => `\u001b[32mnpm\u001b[39m http fetch GET 200 https://registry.npmjs.org/package-${i} 12ms\r\n`);
    for (const line of lines) log.append(line);
    const kept = log.read();
    expect(lines.join("").length).toBeGreaterThan(5 * TERMINAL_LOG_LIMIT);
    expect(kept.length).toBeLessThanOrEqual(TERMINAL_LOG_LIMIT);
    expect(kept.length).toBeGreaterThan(TERMINAL_LOG_LIMIT - lines[0].length * 2);
    expect(kept.startsWith("\u001b[32mnpm")).toBe(true);
    expect(kept.endsWith(lines[lines.length - 1])).toBe(true);
    expect(kept).not.toContain("package-0 ");
  });

  it("keeps a small limit exactly, cutting a line that does not fit", () => {
    const log = createTerminalLog(10);
    log.append("first\r\nsecond\r\n");
    expect(log.read()).toBe("second\r\n");
    log.append("x".repeat(30));
    expect(log.read()).toBe("x".repeat(10));
  });
});
