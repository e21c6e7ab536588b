// QR codes for share links: an SVG for links that fit, a clear error for links that do not.

import { describe, expect, it } from "vitest";
import { QR_MAX_BYTES, ShareLinkError, shareQrSvg } from "../../src/project";

describe("share link QR code", () => {
  it("draws a link as an SVG QR code", async () => {
    const svg = await shareQrSvg("http://127.0.0.1:5173/play#AQABCDEF");
    expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain("<path");
  });

  it("fits a 2,900-byte link, the size of an edited builder game's link", async () => {
    const svg = await shareQrSvg(`https://playforge.example/play#${"A".repeat(2_900 - 31)}`);
    expect(svg.length).toBeGreaterThan(10_000);
  });

  it("refuses a link too long for any QR code, suggesting the link or an export instead", async () => {
    const error = await shareQrSvg(`https://x.example/play#${"A".repeat(QR_MAX_BYTES)}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShareLinkError);
    expect((error as Error).message).toMatch(/too long for a QR code.*Share the link itself, or export/);
  });
});
