// One way for unit tests to say "this throws that kind of error, with this code and message".

import { expect } from "vitest";

/** Runs `run` and expects it to throw an instance of `kind` whose `code` and message are as given. */
export function expectCodedError<E extends Error & { code: string }>(run: () => unknown, kind: new (...args: never[]) => E, code: E["code"], message: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(kind);
  expect((caught as E).code).toBe(code);
  expect((caught as E).message).toMatch(message);
}
