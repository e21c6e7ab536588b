// Validates each command reply's result against its command's schema. A game page is untrusted:
// a hostile or broken game can post replies of its own, so nothing reads a result before this.

import { CELL_COLUMNS, CELL_ROWS, MAX_MESSAGE_BYTES, type CommandResult, type HarnessCommand } from "./protocol";

/** Checks a value; returns what is wrong with it (naming its path) or null when it fits. */
type Check = (x: unknown, path: string) => string | null;

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

const num: Check = (x, path) => (typeof x === "number" && Number.isFinite(x) ? null : `${path} is not a number`);
const bool: Check = (x, path) => (typeof x === "boolean" ? null : `${path} is not true or false`);
const str =
  (max: number): Check =>
  (x, path) =>
    typeof x !== "string" ? `${path} is not text` : x.length > max ? `${path} is longer than ${max} characters` : null;
const matches =
  (pattern: RegExp, what: string): Check =>
  (x, path) =>
    typeof x === "string" && pattern.test(x) ? null : `${path} is not ${what}`;
const oneOf =
  (...values: string[]): Check =>
  (x, path) =>
    typeof x === "string" && values.includes(x) ? null : `${path} is not one of ${values.join(", ")}`;
const optional =
  (check: Check): Check =>
  (x, path) =>
    x === undefined ? null : check(x, path);
const anything: Check = () => null;

function list(check: Check, max: number): Check {
  return (x, path) => {
    if (!Array.isArray(x)) return `${path} is not a list`;
    if (x.length > max) return `${path} has more than ${max} items`;
    for (let i = 0; i < x.length; i++) {
      const wrong = check(x[i], `${path}[${i}]`);
      if (wrong) return wrong;
    }
    return null;
  };
}

function record(check: Check, max: number): Check {
  return (x, path) => {
    if (!isObj(x)) return `${path} is not an object`;
    const keys = Object.keys(x);
    if (keys.length > max) return `${path} has more than ${max} entries`;
    for (const key of keys) {
      const wrong = check(x[key], `${path}.${key}`);
      if (wrong) return wrong;
    }
    return null;
  };
}

function shape(fields: Record<string, Check>): Check {
  return (x, path) => {
    if (!isObj(x)) return `${path} is not an object`;
    for (const [key, check] of Object.entries(fields)) {
      const wrong = check(x[key], `${path}.${key}`);
      if (wrong) return wrong;
    }
    return null;
  };
}

const hex = (digits: number) => matches(new RegExp(`^[0-9a-f]{1,${digits}}$`), "a hex hash");

const snapshot = shape({
  frame: num,
  virtualMs: num,
  width: num,
  height: num,
  thumbnail: matches(/^data:image\/png;base64,[A-Za-z0-9+/=]*$/, "a PNG data URL"),
  metrics: shape({
    nonBackground: num,
    colours: num,
    diff: num,
    hash: hex(16),
    cells: optional(matches(new RegExp(`^[0-9a-f]{${CELL_COLUMNS * CELL_ROWS * 8}}$`), `${CELL_COLUMNS}×${CELL_ROWS} cell hashes`)),
  }),
});

const objectSummary = shape({
  type: str(100),
  name: optional(str(200)),
  x: num,
  y: num,
  width: optional(num),
  height: optional(num),
  vx: optional(num),
  vy: optional(num),
  texture: optional(str(200)),
  text: optional(str(200)),
  hasBody: bool,
  visible: bool,
});

const inputTarget = shape({
  type: str(100),
  name: optional(str(200)),
  text: optional(str(200)),
  x: num,
  y: num,
  width: num,
  height: num,
  draggable: bool,
});

const sceneSummary = shape({
  key: str(200),
  objects: record(num, 200),
  bodies: num,
  keys: list(str(40), 200),
  pointerListeners: list(str(200), 200),
  keyboardListeners: list(str(200), 200),
  main: list(objectSummary, 24),
  targets: optional(list(inputTarget, 24)),
  // The game's own describe(): any JSON; the message size cap bounds it.
  describe: anything,
});

const introspection = shape({
  registered: bool,
  renderer: oneOf("webgl", "canvas", "none"),
  width: num,
  height: num,
  frame: num,
  virtualMs: num,
  scenes: list(sceneSummary, 64),
  sceneKeys: optional(list(str(200), 200)),
  domTargets: optional(list(inputTarget, 24)),
});

const RESULTS: { [Op in HarnessCommand["op"]]: Check } = {
  step: shape({ frame: num, virtualMs: num }),
  input: shape({ delivered: num }),
  snapshot,
  introspect: introspection,
  status: shape({ frame: num, virtualMs: num, registered: bool, rendered: bool }),
  pause: shape({ paused: bool }),
  mute: shape({ muted: bool }),
};

export type ParsedResult<Op extends HarnessCommand["op"]> = { ok: true; result: CommandResult[Op] } | { ok: false; wrong: string };

/** The result of a reply to `op` if it has that command's shape; otherwise what is wrong with it. */
export function parseCommandResult<Op extends HarnessCommand["op"]>(op: Op, result: unknown): ParsedResult<Op> {
  const check = RESULTS[op] as Check | undefined;
  if (!check) return { ok: false, wrong: `"${op}" is not a harness command` };
  let size: number;
  try {
    size = JSON.stringify(result)?.length ?? 0;
  } catch {
    return { ok: false, wrong: "the result cannot be read as data" };
  }
  if (size > MAX_MESSAGE_BYTES) return { ok: false, wrong: "the result is too large" };
  const wrong = check(result, "result");
  return wrong ? { ok: false, wrong } : { ok: true, result: result as CommandResult[Op] };
}
