// The /play page's one component: a bad link shows an error page; a good one shows the game
// with a thin bar (title, Remix, QR code, Sound on/off, View code) above it, and on a touch
// screen on-screen controls for the keys the game listens for.

import { useEffect, useMemo, useRef, useState } from "react";
import { ShareLinkError, decodeShareLink, projectTitle, remixUrl, shareQrSvg, type ProjectFiles } from "../../project";
import { createIframeSandbox, type Sandbox } from "../../runtime";
import { liveFrameCap, readSoundOff, writeSoundOff } from "../../state";
import { builderSpecCompiler } from "../../builder";
import { CodeViewer } from "./CodeViewer";
import { SoundButton } from "../preview/SoundButton";
import { TOUCH_SCREEN, TouchControls, useMediaQuery } from "../touch";
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

function GameView({ files, fragment }: { files: ProjectFiles; fragment: string }) {
  const stage = useRef<HTMLDivElement>(null);
  const [showCode, setShowCode] = useState(false);
  const [gameError, setGameError] = useState<string | null>(null);
  const [qr, setQr] = useState<{ svg: string } | { error: string } | null>(null);
  const [muted, setMuted] = useState(readSoundOff);
  const sandboxRef = useRef<Sandbox | null>(null);
  // The same sandbox for the on-screen controls, which render once it exists.
  const [game, setGame] = useState<Sandbox | null>(null);
  const touchScreen = useMediaQuery(TOUCH_SCREEN);
  const mutedRef = useRef(muted);
  const title = projectTitle(files);

  const toggleSound = () => {
    const next = !mutedRef.current;
    mutedRef.current = next;
    setMuted(next);
    writeSoundOff(next);
    // A game that has not started yet gets the mute with its first frame (see "ready").
    sandboxRef.current?.command({ op: "mute", muted: next }).catch(() => undefined);
  };

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
    // A shared game is watched less strictly than in the IDE: a slow phone or a busy machine
    // should not have its game torn down as frozen while it boots. The game mounts once, so no
    // second page is kept loaded for a re-run (it would cost a phone a second copy of Phaser).
    const start = (phaserUrl: string | undefined) => {
      const sandbox = createIframeSandbox(stage.current!, { heartbeatTimeoutMs: 8000, prewarm: false, phaserUrl, maxFps: liveFrameCap() });
      sandboxRef.current = sandbox;
      setGame(sandbox);
      const offExit = sandbox.on("exit", (exit) => {
        if (exit.reason !== "stopped") setGameError(exit.message);
      });
      const offReady = sandbox.on("ready", () => {
        if (mutedRef.current) sandbox.command({ op: "mute", muted: true }).catch(() => undefined);
      });
      sandbox
        .mount(files)
        // The game gets the keyboard once it runs, unless the person already focused something
        // else (a bar button they tabbed to while it loaded keeps its focus).
        .then(() => {
          const active = document.activeElement;
          if (!active || active === document.body) stage.current?.querySelector("iframe")?.focus();
        })
        .catch((error: unknown) => setGameError(error instanceof Error ? error.message : String(error)));
      return () => {
        offExit();
        offReady();
        sandbox.stop();
        sandboxRef.current = null;
        setGame(null);
      };
    };
    // With the server gone (offline after the first visit), the game gets Phaser from this
    // page's service worker. When even that fails the game page tries itself, and says so.
    const cancel = new AbortController();
    let stopGame = () => {};
    void phaserUrlForGamePage(cancel.signal)
      .catch(() => undefined)
      .then((phaserUrl) => {
        if (!cancel.signal.aborted) stopGame = start(phaserUrl);
      });
    return () => {
      cancel.abort();
      stopGame();
    };
  }, [files, title]);

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
        <SoundButton testId="play-mute" muted={muted} onToggle={toggleSound} />
        <button data-testid="view-code-button" aria-pressed={showCode} onClick={() => setShowCode((v) => !v)}>
          {showCode ? "Hide code" : "View code"}
        </button>
      </header>
      <div className="play-body">
        <div className="play-main">
          <div className="play-stage" ref={stage} data-testid="play-stage">
            {gameError && <p className="play-game-error" data-testid="play-game-error">The game stopped: {gameError}</p>}
          </div>
          {touchScreen && <TouchControls game={game} />}
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
