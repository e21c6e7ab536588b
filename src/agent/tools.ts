// The agent's tools as OpenAI function definitions, and the boundary check that turns a model's
// tool call (name + JSON string) into typed arguments or a precise error the model can act on.

import type { ToolCall, ToolDefinition } from "../providers";

type ParamSpec = { type: "string" | "number" | "string[]" | "object[]"; description: string; optional?: true; items?: Record<string, unknown> };

/** One task check as JSON Schema; parseTaskChecks (task-checks.ts) checks it in full. */
const TASK_CHECK_SCHEMA = {
  type: "object",
  properties: {
    id: { type: "string", description: "Short kebab-case id, e.g. score-rises" },
    says: { type: "string", description: "The fact as a sentence a person can check, e.g. The score rises when a pearl is collected" },
    required: { type: "boolean", description: "Default true: finish waits for it to pass" },
    probe: {
      type: "object",
      properties: {
        field: { type: "string", description: "Dotted path into the gameplay scene's describe(), e.g. score or player.x" },
        expect: { type: "string", enum: ["rises", "falls", "changes", "atLeast", "atMost", "stays"] },
        value: { type: "number", description: "Only for atLeast / atMost" },
        run: { type: "string", enum: ["play", "control", "either"], description: "play (with input, default), control (no input after the start) or either" },
        seek: { type: "string", description: "Optional: describe() path of a list of {x, y} the playtest steers the player towards (describe().player is {x, y})" },
      },
      required: ["field", "expect"],
    },
  },
  required: ["id", "says", "probe"],
};

const TOOL_SPECS = {
  list_files: { description: "List every file in the project with its size.", params: {} },
  read_file: {
    description: "Read one project file.",
    params: { path: { type: "string", description: "Project path, e.g. src/scenes/Play.ts" } },
  },
  write_file: {
    description: "Create or replace a whole file. Prefer edit_file for small changes to existing files.",
    params: {
      path: { type: "string", description: "Project path, e.g. src/scenes/Play.ts" },
      content: { type: "string", description: "The complete new file text" },
    },
  },
  edit_file: {
    description: "Replace one exact, unique occurrence of `search` in a file with `replace`. Copy `search` from the current file text, with enough lines to be unique.",
    params: {
      path: { type: "string", description: "Project path" },
      search: { type: "string", description: "Exact text currently in the file" },
      replace: { type: "string", description: "Text to put in its place" },
    },
  },
  delete_file: {
    description: "Delete a project file.",
    params: { path: { type: "string", description: "Project path" } },
  },
  check_types: {
    description: "Type-check the project against Phaser 4's own .d.ts: errors with file:line, and the Phaser 4 replacement for Phaser 3 APIs. Runs by itself after your writes, and before a playtest.",
    params: {},
  },
  run_playtest: {
    description: "Run the game headless: it gets past the title, plays with seeded input and compares that with a control run (same start, no input) inside gameplay. Returns a compact report: verdict, checks (failed first) with evidence, errors with file:line, phases, input effects.",
    params: { seconds: { type: "number", description: "Virtual seconds to play (1-60, default 10)", optional: true } },
  },
  read_phaser_guide: {
    description: "Read Phaser 4's own guide on a topic: one section whole (section), the parts that mention a phrase (search), or a short guide whole (neither).",
    params: {
      topic: { type: "string", description: "Guide topic, e.g. physics-arcade" },
      section: { type: "string", description: "A section title (or its number), e.g. Math Constants", optional: true },
      search: { type: "string", description: "A phrase; the sections that mention it come back whole, e.g. setTintFill", optional: true },
    },
  },
  ask_user: {
    description: "Ask the user a question and wait for the answer. Only when the request is really ambiguous.",
    params: {
      question: { type: "string", description: "One short question" },
      choices: { type: "string[]", description: "Suggested answers", optional: true },
    },
  },
  set_checks: {
    description:
      "Declare what the request asks for as observable facts the playtest verifies in gameplay, from the gameplay scene's describe() state (\"the score rises when a pearl is collected\", \"oxygen falls under water\"). Replaces earlier checks; every later playtest runs them, and finish waits for every required one to pass. Make describe() return the fields you name.",
    params: { checks: { type: "object[]", description: "The task's checks", items: TASK_CHECK_SCHEMA } },
  },
  finish: {
    description: "End the run. Accepted only after a full-length playtest (30 s; the loop runs one if the latest is shorter or older than your edits) on the current files with every required check passing.",
    params: { summary: { type: "string", description: "What the game is and how to play it, in two or three sentences" } },
  },
} satisfies Record<string, { description: string; params: Record<string, ParamSpec> }>;

export type ToolName = keyof typeof TOOL_SPECS;

