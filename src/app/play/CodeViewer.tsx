// Read-only view of a shared game's files on the /play page (plain text, no editor needed).

import { useState } from "react";
import { formatBytes, type ProjectFiles } from "../../project";

export function CodeViewer({ files }: { files: ProjectFiles }) {
  const paths = Object.keys(files).sort();
  const [selected, setSelected] = useState(paths.find((p) => p === "src/main.ts") ?? paths[0]);
  const content = files[selected];
  return (
    <aside className="play-code" data-testid="play-code">
      <ul className="play-code-files">
        {paths.map((path) => (
          <li key={path}>
            <button className={path === selected ? "selected" : ""} onClick={() => setSelected(path)}>{path}</button>
          </li>
        ))}
      </ul>
      <pre className="play-code-text">{typeof content === "string" ? content : `(binary file, ${formatBytes(content.byteLength)})`}</pre>
    </aside>
  );
}
