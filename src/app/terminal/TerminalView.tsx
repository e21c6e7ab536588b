// The WebContainer terminal itself, a lazy chunk with xterm and its CSS: replays the kept npm and
// Vite output, then writes each new chunk as it comes. Output only: nothing is typed into it.

import { useEffect, useRef } from "react";
import { FitAddon } from "@xterm/addon-fit";
import { Terminal } from "@xterm/xterm";
import "@xterm/xterm/css/xterm.css";
import type { TerminalLog } from "../../state";

export default function TerminalView({ log }: { log: TerminalLog }) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const terminal = new Terminal({
      disableStdin: true,
      cursorInactiveStyle: "none",
      fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace',
      fontSize: 12,
      scrollback: 5000,
      theme: { background: "#1b1f2a", foreground: "#e3e6ee" },
    });
    const fit = new FitAddon();
    terminal.loadAddon(fit);
    terminal.open(element);
    // Rows and columns follow the panel (a window resize, the playtest report closing).
    const resize = new ResizeObserver(() => fit.fit());
    resize.observe(element);
    terminal.write(log.read());
    const stopListening = log.subscribe((chunk) => terminal.write(chunk));
    return () => {
      stopListening();
      resize.disconnect();
      terminal.dispose();
    };
  }, [log]);

  return <div className="terminal-view" ref={host} />;
}
