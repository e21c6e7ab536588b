// Phaser for a game page when the server is gone. A sandboxed game page has an opaque origin:
// the service worker never answers its requests and it has no HTTP cache, so offline its own
// fetch of /vendor/phaser.min.js fails. Then this page reads Phaser (the service worker answers
// from its cache) and hands it over as a data: URL; online the game page fetches it as before.

import { fetchPhaserSource } from "../../project";

const PHASER_PATH = "/vendor/phaser.min.js";

/** undefined when the game page can fetch Phaser itself; otherwise Phaser as a data: URL. */
export async function phaserUrlForGamePage(signal?: AbortSignal): Promise<string | undefined> {
  if (await serverAnswers(signal)) return undefined;
  return phaserDataUrl(signal);
}

/** A HEAD request: the service worker answers only GETs, so this one asks the server. */
async function serverAnswers(signal?: AbortSignal): Promise<boolean> {
  try {
    return (await fetch(PHASER_PATH, { method: "HEAD", cache: "no-store", signal })).ok;
  } catch {
    return false;
  }
}

async function phaserDataUrl(signal?: AbortSignal): Promise<string> {
  const source = await fetchPhaserSource(signal, PHASER_PATH);
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("Phaser could not be encoded for the game page"));
    reader.readAsDataURL(new Blob([source], { type: "text/javascript" }));
  });
}
