// Turns a drop on the IDE into UploadedFiles: a dropped .zip as it is, a dropped folder walked
// into files with their folder paths. Build output and dependencies are not even read.

import { PROJECT_LIMITS, type UploadedFile } from "../../project";

/** Folders never worth reading from a dropped project; the importer would drop their files anyway. */
const UNREAD_FOLDERS = new Set(["node_modules", ".git", "dist"]);

/** Must be called during the drop event: the browser empties the DataTransfer once it returns. */
export function droppedEntries(transfer: DataTransfer): { entries: FileSystemEntry[]; files: File[] } {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry?.() ?? null).filter((e): e is FileSystemEntry => e !== null);
  return { entries, files: [...transfer.files] };
}

export async function readDropped({ entries, files }: { entries: FileSystemEntry[]; files: File[] }): Promise<UploadedFile[]> {
  if (!entries.some((entry) => entry.isDirectory)) return files;
  const out: UploadedFile[] = [];
  for (const entry of entries) await walk(entry, out);
  return out;
}

async function walk(entry: FileSystemEntry, out: UploadedFile[]): Promise<void> {
  // One file over the limit is enough for the importer to refuse with a clear message.
  if (out.length > PROJECT_LIMITS.maxFiles) return;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    const path = entry.fullPath.replace(/^\/+/, "");
    out.push({ name: file.name, webkitRelativePath: path, size: file.size, arrayBuffer: () => file.arrayBuffer() });
    return;
  }
  if (!entry.isDirectory || UNREAD_FOLDERS.has(entry.name)) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries hands out a directory in batches; an empty batch means the end.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    for (const child of batch) await walk(child, out);
  }
}
