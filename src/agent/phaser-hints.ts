// Phaser 3 habits, answered from Phaser's own v3-to-v4 migration guide: given a member a type error
// is about (Geom.Point, setPipeline, preFX, Math.PI2), the guide's checklist line or sentence for it.

export interface MigrationHints {
  /** The guide's advice for a missing Phaser member (`owner` is the type or namespace it was looked up on). */
  hintFor(name: string, owner?: string): string | undefined;
}

interface Entry {
  section: string;
  text: string;
  /** The v3 names the entry replaces (last segment), with their owner when the code was dotted. */
  keys: Array<{ name: string; owner?: string }>;
  checklist: boolean;
}

const GUIDE = "v3-to-v4-migration";

function plain(markdown: string): string {
  return markdown.replace(/\*\*/g, "").replace(/^\s*[-*]\s+(\[ \]\s+)?/, "").replace(/\s+/g, " ").trim();
}

/** `sprite.setPipeline('Light2D')` → setPipeline; `Geom.Point` → Point (owner Geom); `setTintFill()` → setTintFill. */
function keyOf(code: string): { name: string; owner?: string } | undefined {
  const path = code.replace(/\(.*$/, "").split(".").filter(Boolean);
  const name = path.at(-1);
  if (!name || !/^[A-Za-z_$][\w$]*$/.test(name)) return undefined;
  const owner = path.length > 1 ? path.at(-2) : undefined;
  return owner && owner !== "sprite" ? { name, owner } : { name };
}

function entriesOf(guide: string): Entry[] {
  const entries: Entry[] = [];
  let section = "";
  let fenced = false;
  for (const line of guide.split(/\r?\n/)) {
    if (line.startsWith("```")) fenced = !fenced;
    if (fenced || line.startsWith("```")) continue;
    const heading = /^##\s+(?:\d+\.\s*)?(.+)$/.exec(line);
    if (heading) {
      section = heading[1]!.trim();
      continue;
    }
    const checklist = /^\s*-\s+\[ \]\s+(Replace|Remove)\b/.exec(line);
    if (checklist) {
      // "Replace `A` … with `B`": the keys are the codes before "with".
      const before = line.split(/\swith\s/)[0]!;
      const keys = [...before.matchAll(/`([^`]+)`/g)].flatMap((m) => keyOf(m[1]!) ?? []);
      entries.push({ section, text: plain(line), keys, checklist: true });
    } else if (line.trim() && !line.startsWith("#") && !line.startsWith("|")) {
      entries.push({ section, text: plain(line), keys: [], checklist: false });
    }
  }
  return entries;
}

const ownerMatches = (wanted: string | undefined, given: string | undefined) =>
  !wanted || !given || given.replace(/^typeof\s+/, "").split(".").some((part) => part.startsWith(wanted) || wanted.startsWith(part));

export function migrationHints(guide: string): MigrationHints {
  const entries = entriesOf(guide);
  return {
    hintFor(name, owner) {
      const listed = entries.find((e) => e.checklist && e.keys.some((k) => k.name === name && ownerMatches(k.owner, owner)));
      const word = new RegExp(`(^|[^\\w$])${name.replace(/\$/g, "\\$")}([^\\w$]|$)`);
      const told = entries.find((e) => !e.checklist && e.section !== "Table of Contents" && word.test(e.text));
      const found = listed ?? told;
      // A checklist line is the shortest advice; the section that explains it is where to read on.
      return found ? `Phaser 4: ${found.text} (read_phaser_guide ${GUIDE}, section "${(told ?? found).section}")` : undefined;
    },
  };
}
