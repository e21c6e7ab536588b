// Launches Debian Chromium through playwright-core with the flags these machines need.

import { chromium, type Browser } from "playwright-core";
import { existsSync } from "node:fs";

export const CHROMIUM_PATH = process.env.PLAYFORGE_CHROMIUM ?? "/usr/bin/chromium";

export class BrowserMissingError extends Error {
  constructor() {
    super(`Chromium was not found at ${CHROMIUM_PATH}. Install it with: apt-get update && apt-get install -y chromium (or set PLAYFORGE_CHROMIUM to a Chromium binary).`);
    this.name = "BrowserMissingError";
  }
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new BrowserMissingError();
  // playwright gives every launch a fresh temporary --user-data-dir of its own.
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      "--enable-unsafe-swiftshader",
    ],
  });
}
