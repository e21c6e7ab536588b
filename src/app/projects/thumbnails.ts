// Gives each project a small picture in the projects list: the last frame of its newest playtest,
// scaled down so the stored thumbnail stays a few KB.

import type { Workbench } from "../../state";

const WIDTH = 160;
const HEIGHT = 100;

async function shrink(dataUrl: string): Promise<string> {
  const image = new Image();
  image.src = dataUrl;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const context = canvas.getContext("2d");
  if (!context) return dataUrl;
  // Cover the box: crop the longer side rather than letterboxing.
  const scale = Math.max(WIDTH / image.width, HEIGHT / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  context.drawImage(image, (WIDTH - w) / 2, (HEIGHT - h) / 2, w, h);
  return canvas.toDataURL("image/jpeg", 0.8);
}

/** Stores a thumbnail for the open project whenever a playtest of it produces frames. */
export function keepPlaytestThumbnails(workbench: Workbench): () => void {
  return workbench.playtest.subscribe((state, previous) => {
    if (state.latest === previous.latest || !state.latest) return;
    const frame = state.latest.report.thumbnails.at(-1);
    if (!frame) return;
    shrink(frame.dataUrl).then(
      (small) => workbench.persistence.getState().setThumbnail(small),
      (error: unknown) => workbench.console.getState().append({ level: "system", text: `The project thumbnail could not be made: ${error instanceof Error ? error.message : String(error)}` }),
    );
  });
}
