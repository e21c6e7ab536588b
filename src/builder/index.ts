// The offline builder: prompt → GameSpec → complete Phaser 4 project, and the ChatModel that
// drives it through the shared tool protocol. Pure TypeScript: no DOM, no Node built-ins.

export type { GameSpec, Genre, Difficulty, GoalKind, Hazard, Collectible, Palette, ControlKind, GenreDesign, Theme } from "./spec";
export { GENRES, DESIGNS, THEMES, DIFFICULTY_LIVES, defaultSpec, isGameSpec } from "./spec";
export { parsePrompt, type ParseResult } from "./parse";
export { compileSpec, UnknownGenreError } from "./compile";
export { createOfflineBuilder, describeSpec, OFFLINE_BUILDER_ID } from "./model";
export { scaffoldFor, type Scaffold } from "./scaffold";
export { specChecks, projectChecks } from "./checks";
export { builderSpecCompiler } from "./spec-compiler";
