// Holds keys for fingers: each finger (or mouse) on a control holds some keys, a key is down while
// any finger holds it, and only the changes reach the game as real key down/up events.

import type { InputEvent } from "../../runtime";

export interface KeyPresser {
  /** The keys `finger` holds now (replacing what it held): a slide across the pad changes them. */
  hold(finger: number, keys: readonly string[]): void;
  release(finger: number): void;
  /** Lets go of every key: the controls went away, the page was hidden, the game changed. */
  releaseAll(): void;
}

export function createKeyPresser(send: (events: InputEvent[]) => void): KeyPresser {
  const held = new Map<number, readonly string[]>();
  const down = new Set<string>();

  function sync() {
    const wanted = new Set([...held.values()].flat());
    const events: InputEvent[] = [];
    for (const key of down) if (!wanted.has(key)) events.push({ kind: "key", action: "up", key });
    for (const key of wanted) if (!down.has(key)) events.push({ kind: "key", action: "down", key });
    if (events.length === 0) return;
    for (const event of events) {
      if (event.kind === "key" && event.action === "up") down.delete(event.key);
      else if (event.kind === "key") down.add(event.key);
    }
    send(events);
  }

  return {
    hold(finger, keys) {
      held.set(finger, keys);
      sync();
    },
    release(finger) {
      held.delete(finger);
      sync();
    },
    releaseAll() {
      held.clear();
      sync();
    },
  };
}
