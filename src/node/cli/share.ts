// `npm run share -- <project dir> [--origin <url>]`: prints the game's /play link (path + fragment),
// the same link the IDE's Share button makes. Exit 0 printed, 1 too big for a link, 2 bad input.

import { SHARE_LIMITS, ShareLinkError, encodeShareLink, shareLinkUrl } from "../../project";
import { builderSpecCompiler } from "../../builder";
import { loadProjectDir, ProjectInputError } from "../driver";
import { EXIT, readCommandLine, runCli, UsageError } from "./command-line";

const USAGE = "Usage: npm run share -- <project dir> [--origin http://127.0.0.1:5173]";

function main(argv: string[]): number {
  try {
    const { values, positionals } = readCommandLine(argv, { origin: { type: "string" } });
    if (positionals.length !== 1) throw new UsageError("Pass exactly one project folder.");
    const files = loadProjectDir(positionals[0]);
    const link = encodeShareLink(files, { specCompiler: builderSpecCompiler });
    console.log(shareLinkUrl(link.fragment, values.origin ?? ""));
    const qr = link.bytes <= SHARE_LIMITS.qrFragmentChars ? "fits a QR code" : "too long for a QR code";
    console.error(`${link.bytes} bytes, ${link.form === "spec-patch" ? "builder spec + edits" : "all files"}; ${qr}.`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ShareLinkError && error.code === "too-large") {
      console.error(error.message);
      return EXIT.not;
    }
    if (error instanceof UsageError || error instanceof ProjectInputError) {
      console.error(`${error.message}\n${USAGE}`);
      return EXIT.badInput;
    }
    throw error;
  }
}

runCli(main);
