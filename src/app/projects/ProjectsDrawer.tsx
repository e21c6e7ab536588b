// The projects list: a side drawer opened from the toolbar's project name. Open, rename,
// duplicate, delete (with undo) and start a new project; a thumbnail when a playtest made one.

import { useEffect, useState } from "react";
import { useStore } from "zustand";
import type { ProjectListing } from "../../storage";
import type { SaveStatus } from "../../state";
import { useWorkbench } from "../workbench";
import "./projects.css";

function saveLabel(save: SaveStatus): string {
  switch (save.state) {
    case "idle":
      return "";
    case "pending":
      return "Saving…";
    case "saved":
      return "Saved";
    case "failed":
      return "Not saved";
    case "off":
      return "Not saving";
  }
}

/** The toolbar entry: the open project's name and save state; opens the drawer. */
export function ProjectsButton() {
  const { persistence } = useWorkbench();
  const current = useStore(persistence, (s) => s.current);
  const save = useStore(persistence, (s) => s.save);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="projects-button" data-testid="projects-button" aria-expanded={open} onClick={() => setOpen((v) => !v)} title="Your projects">
        ☰ <span data-testid="project-name">{current?.name ?? "Unsaved project"}</span>
      </button>
      <span className={`save-status save-${save.state}`} data-testid="save-status" data-state={save.state} title={"message" in save ? save.message : undefined}>
        {saveLabel(save)}
      </span>
      {open && <ProjectsDrawer onClose={() => setOpen(false)} />}
    </>
  );
}

function ProjectsDrawer({ onClose }: { onClose: () => void }) {
  const { persistence } = useWorkbench();
  const projects = useStore(persistence, (s) => s.projects);
  const current = useStore(persistence, (s) => s.current);
  const lastDeleted = useStore(persistence, (s) => s.lastDeleted);

  useEffect(() => {
    void persistence.getState().refresh();
  }, [persistence]);

  return (
    <aside className="projects-drawer" data-testid="projects-drawer" aria-label="Projects">
      <div className="projects-head">
        <strong>Projects</strong>
        <button type="button" data-testid="project-new" onClick={() => void persistence.getState().create()}>
          + New project
        </button>
        <button type="button" onClick={onClose} aria-label="Close projects">
          ×
        </button>
      </div>
      {lastDeleted && (
        <div className="projects-undo" role="status" data-testid="project-deleted">
          Deleted “{lastDeleted.name}”.
          <button type="button" data-testid="project-undo" onClick={() => void persistence.getState().undoRemove()}>
            Undo
          </button>
        </div>
      )}
      <ul className="projects-list">
        {projects.map((p) => (
          <ProjectRow key={p.id} listing={p} isCurrent={p.id === current?.id} />
        ))}
      </ul>
      {projects.length === 0 && <p className="projects-empty">No saved projects yet.</p>}
    </aside>
  );
}

function ProjectRow({ listing, isCurrent }: { listing: ProjectListing; isCurrent: boolean }) {
  const { persistence } = useWorkbench();
  const [draft, setDraft] = useState<string | null>(null);
  const actions = persistence.getState();
  const commit = () => {
    if (draft !== null && draft.trim() && draft.trim() !== listing.name) void actions.rename(listing.id, draft);
    setDraft(null);
  };

  return (
    <li className={`project-item${isCurrent ? " current" : ""}`} data-testid="project-item" data-id={listing.id} data-current={isCurrent}>
      <button type="button" className="project-open" data-testid="project-open" onClick={() => void actions.open(listing.id)} title={isCurrent ? "Open now" : "Open this project"}>
        {listing.thumbnail ? <img className="project-thumb" src={listing.thumbnail} alt="" data-testid="project-thumb" /> : <span className="project-thumb project-thumb-empty" aria-hidden="true" />}
        {draft === null && (
          <span className="project-text">
            <span className="project-title" data-testid="project-title">{listing.name}</span>
            <span className="project-time">{new Date(listing.updatedAt).toLocaleString()}</span>
          </span>
        )}
      </button>
      {draft !== null ? (
        <input
          className="project-rename-input"
          data-testid="project-rename-input"
          aria-label="Project name"
          autoFocus
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit();
            if (e.key === "Escape") setDraft(null);
          }}
        />
      ) : (
        <span className="project-actions">
          <button type="button" data-testid="project-rename" onClick={() => setDraft(listing.name)} title="Rename">
            Rename
          </button>
          <button type="button" data-testid="project-duplicate" onClick={() => void actions.duplicate(listing.id)} title="Make a copy">
            Copy
          </button>
          <button type="button" data-testid="project-delete" onClick={() => void actions.remove(listing.id)} title="Delete (can be undone)">
            Delete
          </button>
        </span>
      )}
    </li>
  );
}
