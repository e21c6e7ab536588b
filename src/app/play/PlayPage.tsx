// The /play page's one component: a bad link shows an error page; a good one shows the game
// with a thin bar (title, Remix, QR code, Sound on/off, View code) above it, and on a touch
// screen on-screen controls for the keys the game listens for. The game itself is a player store's.

import { useEffect, useMemo, useRef, useState } from "react";
import { useStore } from "zustand";
import { ShareLinkError, decodeShareLink, projectTitle, remixUrl, shareQrSvg, type ProjectFiles } from "../../project";
import { createIframeSandbox, type Sandbox } from "../../runtime";
import { createPlayerStore, liveFrameCap } from "../../state";
import { builderSpecCompiler } from "../../builder";
import { CodeViewer } from "./CodeViewer";
import { SoundButton } from "../preview/SoundButton";
import { TOUCH_SCREEN, TouchControls, useMediaQuery, type LiveGame } from "../touch";
import { phaserUrlForGamePage } from "../offline";

type Decoded = { ok: true; files: ProjectFiles; fragment: string } | { ok: false; message: string };

function decode(hash: string): Decoded {
  const fragment = hash.replace(/^#/, "");
  try {
    return { ok: true, files: decodeShareLink(fragment, { specCompiler: builderSpecCompiler }), fragment };
  } catch (error) {
    if (error instanceof ShareLinkError) return { ok: false, message: error.message };
    throw error;
  }
}

export function PlayPage({ hash }: { hash: string }) {
  const decoded = useMemo(() => decode(hash), [hash]);
  if (!decoded.ok) return <LinkErrorPage message={decoded.message} />;
  return <GameView files={decoded.files} fragment={decoded.fragment} />;
}

function LinkErrorPage({ message }: { message: string }) {
  useEffect(() => {
    document.title = "Broken game link · Playforge";
  }, []);
  return (
    <main className="play-error" data-testid="play-error">
      <h1>This game link can’t be opened</h1>
      <p data-testid="play-error-message">{message}</p>
      <p>
        <a href="/">Open Playforge</a> to make a game of your own.
      </p>
    </main>
  );
}

/**
 * A shared game is watched less strictly than in the IDE: a slow phone or a busy machine should not
 * have its game torn down as frozen while it boots. The game mounts once, so no second page is kept
 * loaded for a re-run (it would cost a phone a second copy of Phaser). With the server gone (offline
 * after the first visit), the game gets Phaser from this page's service worker; when even that
 * fails the game page tries itself, and says so.
 */
async function createGameSandbox(host: HTMLElement, signal: AbortSignal): Promise<Sandbox> {
  const phaserUrl = await phaserUrlForGamePage(signal).catch(() => undefined);
  signal.throwIfAborted();
  return createIframeSandbox(host, { heartbeatTimeoutMs: 8000, prewarm: false, phaserUrl, maxFps: liveFrameCap() });
}

function GameView({ files, fragment }: { files: ProjectFiles; fragment: string }) {
  const stage = useRef<HTMLDivElement>(null);
  const [showCode, setShowCode] = useState(false);
  const [qr, setQr] = useState<{ svg: string } | { error: string } | null>(null);
  const [player] = useState(() => createPlayerStore({ createSandbox: createGameSandbox }));
  const status = useStore(player, (s) => s.status);
  const muted = useStore(player, (s) => s.muted);
  const game = useMemo<LiveGame>(() => ({ command: (command, signal) => player.getState().command(command, signal) }), [player]);
  const touchScreen = useMediaQuery(TOUCH_SCREEN);
  const title = projectTitle(files);

  // The QR overlay closes on Escape as well as on a click.
  useEffect(() => {
    if (!qr) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setQr(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [qr]);

  useEffect(() => {
    document.title = `${title} · Playforge`;
  }, [title]);

  useEffect(() => player.getState().attach(stage.current!, files), [player, files]);

  return (
    <div className="play">
      <header className="play-bar">
        <a className="play-brand" href="/">Playforge</a>
        <span className="play-title" data-testid="play-title">{title}</span>
        <button data-testid="remix-button" onClick={() => window.location.assign(remixUrl(fragment))}>Remix</button>
        <button
          data-testid="qr-button"
          onClick={() => shareQrSvg(window.location.href).then((svg) => setQr({ svg }), (error: Error) => setQr({ error: error.message }))}
        >
          QR code
        </button>
        <SoundButton testId="play-mute" muted={muted} onToggle={() => player.getState().setMuted(!player.getState().muted)} />
        <button data-testid="view-code-button" aria-pressed={showCode} onClick={() => setShowCode((v) => !v)}>
          {showCode ? "Hide code" : "View code"}
        </button>
      </header>
      <div className="play-body">
        <div className="play-main">
          <div className="play-stage" ref={stage} data-testid="play-stage" data-state={status.state}>
            {status.state === "error" && (
              <p className="play-game-error" data-testid="play-game-error">
                The game stopped: {status.message}{" "}
                <button data-testid="play-restart" onClick={() => player.getState().restart()}>
                  Play again
                </button>
              </p>
            )}
          </div>
          {/* A new link is a new game: its controls ask for its keys afresh. */}
          {touchScreen && <TouchControls key={fragment} game={game} />}
        </div>
        {showCode && <CodeViewer files={files} />}
      </div>
      {qr && (
        <div className="play-qr" data-testid="play-qr" onClick={() => setQr(null)}>
          {"svg" in qr ? <div className="play-qr-code" dangerouslySetInnerHTML={{ __html: qr.svg }} /> : <p>{qr.error}</p>}
          <p>Scan to play {title}. Click anywhere or press Escape to close.</p>
        </div>
      )}
    </div>
  );
}
