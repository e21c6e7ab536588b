// The IDE's state (vanilla zustand stores with no React, wired into one Workbench) and /play's player store.

export { createWorkbench, entryFile, type Workbench, type WorkbenchOptions } from "./workbench";
export { createProjectStore, diffFiles, type ProjectState, type ProjectStore, type FileChanges, type DeletedFile } from "./project";
export { createEditorStore, type EditorState, type EditorStore, type RevealRequest, type MonacoStatus } from "./editor";
export { createConsoleStore, MAX_CONSOLE_ENTRIES, type ConsoleEntry, type ConsoleEntryLevel, type ConsoleState, type ConsoleStore } from "./console";
export { createPreviewStore, type PreviewState, type PreviewStatus, type PreviewStore } from "./preview";
export { createPlayerStore, type PlayerOptions, type PlayerState, type PlayerStatus, type PlayerStore } from "./player";
export { createPersistenceStore, type PersistenceState, type PersistenceStore, type PersistenceOptions, type AgentStateBridge, type SaveStatus, type Banner } from "./persistence";
export { linkAgentToPersistence } from "./persistence-agent";
export { upgradeSavedProject, type SavedProject, type SavedAgentState, type LegacySavedProject, type SavedProjectRecord } from "./saved-project";
export { costCapOf, createSettingsStore, endpointOf, modelPlanOf, switchProvider, usesProvider, OFFLINE_SETTINGS, type ModelSettings, type ProviderAccount, type ProviderChoice, type SettingsState, type SettingsStore, type ConnectionCheck } from "./settings";
export { createPlaytestStore, PlaytestHostMissingError, type PlaytestState, type PlaytestStatus, type PlaytestSource, type PlaytestStore } from "./playtest";
export { createAgentStore, modelLabelOf, OFFLINE_LABEL, SpecEditError, type AgentState, type AgentStore, type ChatItem, type CheckpointEntry, type FileDiff, type ProviderFailure, type RunCounters } from "./agent";
export { readSoundOff, writeSoundOff } from "./sound";
export { liveFrameCap, powerSaverOn, setPowerSaver, POWER_SAVER_FPS } from "./power-saver";
export { browserStorage, readItem, writeItem, STORAGE_KEYS, LEGACY_STORAGE_KEYS } from "./browser-storage";
export { createTerminalLog, TERMINAL_LOG_LIMIT, type TerminalLog } from "./terminal";
