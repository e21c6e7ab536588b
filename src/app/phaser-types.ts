// Phaser 4's declarations (phaser.d.ts ≈8 MB, matter.d.ts) as two files the IDE serves itself at
// /vendor/ (vite.config.ts), fetched when first needed: Monaco's IntelliSense and the agent's type
// check (its worker) share one copy and the browser's cache, and the service worker stores it once.

export const PHASER_TYPES_PATH = "/vendor/phaser.d.ts";
export const MATTER_TYPES_PATH = "/vendor/matter.d.ts";

export interface PhaserTypes {
  phaser: string;
  matter: string;
}

async function fetchText(path: string): Promise<string> {
  const url = new URL(path, self.location.href);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Phaser's types (${url.pathname}) did not load: HTTP ${response.status}.`);
  return response.text();
}

/** Both declaration files, fetched in parallel (from a page or a worker on the IDE's origin). */
export async function fetchPhaserTypes(): Promise<PhaserTypes> {
  const [phaser, matter] = await Promise.all([fetchText(PHASER_TYPES_PATH), fetchText(MATTER_TYPES_PATH)]);
  return { phaser, matter };
}
