// The storage subsystem's door: projects in IndexedDB, debounced autosave, typed storage errors.

export { ProjectStorage, DEFAULT_DATABASE } from "./projects";
export type { StoredProject, ProjectSummary, ProjectListing, OpenedProject, RunMarker } from "./projects";
export { createAutosaver, type Autosaver, type AutosaveOptions } from "./autosave";
export { StorageError, StorageQuotaError, StorageUnavailableError, StoredProjectNotFoundError, classifyStorageError } from "./errors";
