// Phaser guides in parts that fit: a guide's sections (## and ###), found by title or by a search
// phrase and returned whole, and the section list that goes into read_phaser_guide's description.

import type { GuideLibrary } from "./types";
import { ToolError } from "./tools";

/** A guide this short is returned whole when no section is asked for. */
const WHOLE_GUIDE_CHARS = 12_000;
const SEARCH_PARTS = 3;

interface Part {
  level: 2 | 3;
  title: string;
  /** The heading line through the line before the next heading of the same or a higher level. */
  text: string;
}

const normalize = (title: string) => title.toLowerCase().replace(/^\s*\d+\.\s*/, "").replace(/[^a-z0-9]+/g, " ").trim();

function partsOf(markdown: string): { intro: string; parts: Part[] } {
  const lines = markdown.replace(/\r\n?/g, "\n").replace(/^---\n[\s\S]*?\n---\n/, "").split("\n");
  const heads: Array<{ at: number; level: 2 | 3; title: string }> = [];
  let fenced = false;
  lines.forEach((line, at) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const head = fenced ? null : /^(##|###)\s+(.+?)\s*$/.exec(line);
    if (head) heads.push({ at, level: head[1]!.length as 2 | 3, title: head[2]! });
  });
  const parts = heads.map((head, i) => {
    const next = heads.slice(i + 1).find((h) => h.level <= head.level);
    return { level: head.level, title: head.title, text: lines.slice(head.at, next?.at ?? lines.length).join("\n").trim() };
  });
  return { intro: lines.slice(0, heads[0]?.at ?? lines.length).join("\n").trim(), parts };
}

/** The ## section titles of a guide, without numbers and the table of contents. */
export function sectionTitles(markdown: string): string[] {
  return partsOf(markdown)
    .parts.filter((p) => p.level === 2 && normalize(p.title) !== "table of contents")
    .map((p) => p.title.replace(/^\d+\.\s*/, ""));
}

/** "topic: Section | Section" per guide, for the tool description. */
export function guideIndex(guides: GuideLibrary): string {
  return guides
    .list()
    .map((topic) => `${topic}: ${sectionTitles(guides.read(topic) ?? "").join(" | ")}`)
    .join("\n");
}

function findSection(parts: Part[], wanted: string): Part | undefined {
  const key = normalize(wanted);
  const number = /^\s*(\d+)\.?\s*$/.exec(wanted)?.[1];
  if (number) return parts.find((p) => p.level === 2 && new RegExp(`^${number}\\.`).test(p.title.trim()));
  const byLevel = [...parts].sort((a, b) => a.level - b.level);
  return byLevel.find((p) => normalize(p.title) === key) ?? byLevel.find((p) => normalize(p.title).startsWith(key)) ?? byLevel.find((p) => normalize(p.title).includes(key));
}

/** The smallest parts that contain the phrase, whole, first match first. */
function search(parts: Part[], phrase: string): Part[] {
  const needle = phrase.toLowerCase();
  const found: Part[] = [];
  for (const part of parts) {
    if (!part.text.toLowerCase().includes(needle)) continue;
    // A ## section that holds a ### with the phrase gives way to that smaller part.
    const inner = parts.some((p) => p !== part && p.level > part.level && part.text.includes(p.text) && p.text.toLowerCase().includes(needle));
    if (!inner) found.push(part);
  }
  return found;
}

/** read_phaser_guide: a section by title or number, the parts matching a phrase, or the guide (or its map when long). */
export function readGuidePart(guides: GuideLibrary, topic: string, options: { section?: string; search?: string } = {}): { text: string; label: string } {
  const markdown = guides.read(topic);
  if (markdown === undefined) throw new ToolError("read_phaser_guide", `No guide "${topic}". Topics: ${guides.list().join(", ")}.`);
  const name = topic.trim().toLowerCase();
  const { intro, parts } = partsOf(markdown);
  const titles = sectionTitles(markdown);
  if (options.section?.trim()) {
    const part = findSection(parts, options.section);
    if (!part) throw new ToolError("read_phaser_guide", `The guide "${name}" has no section "${options.section}". Its sections: ${titles.join(" | ")}. Or pass search: "<phrase>".`);
    return { text: `# Phaser guide ${name}, section "${part.title}"\n${part.text}`, label: `${name} § ${part.title}` };
  }
  if (options.search?.trim()) {
    const found = search(parts, options.search.trim());
    if (found.length === 0) throw new ToolError("read_phaser_guide", `"${options.search}" does not occur in the guide "${name}". Its sections: ${titles.join(" | ")}.`);
    const shown = found.slice(0, SEARCH_PARTS);
    const more = found.length > shown.length ? `\n\n(also in: ${found.slice(SEARCH_PARTS).map((p) => p.title).join(" | ")})` : "";
    return { text: `# Phaser guide ${name}, the parts that mention "${options.search.trim()}"\n${shown.map((p) => p.text).join("\n\n")}${more}`, label: `${name} search "${options.search.trim()}"` };
  }
  const whole = markdown.replace(/\r\n?/g, "\n");
  if (whole.length <= WHOLE_GUIDE_CHARS) return { text: whole, label: name };
  return {
    text: `# Phaser guide ${name} (${whole.length} characters: read it by part)\n${intro.slice(0, 2_000)}\n\nSections: ${titles.join(" | ")}\nCall read_phaser_guide again with section: "<title>" (whole section) or search: "<phrase>" (the parts that mention it).`,
    label: `${name} (section list)`,
  };
}
