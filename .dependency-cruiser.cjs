// The import boundaries of src/ (docs/ARCHITECTURE.md, "Layers and the checks"), checked by
// `npm run checks` and `npm test`. A subsystem is a folder with an index.ts, its door.

const { existsSync, readdirSync } = require("node:fs");

const CORES = "^src/(agent|providers|builder|playtest|project)/";
const GAME_CODE = "^src/builder/game/";
/** The runtime's DOM-free door and what it re-exports: the only part of the runtime a core may load. */
const RUNTIME_CONTRACT = "^src/runtime/(contract|sandbox|linker|transpile|harness/protocol|harness/replies)\\.ts$";
const RUNTIME_DOORS = "^src/runtime/(index|contract)\\.ts$";
/** The adapters around the cores: the IDE, its state, storage and the Node side. */
const SHELLS = "^src/(app|state|storage|node)/|^src/main\\.tsx$";
/** Folders with their own index.ts inside a subsystem (src/app/touch, src/runtime/webcontainer, ...). */
const NESTED_SUBSYSTEMS = readdirSync("src", { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => readdirSync(`src/${entry.name}`, { withFileTypes: true }).filter((sub) => sub.isDirectory()).map((sub) => `src/${entry.name}/${sub.name}`))
  .filter((folder) => existsSync(`${folder}/index.ts`));
/** Packages that need a DOM, React or a bundler: never in a core. */
const DOM_PACKAGES = "^node_modules/(react|react-dom|zustand|monaco-editor|idb-keyval|@webcontainer/api|phaser|playwright-core|vite)/";

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "Modules form no import cycles that load code (a cycle through type-only imports loads nothing).",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "core-no-node",
      comment: "The cores run in the browser and under Node alike: no Node built-ins (use what src/platform.d.ts declares).",
      severity: "error",
      from: { path: [CORES, RUNTIME_CONTRACT], pathNot: GAME_CODE },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "core-no-dom-packages",
      comment: "The cores import no React, DOM-only or Node-only packages.",
      severity: "error",
      from: { path: [CORES, RUNTIME_CONTRACT], pathNot: GAME_CODE },
      to: { path: DOM_PACKAGES },
    },
    {
      name: "core-no-shells",
      comment: "The cores import nothing of the IDE, its state, storage or the Node side.",
      severity: "error",
      from: { path: [CORES, RUNTIME_CONTRACT] },
      to: { path: SHELLS },
    },
    {
      name: "core-runtime-contract-only",
      comment: "A core reaches the runtime only through its DOM-free door, src/runtime/contract.ts.",
      severity: "error",
      from: { path: CORES },
      to: { path: "^src/runtime/", pathNot: "^src/runtime/contract\\.ts$" },
    },
    {
      name: "node-no-app",
      comment: "src/node never imports the IDE (src/app, src/state, src/main.tsx).",
      severity: "error",
      from: { path: "^src/node/" },
      to: { path: "^src/(app|state)/|^src/main\\.tsx$" },
    },
    {
      name: "node-runtime-contract-only",
      comment: "src/node has no DOM: it reaches the runtime only through src/runtime/contract.ts.",
      severity: "error",
      from: { path: "^src/node/" },
      to: { path: "^src/runtime/", pathNot: "^src/runtime/contract\\.ts$" },
    },
    {
      name: "bench-no-test-code",
      comment: "bench/ measures the product: it imports src/ and its own helpers, never test code (fixture files it may read as data).",
      severity: "error",
      from: { path: "^bench/" },
      to: { path: "^test/" },
    },
    {
      name: "no-game-code-imports",
      comment: "src/builder/game/ is game code the builder copies into projects as text; nothing imports it.",
      severity: "error",
      from: { pathNot: GAME_CODE },
      to: { path: GAME_CODE },
    },
    {
      name: "through-doors",
      comment: "A subsystem imports another only through its index.ts (the runtime also through contract.ts).",
      severity: "error",
      from: { path: "^src/([^/]+)/" },
      to: {
        path: "^src/[^/]+/",
        pathNot: ["^src/$1/", "^src/[^/]+/index\\.ts$", RUNTIME_DOORS],
      },
    },
    {
      name: "entry-through-doors",
      comment: "src/main.tsx (the IDE's entry) imports subsystems only through their doors.",
      severity: "error",
      from: { path: "^src/main\\.tsx$" },
      to: { path: "^src/", pathNot: ["^src/[^/]+/index\\.ts$", RUNTIME_DOORS] },
    },
    ...NESTED_SUBSYSTEMS.map((folder) => ({
      name: "nested-doors",
      comment: `${folder}/ has its own door: from outside it, import ${folder}/index.ts.`,
      severity: "error",
      from: { pathNot: `^${folder}/` },
      to: { path: `^${folder}/`, pathNot: `^${folder}/index\\.ts$` },
    })),
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    doNotFollow: { path: "node_modules" },
  },
};
