// An in-memory stand-in for idb-keyval's custom store (a UseStore): its object store stages the
// writes of each transaction and commits them together, and the test can make it fail the way
// browsers do: a put over quota (the whole transaction fails), a database that refuses to open
// (private browsing, blocked site data), or one that never answers (a blocked open).

import type { UseStore } from "idb-keyval";

export function memoryStore() {
  const data = new Map<IDBValidKey, unknown>();
  let failPut: ((key: string) => boolean) | null = null;
  let refusal: DOMException | null = null;
  let silent = false;
  const store: UseStore = (mode, callback) => {
    if (silent) return new Promise(() => undefined);
    if (refusal) return Promise.reject(refusal);
    return Promise.resolve().then(() => {
      const staged: (() => void)[] = [];
      let failure: DOMException | null = null;
      let outstanding = 0;
      const tx: any = { error: null };
      const request = (compute: () => unknown) => {
        const req: any = {};
        outstanding++;
        setTimeout(() => {
          outstanding--;
          req.result = compute();
          req.onsuccess?.();
        });
        return req;
      };
      const objectStore: any = {
        transaction: tx,
        get: (key: IDBValidKey) => request(() => structuredClone(data.get(key))),
        getAllKeys: () => request(() => [...data.keys()]),
        put: (value: unknown, key: IDBValidKey) => {
          if (mode !== "readwrite") throw new DOMException("read-only transaction", "ReadOnlyError");
          if (failPut?.(String(key))) failure = new DOMException("The quota has been exceeded.", "QuotaExceededError");
          const copy = structuredClone(value);
          staged.push(() => data.set(key, copy));
          return request(() => key);
        },
        delete: (key: IDBValidKey) => {
          staged.push(() => data.delete(key));
          return request(() => undefined);
        },
      };
      const finish = () => {
        if (outstanding > 0) return void setTimeout(finish);
        if (failure) {
          tx.error = failure;
          tx.onerror?.();
        } else {
          staged.forEach((apply) => apply());
          tx.oncomplete?.();
        }
      };
      const result = callback(objectStore);
      setTimeout(finish);
      return result;
    });
  };
  return {
    store,
    data,
    /** Puts whose key matches fail their transaction with QuotaExceededError; null: none fail. */
    failPutsWhere(predicate: ((key: string) => boolean) | null) {
      failPut = predicate;
    },
    /** Every request fails with this error, as a database that cannot be opened does; null: works again. */
    refuse(error: DOMException | null) {
      refusal = error;
    },
    /** Requests never settle, as with an open that stays blocked. */
    neverAnswer() {
      silent = true;
    },
    revisionKeys: () => [...data.keys()].map(String).filter((k) => k.includes("/rev/")),
  };
}
