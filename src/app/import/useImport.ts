// One import path for picked files, dropped zips and dropped folders: validate (importUpload),
// then store as a new project. A refused import shows why in the IDE banner and changes nothing.

import { useCallback } from "react";
import { importUpload, projectTitle, type UploadedFile } from "../../project";
import { useWorkbench } from "../workbench";

export function useImport(): (files: readonly UploadedFile[]) => Promise<void> {
  const { persistence } = useWorkbench();
  return useCallback(
    async (files) => {
      if (files.length === 0) return;
      try {
        const imported = await importUpload(files);
        const folder = (files[0].webkitRelativePath || files[0].name).split("/")[0].replace(/\.zip$/i, "");
        const title = projectTitle(imported.files);
        await persistence.getState().create(imported.files, title === "Playforge game" && folder ? folder : title);
      } catch (error) {
        const what = files.length === 1 ? files[0].name : `${files.length} files`;
        persistence.getState().showBanner({ kind: "import", message: `Could not import ${what}: ${error instanceof Error ? error.message : String(error)}` });
      }
    },
    [persistence],
  );
}
