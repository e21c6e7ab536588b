// A Sandbox's event side for fakes in unit tests: `on` as the Sandbox has it, `fire` for the test.

import type { SandboxEvents, SandboxListener } from "../../src/runtime/sandbox";

export function sandboxEvents() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    on<E extends keyof SandboxEvents>(event: E, listener: SandboxListener<E>) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    fire<E extends keyof SandboxEvents>(event: E, payload: SandboxEvents[E]) {
      listeners.get(event)?.forEach((l) => l(payload));
    },
    /** How many listeners are subscribed now. */
    listening: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}
