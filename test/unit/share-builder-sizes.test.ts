// Link sizes for games the offline builder makes: the link Share produces (spec + patch) stays far
// under 8 KB and, after a small edit, fits a QR code (≤ 2,900 bytes). Prints the measured sizes,
// including the plain-files form that games without a spec get.

import { describe, expect, it } from "vitest";
import { GENRES, defaultSpec } from "../../src/builder/spec";
import { genreModule } from "../../src/builder/compile";
import { SHARE_LIMITS, decodeShareLink, encodeShareLink, type ProjectFiles } from "../../src/project";
import { builderSpecCompiler } from "../../src/builder";

const codec = { specCompiler: builderSpecCompiler };
const built = GENRES.filter((genre) => {
  try {
    genreModule(genre);
    return true;
  } catch {
    return false;
  }
});

/** A typical small user edit: one tuning number in src/config.ts and one line added to Play.ts. */
function lightlyEdited(files: ProjectFiles): ProjectFiles {
  const config = files["src/config.ts"] as string;
  const tuned = config.replace(/(\d+)(?!.*\d)/, (n) => String(Number(n) + 1));
  const play = (files["src/scenes/Play.ts"] as string).replace(/\n/, "\n// tuned by hand: a little faster\n");
  return { ...files, "src/config.ts": tuned, "src/scenes/Play.ts": play };
}

describe("share links for offline-builder games", () => {
  it("has at least one built-in design to measure", () => expect(built.length).toBeGreaterThan(0));

  it.each(built)("%s: shared link ≤ 8 KB, ≤ 2,900 bytes after a small edit, and rebuilds the edited game exactly", (genre) => {
    const generated = builderSpecCompiler(JSON.stringify(defaultSpec(genre, 7)));
    const edited = lightlyEdited(generated);
    expect(edited).not.toEqual(generated);
    const plain = encodeShareLink(edited);
    const compact = encodeShareLink(edited, codec);
    const untouched = encodeShareLink(generated, codec);
    console.log(`share sizes ${genre}: files ${plain.bytes} B, spec+patch (small edit) ${compact.bytes} B, spec only (unedited) ${untouched.bytes} B`);
    expect(untouched.bytes).toBeLessThanOrEqual(8 * 1024);
    expect(compact.form).toBe("spec-patch");
    expect(plain.bytes).toBeLessThan(SHARE_LIMITS.maxFragmentChars);
    expect(compact.bytes).toBeLessThanOrEqual(SHARE_LIMITS.qrFragmentChars);
    expect(decodeShareLink(compact.fragment, codec)).toEqual(edited);
    expect(decodeShareLink(plain.fragment)).toEqual(edited);
  });
});
