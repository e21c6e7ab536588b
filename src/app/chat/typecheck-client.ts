// The agent's type check in the IDE: one lazily started worker (typecheck-worker.ts), one request
// at a time, text files only.

import type { TypeCheckFunction } from "../../agent";
import type { TypeCheckReply, TypeCheckRequest } from "./typecheck-worker";

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (reply: TypeCheckReply) => void }>();

function workerNow(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL("./typecheck-worker.ts", import.meta.url), { type: "module", name: "playforge-typecheck" });
  started.onmessage = (event: MessageEvent<TypeCheckReply>) => {
    waiting.get(event.data.id)?.resolve(event.data);
    waiting.delete(event.data.id);
  };
  started.onerror = (event) => {
    for (const [id, pending] of waiting) pending.resolve({ id, error: `The type-check worker failed: ${event.message || "it could not start"}` });
    waiting.clear();
    worker = null;
  };
  worker = started;
  return started;
}

/** The IDE's TypeCheckFunction; the worker keeps Phaser's types parsed between checks. */
export const checkTypesInWorker: TypeCheckFunction = async (files) => {
  const text: Record<string, string> = {};
  for (const [path, content] of Object.entries(files)) if (typeof content === "string") text[path] = content;
  const id = nextId++;
  const reply = await new Promise<TypeCheckReply>((resolve) => {
    waiting.set(id, { resolve });
    workerNow().postMessage({ id, files: text } satisfies TypeCheckRequest);
  });
  if ("error" in reply) throw new Error(reply.error);
  return reply.diagnostics;
};
