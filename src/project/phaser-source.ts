// Phaser's own source text, read from the IDE's origin: the HTML export inlines it, and offline
// the IDE hands it to game pages that cannot fetch it themselves.

/** Loads Phaser's source from the IDE's origin. */
export async function fetchPhaserSource(signal?: AbortSignal, url = "/vendor/phaser.min.js"): Promise<string> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`${url}: Phaser could not be loaded (HTTP ${response.status}); the HTML export and offline games need it. Is the Playforge server running?`);
  return response.text();
}
