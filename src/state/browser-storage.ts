// Every item Playforge keeps in browser Storage (localStorage, sessionStorage), and the one way to
// read and write them: best effort, never a throw, because storage may be missing or refuse
// access (private modes, blocked storage, a full quota). Projects themselves live in IndexedDB
// (src/storage/); these are the small things around them.

/** The keys, all of them: a new one is added here (and to docs/ARCHITECTURE.md's table). */
export const STORAGE_KEYS = {
  /** localStorage: providers, models per role, prices, chattiness, and the keys if remembered (JSON). */
  settings: "playforge.settings.v1",
  /** sessionStorage: API keys by provider when they are not to be remembered (JSON), gone with the tab. */
  tabApiKeys: "playforge.settings.v1.apiKey",
  /** localStorage: "1" when the person turned game sound off. */
  soundOff: "playforge.soundOff",
  /** localStorage: "1" power saver on (live games at 30 fps), "0" chosen off. */
  powerSaver: "playforge.powerSaver",
  /** localStorage: a pending edit copied as the page went away (JSON), applied and removed at the next start. */
  unsaved: "playforge.unsaved",
} as const;

/** Where earlier versions kept an item, read once so nothing kept there is lost. */
export const LEGACY_STORAGE_KEYS = {
  unsaved: "playforge:unsaved",
} as const;

/** The item's value, or null when it is absent or the storage cannot be read. */
export function readItem(storage: Storage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/**
 * Sets the item, or removes it for null. Returns false when the storage refused (it is then not
 * remembered; what the person did still holds until the page closes).
 */
export function writeItem(storage: Storage | undefined, key: string, value: string | null): boolean {
  if (!storage) return false;
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** The page's localStorage or sessionStorage, or undefined where merely asking for it throws (blocked storage). */
export function browserStorage(kind: "local" | "session", from: { localStorage?: Storage; sessionStorage?: Storage } = globalThis): Storage | undefined {
  try {
    return kind === "local" ? from.localStorage : from.sessionStorage;
  } catch {
    return undefined;
  }
}
