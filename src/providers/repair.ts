// One repair attempt for tool-call arguments that small models send as almost-JSON, and an error
// precise enough to send back to the model when the text cannot be repaired without guessing.

export type RepairResult = { ok: true; value: unknown } | { ok: false; error: string };

const EXAMPLE = 'Send the call again with the arguments as one JSON object, e.g. {"path": "src/main.ts", "content": "line 1\\nline 2"}, escaping newlines inside strings as \\n and quotes as \\".';

export function repairToolArguments(raw: string): RepairResult {
  const direct = tryParse(raw);
  if (direct.ok) return { ok: true, value: unwrapDoubleEncoded(direct.value) };
  const candidate = extractJsonText(raw);
  if (candidate === undefined) {
    return { ok: false, error: `Tool arguments are not JSON: no "{" found in ${quote(raw)}. ${EXAMPLE}` };
  }
  const normalized = normalize(candidate);
  if (!normalized.ok) return normalized;
  const parsed = tryParse(normalized.value);
  if (parsed.ok) return { ok: true, value: unwrapDoubleEncoded(parsed.value) };
  return { ok: false, error: `Tool arguments are not valid JSON (${direct.error}${nearPosition(raw, direct.error)}). ${EXAMPLE}` };
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

// Some models JSON-encode the object twice: "{\"path\": ...}".
function unwrapDoubleEncoded(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const inner = tryParse(value);
  return inner.ok && typeof inner.value === "object" && inner.value !== null ? inner.value : value;
}

/** Drops code fences and prose around the JSON: everything before the first "{" or "[" and after the last fence. */
function extractJsonText(raw: string): string | undefined {
  let text = raw.trim();
  const fenced = /```[\w-]*\s*\n?([\s\S]*?)(```|$)/.exec(text);
  if (fenced) text = fenced[1]!.trim();
  const start = text.search(/[{[]/);
  return start < 0 ? undefined : text.slice(start);
}

/**
 * Rewrites almost-JSON into JSON in one pass: single-quoted strings, raw newlines and control
 * characters inside strings, unquoted keys, Python literals, trailing commas, and brackets left
 * open at the end. A string left open at the end is refused: closing it would write a truncated file.
 */
function normalize(text: string): { ok: true; value: string } | { ok: false; error: string } {
  let out = "";
  const stack: string[] = [];
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\") {
        const next = text[i + 1];
        i++;
        if (next === undefined) break;
        out += next === "'" ? "'" : "\\" + next;
      } else if (c === quote) {
        out += '"';
        quote = undefined;
      } else if (c === '"') out += '\\"';
      else if (c === "\n") out += "\\n";
      else if (c === "\r") out += "\\r";
      else if (c === "\t") out += "\\t";
      else if (c < " ") out += "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
      else out += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      out += '"';
    } else if (c === "{" || c === "[") {
      stack.push(c === "{" ? "}" : "]");
      out += c;
    } else if (c === "}" || c === "]") {
      out = out.replace(/,\s*$/, "");
      if (stack[stack.length - 1] === c) stack.pop();
      out += c;
      if (stack.length === 0) break; // anything after the closing bracket is chatter
    } else if (/[A-Za-z_$]/.test(c)) {
      const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(i))![0];
      i += word.length - 1;
      const isKey = /^\s*:/.test(text.slice(i + 1));
      out += isKey ? JSON.stringify(word) : (PY_LITERALS[word] ?? word);
    } else out += c;
  }
  if (quote) {
    return {
      ok: false,
      error: `Tool arguments end inside an unterminated string, so the output was probably cut off (too long for one answer). Write the file in smaller parts (write_file a shorter version, then edit_file to add more). ${EXAMPLE}`,
    };
  }
  out = out.replace(/,\s*$/, "");
  while (stack.length) out += stack.pop();
  return { ok: true, value: out };
}

const PY_LITERALS: Record<string, string> = { True: "true", False: "false", None: "null" };

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? text.slice(0, 60) + "…" : text);
}

// JSON.parse messages name a position; show the model the text around it.
function nearPosition(raw: string, message: string): string {
  const match = /position (\d+)/.exec(message);
  if (!match) return "";
  const at = Number(match[1]);
  return `, near ${JSON.stringify(raw.slice(Math.max(0, at - 20), at + 20))}`;
}
