// A QR code for a share link, as an SVG string (scales sharply on a projector; no canvas needed).
// qrcode is loaded on the first QR code, so the project door stays light.

import { ShareLinkError } from "./share";

/** Largest payload of a version-40 QR code at the lowest error correction, in bytes. */
export const QR_MAX_BYTES = 2_953;

export async function shareQrSvg(url: string): Promise<string> {
  const bytes = new TextEncoder().encode(url).length;
  if (bytes > QR_MAX_BYTES) {
    throw new ShareLinkError("too-large", `This link is ${bytes} bytes, too long for a QR code (at most ${QR_MAX_BYTES}). Share the link itself, or export the game as a zip or HTML file.`);
  }
  const { default: QRCode } = await import("qrcode");
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: bytes > 1_200 ? "L" : "M", margin: 2 });
}
