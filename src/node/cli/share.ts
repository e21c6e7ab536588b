// `npm run share -- <project dir> [--origin <url>]`: prints the game's /play link (path + fragment),
// the same link the IDE's Share button makes. Exit 0 printed, 1 too big for a link, 2 bad input.

import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ProjectImportError, SHARE_LIMITS, ShareLinkError, encodeShareLink, projectFromUpload, shareLinkUrl, type ProjectFiles } from "../../project";
import { builderSpecCompiler } from "../../builder";

const USAGE = "Usage: npm run share -- <project dir> [--origin http://127.0.0.1:5173]";
const SKIPPED_DIRS = new Set(["node_modules", ".git", "dist"]);

class UsageError extends Error {}

function readProjectDir(dir: string): ProjectFiles {
  const root = resolve(dir);
  let isDir: boolean;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    throw new UsageError(`No such folder: ${dir}.`);
  }
  if (!isDir) throw new UsageError(`${dir} is not a folder; pass the folder of a game project.`);
  const entries: { path: string; read(limit: number): Uint8Array }[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        if (!SKIPPED_DIRS.has(name)) walk(path);
      } else entries.push({ path: relative(root, path).split("\\").join("/"), read: () => readFileSync(path) });
    }
  };
  walk(root);
  return projectFromUpload(entries).files;
}

function main(argv: string[]): number {
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { origin: { type: "string" } } });
    if (positionals.length !== 1) throw new UsageError("Pass exactly one project folder.");
    const files = readProjectDir(positionals[0]);
    const link = encodeShareLink(files, { specCompiler: builderSpecCompiler });
    console.log(shareLinkUrl(link.fragment, values.origin ?? ""));
    const qr = link.bytes <= SHARE_LIMITS.qrFragmentChars ? "fits a QR code" : "too long for a QR code";
    console.error(`${link.bytes} bytes, ${link.form === "spec-patch" ? "builder spec + edits" : "all files"}; ${qr}.`);
    return 0;
  } catch (error) {
    if (error instanceof ShareLinkError && error.code === "too-large") {
      console.error(error.message);
      return 1;
    }
    if (error instanceof UsageError || error instanceof ProjectImportError || (error as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      console.error(`${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
