// The two ways a project leaves the IDE as files: a Vite project zip and a single HTML page.

import { exportZip, fetchPhaserSource, projectSlug, type ProjectFiles } from "../../project";
import { exportHtml } from "../../runtime";
import { downloadFile } from "./download";

export function downloadZip(files: ProjectFiles, name: string): void {
  const slug = projectSlug(name);
  downloadFile(`${slug}.zip`, exportZip(files, slug) as Uint8Array<ArrayBuffer>, "application/zip");
}

export async function downloadHtml(files: ProjectFiles, name: string, signal?: AbortSignal): Promise<void> {
  const phaserSource = await fetchPhaserSource(signal);
  downloadFile(`${projectSlug(name)}.html`, await exportHtml(files, { phaserSource }), "text/html");
}
