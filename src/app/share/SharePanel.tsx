// The Share button and its panel: the /play link for the open project, copy, QR code and size;
// a project too big for a link says so and offers the zip export instead.

import { useEffect, useMemo, useState } from "react";
import { useStore } from "zustand";
import { ShareLinkError, encodeShareLink, shareLinkUrl, shareQrSvg, type ProjectFiles } from "../../project";
import { builderSpecCompiler } from "../../builder";
import { useWorkbench } from "../workbench";
import { downloadHtml, downloadZip } from "./exports";
import "./share.css";

type Link = { ok: true; url: string; bytes: number; form: "files" | "spec-patch" } | { ok: false; message: string };

function linkFor(files: ProjectFiles): Link {
  try {
    const link = encodeShareLink(files, { specCompiler: builderSpecCompiler });
    const url = shareLinkUrl(link.fragment, window.location.origin);
    return { ok: true, url, bytes: new TextEncoder().encode(url).length, form: link.form };
  } catch (error) {
    if (error instanceof ShareLinkError) return { ok: false, message: error.message };
    return { ok: false, message: `The share link could not be made: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function ShareButton() {
  const [open, setOpen] = useState(false);
  return (
    <span className="share-anchor">
      <button type="button" data-testid="share-button" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        Share
      </button>
      {open && <SharePanel onClose={() => setOpen(false)} />}
    </span>
  );
}

function SharePanel({ onClose }: { onClose: () => void }) {
  const { project, persistence } = useWorkbench();
  const files = useStore(project, (s) => s.files);
  const name = useStore(persistence, (s) => s.current?.name ?? "playforge-game");
  const link = useMemo(() => linkFor(files), [files]);
  // The outcome of the last Copy or export click, shown under the link or the export buttons.
  const [copied, setCopied] = useState<string | null>(null);

  return (
    <div className="share-panel" role="dialog" aria-label="Share this game" data-testid="share-panel">
      <div className="share-head">
        <strong>Share this game</strong>
        <button type="button" onClick={onClose} aria-label="Close">
          ×
        </button>
      </div>
      {link.ok ? (
        <>
          <p className="share-hint">Anyone with this link can play the game and remix it. Nothing is uploaded: the game is inside the link.</p>
          <div className="share-row">
            <input data-testid="share-link" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} aria-label="Share link" />
            <button
              type="button"
              data-testid="share-copy"
              onClick={() =>
                navigator.clipboard.writeText(link.url).then(
                  () => setCopied("Copied"),
                  () => setCopied("Copy failed: select the link and press Ctrl+C"),
                )
              }
            >
              Copy
            </button>
            <a className="share-open" href={link.url} target="_blank" rel="noopener">
              Open
            </a>
          </div>
          <p className="share-size" data-testid="share-size" data-bytes={link.bytes}>
            {link.bytes.toLocaleString()} bytes{link.form === "spec-patch" ? " (compact: builder spec + your edits)" : ""}
            {copied && <span className="share-copied"> · {copied}</span>}
          </p>
          <QrCode url={link.url} />
        </>
      ) : (
        <div className="share-too-big" data-testid="share-too-big">
          <p>{link.message}</p>
          <div className="share-row">
            <button type="button" data-testid="share-export-zip" onClick={() => downloadZip(files, name)}>
              Export zip
            </button>
            <button
              type="button"
              data-testid="share-export-html"
              onClick={() => downloadHtml(files, name).catch((error: unknown) => setCopied(`HTML export failed: ${error instanceof Error ? error.message : String(error)}`))}
            >
              Export HTML file
            </button>
          </div>
          {copied && <p className="share-qr-error">{copied}</p>}
        </div>
      )}
    </div>
  );
}

function QrCode({ url }: { url: string }) {
  const [qr, setQr] = useState<{ svg: string } | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    shareQrSvg(url).then(
      (svg) => live && setQr({ svg }),
      (error: unknown) => live && setQr({ error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [url]);
  if (!qr) return null;
  if ("error" in qr) return <p className="share-qr-error" data-testid="share-qr-error">{qr.error}</p>;
  // The SVG comes from the qrcode library for our own URL, never from user input.
  return <div className="share-qr" data-testid="share-qr" dangerouslySetInnerHTML={{ __html: qr.svg }} />;
}
