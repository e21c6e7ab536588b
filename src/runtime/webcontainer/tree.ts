// ProjectFiles → the FileSystemTree that WebContainer.mount takes (binary files stay Uint8Array),
// and the folders a single written file needs.

import type { ProjectFiles } from "../../project";
import type { FileSystemTree } from "./boundary";

export function toFileSystemTree(files: ProjectFiles): FileSystemTree {
  const root: FileSystemTree = {};
  for (const [path, contents] of Object.entries(files)) {
    const segments = path.split("/");
    const name = segments.pop()!;
    let dir = root;
    for (const segment of segments) {
      const node = (dir[segment] ??= { directory: {} });
      if (!("directory" in node)) throw new Error(`Cannot mount ${path}: ${segments.join("/")} is both a file and a folder in the project.`);
      dir = node.directory;
    }
    dir[name] = { file: { contents } };
  }
  return root;
}

/** The folder holding a file ("" for files at the project root). */
export function parentFolder(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}
