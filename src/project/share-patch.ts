// Line patches between two texts, used by share links to send only what a user changed in a
// project the offline builder generated. Hunks are (keep, drop, insert) runs over base lines.

export interface LineHunk {
  /** Base lines copied unchanged before this hunk's change. */
  keep: number;
  /** Base lines removed. */
  drop: number;
  /** Text inserted in their place (whole lines, with their newlines). */
  insert: string;
}

/** Splits text into lines that keep their trailing "\n", so joining them gives the text back. */
export function splitLines(text: string): string[] {
  return text.length === 0 ? [] : text.split(/(?<=\n)/);
}

// The LCS table is n*m cells; beyond this the middle part is sent as one replacement hunk.
const MAX_LCS_CELLS = 4_000_000;

/** The hunks that turn `base` into `target`; an empty list means the texts are equal. */
export function diffLines(base: string, target: string): LineHunk[] {
  const a = splitLines(base);
  const b = splitLines(target);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  if (start === endA && start === endB) return [];
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const hunks = (midA.length + 1) * (midB.length + 1) <= MAX_LCS_CELLS ? lcsHunks(midA, midB) : [{ keep: 0, drop: midA.length, insert: midB.join("") }];
  if (hunks.length > 0) hunks[0] = { ...hunks[0], keep: hunks[0].keep + start };
  return hunks;
}

function lcsHunks(a: string[], b: string[]): LineHunk[] {
  const n = a.length;
  const m = b.length;
  // suffix LCS lengths: table[i*(m+1)+j] = LCS of a[i..] and b[j..]
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = a[i] === b[j] ? table[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1]);
    }
  }
  const hunks: LineHunk[] = [];
  let keep = 0;
  let drop = 0;
  let insert = "";
  const flush = () => {
    if (drop > 0 || insert.length > 0) {
      hunks.push({ keep, drop, insert });
      keep = 0;
      drop = 0;
      insert = "";
    }
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      keep++;
      i++;
      j++;
    } else if (j < m && (i === n || table[i * (m + 1) + j + 1] >= table[(i + 1) * (m + 1) + j])) {
      insert += b[j++];
    } else {
      drop++;
      i++;
    }
  }
  flush();
  return hunks;
}

export class LinePatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LinePatchError";
  }
}

/** Applies hunks to `base`; throws LinePatchError when they do not fit it. */
export function applyLineHunks(base: string, hunks: readonly LineHunk[]): string {
  const lines = splitLines(base);
  let at = 0;
  let out = "";
  for (const hunk of hunks) {
    if (at + hunk.keep + hunk.drop > lines.length) throw new LinePatchError(`the patch reaches line ${at + hunk.keep + hunk.drop}, but the file has ${lines.length} lines`);
    out += lines.slice(at, at + hunk.keep).join("") + hunk.insert;
    at += hunk.keep + hunk.drop;
  }
  return out + lines.slice(at).join("");
}
