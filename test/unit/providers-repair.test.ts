// Tool-argument repair and fenced-block file detection: what small local models send and what we make of it.

import { describe, expect, it } from "vitest";
import { findFencedFiles, repairToolArguments } from "../../src/providers";

const repaired = (raw: string) => {
  const result = repairToolArguments(raw);
  if (!result.ok) throw new Error(`expected a repair, got: ${result.error}`);
  return result.value;
};

describe("repairToolArguments", () => {
  it("passes valid JSON through unchanged", () => {
    expect(repaired('{"path":"a.ts","content":"x"}')).toEqual({ path: "a.ts", content: "x" });
  });

  it("drops trailing commas", () => {
    expect(repaired('{"path": "a.ts", "content": "x",}')).toEqual({ path: "a.ts", content: "x" });
    expect(repaired('{"choices": ["a", "b",],}')).toEqual({ choices: ["a", "b"] });
  });

  it("turns single-quoted strings into JSON strings, keeping inner double quotes", () => {
    expect(repaired(`{'path': 'a.ts', 'content': 'say "hi"; it\\'s fine'}`)).toEqual({ path: "a.ts", content: `say "hi"; it's fine` });
  });

  it("escapes raw newlines and tabs inside strings", () => {
    expect(repaired('{"path": "a.ts", "content": "line 1\nline 2\n\tindented"}')).toEqual({ path: "a.ts", content: "line 1\nline 2\n\tindented" });
  });

  it("closes braces and brackets left open at the end", () => {
    expect(repaired('{"path": "a.ts", "content": "x"')).toEqual({ path: "a.ts", content: "x" });
    expect(repaired('{"question": "Which?", "choices": ["a", "b"')).toEqual({ question: "Which?", choices: ["a", "b"] });
  });

  it("strips code fences and prose around the JSON", () => {
    expect(repaired('```json\n{"path": "a.ts", "content": "x"}\n```')).toEqual({ path: "a.ts", content: "x" });
    expect(repaired('Sure! Here are the arguments: {"summary": "done"} Hope that helps.')).toEqual({ summary: "done" });
  });

  it("quotes bare keys and reads Python literals", () => {
    expect(repaired("{seconds: 5, verbose: True, extra: None}")).toEqual({ seconds: 5, verbose: true, extra: null });
  });

  it("unwraps arguments that were JSON-encoded twice", () => {
    expect(repaired(JSON.stringify(JSON.stringify({ path: "a.ts" })))).toEqual({ path: "a.ts" });
  });

  it("refuses to close a string cut off at the end, so no half file is written, and says why", () => {
    const result = repairToolArguments('{"path": "src/main.ts", "content": "import Phaser from \'phaser\';\nconst game = new Pha');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain("unterminated string");
      expect(result.error).toContain("cut off");
    }
  });

  it("explains unrepairable JSON with the parser's complaint and an example of the expected shape", () => {
    const result = repairToolArguments('{"path": src/main.ts, "content": <<<');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/not valid JSON \(.+\)/);
      expect(result.error).toContain('{"path": "src/main.ts"');
    }
  });

  it("says when there is no JSON object at all", () => {
    const result = repairToolArguments("I will now write the file.");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('no "{" found');
  });
});

describe("findFencedFiles", () => {
  it("reads the path from the info string after the language", () => {
    const text = "Here is the scene:\n```ts src/scenes/Play.ts\nexport class Play {}\n```\nDone.";
    expect(findFencedFiles(text)).toEqual([{ path: "src/scenes/Play.ts", content: "export class Play {}\n" }]);
  });

  it("reads the path from a first-line comment and leaves that line out of the file", () => {
    const text = "```typescript\n// src/main.ts\nimport Phaser from 'phaser';\n```";
    expect(findFencedFiles(text)).toEqual([{ path: "src/main.ts", content: "import Phaser from 'phaser';\n" }]);
    expect(findFencedFiles("```json\n// package.json\n{}\n```")).toEqual([{ path: "package.json", content: "{}\n" }]);
  });

  it('reads the path from a "File:" line, a heading or a bold name just before the block', () => {
    expect(findFencedFiles("File: src/x.ts\n```ts\nlet x = 1;\n```")[0]?.path).toBe("src/x.ts");
    expect(findFencedFiles("### `src/y.ts`\n\n```ts\nlet y = 1;\n```")[0]?.path).toBe("src/y.ts");
    expect(findFencedFiles("**index.html**\n```html\n<p></p>\n```")[0]?.path).toBe("index.html");
  });

  it("ignores blocks that name no path, paths that climb out of the project, and blocks cut off unterminated", () => {
    expect(findFencedFiles("Run this:\n```bash\nnpm install\n```")).toEqual([]);
    expect(findFencedFiles("```ts ../../etc/passwd.ts\nx\n```")).toEqual([]);
    expect(findFencedFiles("```ts /abs/a.ts\nx\n```")).toEqual([]);
    expect(findFencedFiles("```ts src/a.ts\nconst half = ")).toEqual([]);
  });

  it("keeps the last block when the same file is written twice", () => {
    const text = "```ts src/a.ts\nv1\n```\nOops, fixed:\n```ts src/a.ts\nv2\n```\n```ts src/b.ts\nb\n```";
    expect(findFencedFiles(text)).toEqual([
      { path: "src/a.ts", content: "v2\n" },
      { path: "src/b.ts", content: "b\n" },
    ]);
  });
});
