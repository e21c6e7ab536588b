// Reading and writing one item of a browser Storage (localStorage, sessionStorage) that may be
// missing or refuse access (private modes, blocked storage, a full quota): best effort, never a throw.

/** The item's value, or null when it is absent or the storage cannot be read. */
export function readItem(storage: Storage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Sets the item, or removes it for null; a storage that refuses just does not remember. */
export function writeItem(storage: Storage | undefined, key: string, value: string | null): void {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    // Not remembered; what the person did still holds until the page closes.
  }
}