export interface ToolArguments {
  list_files: Record<string, never>;
  read_file: { path: string };
  write_file: { path: string; content: string };
  edit_file: { path: string; search: string; replace: string };
  delete_file: { path: string };
  check_types: Record<string, never>;
  run_playtest: { seconds?: number };
  read_phaser_guide: { topic: string; section?: string; search?: string };
  ask_user: { question: string; choices?: string[] };
  set_checks: { checks: Array<Record<string, unknown>> };
  finish: { summary: string };
}

export type ParsedToolCall = { [N in ToolName]: { id: string; name: N; args: ToolArguments[N] } }[ToolName];

/** The providers' one repair attempt for almost-JSON arguments (same shape as repairToolArguments). */
export type ToolArgumentRepair = (raw: string) => { ok: true; value: unknown } | { ok: false; error: string };

function jsonSchemaOf(params: Record<string, ParamSpec>): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(params)) {
    properties[name] =
      spec.type === "string[]" || spec.type === "object[]"
        ? { type: "array", items: spec.items ?? { type: "string" }, description: spec.description }
        : { type: spec.type, description: spec.description };
  }
  const required = Object.entries(params).filter(([, spec]) => !spec.optional).map(([name]) => name);
  return { type: "object", properties, required, additionalProperties: false };
}

/** The tools of a run; `guideIndex` ("topic: Section | Section" per line) goes into read_phaser_guide's description. */
export function agentTools(guideIndex?: string): ToolDefinition[] {
  return Object.entries(TOOL_SPECS).map(([name, spec]) => ({
    type: "function",
    function: {
      name,
      description: name === "read_phaser_guide" && guideIndex ? `${spec.description}\nGuides and their sections:\n${guideIndex}` : spec.description,
      parameters: jsonSchemaOf(spec.params),
    },
  }));
}

export const AGENT_TOOLS: ToolDefinition[] = agentTools();

const TOOL_NAMES = Object.keys(TOOL_SPECS) as ToolName[];

/** A tool call the loop cannot run; the message goes back to the model as the tool result. */
export class ToolError extends Error {
  constructor(readonly toolName: string, message: string) {
    super(message);
    this.name = "ToolError";
  }
}

function isToolName(name: string): name is ToolName {
  return (TOOL_NAMES as string[]).includes(name);
}

function exampleOf(name: ToolName): string {
  const params = TOOL_SPECS[name].params as Record<string, ParamSpec>;
  const parts = Object.entries(params).map(([key, spec]) => `"${key}": ${spec.type === "string" ? '"..."' : spec.type === "number" ? "10" : spec.type === "object[]" ? "[{...}]" : '["..."]'}`);
  return `{${parts.join(", ")}}`;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value} (${JSON.stringify(value).slice(0, 40)})`;
}

function parseJsonObject(name: ToolName, raw: string, repair?: ToolArgumentRepair): Record<string, unknown> {
  const text = raw.trim() === "" ? "{}" : raw;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const repaired = repair?.(text);
    if (!repaired) {
      throw new ToolError(name, `The arguments of ${name} are not valid JSON (${(error as Error).message}). Send one JSON object like ${exampleOf(name)}, with newlines and quotes inside strings escaped.`);
    }
    if (!repaired.ok) throw new ToolError(name, `${name}: ${repaired.error}`);
    value = repaired.value;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ToolError(name, `The arguments of ${name} must be a JSON object like ${exampleOf(name)}, not ${describeValue(value)}.`);
  }
  return value as Record<string, unknown>;
}

/** Validates one tool call against its schema; throws ToolError with what to send instead. */
export function parseToolCall(call: ToolCall, repair?: ToolArgumentRepair): ParsedToolCall {
  const name = call.function.name;
  if (!isToolName(name)) {
    throw new ToolError(name, `Unknown tool "${name}". The tools are: ${TOOL_NAMES.join(", ")}.`);
  }
  const raw = parseJsonObject(name, call.function.arguments ?? "", repair);
  const params = TOOL_SPECS[name].params as Record<string, ParamSpec>;
  const args: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(params)) {
    const value = raw[key];
    if (value === undefined || value === null) {
      if (spec.optional) continue;
      throw new ToolError(name, `${name} needs "${key}" (${spec.type}): ${spec.description}. Example: ${exampleOf(name)}.`);
    }
    const ok =
      spec.type === "string[]"
        ? Array.isArray(value) && value.every((item) => typeof item === "string")
        : spec.type === "object[]"
          ? Array.isArray(value) && value.every((item) => typeof item === "object" && item !== null && !Array.isArray(item))
        : spec.type === "number"
          ? typeof value === "number" && Number.isFinite(value)
          : typeof value === "string";
    if (!ok) {
      const want = spec.type === "string[]" ? "an array of strings" : spec.type === "object[]" ? "an array of objects" : `a ${spec.type}`;
      throw new ToolError(name, `${name}: "${key}" must be ${want}, got ${describeValue(value)}. Example: ${exampleOf(name)}.`);
    }
    args[key] = value;
  }
  return { id: call.id, name, args } as ParsedToolCall;
}
